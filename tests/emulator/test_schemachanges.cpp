// The org's schema changed by an admin at run time: picklist values added and deactivated,
// a text field shortened, a field made required, an automation added (validation rules added
// at run time: test_rest.cpp).
#include "emulatorfixture.h"

using namespace pasalista::emulator::testing;

namespace {

class SchemaChangesTest : public EmulatorFixture
{
protected:
    int changeField(const QString &object, const QString &field, const QJsonObject &change)
    {
        return org()
            .sendJson("PATCH", QStringLiteral("/__emulator/schema/%1/%2").arg(object, field),
                      QJsonDocument(change))
            .status;
    }

    QJsonObject describedField(const QString &object, const QString &field)
    {
        const HttpReply reply =
            org().api("GET", QStringLiteral("sobjects/%1/describe").arg(object));
        for (const QJsonValue &entry : reply.object().value(QStringLiteral("fields")).toArray()) {
            if (entry.toObject().value(QStringLiteral("name")).toString() == field)
                return entry.toObject();
        }
        return {};
    }

    // The describe's Last-Modified before a change, on a clock moved past it.
    QByteArray describeStampBeforeChange(const QString &object)
    {
        const QByteArray modified =
            org()
                .api("GET", QStringLiteral("sobjects/%1/describe").arg(object))
                .header("Last-Modified");
        EXPECT_TRUE(org().advanceClock(5));
        return modified;
    }

    int describeStatusSince(const QString &object, const QByteArray &modified)
    {
        return org()
            .api("GET", QStringLiteral("sobjects/%1/describe").arg(object), {},
                 {{"If-Modified-Since", modified}})
            .status;
    }

    HttpReply createStudent(const QJsonObject &extra)
    {
        QJsonObject fields = student(QStringLiteral("Peña"));
        for (auto it = extra.begin(); it != extra.end(); ++it)
            fields.insert(it.key(), it.value());
        return org().api("POST", QStringLiteral("sobjects/Student__c"), QJsonDocument(fields));
    }

    HttpReply updateRecord(const QString &object, const QString &id, const QJsonObject &fields)
    {
        return org().api("PATCH", QStringLiteral("sobjects/%1/%2").arg(object, id),
                         QJsonDocument(fields));
    }

    QJsonObject record(const QString &object, const QString &id)
    {
        return org().api("GET", QStringLiteral("sobjects/%1/%2").arg(object, id)).object();
    }

