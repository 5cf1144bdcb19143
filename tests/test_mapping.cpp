#include "mapping.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <gtest/gtest.h>

#include <functional>

using namespace pasalista;

namespace {

QJsonObject dreamJson()
{
    QFile file(QStringLiteral(":/mappings/dream.json"));
    EXPECT_TRUE(file.open(QIODevice::ReadOnly));
    return QJsonDocument::fromJson(file.readAll()).object();
}

// Loads the Dream mapping after `edit` changed it, and returns the error message.
QString errorAfter(const std::function<void(QJsonObject &)> &edit)
{
    QJsonObject json = dreamJson();
    edit(json);
    QString error;
    const auto mapping = Mapping::fromJson(QJsonDocument(json).toJson(), &error);
    EXPECT_FALSE(mapping.has_value());
    return error;
}

// Applies `edit` to the config of the mapping entry for `objectName`.
void editObject(QJsonObject &json, const QString &objectName,
                const std::function<void(QJsonObject &)> &edit)
{
    QJsonArray mappings = json[QStringLiteral("mappings")].toArray();
    for (int i = 0; i < mappings.size(); ++i) {
        QJsonObject entry = mappings[i].toObject();
        if (entry[QStringLiteral("object_name")].toString() == objectName) {
            edit(entry);
            mappings[i] = entry;
        }
    }
    json[QStringLiteral("mappings")] = mappings;
}

void editRoles(QJsonObject &json, const std::function<void(QJsonObject &)> &edit)
{
    QJsonObject section = json[QStringLiteral("pasalista")].toObject();
    QJsonObject roles = section[QStringLiteral("roles")].toObject();
    edit(roles);
    section[QStringLiteral("roles")] = roles;
    json[QStringLiteral("pasalista")] = section;
}

// Removes `key` from json[outer][inner], writing the changed copies back.
void removeNested(QJsonObject &json, const QString &outer, const QString &inner, const QString &key)
{
    QJsonObject outerObject = json[outer].toObject();
    QJsonObject innerObject = outerObject[inner].toObject();
    innerObject.remove(key);
    outerObject[inner] = innerObject;
    json[outer] = outerObject;
}

} // namespace

TEST(Mapping, DreamBindsEveryRole)
{
    const Mapping mapping = Mapping::dream();
    EXPECT_EQ(mapping.objects().size(), 6);
    EXPECT_EQ(mapping.objectFor(Role::Course).objectName, QStringLiteral("Class__c"));
    EXPECT_EQ(mapping.table(Role::Attendance), QStringLiteral("attendance__c"));
    EXPECT_EQ(mapping.field(Role::Attendance, QStringLiteral("date")),
              QStringLiteral("Start_Date__c"));
    EXPECT_EQ(mapping.column(Role::Enrollment, QStringLiteral("course")),
              QStringLiteral("class__c"));
    EXPECT_EQ(mapping.objectFor(Role::Student).upsertField, QStringLiteral("Pasalista_Id__c"));
    EXPECT_FALSE(mapping.objectFor(Role::Teacher).writable);
    EXPECT_TRUE(mapping.objectFor(Role::Attendance).writable);
    EXPECT_EQ(mapping.attendanceCodes().size(), 5);
    ASSERT_NE(mapping.attendanceCode(2), nullptr);
    EXPECT_TRUE(mapping.attendanceCode(2)->absent);
    EXPECT_TRUE(mapping.attendanceCode(2)->excused);
    EXPECT_EQ(mapping.attendanceCode(7), nullptr);
    EXPECT_EQ(mapping.binding(Role::Attendance).conflictPolicy, ConflictPolicy::LocalWins);
    EXPECT_EQ(mapping.binding(Role::Student).conflictPolicy, ConflictPolicy::RemoteWins);
}

TEST(Mapping, IdMapsToSfidColumn)
{
    EXPECT_EQ(ObjectMapping::columnFor(QStringLiteral("Id")), QStringLiteral("sfid"));
    EXPECT_EQ(ObjectMapping::columnFor(QStringLiteral("Start_Date__c")),
              QStringLiteral("start_date__c"));
}

TEST(Mapping, RefusesBadJson)
{
    QString error;
    EXPECT_FALSE(Mapping::fromJson("{\"mappings\": [", &error).has_value());
    EXPECT_TRUE(error.contains(QStringLiteral("not valid JSON")));
}

