// Whole sync runs against the Salesforce org emulator as a real process, with a real
// SQLite store and real HTTP: the ownCloud client's "fake server" approach, but with the
// emulator in place of an in-process fake.
#include "laptop.h"
#include "orgscope.h"
#include "reports.h"
#include "sync/syncengine.h"
#include "sync/syncissues.h"
#include "wholeorgmapping.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace pasalista;
using namespace pasalista::test;

using SyncTest = OrgTest;
using SyncWithTwoLaptops = TwoSyncedLaptopsTest;
using SyncAfterFirstSync = SyncedLaptopTest;

TEST_F(SyncTest, FirstSyncPullsTheTeachersScope)
{
    Laptop laptop(org, QStringLiteral("a"));
    const SyncReport report = laptop.sync();
    ASSERT_EQ(report.result, SyncReport::Result::Clean) << report.message.toStdString();
    const QList<Course> courses = laptop.repository().courses();
    ASSERT_FALSE(courses.isEmpty());
    EXPECT_LT(courses.size(), liveRecords(org, QStringLiteral("Class__c")).size())
        << "only the teacher's courses";
    EXPECT_GT(laptop.count(QStringLiteral("SELECT COUNT(*) FROM student__c")), 10);
    EXPECT_GT(laptop.count(QStringLiteral("SELECT COUNT(*) FROM attendance__c")), 100);
    EXPECT_EQ(
        laptop.count(QStringLiteral(
            "SELECT COUNT(*) FROM attendance__c WHERE _ref_participant_enrollment__c IS NULL")),
        0)
        << "every mark is linked to its enrollment";
    EXPECT_EQ(laptop.store().pendingChangeCount(), 0);

    const SyncReport again = laptop.sync();
    EXPECT_EQ(again.result, SyncReport::Result::Clean);
    EXPECT_EQ(again.writeRequests, 0);
}

TEST_F(SyncAfterFirstSync, OfflineEditsArePushedOnceInFewCalls)
{
    ASSERT_NE(course.id, 0);

    Student student;
    student.firstName = QStringLiteral("Yokasta");
    student.lastName = QStringLiteral("Almonte");
    student.dateOfBirth = QDate(2013, 2, 14);
    student.phone1 = QStringLiteral("809-555-0199");
    student.sex = QStringLiteral("Female");
    qint64 studentId = 0;
    ASSERT_TRUE(repository.createStudent(student, &studentId).ok());
    ASSERT_TRUE(repository.enroll(course.id, studentId).ok());
    const QDate day = QDate::currentDate();
    ASSERT_TRUE(repository.markAllPresent(course.id, day, true).ok());
    ASSERT_TRUE(
        repository
            .markAttendance(course.id, studentId, day, 1, QStringLiteral("Llegó enferma"), true)
            .ok());

    const SyncReport report = laptop.sync();
    ASSERT_EQ(report.result, SyncReport::Result::Clean) << report.message.toStdString();
    EXPECT_LE(report.writeRequests, 3) << "student, enrollment, attendance: one call each";
    EXPECT_EQ(laptop.store().pendingChangeCount(), 0);

    int found = 0;
    for (const QJsonValue &value : liveRecords(org, QStringLiteral("Student__c"))) {
        found += value.toObject().value(QStringLiteral("Last_Name__c")).toString() ==
                 QStringLiteral("Almonte");
    }
    EXPECT_EQ(found, 1);
    const auto row = laptop.store().row(Role::Student, studentId);
    EXPECT_EQ(row->value(QStringLiteral("sfid")).toString().size(), 18);

    // A second sync finds nothing left to send and makes no twin.
    EXPECT_EQ(laptop.sync().writeRequests, 0);
}

