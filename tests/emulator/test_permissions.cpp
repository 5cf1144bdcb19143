// Issue 21: per-user permissions. A teacher's profile may hide a field (field-level security:
// absent from her describe, INVALID_FIELD in her SOQL and writes, absent from record reads),
// make it read-only (createable/updateable false, INVALID_FIELD_FOR_INSERT_UPDATE), or keep
// the objects she works with private (she sees her classes and what hangs from them only).
// Each rule's Salesforce page is cited in tests/emulator/README.md ("Per-user permissions").
#include "emulatorprocess.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTimeZone>
#include <QUrlQuery>

#include <gtest/gtest.h>

#include <memory>

using pasalista::test::EmulatorProcess;
using pasalista::test::HttpReply;

namespace {

const QString kMaria = QStringLiteral("maria.rodriguez@dream.demo");
const QString kMariaPassword = QStringLiteral("Maria-2024");

QString queryPath(const QString &soql, const QString &resource = QStringLiteral("query"))
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("q"), soql);
    return resource + u'?' + query.toString(QUrl::FullyEncoded);
}

QString errorCode(const HttpReply &reply)
{
    return reply.array().at(0).toObject().value(QStringLiteral("errorCode")).toString();
}

QString errorMessage(const HttpReply &reply)
{
    return reply.array().at(0).toObject().value(QStringLiteral("message")).toString();
}

QString text(const QJsonValue &record, const char *field)
{
    return record.toObject().value(QLatin1String(field)).toString();
}

// The demo org (two teachers with logins), reset before each test; the tests sign in as
// María, whose profile each test sets through the admin endpoint.
class PermissionsTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_org = std::make_unique<EmulatorProcess>(QStringList{QStringLiteral("--demo")});
    }
    static void TearDownTestSuite() { s_org.reset(); }

    void SetUp() override
    {
        ASSERT_TRUE(s_org->isRunning()) << s_org->startupOutput().toStdString();
        ASSERT_TRUE(s_org->reset());
    }

    EmulatorProcess &org() { return *s_org; }

    HttpReply setPermissions(const QJsonObject &permissions)
    {
        return org().sendJson("PATCH",
                              QStringLiteral("/__emulator/users/%1/permissions").arg(kMaria),
                              QJsonDocument(permissions));
    }

    void signInAsMaria() { ASSERT_FALSE(org().login(kMaria, kMariaPassword).isEmpty()); }

    // María's profile puts the marks' Notes__c in `list` (hiddenFields, readOnlyFields).
    void signInWithMarkNotes(const QString &list)
    {
        const HttpReply set =
            setPermissions({{list, QJsonArray{QStringLiteral("Attendance__c.Notes__c")}}});
        ASSERT_EQ(set.status, 200) << set.body.toStdString();
        signInAsMaria();
    }

    QJsonArray queryRecords(const QString &soql, const QString &resource = QStringLiteral("query"))
    {
        const HttpReply reply = org().api("GET", queryPath(soql, resource));
        EXPECT_EQ(reply.status, 200) << soql.toStdString() << reply.body.toStdString();
        EXPECT_TRUE(reply.object().value(QStringLiteral("done")).toBool());
        return reply.object().value(QStringLiteral("records")).toArray();
    }

    QSet<QString> idsOf(const QJsonArray &records)
    {
        QSet<QString> ids;
        for (const QJsonValue &record : records)
            ids.insert(text(record, "Id"));
        return ids;
    }

    QJsonObject describedField(const QString &object, const QString &field)
    {
        const HttpReply reply =
            org().api("GET", QStringLiteral("sobjects/%1/describe").arg(object));
        EXPECT_EQ(reply.status, 200);
        for (const QJsonValue &described :
             reply.object().value(QStringLiteral("fields")).toArray()) {
            if (text(described, "name") == field)
                return described.toObject();
        }
        return {};
    }

    QString anyAttendanceId()
    {
        const QJsonArray marks = org().records(QStringLiteral("Attendance__c"));
        return marks.isEmpty() ? QString() : text(marks.first(), "Id");
    }

    static inline std::unique_ptr<EmulatorProcess> s_org;
};

