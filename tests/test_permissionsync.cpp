// Issue 21: a teacher whose profile is narrower than the office's. A mapped field she cannot
// read (field-level security) is left out of her queries, named once in Sync issues, and
// what she types in it stays on the laptop, pending, never "in sync"; with private sharing
// she syncs exactly the records the org shows her. Org and laptop are compared record by
// record (tests/orgscope.h).
#include "laptop.h"
#include "orgscope.h"
#include "store/metastore.h"
#include "store/outbox.h"
#include "sync/puller.h"
#include "sync/syncissues.h"

#include <QJsonDocument>

#include <gtest/gtest.h>

using namespace pasalista;
using namespace pasalista::test;

namespace {

class PermissionSync : public OrgTest
{
protected:
    void restrictTeacher(const QJsonObject &permissions)
    {
        const HttpReply reply =
            org.sendJson("PATCH", QStringLiteral("/__emulator/users/%1/permissions").arg(kTeacher),
                         QJsonDocument(permissions));
        ASSERT_EQ(reply.status, 200) << reply.body.toStdString();
    }

    // The issues that name a field rather than a record.
    static QList<SyncIssue> fieldIssues(LocalStore &store)
    {
        QList<SyncIssue> found;
        for (const SyncIssue &issue : SyncIssues(store).list()) {
            if (issue.kind == SyncIssue::Kind::FieldAccess) {
                found.append(issue);
            }
        }
        return found;
    }

