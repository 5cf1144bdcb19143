// The org's schema changes under a laptop (issue 21): a value the org can no longer store is
// never dropped in silence, and what an org automation rewrites reaches the laptop. Whole
// syncs against the emulator, org and laptop compared record by record.
#include "laptop.h"
#include "orgscope.h"
#include "store/outbox.h"
#include "sync/syncengine.h"
#include "sync/syncissues.h"

#include <QJsonArray>
#include <QJsonObject>
#include <gtest/gtest.h>

using namespace pasalista;
using namespace pasalista::test;

namespace {

class SchemaChangeSync : public SyncedLaptopTest
{
protected:
    // Marks the course's first student on `day` with a note; the local mark.
    AttendanceMark markWithNote(const QDate &day, const QString &note)
    {
        const Student student = repository.roster(course.id).first();
        EXPECT_TRUE(repository.markAttendance(course.id, student.id, day, 1, note, true).ok());
        return repository.attendanceOn(course.id, day).value(student.id);
    }

    QJsonObject orgMark(const QString &sfid)
    {
        return byId(org, QStringLiteral("Attendance__c")).value(sfid);
    }

    // The Sync issues entry of one mark, if any.
    std::optional<SyncIssue> issueOf(qint64 markId)
    {
        for (const SyncIssue &issue : SyncIssues(laptop.store()).list()) {
            if (issue.role == Role::Attendance && issue.recordId == markId)
                return issue;
        }
        return std::nullopt;
    }

    // Sync issues that name a field the org does not let this teacher read or write.
    QList<SyncIssue> fieldIssues()
    {
        QList<SyncIssue> found;
        for (const SyncIssue &issue : SyncIssues(laptop.store()).list()) {
            if (issue.kind == SyncIssue::Kind::FieldAccess)
                found.append(issue);
        }
        return found;
    }