TEST_F(PermissionsTest, AdminEndpointSetsReadsAndClearsAUsersPermissions)
{
    const HttpReply set = setPermissions(
        {{QStringLiteral("hiddenFields"), QJsonArray{QStringLiteral("Attendance__c.Notes__c")}},
         {QStringLiteral("privateSharing"), true}});
    ASSERT_EQ(set.status, 200) << set.body.toStdString();
    const QJsonObject read =
        org().get(QStringLiteral("/__emulator/users/%1/permissions").arg(kMaria)).object();
    EXPECT_EQ(read.value(QStringLiteral("hiddenFields")).toArray(),
              QJsonArray{QStringLiteral("attendance__c.notes__c")});
    EXPECT_TRUE(read.value(QStringLiteral("privateSharing")).toBool());
    EXPECT_EQ(setPermissions({{QStringLiteral("readOnlyFields"),
                               QJsonArray{QStringLiteral("Attendance__c.Nope__c")}}})
                  .status,
              400);
    EXPECT_EQ(org()
                  .request("DELETE", QStringLiteral("/__emulator/users/%1/permissions").arg(kMaria))
                  .status,
              204);
    EXPECT_FALSE(org()
                     .get(QStringLiteral("/__emulator/users/%1/permissions").arg(kMaria))
                     .object()
                     .value(QStringLiteral("privateSharing"))
                     .toBool());
}

TEST_F(PermissionsTest, AFieldAUserCannotReadIsAbsentFromHerDescribeQueriesAndRecords)
{
    ASSERT_NO_FATAL_FAILURE(signInWithMarkNotes(QStringLiteral("hiddenFields")));
    EXPECT_TRUE(
        describedField(QStringLiteral("Attendance__c"), QStringLiteral("Notes__c")).isEmpty());
    EXPECT_FALSE(
        describedField(QStringLiteral("Attendance__c"), QStringLiteral("Start_Date__c")).isEmpty());
    for (const QString &soql :
         {QStringLiteral("SELECT Id, Notes__c FROM Attendance__c"),
          QStringLiteral("SELECT Id FROM Attendance__c WHERE Notes__c != null"),
          QStringLiteral("SELECT Id FROM Attendance__c ORDER BY Notes__c"),
          QStringLiteral("SELECT Id FROM ParticipantEnrollment__c WHERE Id IN (SELECT "
                         "Participant_Enrollment__c FROM Attendance__c WHERE Notes__c != null)")}) {
        const HttpReply reply = org().api("GET", queryPath(soql));
        EXPECT_EQ(reply.status, 400) << soql.toStdString();
        EXPECT_EQ(errorCode(reply), QStringLiteral("INVALID_FIELD")) << soql.toStdString();
        EXPECT_TRUE(errorMessage(reply).contains(QStringLiteral("No such column 'Notes__c'")))
            << errorMessage(reply).toStdString();
    }
    const QString id = anyAttendanceId();
    const HttpReply record = org().api("GET", QStringLiteral("sobjects/Attendance__c/") + id);
    ASSERT_EQ(record.status, 200);
    EXPECT_FALSE(record.object().contains(QStringLiteral("Notes__c")));
    EXPECT_TRUE(record.object().contains(QStringLiteral("Start_Date__c")));
    EXPECT_EQ(org()
                  .api("GET", QStringLiteral("sobjects/Attendance__c/%1?fields=Notes__c").arg(id))
                  .status,
              400);
    const HttpReply write =
        org().api("PATCH", QStringLiteral("sobjects/Attendance__c/") + id,
                  QJsonDocument(QJsonObject{{QStringLiteral("Notes__c"), QStringLiteral("x")}}));
    EXPECT_EQ(write.status, 400);
    EXPECT_EQ(errorCode(write), QStringLiteral("INVALID_FIELD"));

    // Office staff's profile is untouched.
    ASSERT_FALSE(org().login().isEmpty());
    EXPECT_EQ(
        org().api("GET", queryPath(QStringLiteral("SELECT Notes__c FROM Attendance__c"))).status,
        200);
    EXPECT_FALSE(
        describedField(QStringLiteral("Attendance__c"), QStringLiteral("Notes__c")).isEmpty());
}