    // The org's mark of one enrollment on one date.
    QJsonObject orgMark(const QString &enrollmentSfid, const QDate &date)
    {
        for (const QJsonValue &mark : liveRecords(org, QStringLiteral("Attendance__c"))) {
            const QJsonObject record = mark.toObject();
            if (text(record, QStringLiteral("Participant_Enrollment__c")) == enrollmentSfid &&
                text(record, QStringLiteral("Start_Date__c")) == date.toString(Qt::ISODate)) {
                return record;
            }
        }
        return {};
    }
};

TEST_F(PermissionSync, AHiddenNotesFieldIsNamedOnceAndATypedNoteStaysPendingNeverInSync)
{
    ASSERT_NO_FATAL_FAILURE(restrictTeacher(
        {{QStringLiteral("hiddenFields"), QJsonArray{QStringLiteral("Attendance__c.Notes__c")}}}));
    Laptop laptop(org, QStringLiteral("a"));
    const SyncReport first = laptop.sync();
    ASSERT_NE(first.result, SyncReport::Result::Error) << first.message.toStdString();
    const QString attendanceNotes = laptop.store().mapping().table(Role::Attendance) + u'.' +
                                    ObjectMapping::columnFor(QStringLiteral("Notes__c"));
    expectStoreHoldsExactlyTheScope(org, laptop.store(), {attendanceNotes});
    ASSERT_EQ(fieldIssues(laptop.store()).size(), 1);

    // She marks a student late and writes a note the org will not take from her.
    const Course course = firstActiveCourse(laptop.repository());
    ASSERT_FALSE(course.sfid.isEmpty());
    const QList<Student> roster = laptop.repository().roster(course.id);
    ASSERT_FALSE(roster.isEmpty());
    const QDate today = QDate::currentDate();
    const DomainError marked = laptop.repository().markAttendance(
        course.id, roster.first().id, today, 2, QStringLiteral("Llegó con su mamá"));
    ASSERT_EQ(marked.code, DomainError::Code::None) << marked.message.toStdString();

    for (int round = 0; round < 2; ++round) {
        const SyncReport report = laptop.sync();
        EXPECT_NE(report.result, SyncReport::Result::Clean)
            << "round " << round << ": a note that is not in the org is not \"in sync\"";
        EXPECT_NE(report.result, SyncReport::Result::Error) << report.message.toStdString();
        const QList<SyncIssue> issues = fieldIssues(laptop.store());
        ASSERT_EQ(issues.size(), 1) << "round " << round;
        EXPECT_TRUE(issues.first().message.contains(QStringLiteral("Notes")))
            << issues.first().message.toStdString();
        EXPECT_TRUE(issues.first().message.contains(QStringLiteral("Attendance")))
            << issues.first().message.toStdString();
        EXPECT_GT(Outbox(laptop.store()).unsentCount(), 0) << "round " << round;
    }
    // The rest of the mark reached the org (and came back with its stamps); the note waits.
    expectStoreHoldsExactlyTheScope(org, laptop.store(), {attendanceNotes});
    const auto marks = laptop.repository().attendanceOn(course.id, today);
    ASSERT_TRUE(marks.contains(roster.first().id));
    EXPECT_EQ(marks.value(roster.first().id).notes, QStringLiteral("Llegó con su mamá"));
    QString enrollmentSfid;
    for (const QJsonObject &enrollment : byId(org, QStringLiteral("ParticipantEnrollment__c"))) {
        if (text(enrollment, QStringLiteral("Class__c")) == course.sfid &&
            text(enrollment, QStringLiteral("Student__c")) == roster.first().sfid) {
            enrollmentSfid = text(enrollment, QStringLiteral("Id"));
        }
    }
    const QJsonObject sent = orgMark(enrollmentSfid, today);
    ASSERT_FALSE(sent.isEmpty()) << "the mark itself goes out";
    EXPECT_EQ(sent.value(QStringLiteral("Attendance_Type__c")).toDouble(), 2);
    EXPECT_TRUE(text(sent, QStringLiteral("Notes__c")).isEmpty());

    // A day later the admin has given her the field back: the kept note reaches the org.
    ASSERT_EQ(
        org.request("DELETE", QStringLiteral("/__emulator/users/%1/permissions").arg(kTeacher))
            .status,
        204);
    ASSERT_TRUE(MetaStore(laptop.store())
                    .setValue(QLatin1String(SyncEngine::kDescribeCheckedKey), QString()));
    const SyncReport restored = laptop.sync();
    EXPECT_EQ(restored.result, SyncReport::Result::Clean) << restored.message.toStdString();
    EXPECT_EQ(text(orgMark(enrollmentSfid, today), QStringLiteral("Notes__c")),
              QStringLiteral("Llegó con su mamá"));
    EXPECT_TRUE(fieldIssues(laptop.store()).isEmpty());
    EXPECT_EQ(Outbox(laptop.store()).unsentCount(), 0);
    ASSERT_EQ(laptop.sync().result, SyncReport::Result::Clean);
    expectStoreHoldsExactlyTheScope(org, laptop.store());
}

TEST_F(PermissionSync, AReadOnlyNotesFieldKeepsTheNoteHereWithoutRefusingTheMark)
{
    ASSERT_NO_FATAL_FAILURE(
        restrictTeacher({{QStringLiteral("readOnlyFields"),
                          QJsonArray{QStringLiteral("Attendance__c.Notes__c")}}}));
    Laptop laptop(org, QStringLiteral("a"));
    ASSERT_EQ(laptop.sync().result, SyncReport::Result::Clean) << "nothing typed yet";
    const Course course = firstActiveCourse(laptop.repository());
    const QList<Student> roster = laptop.repository().roster(course.id);
    ASSERT_FALSE(roster.isEmpty());
    const DomainError marked = laptop.repository().markAttendance(
        course.id, roster.first().id, QDate::currentDate(), 1, QStringLiteral("Fiebre"));
    ASSERT_EQ(marked.code, DomainError::Code::None) << marked.message.toStdString();

    const SyncReport report = laptop.sync();
    EXPECT_EQ(report.result, SyncReport::Result::Issues) << report.message.toStdString();
    EXPECT_EQ(report.failed, 0) << "the mark is not refused for its note";
    const QList<SyncIssue> issues = fieldIssues(laptop.store());
    ASSERT_EQ(issues.size(), 1);
    EXPECT_TRUE(issues.first().message.contains(QStringLiteral("change")))
        << issues.first().message.toStdString();
    ASSERT_NE(laptop.sync().result, SyncReport::Result::Clean);
    // Every mark, the new one too, is in the org as on the laptop; the note waits here.
    expectStoreHoldsExactlyTheScope(org, laptop.store(),
                                    {laptop.store().mapping().table(Role::Attendance) + u'.' +
                                     ObjectMapping::columnFor(QStringLiteral("Notes__c"))});
}

TEST_F(PermissionSync, ATeacherWithPrivateSharingSyncsExactlyWhatTheOrgShowsHer)
{
    ASSERT_NO_FATAL_FAILURE(restrictTeacher({{QStringLiteral("privateSharing"), true}}));
    Laptop laptop(org, QStringLiteral("a"));
    const SyncReport first = laptop.sync();
    EXPECT_EQ(first.result, SyncReport::Result::Clean) << first.message.toStdString();
    expectStoreHoldsExactlyTheScope(org, laptop.store());

    // The office hands one of her classes to another teacher: it leaves what the org shows
    // her (with its enrollments, students and marks), and so it leaves the laptop.
    const OrgScope scope = scopeOf(org, laptop.store().mapping());
    ASSERT_GE(scope.records.value(Role::Course).size(), 2);
    const QString handedOver = scope.records.value(Role::Course).begin().key();
    ASSERT_TRUE(
        org.adminUpdate(QStringLiteral("Class__c"), handedOver,
                        {{QStringLiteral("Facilitator_1__c"), teacherId(org, kOtherTeacher)},
                         {QStringLiteral("Facilitator_2__c"), QJsonValue::Null}}));
    ASSERT_TRUE(org.advanceClock(61));
    // The laptop asks for its courses by Id once a day (Puller::forgetCoursesNoLongerShown):
    // the last time was a day ago.
    ASSERT_TRUE(MetaStore(laptop.store())
                    .setValue(QLatin1String(Puller::kCoursesShownKey),
                              QDateTime::currentDateTimeUtc().addDays(-1).addSecs(-60).toString(
                                  Qt::ISODate)));
    const SyncReport second = laptop.sync();
    EXPECT_EQ(second.result, SyncReport::Result::Clean) << second.message.toStdString();
    expectStoreHoldsExactlyTheScope(org, laptop.store());
}

} // namespace