TEST(Mapping, RefusesUnknownRole)
{
    const QString error = errorAfter([](QJsonObject &json) {
        editRoles(json, [](QJsonObject &roles) {
            roles[QStringLiteral("janitor")] =
                QJsonObject{{QStringLiteral("object"), QStringLiteral("Class__c")}};
        });
    });
    EXPECT_TRUE(error.contains(QStringLiteral("janitor"))) << error.toStdString();
}

TEST(Mapping, RefusesFieldBoundButNotMapped)
{
    const QString error = errorAfter([](QJsonObject &json) {
        editObject(json, QStringLiteral("Attendance__c"), [](QJsonObject &entry) {
            removeNested(entry, QStringLiteral("config"), QStringLiteral("fields"),
                         QStringLiteral("Notes__c"));
        });
    });
    EXPECT_TRUE(error.contains(QStringLiteral("Attendance__c"))) << error.toStdString();
    EXPECT_TRUE(error.contains(QStringLiteral("Notes__c"))) << error.toStdString();
}

TEST(Mapping, RefusesRoleBoundToUnmappedObject)
{
    const QString error = errorAfter([](QJsonObject &json) {
        editRoles(json, [](QJsonObject &roles) {
            QJsonObject course = roles[QStringLiteral("course")].toObject();
            course[QStringLiteral("object")] = QStringLiteral("Course__c");
            roles[QStringLiteral("course")] = course;
        });
    });
    EXPECT_TRUE(error.contains(QStringLiteral("Course__c"))) << error.toStdString();
}

TEST(Mapping, RefusesMissingRequiredBinding)
{
    const QString error = errorAfter([](QJsonObject &json) {
        editRoles(json, [](QJsonObject &roles) {
            removeNested(roles, QStringLiteral("attendance"), QStringLiteral("fields"),
                         QStringLiteral("status"));
        });
    });
    EXPECT_TRUE(error.contains(QStringLiteral("status"))) << error.toStdString();
}

TEST(Mapping, RefusesUnboundRole)
{
    const QString error = errorAfter([](QJsonObject &json) {
        editRoles(json, [](QJsonObject &roles) { roles.remove(QStringLiteral("program")); });
    });
    EXPECT_TRUE(error.contains(QStringLiteral("program"))) << error.toStdString();
}

TEST(Mapping, RefusesBadAccessAndInjectedNames)
{
    QString error = errorAfter([](QJsonObject &json) {
        editObject(json, QStringLiteral("Class__c"), [](QJsonObject &entry) {
            QJsonObject config = entry[QStringLiteral("config")].toObject();
            config[QStringLiteral("access")] = QStringLiteral("write_only");
            entry[QStringLiteral("config")] = config;
        });
    });
    EXPECT_TRUE(error.contains(QStringLiteral("Class__c"))) << error.toStdString();

    error = errorAfter([](QJsonObject &json) {
        editObject(json, QStringLiteral("Class__c"), [](QJsonObject &entry) {
            QJsonObject config = entry[QStringLiteral("config")].toObject();
            QJsonObject fields = config[QStringLiteral("fields")].toObject();
            fields[QStringLiteral("x\"; DROP TABLE class__c; --")] = QJsonObject();
            config[QStringLiteral("fields")] = fields;
            entry[QStringLiteral("config")] = config;
        });
    });
    EXPECT_TRUE(error.contains(QStringLiteral("not a valid API name"))) << error.toStdString();
}

TEST(Mapping, RefusesDuplicateAttendanceCode)
{
    const QString error = errorAfter([](QJsonObject &json) {
        QJsonObject section = json[QStringLiteral("pasalista")].toObject();
        QJsonArray codes = section[QStringLiteral("attendance_codes")].toArray();
        codes.append(codes.at(0));
        section[QStringLiteral("attendance_codes")] = codes;
        json[QStringLiteral("pasalista")] = section;
    });
    EXPECT_TRUE(error.contains(QStringLiteral("twice"))) << error.toStdString();
}

// Adds `code` to the mapping's attendance codes.
void appendCode(QJsonObject &json, const QJsonObject &code)
{
    QJsonObject section = json[QStringLiteral("pasalista")].toObject();
    QJsonArray codes = section[QStringLiteral("attendance_codes")].toArray();
    codes.append(code);
    section[QStringLiteral("attendance_codes")] = codes;
    json[QStringLiteral("pasalista")] = section;
}