TEST_F(PermissionsTest, AFieldAUserCannotEditIsReadOnlyInHerDescribeAndRefusedInEveryWrite)
{
    ASSERT_NO_FATAL_FAILURE(signInWithMarkNotes(QStringLiteral("readOnlyFields")));
    const QJsonObject notes =
        describedField(QStringLiteral("Attendance__c"), QStringLiteral("Notes__c"));
    ASSERT_FALSE(notes.isEmpty());
    EXPECT_FALSE(notes.value(QStringLiteral("createable")).toBool(true));
    EXPECT_FALSE(notes.value(QStringLiteral("updateable")).toBool(true));
    EXPECT_EQ(
        org().api("GET", queryPath(QStringLiteral("SELECT Notes__c FROM Attendance__c"))).status,
        200);

    const QString id = anyAttendanceId();
    const QJsonObject change{{QStringLiteral("Notes__c"), QStringLiteral("Llegó tarde")}};
    const HttpReply single =
        org().api("PATCH", QStringLiteral("sobjects/Attendance__c/") + id, QJsonDocument(change));
    EXPECT_EQ(single.status, 400);
    EXPECT_EQ(errorCode(single), QStringLiteral("INVALID_FIELD_FOR_INSERT_UPDATE"));

    QJsonObject record = change;
    record.insert(QStringLiteral("attributes"),
                  QJsonObject{{QStringLiteral("type"), QStringLiteral("Attendance__c")}});
    record.insert(QStringLiteral("Id"), id);
    const HttpReply collection =
        org().api("PATCH", QStringLiteral("composite/sobjects"),
                  QJsonDocument(QJsonObject{{QStringLiteral("allOrNone"), false},
                                            {QStringLiteral("records"), QJsonArray{record}}}));
    ASSERT_EQ(collection.status, 200);
    const QJsonArray errors =
        collection.array().at(0).toObject().value(QStringLiteral("errors")).toArray();
    EXPECT_EQ(text(errors.at(0), "statusCode"), QStringLiteral("INVALID_FIELD_FOR_INSERT_UPDATE"));

    const HttpReply upsert = org().api("PATCH", QStringLiteral("sobjects/Attendance__c/Id/") + id,
                                       QJsonDocument(change));
    EXPECT_EQ(upsert.status, 400);
    EXPECT_EQ(errorCode(upsert), QStringLiteral("INVALID_FIELD_FOR_INSERT_UPDATE"));

    const QJsonObject subrequest{
        {QStringLiteral("method"), QStringLiteral("PATCH")},
        {QStringLiteral("url"), org().dataPath(QStringLiteral("sobjects/Attendance__c/") + id)},
        {QStringLiteral("referenceId"), QStringLiteral("mark")},
        {QStringLiteral("body"), change}};
    const HttpReply composite = org().api(
        "POST", QStringLiteral("composite"),
        QJsonDocument(QJsonObject{{QStringLiteral("compositeRequest"), QJsonArray{subrequest}}}));
    ASSERT_EQ(composite.status, 200) << composite.body.toStdString();
    const QJsonObject answer =
        composite.object().value(QStringLiteral("compositeResponse")).toArray().at(0).toObject();
    EXPECT_EQ(answer.value(QStringLiteral("httpStatusCode")).toInt(), 400);
    EXPECT_EQ(text(answer.value(QStringLiteral("body")).toArray().at(0), "errorCode"),
              QStringLiteral("INVALID_FIELD_FOR_INSERT_UPDATE"));

    // The other fields of the mark stay hers to change.
    EXPECT_EQ(org()
                  .api("PATCH", QStringLiteral("sobjects/Attendance__c/") + id,
                       QJsonDocument(QJsonObject{{QStringLiteral("Attendance_Type__c"), 2}}))
                  .status,
              204);
}

