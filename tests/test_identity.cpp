// Issue 22: a mark keeps meaning the right student on the right day while the office corrects
// the org. The office moves marks to other days, edits marks the teacher edits offline, and
// merges students; after each sync the org and the laptop are compared record by record, and
// neither holds two live marks for one (enrollment, date).
#include "laptop.h"
#include "orgscope.h"
#include "sync/syncissues.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <gtest/gtest.h>

using namespace pasalista;
using namespace pasalista::test;

namespace {

// Days inside the attendance scope but older than the demo's marks: only the test marks them.
const QDate kClassDay = QDate::currentDate().addDays(-200);
const QDate kDayBefore = kClassDay.addDays(-1);

// The org's names the tests read and write.
const QString kAttendance = QStringLiteral("Attendance__c");
const QString kDate = QStringLiteral("Start_Date__c");
const QString kStatus = QStringLiteral("Attendance_Type__c");
const QString kNotes = QStringLiteral("Notes__c");

// The laptop's store and the org's scope, record by record, after one more sync that must
// find nothing to send (the laptop learns its own pushes' values on that pull).
void expectLaptopMatchesOrg(Laptop &laptop, const EmulatorProcess &org)
{
    const SyncReport again = laptop.sync();
    EXPECT_EQ(again.writeRequests, 0) << "nothing left to send";
    EXPECT_EQ(laptop.store().pendingChangeCount(), 0);
    expectStoreHoldsExactlyTheScope(org, laptop.store());
    expectOneMarkPerSlot(org, laptop.store());
}

QJsonObject orgRecord(const EmulatorProcess &org, const QString &object, const QString &id)
{
    return byId(org, object).value(id);
}

// The org's live marks of one enrollment on the test's two days, by date.
QHash<QString, QJsonObject> orgMarksOf(const EmulatorProcess &org, const QString &enrollmentSfid)
{
    const QStringList days{kClassDay.toString(Qt::ISODate), kDayBefore.toString(Qt::ISODate)};
    QHash<QString, QJsonObject> marks;
    for (const QJsonObject &mark : byId(org, kAttendance)) {
        if (text(mark, QStringLiteral("Participant_Enrollment__c")) == enrollmentSfid &&
            days.contains(text(mark, kDate))) {
            marks.insert(text(mark, kDate), mark);
        }
    }
    return marks;
}

// A student the office adds in the org (the teacher's laptop has never seen it).
QString officeCreatesStudent(const EmulatorProcess &org, const QString &first, const QString &last)
{
    return org.adminCreate(QStringLiteral("Student__c"),
                           {{QStringLiteral("First_Name__c"), first},
                            {QStringLiteral("Last_Name__c"), last},
                            {QStringLiteral("Date_of_Birth__c"), QStringLiteral("2012-05-01")},
                            {QStringLiteral("Phone_Number_1__c"), QStringLiteral("809-555-0123")}});
}

class MarkIdentity : public SyncedLaptopTest
{
protected:
    void SetUp() override
    {
        ASSERT_NO_FATAL_FAILURE(SyncedLaptopTest::SetUp());
        ASSERT_NE(course.id, 0);
        student = repository.roster(course.id).first();
        enrollmentSfid = repository.enrollment(course.id, student.id)->sfid;
        ASSERT_FALSE(enrollmentSfid.isEmpty());
    }

    // The teacher's mark of `student` on `day`, synced: its org Id.
    QString syncedMark(const QDate &day, int status, const QString &notes = {})
    {
        EXPECT_TRUE(
            repository.markAttendance(course.id, student.id, day, status, notes, true).ok());
        EXPECT_EQ(laptop.sync().result, SyncReport::Result::Clean);
        return markOn(day).sfid;
    }

    AttendanceMark markOn(const QDate &day)
    {
        return repository.attendanceOn(course.id, day).value(student.id);
    }

    bool officeMoves(const QString &sfid, const QDate &to)
    {
        return org.adminUpdate(kAttendance, sfid, {{kDate, to.toString(Qt::ISODate)}});
    }

    // The one conflict shows both versions of the status; the teacher takes the office's,
    // and the next sync is clean.
    void takeTheOfficesStatus(int teachers, int offices)
    {
        SyncIssues issues(laptop.store());
        const QList<SyncIssue> listed = issues.list();
        ASSERT_EQ(listed.size(), 1);
        EXPECT_EQ(listed.first().localValue, QString::number(teachers));
        EXPECT_EQ(listed.first().remoteValue, QString::number(offices));
        ASSERT_TRUE(issues.useLosingValue(listed.first().conflictId));
        ASSERT_EQ(laptop.sync().result, SyncReport::Result::Clean);
    }