TEST_F(SyncAfterFirstSync, OfficeEditsArePulledAndMergedFieldByField)
{
    const QList<Student> roster = repository.roster(course.id);
    ASSERT_GE(roster.size(), 2);
    Student edited = roster[0];

    // The teacher changes the nickname and the phone; the office changes the phone and
    // the address.
    edited.nickname = QStringLiteral("Profe-nick");
    edited.phone1 = QStringLiteral("809-555-1111");
    ASSERT_TRUE(repository.updateStudent(edited).ok());
    ASSERT_TRUE(org.adminUpdate(
        QStringLiteral("Student__c"), edited.sfid,
        {{QStringLiteral("Phone_Number_1__c"), QStringLiteral("829-555-2222")},
         {QStringLiteral("Direccion__c"), QStringLiteral("Calle Duarte 7, Santiago")}}));

    const SyncReport report = laptop.sync();
    EXPECT_EQ(report.result, SyncReport::Result::Issues) << "one conflict to show";
    EXPECT_EQ(report.conflicts, 1);

    const Student merged = *repository.student(edited.id);
    EXPECT_EQ(merged.nickname, QStringLiteral("Profe-nick")) << "only the teacher changed it";
    EXPECT_EQ(merged.address, QStringLiteral("Calle Duarte 7, Santiago"))
        << "only the office changed it";
    EXPECT_EQ(merged.phone1, QStringLiteral("829-555-2222")) << "office edits to student data win";

    for (const QJsonValue &value : org.records(QStringLiteral("Student__c"))) {
        const QJsonObject record = value.toObject();
        if (record.value(QStringLiteral("Id")).toString() == edited.sfid) {
            EXPECT_EQ(record.value(QStringLiteral("Nickname__c")).toString(),
                      QStringLiteral("Profe-nick"));
            EXPECT_EQ(record.value(QStringLiteral("Phone_Number_1__c")).toString(),
                      QStringLiteral("829-555-2222"));
        }
    }
    QSqlQuery conflict(laptop.store().database());
    ASSERT_TRUE(conflict.exec(
        QStringLiteral("SELECT field, local_value, remote_value, kept FROM _conflict_log")));
    ASSERT_TRUE(conflict.next());
    EXPECT_EQ(conflict.value(0).toString(), QStringLiteral("phone_number_1__c"));
    EXPECT_EQ(conflict.value(1).toString(), QStringLiteral("809-555-1111"))
        << "the losing value is kept";
    EXPECT_EQ(conflict.value(3).toString(), QStringLiteral("remote"));
}

TEST_F(SyncAfterFirstSync, TeachersAttendanceMarkWinsOverOfficeEdit)
{
    const QList<AttendanceMark> marks = repository.attendanceOfCourse(course.id);
    ASSERT_FALSE(marks.isEmpty());
    const AttendanceMark mark = marks.first();
    const int teacherStatus = mark.status == 2 ? 4 : 2;
    ASSERT_TRUE(
        repository.markAttendance(course.id, mark.studentId, mark.date, teacherStatus, {}, true)
            .ok());
    ASSERT_TRUE(org.adminUpdate(QStringLiteral("Attendance__c"), mark.sfid,
                                {{QStringLiteral("Attendance_Type__c"), 3}}));

    const SyncReport report = laptop.sync();
    EXPECT_EQ(report.conflicts, 1);
    for (const QJsonValue &value : org.records(QStringLiteral("Attendance__c"))) {
        const QJsonObject record = value.toObject();
        if (record.value(QStringLiteral("Id")).toString() == mark.sfid) {
            EXPECT_EQ(record.value(QStringLiteral("Attendance_Type__c")).toInt(), teacherStatus);
        }
    }
}

TEST_F(SyncAfterFirstSync, RemoteDeleteOfALocallyEditedRecordIsAConflict)
{
    Student edited = repository.roster(course.id).first();
    edited.notes = QStringLiteral("Necesita lentes");
    ASSERT_TRUE(repository.updateStudent(edited).ok());
    ASSERT_TRUE(org.adminDelete(QStringLiteral("Student__c"), edited.sfid));

    const SyncReport report = laptop.sync();
    EXPECT_EQ(report.result, SyncReport::Result::Issues);
    EXPECT_GE(report.conflicts, 1);
    const auto row = laptop.store().row(Role::Student, edited.id);
    EXPECT_EQ(row->value(QStringLiteral("notes__c")).toString(), QStringLiteral("Necesita lentes"))
        << "the teacher's edit is not lost";
    EXPECT_EQ(row->value(QStringLiteral("_hc_lastop")).toString(), QStringLiteral("FAILED"));
    int live = 0;
    for (const QJsonValue &value : liveRecords(org, QStringLiteral("Student__c"))) {
        live += value.toObject().value(QStringLiteral("Id")).toString() == edited.sfid;
    }
    EXPECT_EQ(live, 0) << "not silently resurrected";
}