// What private sharing leaves María: the classes that name her as a facilitator, their
// enrollments, students and marks (computed here from the admin listing, as the office sees it).
struct Scope
{
    QSet<QString> classes, enrollments, students, marks;
};

Scope mariasScope(const EmulatorProcess &org)
{
    QSet<QString> teachers;
    for (const QJsonValue &teacher : org.records(QStringLiteral("Teacher__c"))) {
        if (text(teacher, "Email__c").compare(kMaria, Qt::CaseInsensitive) == 0)
            teachers.insert(text(teacher, "Id"));
    }
    Scope scope;
    for (const QJsonValue &course : org.records(QStringLiteral("Class__c"))) {
        if (teachers.contains(text(course, "Facilitator_1__c")) ||
            teachers.contains(text(course, "Facilitator_2__c")))
            scope.classes.insert(text(course, "Id"));
    }
    for (const QJsonValue &enrollment : org.records(QStringLiteral("ParticipantEnrollment__c"))) {
        if (scope.classes.contains(text(enrollment, "Class__c"))) {
            scope.enrollments.insert(text(enrollment, "Id"));
            scope.students.insert(text(enrollment, "Student__c"));
        }
    }
    for (const QJsonValue &mark : org.records(QStringLiteral("Attendance__c"))) {
        if (scope.enrollments.contains(text(mark, "Participant_Enrollment__c")) &&
            !mark.toObject().value(QStringLiteral("IsDeleted")).toBool())
            scope.marks.insert(text(mark, "Id"));
    }
    return scope;
}

TEST_F(PermissionsTest, PrivateSharingShowsATeacherOnlyHerClassesAndWhatHangsFromThem)
{
    const Scope scope = mariasScope(org());
    ASSERT_FALSE(scope.classes.isEmpty());
    ASSERT_LT(scope.classes.size(), org().records(QStringLiteral("Class__c")).size());
    ASSERT_EQ(setPermissions({{QStringLiteral("privateSharing"), true}}).status, 200);
    signInAsMaria();

    EXPECT_EQ(idsOf(queryRecords(QStringLiteral("SELECT Id FROM Class__c"))), scope.classes);
    EXPECT_EQ(idsOf(queryRecords(QStringLiteral("SELECT Id FROM ParticipantEnrollment__c"))),
              scope.enrollments);
    EXPECT_EQ(idsOf(queryRecords(QStringLiteral("SELECT Id FROM Student__c"))), scope.students);
    QSet<QString> marks;
    for (const QString &resource : {QStringLiteral("query"), QStringLiteral("queryAll")}) {
        QString path = queryPath(QStringLiteral("SELECT Id FROM Attendance__c"), resource);
        marks.clear();
        while (!path.isEmpty()) {
            const HttpReply page = org().api("GET", path);
            ASSERT_EQ(page.status, 200);
            marks.unite(idsOf(page.object().value(QStringLiteral("records")).toArray()));
            path = page.object().value(QStringLiteral("nextRecordsUrl")).toString();
        }
        EXPECT_EQ(marks, scope.marks) << resource.toStdString();
    }
    // A semi-join reads through her sharing too.
    EXPECT_EQ(idsOf(queryRecords(
                  QStringLiteral("SELECT Id FROM Student__c WHERE Id IN (SELECT Student__c FROM "
                                 "ParticipantEnrollment__c)"))),
              scope.students);

    // The replication resources list only her records (once their minute has passed).
    ASSERT_TRUE(org().advanceClock(120));
    const QJsonObject now = org().clock();
    const QDateTime end =
        QDateTime::fromMSecsSinceEpoch(qint64(now.value(QStringLiteral("nowMs")).toDouble()),
                                       QTimeZone::utc())
            .addSecs(120);
    const QString window =
        QStringLiteral("?start=%1&end=%2")
            .arg(end.addDays(-29).toString(Qt::ISODate), end.toString(Qt::ISODate));
    const HttpReply updated =
        org().api("GET", QStringLiteral("sobjects/Class__c/updated/") + window);
    ASSERT_EQ(updated.status, 200) << updated.body.toStdString();
    QSet<QString> updatedIds;
    for (const QJsonValue &id : updated.object().value(QStringLiteral("ids")).toArray())
        updatedIds.insert(id.toString());
    EXPECT_EQ(updatedIds, scope.classes) << updated.body.toStdString();

    // Another teacher's class: invisible to reads, refused to writes.
    QString foreignClass;
    for (const QJsonValue &course : org().records(QStringLiteral("Class__c"))) {
        if (!scope.classes.contains(text(course, "Id")))
            foreignClass = text(course, "Id");
    }
    EXPECT_EQ(org().api("GET", QStringLiteral("sobjects/Class__c/") + foreignClass).status, 404);
    const HttpReply write =
        org().api("PATCH", QStringLiteral("sobjects/Class__c/") + foreignClass,
                  QJsonDocument(QJsonObject{{QStringLiteral("Notes__c"), QStringLiteral("x")}}));
    EXPECT_EQ(write.status, 400);
    EXPECT_EQ(errorCode(write), QStringLiteral("INSUFFICIENT_ACCESS_OR_READONLY"));
    for (const QJsonValue &course : org().records(QStringLiteral("Class__c"))) {
        if (text(course, "Id") == foreignClass) {
            EXPECT_NE(text(course, "Notes__c"), QStringLiteral("x"));
        }
    }
}