    Student student;
    QString enrollmentSfid;
};

using MarkIdentityTwoLaptops = TwoSyncedLaptopsTest;

} // namespace

TEST_F(MarkIdentity, OfficeMovesADateThenTheTeacherMarksTheFreedDay)
{
    const QString moved = syncedMark(kClassDay, 0);
    ASSERT_TRUE(officeMoves(moved, kDayBefore));
    ASSERT_EQ(laptop.sync().result, SyncReport::Result::Clean);
    EXPECT_EQ(markOn(kDayBefore).sfid, moved) << "the laptop's copy moved with the org's";
    EXPECT_EQ(markOn(kClassDay).id, 0) << "the day it left is free";

    const DomainError marked =
        repository.markAttendance(course.id, student.id, kClassDay, 1, {}, true);
    ASSERT_TRUE(marked.ok()) << marked.message.toStdString();
    EXPECT_NE(markOn(kClassDay).key, markOn(kDayBefore).key);
    const SyncReport report = laptop.sync();
    ASSERT_EQ(report.result, SyncReport::Result::Clean) << report.message.toStdString();

    const QHash<QString, QJsonObject> marks = orgMarksOf(org, enrollmentSfid);
    ASSERT_EQ(marks.size(), 2);
    EXPECT_EQ(text(marks.value(kDayBefore.toString(Qt::ISODate)), QStringLiteral("Id")), moved);
    EXPECT_EQ(marks.value(kDayBefore.toString(Qt::ISODate)).value(kStatus).toInt(), 0);
    EXPECT_EQ(marks.value(kClassDay.toString(Qt::ISODate)).value(kStatus).toInt(), 1);
    expectLaptopMatchesOrg(laptop, org);
}

TEST_F(MarkIdentityTwoLaptops, TwoLaptopsMarkingAFreedDayConvergeOnOneRecord)
{
    Repository &one = first.repository();
    const Course course = firstActiveCourse(one);
    const Student student = one.roster(course.id).first();
    ASSERT_TRUE(one.markAttendance(course.id, student.id, kClassDay, 0, {}, true).ok());
    ASSERT_EQ(first.sync().result, SyncReport::Result::Clean);
    const QString moved = one.attendanceOn(course.id, kClassDay).value(student.id).sfid;
    ASSERT_TRUE(org.adminUpdate(kAttendance, moved, {{kDate, kDayBefore.toString(Qt::ISODate)}}));
    ASSERT_EQ(first.sync().result, SyncReport::Result::Clean);
    ASSERT_EQ(second.sync().result, SyncReport::Result::Clean);

    // Both laptops, offline, mark the freed day: the same key, hence one record.
    Repository &two = second.repository();
    const qint64 otherCourse = *two.findCourse(course.sfid, nullptr);
    const qint64 otherStudent = *two.findStudent(student.sfid, nullptr);
    ASSERT_TRUE(one.markAttendance(course.id, student.id, kClassDay, 3, {}, true).ok());
    ASSERT_TRUE(two.markAttendance(otherCourse, otherStudent, kClassDay, 3, {}, true).ok());
    EXPECT_EQ(one.attendanceOn(course.id, kClassDay).value(student.id).key,
              two.attendanceOn(otherCourse, kClassDay).value(otherStudent).key);
    ASSERT_EQ(first.sync().result, SyncReport::Result::Clean);
    ASSERT_EQ(second.sync().result, SyncReport::Result::Clean);
    expectLaptopMatchesOrg(first, org);
    expectLaptopMatchesOrg(second, org);
}