TEST_F(SyncWithTwoLaptops, TwoLaptopsMarkingTheSameClassConvergeOnOneRecord)
{
    const QDate day = QDate::currentDate();
    const Course course = firstActiveCourse(first.repository());
    const Student student = first.repository().roster(course.id).first();
    const qint64 otherCourse = *second.repository().findCourse(course.sfid, nullptr);
    const qint64 otherStudent = *second.repository().findStudent(student.sfid, nullptr);
    ASSERT_TRUE(first.repository().markAttendance(course.id, student.id, day, 0, {}, true).ok());
    ASSERT_TRUE(
        second.repository().markAttendance(otherCourse, otherStudent, day, 3, {}, true).ok());
    const int before = liveRecords(org, QStringLiteral("Attendance__c")).size();
    EXPECT_EQ(first.sync().result, SyncReport::Result::Clean);
    second.sync();
    EXPECT_EQ(liveRecords(org, QStringLiteral("Attendance__c")).size(), before + 1);
}

namespace {

// Marks every student of the course on `days` class days before today: roster x days marks.
int markDays(Repository &repository, const Course &course, int days)
{
    int marked = 0;
    const QList<Student> roster = repository.roster(course.id);
    for (int day = 0; day < days; ++day) {
        const QDate date = QDate::currentDate().addDays(-day - 200);
        for (const Student &student : roster) {
            marked +=
                repository.markAttendance(course.id, student.id, date, day % 5, {}, true).ok();
        }
    }
    return marked;
}

int countWhere(const QJsonArray &records, const QString &field, const QString &value)
{
    int found = 0;
    for (const QJsonValue &record : records) {
        found += record.toObject().value(field).toVariant().toString() == value;
    }
    return found;
}

} // namespace

TEST_F(SyncAfterFirstSync, OneRefusedRecordAmong500BlocksNothingElse)
{
    const int roster = int(repository.roster(course.id).size());
    ASSERT_GT(roster, 0);
    const int marked = markDays(repository, course, (500 + roster - 1) / roster);
    ASSERT_GE(marked, 500);
    // One mark the org's validation rule refuses (the domain would never write it).
    const qint64 bad = repository.attendanceOfCourse(course.id).first().id;
    ASSERT_TRUE(laptop.store().updateLocal(Role::Attendance, bad,
                                           {{QStringLiteral("attendance_type__c"), 9}}));
    const int before = liveRecords(org, QStringLiteral("Attendance__c")).size();

    const SyncReport report = laptop.sync();
    EXPECT_EQ(report.result, SyncReport::Result::Issues);
    EXPECT_EQ(report.failed, 1);
    EXPECT_EQ(liveRecords(org, QStringLiteral("Attendance__c")).size(), before + marked - 1);
    const auto row = laptop.store().row(Role::Attendance, bad);
    EXPECT_EQ(row->value(QStringLiteral("_hc_lastop")).toString(), QStringLiteral("FAILED"));
    EXPECT_TRUE(row->value(QStringLiteral("_hc_err"))
                    .toString()
                    .contains(QStringLiteral("FIELD_CUSTOM_VALIDATION_EXCEPTION")));
    const QList<OutboxEntry> failed = laptop.store().outboxEntries({outbox::Failed});
    ASSERT_EQ(failed.size(), 2) << "the insert and the bad edit";
    EXPECT_TRUE(failed.first().sfMessage.contains(QStringLiteral("asistencia")))
        << failed.first().sfMessage.toStdString();
}

TEST(SyncWithoutExternalId, FallsBackToNaturalKeysAndWarnsOnce)
{
    EmulatorProcess org({QStringLiteral("--demo"), QStringLiteral("--no-external-id")});
    ASSERT_TRUE(org.isRunning());
    Laptop laptop(org, QStringLiteral("a"));
    const SyncReport first = laptop.sync();
    ASSERT_EQ(first.result, SyncReport::Result::Clean) << first.message.toStdString();
    EXPECT_TRUE(first.warnings.join(QLatin1Char(' ')).contains(QStringLiteral("natural key")));
    Repository &repository = laptop.repository();
    const Course course = firstActiveCourse(repository);
    const QList<Student> roster = repository.roster(course.id);
    const QDate day = QDate::currentDate().addDays(-300);
    for (const Student &student : roster) {
        ASSERT_TRUE(repository.markAttendance(course.id, student.id, day, 0, {}, true).ok());
    }
    // The org stores the marks but the reply is lost: the next sync must find them by
    // (enrollment, date) instead of creating twins.
    ASSERT_TRUE(org.setFaults({{QStringLiteral("dropMidResponseRate"), 1.0}}));
    const SyncReport lost = laptop.sync();
    EXPECT_NE(lost.result, SyncReport::Result::Clean);
    ASSERT_TRUE(org.clearFaults());
    const SyncReport again = laptop.sync();
    EXPECT_EQ(again.result, SyncReport::Result::Clean) << again.message.toStdString();
    EXPECT_TRUE(again.warnings.isEmpty()) << "warned once";
    EXPECT_EQ(countWhere(liveRecords(org, QStringLiteral("Attendance__c")),
                         QStringLiteral("Start_Date__c"), day.toString(Qt::ISODate)),
              roster.size());
    EXPECT_EQ(laptop.store().pendingChangeCount(), 0);
}