TEST_F(PermissionsTest, PrivateSharingRefusesAMarkOnAnotherTeachersEnrollment)
{
    const Scope scope = mariasScope(org());
    QString foreignEnrollment;
    QString ownEnrollment = *scope.enrollments.begin();
    for (const QJsonValue &enrollment : org().records(QStringLiteral("ParticipantEnrollment__c"))) {
        if (!scope.enrollments.contains(text(enrollment, "Id")))
            foreignEnrollment = text(enrollment, "Id");
    }
    ASSERT_FALSE(foreignEnrollment.isEmpty());
    ASSERT_EQ(setPermissions({{QStringLiteral("privateSharing"), true}}).status, 200);
    signInAsMaria();
    const auto mark = [](const QString &enrollment) {
        return QJsonDocument(
            QJsonObject{{QStringLiteral("Participant_Enrollment__c"), enrollment},
                        {QStringLiteral("Start_Date__c"), QStringLiteral("2026-01-05")},
                        {QStringLiteral("Attendance_Type__c"), 1}});
    };
    const HttpReply refused =
        org().api("POST", QStringLiteral("sobjects/Attendance__c"), mark(foreignEnrollment));
    EXPECT_EQ(refused.status, 400);
    EXPECT_EQ(errorCode(refused), QStringLiteral("INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY"));
    const HttpReply created =
        org().api("POST", QStringLiteral("sobjects/Attendance__c"), mark(ownEnrollment));
    ASSERT_EQ(created.status, 201) << created.body.toStdString();
    EXPECT_EQ(org()
                  .api("GET", QStringLiteral("sobjects/Attendance__c/") +
                                  created.object().value(QStringLiteral("id")).toString())
                  .status,
              200);
}

TEST_F(PermissionsTest, WithoutAProfileChangeATeacherSeesWhatTheOfficeSees)
{
    signInAsMaria();
    EXPECT_EQ(queryRecords(QStringLiteral("SELECT Id FROM Class__c")).size(),
              org().records(QStringLiteral("Class__c")).size());
    EXPECT_FALSE(
        describedField(QStringLiteral("Attendance__c"), QStringLiteral("Notes__c")).isEmpty());
}

} // namespace