TEST_F(MarkIdentity, OfficeMovesAMarkOntoADayMarkedOffline)
{
    const QString moved = syncedMark(kClassDay, 1); // an absence
    // Offline, the teacher marks the student present the day before; the office moves the
    // absence onto that day.
    ASSERT_TRUE(repository.markAttendance(course.id, student.id, kDayBefore, 0, {}, true).ok());
    ASSERT_TRUE(officeMoves(moved, kDayBefore));

    const SyncReport report = laptop.sync();
    EXPECT_EQ(report.result, SyncReport::Result::Issues) << "a conflict to show";
    EXPECT_EQ(report.conflicts, 1);
    const AttendanceMark kept = markOn(kDayBefore);
    EXPECT_EQ(kept.sfid, moved) << "one mark for the day: the org's record";
    EXPECT_EQ(kept.status, 0) << "the teacher's mark wins, as for any mark";
    const QHash<QString, QJsonObject> marks = orgMarksOf(org, enrollmentSfid);
    ASSERT_EQ(marks.size(), 1) << "never two marks for one student and day";
    EXPECT_EQ(marks.value(kDayBefore.toString(Qt::ISODate)).value(kStatus).toInt(), 0);
    expectLaptopMatchesOrg(laptop, org);

    // Both versions are shown; the teacher may take the office's instead.
    ASSERT_NO_FATAL_FAILURE(takeTheOfficesStatus(0, 1));
    EXPECT_EQ(orgRecord(org, kAttendance, moved).value(kStatus).toInt(), 1);
    expectLaptopMatchesOrg(laptop, org);
}

TEST_F(MarkIdentity, OfficeMovesAMarkOntoADayWhileTheTeachersMarkForItIsSent)
{
    const QString moved = syncedMark(kDayBefore, 1); // an absence
    // Offline, the teacher marks the student present on the class day. The office moves the
    // absence onto that day after the sync has pulled and before it pushes: the push creates
    // the teacher's mark beside the moved one.
    ASSERT_TRUE(repository.markAttendance(course.id, student.id, kClassDay, 0, {}, true).ok());
    bool officeMoved = false;
    const SyncReport report = laptop.syncCalling([&](const QString &phase) {
        if (phase == QLatin1String("Sending changes") && !officeMoved) {
            officeMoved = officeMoves(moved, kClassDay);
        }
    });
    ASSERT_TRUE(officeMoved);
    // That sync cannot know of a move made after its pull: its push reads back only what it
    // wrote, by key, in the same Composite call (issue 26). The next sync's pull finds the two
    // org marks for one slot, folds them, shows both versions and deletes the other record in
    // the org in its own push.
    EXPECT_NE(report.result, SyncReport::Result::Error);
    const SyncReport repair = laptop.sync();
    EXPECT_EQ(repair.result, SyncReport::Result::Issues) << "a conflict to show";
    EXPECT_EQ(repair.conflicts, 1);
    const qint64 enrollment = repository.enrollment(course.id, student.id)->id;
    EXPECT_EQ(laptop.count(QStringLiteral("SELECT COUNT(*) FROM attendance__c WHERE isdeleted = 0"
                                          " AND _ref_participant_enrollment__c = %1"
                                          " AND start_date__c = '%2'")
                               .arg(enrollment)
                               .arg(kClassDay.toString(Qt::ISODate))),
              1)
        << "one mark for the student and day on the laptop";
    EXPECT_EQ(markOn(kClassDay).status, 0) << "the teacher's mark wins, as for any mark";
    QHash<QString, QJsonObject> marks = orgMarksOf(org, enrollmentSfid);
    ASSERT_EQ(marks.size(), 1) << "never two marks for one student and day after the repair";
    EXPECT_EQ(marks.value(kClassDay.toString(Qt::ISODate)).value(kStatus).toInt(), 0);
    expectLaptopMatchesOrg(laptop, org);
    EXPECT_EQ(laptop.sync().result, SyncReport::Result::Issues)
        << "the conflict waits for the teacher";
    expectLaptopMatchesOrg(laptop, org);

    // Both versions are shown; the teacher may take the office's instead.
    ASSERT_NO_FATAL_FAILURE(takeTheOfficesStatus(0, 1));
    marks = orgMarksOf(org, enrollmentSfid);
    ASSERT_EQ(marks.size(), 1);
    EXPECT_EQ(marks.value(kClassDay.toString(Qt::ISODate)).value(kStatus).toInt(), 1);
    expectLaptopMatchesOrg(laptop, org);
}