    static QJsonObject picklistEntry(const QJsonObject &field, const QString &value)
    {
        for (const QJsonValue &entry : field.value(QStringLiteral("picklistValues")).toArray()) {
            if (entry.toObject().value(QStringLiteral("value")).toString() == value)
                return entry.toObject();
        }
        return {};
    }
};

TEST_F(SchemaChangesTest, PicklistValueAddedIsTakenAndDeactivatedOneRefusedOnRestrictedPicklist)
{
    const QString field = QStringLiteral("Idioma_Principal__c");
    const HttpReply creole = createStudent({{field, QStringLiteral("Creole")}});
    ASSERT_EQ(creole.status, 201);
    const QString creoleId = creole.object().value(QStringLiteral("id")).toString();
    const QByteArray modified = describeStampBeforeChange(QStringLiteral("Student__c"));

    ASSERT_EQ(
        changeField(
            QStringLiteral("Student__c"), field,
            {{QStringLiteral("addPicklistValues"), QJsonArray{QStringLiteral("French")}},
             {QStringLiteral("deactivatePicklistValues"), QJsonArray{QStringLiteral("Creole")}}}),
        204);
    EXPECT_EQ(describeStatusSince(QStringLiteral("Student__c"), modified), 200);
    const QJsonObject described = describedField(QStringLiteral("Student__c"), field);
    EXPECT_TRUE(picklistEntry(described, QStringLiteral("French"))
                    .value(QStringLiteral("active"))
                    .toBool());
    const QJsonObject inactive = picklistEntry(described, QStringLiteral("Creole"));
    ASSERT_FALSE(inactive.isEmpty()) << "a deactivated value stays listed, inactive";
    EXPECT_FALSE(inactive.value(QStringLiteral("active")).toBool(true));

    EXPECT_EQ(createStudent({{field, QStringLiteral("French")}}).status, 201);
    const HttpReply refused = createStudent({{field, QStringLiteral("Creole")}});
    EXPECT_EQ(refused.status, 400);
    EXPECT_EQ(errorCode(refused), QStringLiteral("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST"));
    // The record that holds the value keeps it, and saves that leave it alone still pass.
    EXPECT_EQ(record(QStringLiteral("Student__c"), creoleId).value(field).toString(),
              QStringLiteral("Creole"));
    EXPECT_EQ(updateRecord(QStringLiteral("Student__c"), creoleId,
                           {{QStringLiteral("Nickname__c"), QStringLiteral("Yoka")}})
                  .status,
              204);
    EXPECT_EQ(errorCode(updateRecord(QStringLiteral("Student__c"), creoleId,
                                     {{field, QStringLiteral("Creole")}})),
              QStringLiteral("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST"));
    EXPECT_EQ(changeField(QStringLiteral("Student__c"), QStringLiteral("Nationality__c"),
                          {{QStringLiteral("addPicklistValues"), QJsonArray{QStringLiteral("x")}}}),
              400)
        << "picklist values only on a picklist";

    ASSERT_TRUE(org().reset());
    ASSERT_FALSE(org().login().isEmpty());
    EXPECT_TRUE(
        picklistEntry(describedField(QStringLiteral("Student__c"), field), QStringLiteral("Creole"))
            .value(QStringLiteral("active"))
            .toBool());
}

TEST_F(SchemaChangesTest, ShortenedTextFieldRefusesLongerWritesAndKeepsWhatItHolds)
{
    const QString field = QStringLiteral("Nationality__c");
    const QString longValue = QStringLiteral("Dominicana de nacimiento");
    const HttpReply created = createStudent({{field, longValue}});
    ASSERT_EQ(created.status, 201);
    const QString id = created.object().value(QStringLiteral("id")).toString();
    const QByteArray modified = describeStampBeforeChange(QStringLiteral("Student__c"));

    ASSERT_EQ(changeField(QStringLiteral("Student__c"), field, {{QStringLiteral("length"), 10}}),
              204);
    EXPECT_EQ(describeStatusSince(QStringLiteral("Student__c"), modified), 200);
    EXPECT_EQ(describedField(QStringLiteral("Student__c"), field).value(QStringLiteral("length")),
              10);
    const HttpReply tooLong =
        updateRecord(QStringLiteral("Student__c"), id, {{field, QStringLiteral("Dominicana!")}});
    EXPECT_EQ(tooLong.status, 400);
    EXPECT_EQ(errorCode(tooLong), QStringLiteral("STRING_TOO_LONG"));
    EXPECT_EQ(createStudent({{field, QStringLiteral("Haitiana")}}).status, 201);
    EXPECT_EQ(record(QStringLiteral("Student__c"), id).value(field).toString(), longValue);
    EXPECT_EQ(updateRecord(QStringLiteral("Student__c"), id,
                           {{QStringLiteral("Nickname__c"), QStringLiteral("Yoka")}})
                  .status,
              204)
        << "a save that leaves the field alone passes";
    EXPECT_EQ(changeField(QStringLiteral("Student__c"), QStringLiteral("Date_of_Birth__c"),
                          {{QStringLiteral("length"), 10}}),
              400)
        << "only text fields have a length";
}

TEST_F(SchemaChangesTest, FieldMadeRequiredRefusesEverySaveWithoutIt)
{
    const HttpReply created = createStudent({});
    ASSERT_EQ(created.status, 201);
    const QString id = created.object().value(QStringLiteral("id")).toString();
    const QByteArray modified = describeStampBeforeChange(QStringLiteral("Student__c"));

    ASSERT_EQ(changeField(QStringLiteral("Student__c"), QStringLiteral("Nickname__c"),
                          {{QStringLiteral("required"), true}}),
              204);
    EXPECT_EQ(describeStatusSince(QStringLiteral("Student__c"), modified), 200);
    EXPECT_FALSE(describedField(QStringLiteral("Student__c"), QStringLiteral("Nickname__c"))
                     .value(QStringLiteral("nillable"))
                     .toBool(true));
    const HttpReply missing = createStudent({});
    EXPECT_EQ(missing.status, 400);
    EXPECT_EQ(errorCode(missing), QStringLiteral("REQUIRED_FIELD_MISSING"));
    EXPECT_EQ(errorCode(updateRecord(
                  QStringLiteral("Student__c"), id,
                  {{QStringLiteral("Phone_Number_2__c"), QStringLiteral("809-555-0199")}})),
              QStringLiteral("REQUIRED_FIELD_MISSING"))
        << "the record saved is checked whole";
    EXPECT_EQ(createStudent({{QStringLiteral("Nickname__c"), QStringLiteral("Yoka")}}).status, 201);
}

TEST_F(SchemaChangesTest, AutomationRewritesFieldsWithinTheSaveAndItsStamps)
{
    const QString studentId =
        org().adminCreate(QStringLiteral("Student__c"), student(QStringLiteral("Peña")));
    const QString classId = org().adminCreate(
        QStringLiteral("Class__c"), {{QStringLiteral("Title__c"), QStringLiteral("Matemática")}});
    const QString enrollmentId = org().adminCreate(
        QStringLiteral("ParticipantEnrollment__c"),
        {{QStringLiteral("Class__c"), classId}, {QStringLiteral("Student__c"), studentId}});
    ASSERT_FALSE(enrollmentId.isEmpty());
    const auto addAutomation = [&](const QJsonObject &automation) {
        return org()
            .sendJson("POST", QStringLiteral("/__emulator/automations"), QJsonDocument(automation))
            .status;
    };
    ASSERT_EQ(
        addAutomation({{QStringLiteral("object"), QStringLiteral("Attendance__c")},
                       {QStringLiteral("name"), QStringLiteral("Student_Name")},
                       {QStringLiteral("field"), QStringLiteral("Student_Name__c")},
                       {QStringLiteral("source"),
                        QStringLiteral("Participant_Enrollment__r.Student__r.Last_Name__c")}}),
        204);
    ASSERT_EQ(addAutomation({{QStringLiteral("object"), QStringLiteral("Attendance__c")},
                             {QStringLiteral("name"), QStringLiteral("Upper_Notes")},
                             {QStringLiteral("field"), QStringLiteral("Notes__c")},
                             {QStringLiteral("source"), QStringLiteral("Notes__c")},
                             {QStringLiteral("upperCase"), true}}),
              204);
    EXPECT_EQ(addAutomation({{QStringLiteral("object"), QStringLiteral("Attendance__c")},
                             {QStringLiteral("name"), QStringLiteral("Broken")},
                             {QStringLiteral("field"), QStringLiteral("Notes__c")},
                             {QStringLiteral("source"), QStringLiteral("Nope__c")}}),
              400);

    const HttpReply created = org().api(
        "POST", QStringLiteral("sobjects/Attendance__c"),
        QJsonDocument(QJsonObject{{QStringLiteral("Participant_Enrollment__c"), enrollmentId},
                                  {QStringLiteral("Start_Date__c"), QStringLiteral("2026-03-02")},
                                  {QStringLiteral("Attendance_Type__c"), 1},
                                  {QStringLiteral("Notes__c"), QStringLiteral("llegó tarde")}}));
    ASSERT_EQ(created.status, 201);
    const QString id = created.object().value(QStringLiteral("id")).toString();
    const QJsonObject saved = record(QStringLiteral("Attendance__c"), id);
    EXPECT_EQ(saved.value(QStringLiteral("Notes__c")).toString(), QStringLiteral("LLEGÓ TARDE"));
    EXPECT_EQ(saved.value(QStringLiteral("Student_Name__c")).toString(), QStringLiteral("Peña"));

    ASSERT_TRUE(org().advanceClock(5));
    ASSERT_EQ(updateRecord(QStringLiteral("Attendance__c"), id,
                           {{QStringLiteral("Notes__c"), QStringLiteral("se fue temprano")}})
                  .status,
              204);
    const QJsonObject updated = record(QStringLiteral("Attendance__c"), id);
    EXPECT_EQ(updated.value(QStringLiteral("Notes__c")).toString(),
              QStringLiteral("SE FUE TEMPRANO"));
    EXPECT_NE(updated.value(QStringLiteral("SystemModstamp")),
              saved.value(QStringLiteral("SystemModstamp")));
    EXPECT_EQ(updated.value(QStringLiteral("SystemModstamp")),
              updated.value(QStringLiteral("LastModifiedDate")))
        << "the rewrite is part of the save: one stamp";

    ASSERT_EQ(
        org()
            .request("DELETE", QStringLiteral("/__emulator/automations/Attendance__c/Upper_Notes"))
            .status,
        204);
    ASSERT_EQ(updateRecord(QStringLiteral("Attendance__c"), id,
                           {{QStringLiteral("Notes__c"), QStringLiteral("sin cambios")}})
                  .status,
              204);
    EXPECT_EQ(
        record(QStringLiteral("Attendance__c"), id).value(QStringLiteral("Notes__c")).toString(),
        QStringLiteral("sin cambios"));
}

} // namespace