// The soak of issue 13 ended once with attendance conflicts "kept local": a mark pushed,
// the org committing it but its reply lost (a cut connection, or the sync cancelled at
// sign-out), then the teacher re-marking the student before the next sync. The org holds
// our own first value; that is no conflict, and the second value reaches the org.
TEST_F(SyncAfterFirstSync, ARemarkAfterALostPushReplyIsNoConflict)
{
    const QList<Student> roster = repository.roster(course.id);
    ASSERT_GE(roster.size(), 2);
    const QDate today = QDate::currentDate();
    for (int i = 0; i < 2; ++i) { // a new mark, and one the org already had
        ASSERT_TRUE(repository.markAttendance(course.id, roster.at(i).id, today, 0).ok());
    }
    ASSERT_EQ(laptop.sync().result, SyncReport::Result::Clean);
    ASSERT_TRUE(repository.markAttendance(course.id, roster.at(1).id, today, 3).ok());
    const Student added = roster.size() > 2 ? roster.at(2) : roster.at(0);
    ASSERT_TRUE(repository.markAttendance(course.id, added.id, today, 2).ok());

    // The write is committed and its connection closed with no reply (and so is Qt's own
    // retry of it).
    const QJsonObject lost{{QStringLiteral("method"), QStringLiteral("PATCH")},
                           {QStringLiteral("path"), QStringLiteral("composite/sobjects")},
                           {QStringLiteral("fault"), QStringLiteral("drop-after-commit")}};
    ASSERT_TRUE(org.setFaults({{QStringLiteral("arm"), QJsonArray{lost, lost, lost}}}));
    org.clearRequestLog();
    laptop.sync(); // the pusher may settle the lost replies in the same cycle
    int dropped = 0;
    for (const QJsonValue &entry : org.requestLog()) {
        dropped += entry.toObject().value(QStringLiteral("fault")).toString() ==
                   QStringLiteral("drop-after-commit");
    }
    EXPECT_GE(dropped, 1) << "no reply was lost";
    ASSERT_TRUE(org.clearFaults());
    ASSERT_TRUE(repository.markAttendance(course.id, roster.at(1).id, today, 1).ok());
    ASSERT_TRUE(repository.markAttendance(course.id, added.id, today, 1).ok());

    int conflicts = 0;
    SyncReport report;
    int cycles = 0;
    do {
        report = laptop.sync();
        conflicts += report.conflicts;
    } while (report.result != SyncReport::Result::Clean && ++cycles < 3);
    EXPECT_EQ(report.result, SyncReport::Result::Clean) << report.message.toStdString();
    conflicts += laptop.sync().conflicts; // reads its own pushes back
    EXPECT_EQ(conflicts, 0);
    EXPECT_EQ(SyncEngine::openConflictCount(laptop.store()), 0);
    const auto marks = repository.attendanceOn(course.id, today);
    EXPECT_EQ(marks.value(roster.at(1).id).status, 1);
    EXPECT_EQ(marks.value(added.id).status, 1);
    pasalista::test::expectStoreHoldsExactlyTheScope(org, laptop.store());
}

// 20 % faults of every kind, with and without Pasalista_Id__c in the org: every cycle ends
// honestly, and the org ends with each mark once (0 twins), none lost, no stuck outbox row.
class SyncUnderFaults : public ::testing::TestWithParam<bool>
{
};