TEST_F(MarkIdentity, TeachersEditOfAMarkTheOfficeMovesIsAConflict)
{
    const QString moved = syncedMark(kClassDay, 0);
    ASSERT_TRUE(repository.markAttendance(course.id, student.id, kClassDay, 2, {}, true).ok());
    ASSERT_TRUE(officeMoves(moved, kDayBefore));

    const SyncReport report = laptop.sync();
    EXPECT_EQ(report.result, SyncReport::Result::Issues);
    EXPECT_EQ(report.conflicts, 1) << "the teacher sees the mark moved under the edit";
    const AttendanceMark mark = markOn(kDayBefore);
    EXPECT_EQ(mark.sfid, moved) << "the mark follows the office's correction";
    EXPECT_EQ(mark.status, 2) << "with the teacher's status";
    EXPECT_EQ(markOn(kClassDay).id, 0);
    const QList<SyncIssue> listed = SyncIssues(laptop.store()).list();
    ASSERT_EQ(listed.size(), 1);
    EXPECT_EQ(listed.first().localValue, kClassDay.toString(Qt::ISODate));
    EXPECT_EQ(listed.first().remoteValue, kDayBefore.toString(Qt::ISODate));
    expectLaptopMatchesOrg(laptop, org);
}

TEST_F(MarkIdentity, BothEditTheSameMarkAndTheTeacherChoosesAWholeVersion)
{
    const QString mark = syncedMark(kClassDay, 0);
    // The teacher: an unexcused absence, no note. The office: excused, "cita médica".
    ASSERT_TRUE(repository.markAttendance(course.id, student.id, kClassDay, 1, {}, true).ok());
    ASSERT_TRUE(org.adminUpdate(kAttendance, mark,
                                {{kStatus, 2}, {kNotes, QStringLiteral("cita médica")}}));

    const SyncReport report = laptop.sync();
    EXPECT_EQ(report.result, SyncReport::Result::Issues);
    const AttendanceMark teachers = markOn(kClassDay);
    EXPECT_EQ(teachers.status, 1);
    EXPECT_EQ(teachers.notes, QString())
        << "no mix: the office's note is not on the teacher's mark";
    const QJsonObject sent = orgRecord(org, kAttendance, mark);
    EXPECT_EQ(sent.value(kStatus).toInt(), 1);
    EXPECT_TRUE(sent.value(kNotes).isNull()) << "the teacher's whole version reached the org";
    expectLaptopMatchesOrg(laptop, org);

    // Taking the office's version takes its status and its note.
    SyncIssues issues(laptop.store());
    const QList<SyncIssue> listed = issues.list();
    ASSERT_EQ(listed.size(), 2) << "status and note, both versions shown";
    ASSERT_TRUE(issues.useLosingValue(listed.first().conflictId));
    EXPECT_TRUE(issues.list().isEmpty()) << "one choice settles the whole mark";
    const AttendanceMark offices = markOn(kClassDay);
    EXPECT_EQ(offices.status, 2);
    EXPECT_EQ(offices.notes, QStringLiteral("cita médica"));
    ASSERT_EQ(laptop.sync().result, SyncReport::Result::Clean);
    EXPECT_EQ(orgRecord(org, kAttendance, mark).value(kStatus).toInt(), 2);
    expectLaptopMatchesOrg(laptop, org);
}

TEST_F(MarkIdentity, OfficeMergeOfAStudentWithAPendingMark)
{
    // The office finds the student twice and keeps the other record.
    const QString master =
        officeCreatesStudent(org, QStringLiteral("Ana"), QStringLiteral("Merged"));
    ASSERT_FALSE(master.isEmpty());
    ASSERT_TRUE(repository.markAttendance(course.id, student.id, kClassDay, 4, {}, true).ok());
    const HttpReply merged = org.sendJson(
        "POST", QStringLiteral("/__emulator/merge/Student__c"),
        QJsonDocument(QJsonObject{{QStringLiteral("masterRecord"), master},
                                  {QStringLiteral("recordToMergeIds"), QJsonArray{student.sfid}}}));
    ASSERT_EQ(merged.status, 200);

    const SyncReport report = laptop.sync();
    ASSERT_EQ(report.result, SyncReport::Result::Clean) << report.message.toStdString();
    const QJsonObject mark = orgMarksOf(org, enrollmentSfid).value(kClassDay.toString(Qt::ISODate));
    EXPECT_EQ(text(mark, QStringLiteral("Student_Id__c")), master)
        << "the student as the org has it when the mark is sent";
    EXPECT_EQ(text(mark, QStringLiteral("Student_Name__c")), QStringLiteral("Ana Merged"));
    expectLaptopMatchesOrg(laptop, org);
}