// Issue 21: each code says how it counts in reports; the Dream codes keep their meaning, and a
// code listed with no meaning (or "none") is counted in no column.
TEST(Mapping, EachCodeSaysHowItCounts)
{
    QJsonObject json = dreamJson();
    appendCode(json, {{QStringLiteral("code"), 5},
                      {QStringLiteral("label"), QStringLiteral("Presente virtual")}});
    appendCode(
        json, {{QStringLiteral("code"), 6}, {QStringLiteral("counts_as"), QStringLiteral("none")}});
    appendCode(json, {{QStringLiteral("code"), 7},
                      {QStringLiteral("counts_as"), QStringLiteral("present")}});
    QString error;
    const auto mapping = Mapping::fromJson(QJsonDocument(json).toJson(), &error);
    ASSERT_TRUE(mapping.has_value()) << error.toStdString();
    for (int code = 0; code <= 4; ++code) {
        EXPECT_TRUE(mapping->attendanceCode(code)->counted) << code;
    }
    EXPECT_TRUE(mapping->attendanceCode(2)->absent);
    EXPECT_TRUE(mapping->attendanceCode(2)->excused);
    EXPECT_TRUE(mapping->attendanceCode(3)->late);
    EXPECT_FALSE(mapping->attendanceCode(0)->absent || mapping->attendanceCode(0)->late);
    EXPECT_FALSE(mapping->attendanceCode(5)->counted) << "no meaning set";
    EXPECT_FALSE(mapping->attendanceCode(6)->counted);
    EXPECT_TRUE(mapping->attendanceCode(7)->counted);
    EXPECT_FALSE(mapping->attendanceCode(7)->absent || mapping->attendanceCode(7)->late);
}

TEST(Mapping, RefusesUnknownCodeMeaning)
{
    const QString error = errorAfter([](QJsonObject &json) {
        appendCode(json, {{QStringLiteral("code"), 5},
                          {QStringLiteral("counts_as"), QStringLiteral("virtual")}});
    });
    EXPECT_TRUE(error.contains(QStringLiteral("counts_as"))) << error.toStdString();
    EXPECT_TRUE(error.contains(QStringLiteral("virtual"))) << error.toStdString();
}

TEST(Mapping, RefusesOutOfRangeScopeDays)
{
    for (const double days : {-2147483648.0, -2.0, 1e300, 36501.0, 12.5}) {
        const QString error = errorAfter([days](QJsonObject &json) {
            QJsonObject section = json[QStringLiteral("pasalista")].toObject();
            QJsonObject scope = section[QStringLiteral("scope")].toObject();
            scope[QStringLiteral("attendance_since_days")] = days;
            section[QStringLiteral("scope")] = scope;
            json[QStringLiteral("pasalista")] = section;
        });
        EXPECT_TRUE(error.contains(QStringLiteral("attendance_since_days"))) << days;
    }
}

TEST(Mapping, RefusesOutOfRangePollingAndApiCap)
{
    const QString polling = errorAfter([](QJsonObject &json) {
        editObject(json, QStringLiteral("Student__c"), [](QJsonObject &entry) {
            QJsonObject config = entry[QStringLiteral("config")].toObject();
            config[QStringLiteral("sf_polling_seconds")] = -5;
            entry[QStringLiteral("config")] = config;
        });
    });
    EXPECT_TRUE(polling.contains(QStringLiteral("sf_polling_seconds"))) << polling.toStdString();
    const QString cap = errorAfter([](QJsonObject &json) {
        editObject(json, QStringLiteral("Student__c"), [](QJsonObject &entry) {
            QJsonObject config = entry[QStringLiteral("config")].toObject();
            config[QStringLiteral("sf_max_daily_api_calls")] = QStringLiteral("lots");
            entry[QStringLiteral("config")] = config;
        });
    });
    EXPECT_TRUE(cap.contains(QStringLiteral("sf_max_daily_api_calls"))) << cap.toStdString();
}

TEST(Mapping, RefusesMissingFile)
{
    QString error;
    EXPECT_FALSE(Mapping::fromFile(QStringLiteral("/nonexistent/mapping.json"), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("/nonexistent/mapping.json")));
}