TEST_P(SyncUnderFaults, ConvergesWithEveryFaultAtTwentyPercent)
{
    const bool externalId = GetParam();
    QStringList arguments{QStringLiteral("--demo"), QStringLiteral("--seed"), QStringLiteral("7")};
    if (!externalId) {
        arguments.append(QStringLiteral("--no-external-id"));
    }
    EmulatorProcess org(arguments);
    ASSERT_TRUE(org.isRunning());
    Laptop laptop(org, QStringLiteral("a"));
    ASSERT_EQ(laptop.sync().result, SyncReport::Result::Clean);
    Repository &repository = laptop.repository();
    const Course course = firstActiveCourse(repository);
    const int marked = markDays(repository, course, 6);
    Student student = newStudent();
    qint64 studentId = 0;
    ASSERT_TRUE(repository.createStudent(student, &studentId).ok());
    ASSERT_TRUE(repository.enroll(course.id, studentId).ok());
    ASSERT_TRUE(org.adminUpdate(QStringLiteral("Class__c"), course.sfid,
                                {{QStringLiteral("Notes__c"), QStringLiteral("Aula 3")}}));
    const int before = liveRecords(org, QStringLiteral("Attendance__c")).size();

    ASSERT_TRUE(org.setFaults({{QStringLiteral("errorRate"), 0.2},
                               {QStringLiteral("dropBeforeResponseRate"), 0.2},
                               {QStringLiteral("dropMidResponseRate"), 0.2},
                               {QStringLiteral("lockRowRate"), 0.2},
                               {QStringLiteral("latencyMs"), 5},
                               {QStringLiteral("latencyJitterMs"), 20},
                               {QStringLiteral("bandwidthBytesPerSecond"), 4'000'000}}));
    SyncReport report;
    int cycles = 0;
    do {
        report = laptop.sync();
        ++cycles;
        if (report.result == SyncReport::Result::Clean) {
            EXPECT_EQ(laptop.store().pendingChangeCount(), 0) << "Clean only when true";
        }
    } while (report.result != SyncReport::Result::Clean && cycles < 40);
    ASSERT_TRUE(org.clearFaults());
    EXPECT_EQ(report.result, SyncReport::Result::Clean)
        << "after " << cycles << " cycles: " << report.message.toStdString();
    EXPECT_EQ(laptop.store().pendingChangeCount(), 0) << "no stuck row";
    EXPECT_EQ(laptop.count(QStringLiteral("SELECT COUNT(*) FROM _trigger_log WHERE state = "
                                          "'FAILED'")),
              0);
    EXPECT_EQ(liveRecords(org, QStringLiteral("Attendance__c")).size(), before + marked)
        << "no twin, none lost";
    EXPECT_EQ(laptop.count(QStringLiteral("SELECT COUNT(*) FROM attendance__c WHERE sfid IS NULL"
                                          " AND isdeleted = 0")),
              0);
    EXPECT_EQ(countWhere(liveRecords(org, QStringLiteral("Student__c")),
                         QStringLiteral("Last_Name__c"), QStringLiteral("Fermín")),
              1);
    EXPECT_EQ(repository.course(course.id)->notes, QStringLiteral("Aula 3"));
}

INSTANTIATE_TEST_SUITE_P(WithAndWithoutExternalId, SyncUnderFaults, ::testing::Bool(),
                         [](const ::testing::TestParamInfo<bool> &param) {
                             return param.param ? std::string("ExternalId")
                                                : std::string("NaturalKeys");
                         });