TEST_F(MarkIdentity, OfficeGivesAnEnrollmentToAnotherStudentThenTheTeacherEnrollsTheFirstAgain)
{
    // A student the teacher added, enrolled in two of the teacher's courses (so the student
    // stays on the laptop when the office takes one enrollment away).
    qint64 added = 0;
    ASSERT_TRUE(repository.createStudent(newStudent(), &added).ok());
    const QList<Course> courses = repository.courses();
    const auto otherCourse =
        std::find_if(courses.cbegin(), courses.cend(),
                     [this](const Course &c) { return c.id != course.id && !c.sfid.isEmpty(); });
    ASSERT_NE(otherCourse, courses.cend());
    ASSERT_TRUE(repository.enroll(course.id, added).ok());
    ASSERT_TRUE(repository.enroll(otherCourse->id, added).ok());
    ASSERT_EQ(laptop.sync().result, SyncReport::Result::Clean);
    const QString given = repository.enrollment(course.id, added)->sfid;

    const QString other =
        officeCreatesStudent(org, QStringLiteral("Yaneris"), QStringLiteral("Otra"));
    ASSERT_TRUE(org.adminUpdate(QStringLiteral("ParticipantEnrollment__c"), given,
                                {{QStringLiteral("Student__c"), other}}));
    ASSERT_EQ(laptop.sync().result, SyncReport::Result::Clean);
    EXPECT_FALSE(repository.enrollment(course.id, added).has_value());

    const DomainError enrolled = repository.enroll(course.id, added);
    ASSERT_TRUE(enrolled.ok()) << enrolled.message.toStdString();
    ASSERT_EQ(laptop.sync().result, SyncReport::Result::Clean);
    const QJsonObject kept = orgRecord(org, QStringLiteral("ParticipantEnrollment__c"), given);
    EXPECT_EQ(text(kept, QStringLiteral("Student__c")), other) << "the office's correction stays";
    const auto again = repository.enrollment(course.id, added);
    ASSERT_TRUE(again.has_value());
    EXPECT_NE(again->sfid, given) << "a record of its own";
    expectLaptopMatchesOrg(laptop, org);
}

TEST_F(MarkIdentity, OfficeGivesAnEnrollmentWithAnUnsentMarkToAnotherStudent)
{
    // Offline, the teacher marks the student absent. The office finds the enrollment was
    // made for the wrong student and gives it to the right one.
    ASSERT_TRUE(repository.markAttendance(course.id, student.id, kClassDay, 1, {}, true).ok());
    const QString other =
        officeCreatesStudent(org, QStringLiteral("Yaneris"), QStringLiteral("Otra"));
    ASSERT_TRUE(org.adminUpdate(QStringLiteral("ParticipantEnrollment__c"), enrollmentSfid,
                                {{QStringLiteral("Student__c"), other}}));

    const SyncReport report = laptop.sync();
    EXPECT_EQ(report.result, SyncReport::Result::Issues) << "the enrollment moved under a mark";
    EXPECT_EQ(report.conflicts, 1);
    // The mark follows its enrollment as the org has it, as a moved mark follows the org,
    // and names the student the org names now.
    const QJsonObject mark = orgMarksOf(org, enrollmentSfid).value(kClassDay.toString(Qt::ISODate));
    EXPECT_EQ(mark.value(kStatus).toInt(), 1);
    EXPECT_EQ(text(mark, QStringLiteral("Student_Id__c")), other);
    expectLaptopMatchesOrg(laptop, org);

    // Both versions are shown: the student the teacher marked, the one the office named.
    // Taking the teacher's gives the enrollment back to her student, in the org too.
    SyncIssues issues(laptop.store());
    const QList<SyncIssue> listed = issues.list();
    ASSERT_EQ(listed.size(), 1);
    EXPECT_EQ(listed.first().localValue, student.sfid);
    EXPECT_EQ(listed.first().remoteValue, other);
    ASSERT_TRUE(issues.useLosingValue(listed.first().conflictId));
    ASSERT_EQ(laptop.sync().result, SyncReport::Result::Clean);
    const QJsonObject enrollment =
        orgRecord(org, QStringLiteral("ParticipantEnrollment__c"), enrollmentSfid);
    EXPECT_EQ(text(enrollment, QStringLiteral("Student__c")), student.sfid);
    expectLaptopMatchesOrg(laptop, org);
}