    QString localNote(qint64 markId)
    {
        return laptop.store()
            .row(Role::Attendance, markId)
            ->value(QStringLiteral("notes__c"))
            .toString();
    }
};

// Issue 21, point 3, first bullet: the admin removes Notes__c. A note typed on the laptop is
// neither dropped nor shown as synced, the field is named in Sync issues, and the sync never
// says "Everything is in sync". The rest of each mark reaches the org (the roll is not held
// back by a note): the note waits on the laptop as a change of its own, as it does for a
// field the teacher's profile hides (test_permissionsync), since the describe cannot tell a
// removed field from a hidden one.
TEST_F(SchemaChangeSync, NotesOnAFieldTheAdminRemovedStayPendingAndAreShown)
{
    const QDate day = QDate::currentDate().addDays(-1);
    const AttendanceMark before = markWithNote(day, QStringLiteral("Necesita lentes"));
    ASSERT_EQ(
        org.request("DELETE", QStringLiteral("/__emulator/schema/Attendance__c/Notes__c")).status,
        204);

    // The first cycle meets the removed field (its queries fail), the next reads the describes.
    laptop.sync();
    const SyncReport report = laptop.sync();
    EXPECT_NE(report.result, SyncReport::Result::Clean) << "never \"Everything is in sync\"";
    EXPECT_EQ(localNote(before.id), QStringLiteral("Necesita lentes")) << "the note is kept";
    const auto named = fieldIssues();
    ASSERT_EQ(named.size(), 1) << "the field is named once in Sync issues";
    EXPECT_TRUE(named.first().message.contains(QStringLiteral("Notes")))
        << named.first().message.toStdString();

    // A note typed now is not accepted in silence either.
    const AttendanceMark later = markWithNote(day.addDays(-1), QStringLiteral("Llegó con su mamá"));
    const SyncReport again = laptop.sync();
    EXPECT_NE(again.result, SyncReport::Result::Clean);
    EXPECT_EQ(fieldIssues().size(), 1) << "named once, not on every sync";
    EXPECT_EQ(localNote(later.id), QStringLiteral("Llegó con su mamá"));
    EXPECT_GT(Outbox(laptop.store()).unsentCount(), 0) << "the notes wait on the laptop";

    // Each mark reached the org without its note; the notes are still here, unsent.
    for (const AttendanceMark &mark : {before, later}) {
        const auto row = laptop.store().row(Role::Attendance, mark.id);
        const QString sfid = row->value(QStringLiteral("sfid")).toString();
        ASSERT_FALSE(sfid.isEmpty()) << "the mark itself goes out";
        const QJsonObject sent = orgMark(sfid);
        EXPECT_EQ(sent.value(QStringLiteral("Attendance_Type__c")).toDouble(), mark.status);
        EXPECT_FALSE(sent.contains(QStringLiteral("Notes__c")));
        EXPECT_NE(row->value(QStringLiteral("_hc_lastop")).toString(), QStringLiteral("SYNCED"));
    }
    // Org and laptop record by record, but for the column the org no longer has.
    const QString notes = laptop.store().mapping().table(Role::Attendance) + u'.' +
                          ObjectMapping::columnFor(QStringLiteral("Notes__c"));
    expectStoreHoldsExactlyTheScope(org, laptop.store(), {notes});
}

// An org automation rewrites the note (upper case) and the student's name on every save of a
// mark: after the teacher's push, the laptop holds the org's values.
TEST_F(SchemaChangeSync, AnAutomationsRewriteReachesTheLaptop)
{
    for (const QJsonObject &automation :
         {QJsonObject{{QStringLiteral("object"), QStringLiteral("Attendance__c")},
                      {QStringLiteral("name"), QStringLiteral("Upper_Notes")},
                      {QStringLiteral("field"), QStringLiteral("Notes__c")},
                      {QStringLiteral("source"), QStringLiteral("Notes__c")},
                      {QStringLiteral("upperCase"), true}},
          QJsonObject{{QStringLiteral("object"), QStringLiteral("Attendance__c")},
                      {QStringLiteral("name"), QStringLiteral("Student_Name")},
                      {QStringLiteral("field"), QStringLiteral("Student_Name__c")},
                      {QStringLiteral("source"),
                       QStringLiteral("Participant_Enrollment__r.Student__r.Last_Name__c")}}}) {
        ASSERT_EQ(org.sendJson("POST", QStringLiteral("/__emulator/automations"),
                               QJsonDocument(automation))
                      .status,
                  204);
    }
    const QDate day = QDate::currentDate().addDays(-1);
    const AttendanceMark mark = markWithNote(day, QStringLiteral("llegó tarde"));

    const SyncReport pushed = laptop.sync();
    ASSERT_EQ(pushed.result, SyncReport::Result::Clean) << pushed.message.toStdString();
    const QString sfid =
        laptop.store().row(Role::Attendance, mark.id)->value(QStringLiteral("sfid")).toString();
    ASSERT_FALSE(sfid.isEmpty());
    EXPECT_EQ(orgMark(sfid).value(QStringLiteral("Notes__c")).toString(),
              QStringLiteral("LLEGÓ TARDE"));
    // "Everything is in sync" was said: it must be true.
    EXPECT_EQ(localNote(mark.id), QStringLiteral("LLEGÓ TARDE"));
    expectStoreHoldsExactlyTheScope(org, laptop.store());

    const SyncReport next = laptop.sync();
    EXPECT_EQ(next.result, SyncReport::Result::Clean);
    EXPECT_EQ(next.writeRequests, 0) << "the org's rewrite is not sent back";
    EXPECT_EQ(laptop.store().pendingChangeCount(), 0);
    expectStoreHoldsExactlyTheScope(org, laptop.store());
}

// The admin deactivates a language and shortens the nationality. A teacher's edit that uses
// either is refused by the org: it stays on the laptop, is shown in Sync issues with what
// the org takes now (not what the laptop's day-old describe said), and the sync is not clean.
TEST_F(SchemaChangeSync, ValuesTheOrgNoLongerTakesStayPendingWithTheOrgsNewRules)
{
    ASSERT_EQ(org.sendJson("PATCH",
                           QStringLiteral("/__emulator/schema/Student__c/Idioma_Principal__c"),
                           QJsonDocument(QJsonObject{{QStringLiteral("deactivatePicklistValues"),
                                                      QJsonArray{QStringLiteral("Creole")}}}))
                  .status,
              204);
    ASSERT_EQ(org.sendJson("PATCH", QStringLiteral("/__emulator/schema/Student__c/Nationality__c"),
                           QJsonDocument(QJsonObject{{QStringLiteral("length"), 10}}))
                  .status,
              204);
    const QList<Student> roster = repository.roster(course.id);
    ASSERT_GE(roster.size(), 2);
    Student creole = roster.at(0);
    creole.language = creole.language == QStringLiteral("Creole") ? QStringLiteral("Spanish")
                                                                  : QStringLiteral("Creole");
    const bool toCreole = creole.language == QStringLiteral("Creole");
    Student foreign = roster.at(1);
    foreign.nationality = QStringLiteral("Dominico-haitiana");
    ASSERT_TRUE(repository.updateStudent(creole).ok());
    ASSERT_TRUE(repository.updateStudent(foreign).ok());

    const SyncReport report = laptop.sync();
    EXPECT_NE(report.result, SyncReport::Result::Clean);
    SyncIssues issues(laptop.store());
    const auto expectRefused = [&](const Student &student, const QString &field) {
        const auto row = laptop.store().row(Role::Student, student.id);
        EXPECT_EQ(row->value(QStringLiteral("_hc_lastop")).toString(), QStringLiteral("FAILED"));
        std::optional<SyncIssue> found;
        for (const SyncIssue &issue : issues.list()) {
            if (issue.role == Role::Student && issue.recordId == student.id) {
                found = issue;
            }
        }
        ASSERT_TRUE(found.has_value()) << student.lastName.toStdString();
        const auto refused = issues.refusedValue(*found);
        ASSERT_TRUE(refused.has_value()) << found->message.toStdString();
        EXPECT_EQ(refused->field, field);
        if (field == QStringLiteral("Nationality__c")) {
            EXPECT_EQ(refused->maxLength, 10);
        } else {
            EXPECT_FALSE(refused->allowedValues.isEmpty());
            EXPECT_FALSE(refused->allowedValues.contains(QStringLiteral("Creole")))
                << "what to do follows the org's rules of now";
        }
    };
    if (toCreole) {
        expectRefused(creole, QStringLiteral("Idioma_Principal__c"));
    }
    expectRefused(foreign, QStringLiteral("Nationality__c"));
    const QHash<QString, QJsonObject> orgStudents = byId(org, QStringLiteral("Student__c"));
    EXPECT_NE(orgStudents.value(foreign.sfid).value(QStringLiteral("Nationality__c")).toString(),
              foreign.nationality);

    // Corrected in Sync issues as the org now asks, the records go and all is in sync.
    for (const SyncIssue &issue : issues.list()) {
        const auto refused = issues.refusedValue(issue);
        if (!refused)
            continue;
        const QString fixed = refused->allowedValues.isEmpty()
                                  ? refused->value.left(refused->maxLength)
                                  : refused->allowedValues.constFirst();
        EXPECT_TRUE(issues.correct(issue, refused->column, fixed))
            << issues.errorString().toStdString();
    }
    const SyncReport corrected = laptop.sync();
    EXPECT_EQ(corrected.result, SyncReport::Result::Clean) << corrected.message.toStdString();
    expectStoreHoldsExactlyTheScope(org, laptop.store());
}

} // namespace