TEST_F(SyncAfterFirstSync, IssuesAreListedAndEachCanBeSettled)
{
    const QList<Student> roster = repository.roster(course.id);
    ASSERT_GE(roster.size(), 3);

    // A conflict (the office wins the phone), a refused mark, a record deleted in the org.
    Student phone = roster[0];
    phone.phone1 = QStringLiteral("809-555-3333");
    ASSERT_TRUE(repository.updateStudent(phone).ok());
    ASSERT_TRUE(
        org.adminUpdate(QStringLiteral("Student__c"), phone.sfid,
                        {{QStringLiteral("Phone_Number_1__c"), QStringLiteral("809-555-4444")}}));
    const qint64 mark = repository.attendanceOfCourse(course.id).first().id;
    ASSERT_TRUE(laptop.store().updateLocal(Role::Attendance, mark,
                                           {{QStringLiteral("attendance_type__c"), 9}}));
    Student gone = roster[1];
    gone.notes = QStringLiteral("Se mudó a Bávaro");
    ASSERT_TRUE(repository.updateStudent(gone).ok());
    ASSERT_TRUE(org.adminDelete(QStringLiteral("Student__c"), gone.sfid));
    EXPECT_EQ(laptop.sync().result, SyncReport::Result::Issues);

    SyncIssues issues(laptop.store());
    const QList<SyncIssue> listed = issues.list();
    std::string described;
    for (const SyncIssue &issue : listed) {
        described += std::to_string(int(issue.kind)) + " " + issue.recordLabel.toStdString() +
                     ": " + issue.message.toStdString() + "\n";
    }
    ASSERT_EQ(listed.size(), 3) << described;
    QHash<SyncIssue::Kind, SyncIssue> byKind;
    for (const SyncIssue &issue : listed) {
        byKind.insert(issue.kind, issue);
    }
    ASSERT_TRUE(byKind.contains(SyncIssue::Kind::Conflict));
    EXPECT_EQ(byKind[SyncIssue::Kind::Conflict].localValue, QStringLiteral("809-555-3333"));
    EXPECT_EQ(byKind[SyncIssue::Kind::Conflict].remoteValue, QStringLiteral("809-555-4444"));
    EXPECT_EQ(byKind[SyncIssue::Kind::Conflict].recordLabel, phone.fullName());
    ASSERT_TRUE(byKind.contains(SyncIssue::Kind::Failed));
    EXPECT_TRUE(byKind[SyncIssue::Kind::Failed].message.contains(
        QStringLiteral("FIELD_CUSTOM_VALIDATION_EXCEPTION")));
    ASSERT_TRUE(byKind.contains(SyncIssue::Kind::DeletedInOrg));

    // Settle each: keep the teacher's phone after all, fix and retry the mark, restore the student.
    ASSERT_TRUE(issues.useLosingValue(byKind[SyncIssue::Kind::Conflict].conflictId));
    ASSERT_TRUE(laptop.store().updateLocal(Role::Attendance, mark,
                                           {{QStringLiteral("attendance_type__c"), 2}}));
    ASSERT_TRUE(issues.retry(Role::Attendance, mark));
    ASSERT_TRUE(issues.restoreDeleted(Role::Student, gone.id))
        << issues.errorString().toStdString();
    const SyncReport settled = laptop.sync();
    EXPECT_EQ(settled.result, SyncReport::Result::Clean) << settled.message.toStdString();
    EXPECT_TRUE(issues.list().isEmpty());
    const QJsonArray students = liveRecords(org, QStringLiteral("Student__c"));
    EXPECT_EQ(
        countWhere(students, QStringLiteral("Phone_Number_1__c"), QStringLiteral("809-555-3333")),
        1);
    EXPECT_EQ(countWhere(students, QStringLiteral("Notes__c"), QStringLiteral("Se mudó a Bávaro")),
              1);
}

// 4,500 marks are three pages of 2,000: the pull follows nextRecordsUrl and asks for each next
// page while it applies the one in hand. Each page must be fetched once, and a prefetched
// page lost to a fault must be fetched again, never skipped.
TEST(SyncOfManyPages, EachPageIsFetchedOnceAndNoneIsLostUnderFaults)
{
    EmulatorProcess org(
        generatedOrg(QStringLiteral("students=200,enrollments=400,attendance=4500"), 11));
    ASSERT_TRUE(org.isRunning()) << org.startupOutput().toStdString();
    const QByteArray token = org.login().toUtf8(); // before any fault, which would hit it too
    const auto pullOnce = [&org, &token](const QString &path) {
        QTemporaryDir dir;
        LocalStore store(wholeOrgMapping());
        EXPECT_TRUE(store.open(dir.filePath(path)));
        Identity identity;
        identity.instanceUrl = org.instanceUrl();
        identity.loginUrl = org.baseUrl();
        Session session(identity, token, QByteArray());
        SalesforceClient client(&session);
        SyncReport report;
        int cycles = 0;
        do {
            report = SyncEngine(store, client, identity).run();
        } while (report.result != SyncReport::Result::Clean && ++cycles < 40);
        EXPECT_EQ(report.result, SyncReport::Result::Clean) << report.message.toStdString();
        QSqlQuery count(store.database());
        count.exec(QStringLiteral("SELECT COUNT(*), COUNT(DISTINCT sfid) FROM attendance__c"));
        count.next();
        EXPECT_EQ(count.value(0).toInt(), count.value(1).toInt()) << "no record twice";
        return count.value(0).toInt();
    };

    org.clearRequestLog();
    EXPECT_EQ(pullOnce(QStringLiteral("calm.sqlite")), 4500);
    int nextPages = 0;
    for (const QJsonValue &entry : org.requestLog()) {
        nextPages += entry.toObject()
                         .value(QStringLiteral("path"))
                         .toString()
                         .contains(QStringLiteral("/query/01g"));
    }
    EXPECT_EQ(nextPages, 2) << "pages 2 and 3 of the marks, each asked for once";

    ASSERT_TRUE(org.setFaults({{QStringLiteral("errorRate"), 0.2},
                               {QStringLiteral("dropBeforeResponseRate"), 0.2},
                               {QStringLiteral("dropMidResponseRate"), 0.2},
                               {QStringLiteral("latencyJitterMs"), 20}}));
    EXPECT_EQ(pullOnce(QStringLiteral("faulty.sqlite")), 4500);
    ASSERT_TRUE(org.clearFaults());
}

// Issue 21: the org starts using code 5 ("Presente virtual"), which the mapping gives no
// meaning. The marks reach the laptop as the org holds them, the report counts them as
// neither present nor absent and names them, and the teacher keeps marking with known codes.
TEST_F(SyncAfterFirstSync, AnAttendanceCodeTheMappingDoesNotKnowIsNamedInTheReport)
{
    // The admin lets the org store code 5 (the seed's rule allows 0 to 4).
    const HttpReply rule = org.sendJson(
        "POST", QStringLiteral("/__emulator/validation-rules"),
        QJsonDocument(QJsonObject{
            {QStringLiteral("object"), QStringLiteral("Attendance__c")},
            {QStringLiteral("name"), QStringLiteral("Valid_Attendance_Type")},
            {QStringLiteral("condition"),
             QStringLiteral("Attendance_Type__c < 0 OR Attendance_Type__c > 5")},
            {QStringLiteral("message"), QStringLiteral("El tipo de asistencia va de 0 a 5.")},
            {QStringLiteral("field"), QStringLiteral("Attendance_Type__c")},
            {QStringLiteral("active"), true}}));
    ASSERT_LT(rule.status, 300) << rule.body.toStdString();
    const Student student = repository.roster(course.id).constFirst();
    const QString enrollmentSfid = repository.enrollment(course.id, student.id)->sfid;
    int virtualDays = 0;
    for (const QJsonObject &mark : byId(org, QStringLiteral("Attendance__c"))) {
        if (text(mark, QStringLiteral("Participant_Enrollment__c")) == enrollmentSfid &&
            virtualDays < 3) {
            ASSERT_TRUE(org.adminUpdate(QStringLiteral("Attendance__c"),
                                        text(mark, QStringLiteral("Id")),
                                        {{QStringLiteral("Attendance_Type__c"), 5}}));
            ++virtualDays;
        }
    }
    ASSERT_EQ(virtualDays, 3) << "the student has marks in the org";

    const SyncReport report = laptop.sync();
    ASSERT_EQ(report.result, SyncReport::Result::Clean) << report.message.toStdString();
    expectStoreHoldsExactlyTheScope(org, laptop.store());
    const Reports reports(repository);
    AttendanceSummary row;
    for (const AttendanceSummary &summary : reports.courseReport(course.id)) {
        row = summary.studentId == student.id ? summary : row;
    }
    EXPECT_EQ(row.uncounted, (QMap<int, int>{{5, 3}})) << "never an absence, never dropped";
    ASSERT_EQ(reports.uncountedNotices(row).size(), 1);
    EXPECT_TRUE(reports.uncountedNotices(row).constFirst().contains(QStringLiteral("‘5’")));

    // The teacher keeps marking with the codes she knows, and they reach the org.
    ASSERT_TRUE(repository.markAllPresent(course.id, QDate::currentDate(), true).ok());
    const SyncReport after = laptop.sync();
    EXPECT_EQ(after.result, SyncReport::Result::Clean) << after.message.toStdString();
    EXPECT_EQ(laptop.store().pendingChangeCount(), 0);
    EXPECT_EQ(laptop.sync().writeRequests, 0); // and learns the stamps of what it created
    expectStoreHoldsExactlyTheScope(org, laptop.store());
}

namespace {

// Up to `wanted` edits of marks the org holds: each a new status and a note, so every one is
// a correction the push must send and the pull must re-read.
int correctMarks(Repository &repository, const QList<Course> &courses, int wanted)
{
    int edited = 0;
    for (const Course &course : courses) {
        for (const AttendanceMark &mark : repository.attendanceOfCourse(course.id)) {
            if (edited == wanted) {
                return edited;
            }
            if (mark.sfid.isEmpty()) {
                continue;
            }
            const DomainError error = repository.markAttendance(
                course.id, mark.studentId, mark.date, (mark.status + 1) % 5,
                QStringLiteral("Corregido sin conexión"), true);
            EXPECT_TRUE(error.ok()) << error.message.toStdString();
            ++edited;
        }
    }
    return edited;
}

// Up to `wanted` new marks, back-filled on days the org has none for (odd days back).
int backFillMarks(Repository &repository, const QList<Course> &courses, int wanted)
{
    int created = 0;
    for (int daysBack = 1; created < wanted && daysBack < 40; daysBack += 2) {
        const QDate day = QDate::currentDate().addDays(-daysBack);
        for (const Course &course : courses) {
            for (const Student &student : repository.roster(course.id)) {
                if (created == wanted) {
                    return created;
                }
                const DomainError error =
                    repository.markAttendance(course.id, student.id, day, created % 4, {}, true);
                EXPECT_TRUE(error.ok()) << error.message.toStdString();
                ++created;
            }
        }
    }
    return created;
}

// Requests the org refused (a query it cannot run, a URI over its limits), as "status path".
QStringList refusedRequests(const EmulatorProcess &org)
{
    QStringList refused;
    for (const QJsonValue &value : org.requestLog()) {
        const QJsonObject entry = value.toObject();
        const int status = entry.value(QStringLiteral("status")).toInt();
        if (status >= 400 && status != 401) {
            refused.append(QString::number(status) + QLatin1Char(' ') +
                           entry.value(QStringLiteral("path")).toString().left(200));
        }
    }
    return refused;
}

} // namespace

// Issue 21: a teacher with 40 courses comes back after 40 days offline with 1,000 unsent edits
// (500 corrections of marks the org holds, 500 new marks) while the office gave her more
// courses (back-fills) and deleted marks the recycle bin has since forgotten (reconcile).
// Against the strict emulator no query or request is refused, and the sync ends with org and
// laptop equal record by record.
TEST(SyncAtScale, AThousandEditsAfterFortyDaysOfflineReachTheStrictOrg)
{
    // 84 courses (the teacher leads about half), the same 20 students in each, 5 marks each.
    EmulatorProcess org(generatedOrg(
        QStringLiteral("classes=84,students=20,enrollments=1680,attendance=8400"), 21));
    ASSERT_TRUE(org.isRunning()) << org.startupOutput().toStdString();
    Laptop laptop(org, QStringLiteral("scale"));
    const SyncReport first = laptop.sync();
    ASSERT_EQ(first.result, SyncReport::Result::Clean) << first.message.toStdString();
    Repository &repository = laptop.repository();
    const QList<Course> courses = repository.courses();
    ASSERT_GE(courses.size(), 40);

    ASSERT_EQ(correctMarks(repository, courses, 500), 500);
    ASSERT_EQ(backFillMarks(repository, courses, 500), 500);
    ASSERT_GE(laptop.store().pendingChangeCount(), 1000);

    // Meanwhile the office gives her three more courses and deletes ten marks she left alone.
    const QString teacher = teacherId(org, kTeacher);
    int given = 0;
    for (const QJsonObject &course : byId(org, QStringLiteral("Class__c"))) {
        if (given < 3 && text(course, QStringLiteral("Facilitator_1__c")) != teacher &&
            text(course, QStringLiteral("Facilitator_2__c")) != teacher) {
            ASSERT_TRUE(org.adminUpdate(QStringLiteral("Class__c"),
                                        text(course, QStringLiteral("Id")),
                                        {{QStringLiteral("Facilitator_2__c"), teacher}}));
            ++given;
        }
    }
    int deleted = 0;
    // The last course gets none of the laptop's edits (they fill the first courses first).
    for (const AttendanceMark &mark : repository.attendanceOfCourse(courses.constLast().id)) {
        if (deleted < 10 && !mark.sfid.isEmpty()) {
            ASSERT_TRUE(org.adminDelete(QStringLiteral("Attendance__c"), mark.sfid));
            ++deleted;
        }
    }
    ASSERT_EQ(deleted, 10);
    ASSERT_TRUE(org.advanceClock(40 * 86400.0));
    laptop.signInAgain(org); // the token did not outlive 40 days

    org.clearRequestLog();
    const SyncReport report = laptop.sync();
    EXPECT_EQ(report.result, SyncReport::Result::Clean) << report.message.toStdString();
    EXPECT_EQ(refusedRequests(org), QStringList());
    EXPECT_EQ(laptop.store().pendingChangeCount(), 0);
    // The next pull brings the stamps of what this one created (see orgscope.h).
    const SyncReport next = laptop.sync();
    EXPECT_EQ(next.result, SyncReport::Result::Clean) << next.message.toStdString();
    EXPECT_EQ(next.writeRequests, 0) << "nothing left to send, no twin";
    EXPECT_EQ(refusedRequests(org), QStringList());
    expectStoreHoldsExactlyTheScope(org, laptop.store());
}
