// The pull as replication of a scope (issue 10): each case starts from a situation in which
// the pull used to lose, keep or double data, and ends by comparing the org's records in
// the teacher's scope with the laptop's rows, record by record. Real emulator process,
// real SQLite.
#include "laptop.h"
#include "orgscope.h"
#include "sync/syncissues.h"
#include "wholeorgmapping.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QThread>

#include <algorithm>

using namespace pasalista;
using namespace pasalista::test;

namespace {

void expectLaptopHoldsExactlyTheScope(const EmulatorProcess &org, Laptop &laptop)
{
    expectStoreHoldsExactlyTheScope(org, laptop.store());
}

int openConflicts(Laptop &laptop)
{
    return int(laptop.count(QStringLiteral("SELECT COUNT(*) FROM _conflict_log")));
}

// Lets the next `calls` REST calls through, then the org refuses every call (its daily
// limit): a sync stopped at a known point, as if killed there (each page is committed).
void allowCalls(const EmulatorProcess &org, int calls)
{
    const int used = org.get(QStringLiteral("/__emulator/state"))
                         .object()
                         .value(QStringLiteral("apiUsage"))
                         .toInt();
    ASSERT_TRUE(org.setFaults({{QStringLiteral("dailyApiLimit"), used + calls}}));
}

void liftLimit(const EmulatorProcess &org)
{
    ASSERT_TRUE(org.setFaults({{QStringLiteral("dailyApiLimit"), 1'000'000}}));
}

// A student of the org that none of the teacher's courses has: "created long ago".
QString studentOutsideScope(const EmulatorProcess &org, const Mapping &mapping)
{
    const OrgScope scope = scopeOf(org, mapping);
    for (const QJsonObject &student : byId(org, QStringLiteral("Student__c"))) {
        if (!scope.records.value(Role::Student).contains(text(student, QStringLiteral("Id")))) {
            return text(student, QStringLiteral("Id"));
        }
    }
    return {};
}

QString courseOf(const EmulatorProcess &org, const QString &teacher, bool led)
{
    const QString id = teacherId(org, teacher);
    for (const QJsonObject &course : byId(org, QStringLiteral("Class__c"))) {
        const bool leads = text(course, QStringLiteral("Facilitator_1__c")) == id ||
                           text(course, QStringLiteral("Facilitator_2__c")) == id;
        if (leads == led) {
            return text(course, QStringLiteral("Id"));
        }
    }
    return {};
}

} // namespace

using PullTest = OrgTest;
using PullWithTwoLaptops = TwoSyncedLaptopsTest;
using PullAfterFirstSync = SyncedLaptopTest;

// Case 1: the office enrolls a student created long ago in the teacher's course.
TEST_F(PullAfterFirstSync, OfficeEnrollsAnOldStudentAndTheStudentArrives)
{
    const QString student = studentOutsideScope(org, laptop.store().mapping());
    ASSERT_FALSE(student.isEmpty());
    // An office edit to a student in scope, so that the laptop has seen newer students than
    // the one about to be enrolled.
    const Student seen = laptop.repository().roster(course.id).first();
    ASSERT_TRUE(org.adminUpdate(QStringLiteral("Student__c"), seen.sfid,
                                {{QStringLiteral("Notes__c"), QStringLiteral("Beca 2026")}}));
    ASSERT_EQ(laptop.sync().result, SyncReport::Result::Clean);
    ASSERT_FALSE(org.adminCreate(QStringLiteral("ParticipantEnrollment__c"),
                                 {{QStringLiteral("Class__c"), course.sfid},
                                  {QStringLiteral("Student__c"), student}})
                     .isEmpty());

    const SyncReport report = laptop.sync();
    ASSERT_EQ(report.result, SyncReport::Result::Clean) << report.message.toStdString();
    bool onRoster = false;
    for (const Student &enrolled : laptop.repository().roster(course.id)) {
        onRoster = onRoster || enrolled.sfid == student;
    }
    EXPECT_TRUE(onRoster) << "the student is on the roster";
    DomainError error;
    EXPECT_TRUE(laptop.repository().findStudent(student, &error, course.id).has_value());
    expectLaptopHoldsExactlyTheScope(org, laptop);
}

// Case 8: the office enters a mark for a day the teacher also marked offline.
TEST_F(PullAfterFirstSync, OfficeMarkWithoutOurKeyAdoptsTheTeachersRow)
{
    const Student student = repository.roster(course.id).first();
    const QDate day = QDate::currentDate().addDays(-400 + 50); // in scope, marked by nobody
    ASSERT_TRUE(
        repository.markAttendance(course.id, student.id, day, 1, QStringLiteral("Fiebre"), true)
            .ok());
    const Enrollment enrollment = *repository.enrollment(course.id, student.id);
    ASSERT_FALSE(org.adminCreate(QStringLiteral("Attendance__c"),
                                 {{QStringLiteral("Participant_Enrollment__c"), enrollment.sfid},
                                  {QStringLiteral("Start_Date__c"), day.toString(Qt::ISODate)},
                                  {QStringLiteral("Attendance_Type__c"), 0}})
                     .isEmpty());

    const SyncReport report = laptop.sync();
    EXPECT_EQ(report.result, SyncReport::Result::Issues) << "the status differs: one conflict";
    int sameDay = 0;
    QJsonObject kept;
    for (const QJsonValue &value : liveRecords(org, QStringLiteral("Attendance__c"))) {
        const QJsonObject mark = value.toObject();
        if (text(mark, QStringLiteral("Participant_Enrollment__c")) == enrollment.sfid &&
            text(mark, QStringLiteral("Start_Date__c")) == day.toString(Qt::ISODate)) {
            ++sameDay;
            kept = mark;
        }
    }
    EXPECT_EQ(sameDay, 1) << "no twin in the org";
    EXPECT_EQ(text(kept, QStringLiteral("Attendance_Type__c")), QStringLiteral("1"))
        << "attendance: the teacher's mark wins";
    EXPECT_EQ(text(kept, QStringLiteral("Notes__c")), QStringLiteral("Fiebre"));
    EXPECT_FALSE(text(kept, QStringLiteral("Pasalista_Id__c")).isEmpty())
        << "our key reached the org record";
    EXPECT_EQ(openConflicts(laptop), 1);
    EXPECT_EQ(laptop.store().pendingChangeCount(), 0);
    EXPECT_EQ(laptop.sync().result, SyncReport::Result::Issues) << "the conflict stays listed";
    EXPECT_EQ(openConflicts(laptop), 1) << "logged once";
    expectLaptopHoldsExactlyTheScope(org, laptop);
}

// Case 9: two laptops of the same teacher enroll the same student in the same course.
TEST_F(PullWithTwoLaptops, TwoLaptopsEnrollingTheSameStudentMakeOneEnrollment)
{
    // A student of one of the teacher's courses, not yet in another one.
    const QList<Course> courses = first.repository().courses();
    ASSERT_GE(courses.size(), 2);
    Course target;
    Student student;
    for (const Course &course : courses) {
        for (const Course &other : courses) {
            if (other.id == course.id || !student.sfid.isEmpty()) {
                continue;
            }
            for (const Student &candidate : first.repository().roster(other.id)) {
                if (!first.repository().enrollment(course.id, candidate.id)) {
                    target = course;
                    student = candidate;
                    break;
                }
            }
        }
    }
    ASSERT_FALSE(student.sfid.isEmpty());
    const QDate day = QDate::currentDate().addDays(-3);
    const qint64 secondCourse = *second.repository().findCourse(target.sfid, nullptr);
    const qint64 secondStudent = *second.repository().findStudent(student.sfid, nullptr);
    ASSERT_TRUE(first.repository().enroll(target.id, student.id).ok());
    ASSERT_TRUE(first.repository().markAttendance(target.id, student.id, day, 0, {}, true).ok());
    ASSERT_TRUE(second.repository().enroll(secondCourse, secondStudent).ok());
    ASSERT_TRUE(
        second.repository().markAttendance(secondCourse, secondStudent, day, 0, {}, true).ok());

    EXPECT_EQ(first.sync().result, SyncReport::Result::Clean);
    const SyncReport report = second.sync();
    EXPECT_EQ(report.result, SyncReport::Result::Clean) << report.message.toStdString();
    EXPECT_EQ(first.sync().result, SyncReport::Result::Clean);

    int enrollments = 0;
    QString enrollmentId;
    for (const QJsonValue &value : liveRecords(org, QStringLiteral("ParticipantEnrollment__c"))) {
        if (text(value.toObject(), QStringLiteral("Class__c")) == target.sfid &&
            text(value.toObject(), QStringLiteral("Student__c")) == student.sfid) {
            ++enrollments;
            enrollmentId = text(value.toObject(), QStringLiteral("Id"));
        }
    }
    EXPECT_EQ(enrollments, 1) << "one enrollment";
    int marks = 0;
    for (const QJsonValue &value : liveRecords(org, QStringLiteral("Attendance__c"))) {
        marks +=
            text(value.toObject(), QStringLiteral("Participant_Enrollment__c")) == enrollmentId &&
            text(value.toObject(), QStringLiteral("Start_Date__c")) == day.toString(Qt::ISODate);
    }
    EXPECT_EQ(marks, 1) << "one mark for the day";
    expectLaptopHoldsExactlyTheScope(org, first);
    expectLaptopHoldsExactlyTheScope(org, second);
}

// Case 5: the office hands one of the teacher's courses to another teacher.
TEST_F(PullAfterFirstSync, CourseHandedToAnotherTeacherLeavesTheLaptop)
{
    const Student student = laptop.repository().roster(course.id).first();
    ASSERT_TRUE(
        org.adminUpdate(QStringLiteral("Class__c"), course.sfid,
                        {{QStringLiteral("Facilitator_1__c"), teacherId(org, kOtherTeacher)},
                         {QStringLiteral("Facilitator_2__c"), QJsonValue()}}));

    const SyncReport report = laptop.sync();
    ASSERT_EQ(report.result, SyncReport::Result::Clean) << report.message.toStdString();
    for (const Course &left : laptop.repository().courses()) {
        EXPECT_NE(left.sfid, course.sfid) << "the course left the laptop";
    }
    EXPECT_FALSE(laptop.repository()
                     .markAttendance(course.id, student.id, QDate::currentDate(), 0, {}, true)
                     .ok())
        << "no longer markable";
    expectLaptopHoldsExactlyTheScope(org, laptop);
}

// Case 4: a course newly led by the teacher, the sync stopped right after the course page.
TEST_F(PullAfterFirstSync, CourseNewlyLedIsBackFilledEvenAfterAKill)
{
    // An hour later the office touches the teacher's scope: the laptop has seen records far
    // newer than the seeded ones (stamps are shared within a second).
    ASSERT_TRUE(org.advanceClock(3600));
    const Course mine = firstActiveCourse(laptop.repository());
    const Student student = laptop.repository().roster(mine.id).first();
    ASSERT_TRUE(org.adminUpdate(QStringLiteral("Student__c"), student.sfid,
                                {{QStringLiteral("Notes__c"), QStringLiteral("Cambió de turno")}}));
    ASSERT_TRUE(org.adminUpdate(QStringLiteral("ParticipantEnrollment__c"),
                                laptop.repository().enrollment(mine.id, student.id)->sfid,
                                {{QStringLiteral("Class__c"), mine.sfid}}));
    ASSERT_TRUE(org.adminUpdate(QStringLiteral("Attendance__c"),
                                laptop.repository().attendanceOfCourse(mine.id).first().sfid,
                                {{QStringLiteral("Notes__c"), QStringLiteral("Revisado")}}));
    ASSERT_EQ(laptop.sync().result, SyncReport::Result::Clean);
    const QString course = courseOf(org, kTeacher, false);
    ASSERT_FALSE(course.isEmpty());
    // The batched first pages (teacher, program, course, ...); with a course newly led the
    // students' scope moves, so their query goes alone after the courses are applied.
    const int before = laptop.client().apiUsed();
    ASSERT_EQ(laptop.sync().result, SyncReport::Result::Clean);
    const int beforeStudents = laptop.client().apiUsed() - before;
    ASSERT_GT(beforeStudents, 0);
    ASSERT_TRUE(org.adminUpdate(QStringLiteral("Class__c"), course,
                                {{QStringLiteral("Facilitator_2__c"), teacherId(org, kTeacher)}}));

    allowCalls(org, beforeStudents);
    EXPECT_NE(laptop.sync().result, SyncReport::Result::Clean) << "stopped after the courses";
    liftLimit(org);
    EXPECT_EQ(
        laptop.count(QStringLiteral("SELECT COUNT(*) FROM class__c WHERE sfid = '%1'").arg(course)),
        1)
        << "the course page was applied";

    const SyncReport report = laptop.sync();
    ASSERT_EQ(report.result, SyncReport::Result::Clean) << report.message.toStdString();
    EXPECT_FALSE(
        laptop.repository().roster(*laptop.repository().findCourse(course, nullptr)).isEmpty());
    expectLaptopHoldsExactlyTheScope(org, laptop);
}

// Case 6: a first sync stopped half-way; the org deletes and changes records meanwhile.
TEST_F(PullTest, DeletionsAfterAHalfFirstSyncAreApplied)
{
    // Since issue 26 every first page comes in one call: the sync stops at the marks' second
    // page (a page naming itself as the next one, which the pager refuses), with the
    // courses, students and enrollments applied and the marks not wholly read.
    Laptop laptop(org, QStringLiteral("a"));
    ASSERT_TRUE(org.armFault("GET", QStringLiteral("/query/[^/?]+$"), QStringLiteral("self-loop")));
    EXPECT_NE(laptop.sync().result, SyncReport::Result::Clean) << "stopped in the marks";
    ASSERT_TRUE(org.clearFaults());
    const Course course = firstActiveCourse(laptop.repository());
    const QList<Student> roster = laptop.repository().roster(course.id);
    ASSERT_GE(roster.size(), 2);
    const Enrollment gone = *laptop.repository().enrollment(course.id, roster[0].id);
    const Enrollment changed = *laptop.repository().enrollment(course.id, roster[1].id);
    ASSERT_TRUE(org.adminDelete(QStringLiteral("ParticipantEnrollment__c"), gone.sfid));
    // Another change after the deletion, so that nothing newer than it is left to read.
    ASSERT_TRUE(org.adminUpdate(QStringLiteral("ParticipantEnrollment__c"), changed.sfid,
                                {{QStringLiteral("Class__c"), course.sfid}}));

    ASSERT_EQ(laptop.sync().result, SyncReport::Result::Clean);
    ASSERT_EQ(laptop.sync().result, SyncReport::Result::Clean);
    EXPECT_FALSE(laptop.repository().enrollment(course.id, roster[0].id).has_value())
        << "the deleted enrollment left the laptop";
    expectLaptopHoldsExactlyTheScope(org, laptop);
}

// Case 10: two laptops mark the same student and day, differently.
TEST_F(PullWithTwoLaptops, TwoLaptopsMarkingTheSameDayMergeFieldByField)
{
    const Course course = firstActiveCourse(first.repository());
    const Student student = first.repository().roster(course.id).first();
    const QDate day = QDate::currentDate().addDays(-400 + 51);
    ASSERT_TRUE(
        first.repository()
            .markAttendance(course.id, student.id, day, 0, QStringLiteral("Trajo la tarea"), true)
            .ok());
    const qint64 otherCourse = *second.repository().findCourse(course.sfid, nullptr);
    const qint64 otherStudent = *second.repository().findStudent(student.sfid, nullptr);
    ASSERT_TRUE(
        second.repository().markAttendance(otherCourse, otherStudent, day, 3, {}, true).ok());

    ASSERT_EQ(first.sync().result, SyncReport::Result::Clean);
    EXPECT_EQ(second.sync().result, SyncReport::Result::Issues) << "the status conflict is shown";
    EXPECT_EQ(openConflicts(second), 1);
    SyncIssues issues(second.store());
    ASSERT_EQ(issues.list().size(), 1);
    EXPECT_EQ(issues.list().first().kind, SyncIssue::Kind::Conflict);
    ASSERT_EQ(first.sync().result, SyncReport::Result::Clean);

    QJsonObject mark;
    int found = 0;
    const Enrollment enrollment = *first.repository().enrollment(course.id, student.id);
    for (const QJsonValue &value : liveRecords(org, QStringLiteral("Attendance__c"))) {
        if (text(value.toObject(), QStringLiteral("Participant_Enrollment__c")) ==
                enrollment.sfid &&
            text(value.toObject(), QStringLiteral("Start_Date__c")) == day.toString(Qt::ISODate)) {
            mark = value.toObject();
            ++found;
        }
    }
    EXPECT_EQ(found, 1);
    EXPECT_EQ(text(mark, QStringLiteral("Attendance_Type__c")), QStringLiteral("3"))
        << "the later laptop's status (teacher wins), with the conflict shown";
    EXPECT_EQ(text(mark, QStringLiteral("Notes__c")), QStringLiteral("Trajo la tarea"))
        << "a field the second laptop never set is not wiped";
    expectLaptopHoldsExactlyTheScope(org, first);
    expectLaptopHoldsExactlyTheScope(org, second);
}

// Case 12: a record deleted in the org while the teacher edited it, synced four times.
TEST_F(PullAfterFirstSync, DeletedInOrgConflictIsLoggedOnce)
{
    Student edited = laptop.repository().roster(course.id).first();
    edited.notes = QStringLiteral("Se mudó");
    ASSERT_TRUE(laptop.repository().updateStudent(edited).ok());
    ASSERT_TRUE(org.adminDelete(QStringLiteral("Student__c"), edited.sfid));
    for (int i = 0; i < 4; ++i) {
        EXPECT_EQ(laptop.sync().result, SyncReport::Result::Issues);
    }
    EXPECT_EQ(openConflicts(laptop), 1) << "one row after four syncs";
    SyncIssues issues(laptop.store());
    ASSERT_EQ(issues.list().size(), 1);
    EXPECT_EQ(issues.list().first().kind, SyncIssue::Kind::DeletedInOrg);
}

// Case 13 (and the "Done when"): an idle sync reads at most an overlapping window again and
// re-applies nothing.
TEST_F(PullAfterFirstSync, IdleSyncReappliesNothing)
{
    ASSERT_EQ(laptop.sync().result, SyncReport::Result::Clean);
    const SyncReport idle = laptop.sync();
    EXPECT_EQ(idle.result, SyncReport::Result::Clean);
    EXPECT_EQ(idle.pulled, 0) << "records re-applied by an idle sync";
    EXPECT_EQ(idle.writeRequests, 0);
    expectLaptopHoldsExactlyTheScope(org, laptop);
}

namespace {

// The office at work while the laptop syncs: its own thread and HTTP connection, so that it
// can change records between two pages of the laptop's pull.
class OfficeThread
{
public:
    explicit OfficeThread(QUrl base) : m_base(std::move(base)) {}

    // Waits until the laptop has asked for a page whose path contains `needle`, then
    // changes each record's notes, a second apart.
    void editAfterRequest(const QString &needle, const QList<QPair<QString, QString>> &records)
    {
        m_thread.reset(QThread::create([this, needle, records] {
            QNetworkAccessManager network;
            const auto call = [&](const QByteArray &verb, const QString &path,
                                  const QByteArray &body) {
                QNetworkRequest request(m_base.resolved(QUrl(path)));
                request.setHeader(QNetworkRequest::ContentTypeHeader,
                                  QByteArrayLiteral("application/json"));
                QNetworkReply *reply = network.sendCustomRequest(request, verb, body);
                QEventLoop loop;
                QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
                loop.exec();
                const QByteArray answer = reply->readAll();
                reply->deleteLater();
                return answer;
            };
            QElapsedTimer waited;
            waited.start();
            while (waited.elapsed() < 120000) {
                bool seen = false;
                for (const QJsonValue &entry :
                     QJsonDocument::fromJson(call("GET", QStringLiteral("/__emulator/log"), {}))
                         .array()) {
                    seen =
                        seen ||
                        entry.toObject().value(QStringLiteral("path")).toString().contains(needle);
                }
                if (seen) {
                    break;
                }
                QThread::msleep(5);
            }
            for (const auto &[object, id] : records) {
                if (id != records.first().second) {
                    // Stamps are compared to the second: the edits fall in different seconds.
                    QThread::msleep(1100);
                }
                call("PATCH", QStringLiteral("/__emulator/records/%1/%2").arg(object, id),
                     QJsonDocument(QJsonObject{{QStringLiteral("Notes__c"),
                                                QStringLiteral("editado durante la sync")}})
                         .toJson());
            }
        }));
        m_thread->start();
    }

    void wait() { m_thread->wait(); }

private:
    QUrl m_base;
    std::unique_ptr<QThread> m_thread;
};

} // namespace

namespace {

// A store of the whole org (every record, whatever the teacher), signed in as the office
// user: the replication at its largest.
class WholeOrgStore
{
public:
    explicit WholeOrgStore(EmulatorProcess &org) : store(pasalista::test::wholeOrgMapping())
    {
        opened = store.open(dir.filePath(QStringLiteral("a.sqlite")));
        identity.instanceUrl = org.instanceUrl();
        identity.loginUrl = org.baseUrl();
        session = std::make_unique<Session>(identity, org.login().toUtf8(), QByteArray());
        client = std::make_unique<SalesforceClient>(session.get());
    }

    // "Sync now", or a background cycle that asks the org first which objects changed.
    SyncReport sync(bool background = false)
    {
        SyncEngine engine(store, *client, identity);
        engine.setProbeChanges(background);
        return engine.run();
    }

    QTemporaryDir dir;
    LocalStore store;
    bool opened = false;
    Identity identity;
    std::unique_ptr<Session> session;
    std::unique_ptr<SalesforceClient> client;
};

} // namespace

// Case 2: a record edited while a multi-page pull runs is served on a later page with its
// new stamp; a record edited just before it, on a page already read, must not be skipped.
TEST(PullOfManyPages, RecordEditedDuringAMultiPagePullSkipsNothing)
{
    EmulatorProcess org(
        generatedOrg(QStringLiteral("students=100,enrollments=200,attendance=4500"), 3));
    ASSERT_TRUE(org.isRunning()) << org.startupOutput().toStdString();
    // The marks in the order the pull reads them: the first of page 1 and the last of page 3.
    org.login();
    QStringList order;
    QString next =
        QStringLiteral("query?q=SELECT+Id+FROM+Attendance__c+ORDER+BY+SystemModstamp+ASC,+Id+ASC");
    while (!next.isEmpty()) {
        const QJsonObject page = org.api("GET", next).object();
        for (const QJsonValue &record : page.value(QStringLiteral("records")).toArray()) {
            order.append(text(record.toObject(), QStringLiteral("Id")));
        }
        next = page.value(QStringLiteral("nextRecordsUrl")).toString();
    }
    ASSERT_EQ(order.size(), 4500);
    const QString early = order.first();
    const QString late = order.last();

    WholeOrgStore laptop(org);
    ASSERT_TRUE(laptop.opened);
    ASSERT_TRUE(org.setFaults({{QStringLiteral("latencyMs"), 1500}}));
    org.clearRequestLog();
    OfficeThread office(org.baseUrl());
    // The log shows the marks' query once its first page is sent: the query has run, page 1
    // is on its way, page 3 is rendered only after page 2 has arrived (1.5 s later).
    office.editAfterRequest(
        QStringLiteral("FROM Attendance__c"),
        {{QStringLiteral("Attendance__c"), early}, {QStringLiteral("Attendance__c"), late}});
    EXPECT_EQ(laptop.sync().result, SyncReport::Result::Clean);
    office.wait();
    ASSERT_TRUE(org.clearFaults());
    EXPECT_EQ(laptop.sync().result, SyncReport::Result::Clean);

    for (const QString &id : {early, late}) {
        const auto row = laptop.store.idByColumn(Role::Attendance, QStringLiteral("sfid"), id);
        ASSERT_TRUE(row.has_value());
        EXPECT_EQ(laptop.store.row(Role::Attendance, *row)
                      ->value(QStringLiteral("notes__c"))
                      .toString()
                      .toStdString(),
                  "editado durante la sync")
            << id.toStdString() << (id == early ? " (page 1)" : " (page 3)");
    }
}

// Case 3: an office edit whose stamp is older than the moment it became visible (a long
// transaction), while another office edit is visible at once.
TEST_F(PullAfterFirstSync, EditVisibleLaterThanItsStampIsPulled)
{
    const QList<Student> roster = laptop.repository().roster(course.id);
    ASSERT_GE(roster.size(), 2);
    ASSERT_TRUE(org.adminUpdate(QStringLiteral("Student__c"), roster[0].sfid,
                                {{QStringLiteral("Notes__c"), QStringLiteral("Transacción larga")}},
                                {60, 30}));
    ASSERT_TRUE(org.adminUpdate(QStringLiteral("Student__c"), roster[1].sfid,
                                {{QStringLiteral("Notes__c"), QStringLiteral("Visible ya")}}));
    ASSERT_EQ(laptop.sync().result, SyncReport::Result::Clean);
    ASSERT_TRUE(org.advanceClock(31)); // the long transaction commits

    const SyncReport report = laptop.sync();
    ASSERT_EQ(report.result, SyncReport::Result::Clean) << report.message.toStdString();
    EXPECT_EQ(laptop.repository().student(roster[0].id)->notes.toStdString(), "Transacción larga");
    EXPECT_EQ(laptop.repository().student(roster[1].id)->notes.toStdString(), "Visible ya");
    expectLaptopHoldsExactlyTheScope(org, laptop);
}

// Case 7: a laptop away longer than the recycle bin keeps deleted records (15 days).
TEST_F(PullAfterFirstSync, LaptopAwayLongerThanTheRecycleBinLosesItsGhosts)
{
    const QList<Student> roster = laptop.repository().roster(course.id);
    ASSERT_GE(roster.size(), 1);
    const Enrollment gone = *laptop.repository().enrollment(course.id, roster[0].id);
    const AttendanceMark mark = laptop.repository().attendanceOfCourse(course.id).last();
    ASSERT_TRUE(org.adminDelete(QStringLiteral("ParticipantEnrollment__c"), gone.sfid));
    ASSERT_TRUE(org.adminDelete(QStringLiteral("Attendance__c"), mark.sfid));
    ASSERT_TRUE(org.advanceClock(16 * 86400.0)); // the recycle bin is emptied meanwhile
    laptop.signInAgain(org);

    const SyncReport report = laptop.sync();
    ASSERT_EQ(report.result, SyncReport::Result::Clean) << report.message.toStdString();
    EXPECT_FALSE(laptop.repository().enrollment(course.id, roster[0].id).has_value());
    for (const AttendanceMark &left : laptop.repository().attendanceOfCourse(course.id)) {
        EXPECT_NE(left.sfid, mark.sfid) << "the deleted mark left the laptop";
    }
    expectLaptopHoldsExactlyTheScope(org, laptop);
}

// Case 11: the teacher unenrolls a student while the office moves that enrollment to a
// course of another teacher.
TEST_F(PullAfterFirstSync, UnenrollMeetingAnOfficeMoveIsAConflictNotALoss)
{
    const Student student = laptop.repository().roster(course.id).first();
    const Enrollment enrollment = *laptop.repository().enrollment(course.id, student.id);
    const QString elsewhere = courseOf(org, kTeacher, false);
    ASSERT_TRUE(laptop.repository().unenroll(course.id, student.id).ok());
    ASSERT_TRUE(org.adminUpdate(QStringLiteral("ParticipantEnrollment__c"), enrollment.sfid,
                                {{QStringLiteral("Class__c"), elsewhere}}));

    EXPECT_EQ(laptop.sync().result, SyncReport::Result::Issues) << "the conflict is shown";
    const QHash<QString, QJsonObject> enrollments =
        byId(org, QStringLiteral("ParticipantEnrollment__c"));
    ASSERT_TRUE(enrollments.contains(enrollment.sfid)) << "the office's record is not deleted";
    EXPECT_EQ(text(enrollments.value(enrollment.sfid), QStringLiteral("Class__c")), elsewhere)
        << "the office's move is kept";
    EXPECT_FALSE(laptop.repository().enrollment(course.id, student.id).has_value())
        << "the laptop no longer shows the student enrolled";
    EXPECT_EQ(laptop.store().pendingChangeCount(), 0);
    SyncIssues issues(laptop.store());
    ASSERT_EQ(issues.list().size(), 1);
    EXPECT_EQ(issues.list().first().kind, SyncIssue::Kind::Conflict);
    EXPECT_EQ(laptop.sync().result, SyncReport::Result::Issues);
    EXPECT_EQ(openConflicts(laptop), 1) << "logged once";
    expectLaptopHoldsExactlyTheScope(org, laptop);
}

namespace {

qint64 stampMs(const QJsonObject &record)
{
    QString stamp = text(record, QStringLiteral("SystemModstamp"));
    stamp.replace(QStringLiteral("+0000"), QStringLiteral("Z"));
    return QDateTime::fromString(stamp, Qt::ISODateWithMs).toMSecsSinceEpoch();
}

// The office writes `fields` in the very second the record's current version is stamped
// with: Salesforce stamps to the second, so two versions of a record can share one stamp.
bool officeWritesInTheSameSecond(const EmulatorProcess &org, const QString &object,
                                 const QString &id, const QJsonObject &fields)
{
    const qint64 held = stampMs(byId(org, object).value(id));
    for (int attempt = 0; attempt < 3; ++attempt) {
        const qint64 now = org.clock().value(QStringLiteral("nowMs")).toVariant().toLongLong();
        if (!org.adminUpdate(object, id, fields, {int((now - held) / 1000), 0})) {
            return false;
        }
        if (stampMs(byId(org, object).value(id)) == held) {
            return true;
        }
        // The org's clock crossed into the next second meanwhile: write once more.
    }
    return false;
}

} // namespace

// The flaky SyncTest case, made certain: the office edits two students in the second the
// laptop's copies are stamped with. Taken for "read again, no work", the office's phone was
// overwritten by the teacher's push without a conflict, and its note never reached the laptop.
TEST_F(PullAfterFirstSync, OfficeEditStampedInTheSecondTheLaptopHoldsIsPulled)
{
    const QList<Student> roster = laptop.repository().roster(course.id);
    ASSERT_GE(roster.size(), 2);
    Student phone = roster[0];
    phone.phone1 = QStringLiteral("809-555-3333");
    ASSERT_TRUE(laptop.repository().updateStudent(phone).ok());
    ASSERT_TRUE(officeWritesInTheSameSecond(
        org, QStringLiteral("Student__c"), phone.sfid,
        {{QStringLiteral("Phone_Number_1__c"), QStringLiteral("809-555-4444")}}));
    ASSERT_TRUE(officeWritesInTheSameSecond(
        org, QStringLiteral("Student__c"), roster[1].sfid,
        {{QStringLiteral("Notes__c"), QStringLiteral("Cambió de turno")}}));

    const SyncReport report = laptop.sync();
    EXPECT_EQ(report.result, SyncReport::Result::Issues) << report.message.toStdString();
    SyncIssues issues(laptop.store());
    ASSERT_EQ(issues.list().size(), 1) << "the phone conflict is shown";
    EXPECT_EQ(issues.list().first().kind, SyncIssue::Kind::Conflict);
    EXPECT_EQ(issues.list().first().localValue, QStringLiteral("809-555-3333"));
    EXPECT_EQ(issues.list().first().remoteValue, QStringLiteral("809-555-4444"));
    EXPECT_EQ(text(byId(org, QStringLiteral("Student__c")).value(phone.sfid),
                   QStringLiteral("Phone_Number_1__c")),
              QStringLiteral("809-555-4444"))
        << "the office's phone is not overwritten";
    EXPECT_EQ(laptop.repository().student(roster[1].id)->notes.toStdString(), "Cambió de turno");
    expectLaptopHoldsExactlyTheScope(org, laptop);
}

namespace {

// Requests the org refused for their shape or size (a query it cannot run, a URI too long):
// against the emulator's documented rules, a production org would refuse them too.
QStringList refusedRequests(const EmulatorProcess &org)
{
    QStringList refused;
    for (const QJsonValue &value : org.requestLog()) {
        const int status = value.toObject().value(QStringLiteral("status")).toInt();
        if (status == 400 || status == 414 || status == 431) {
            refused.append(QStringLiteral("%1 %2").arg(status).arg(
                value.toObject().value(QStringLiteral("path")).toString().left(300)));
        }
    }
    return refused;
}

// Corrects `count` marks the org already holds (status and note), as a teacher fixing
// yesterday's late arrivals; returns them as corrected.
QList<AttendanceMark> correctHeldMarks(Laptop &laptop, const Course &course, int count)
{
    QList<AttendanceMark> corrected;
    for (AttendanceMark mark : laptop.repository().attendanceOfCourse(course.id)) {
        if (corrected.size() == count) {
            break;
        }
        if (mark.sfid.isEmpty()) {
            continue;
        }
        mark.status = mark.status == 3 ? 0 : 3;
        mark.notes = QStringLiteral("Corregido: llegó tarde");
        EXPECT_TRUE(
            laptop.repository()
                .markAttendance(course.id, mark.studentId, mark.date, mark.status, mark.notes, true)
                .ok());
        corrected.append(mark);
    }
    return corrected;
}

void expectOrgHoldsTheCorrections(const EmulatorProcess &org,
                                  const QList<AttendanceMark> &corrected)
{
    const QHash<QString, QJsonObject> marks = byId(org, QStringLiteral("Attendance__c"));
    for (const AttendanceMark &mark : corrected) {
        EXPECT_EQ(text(marks.value(mark.sfid), QStringLiteral("Attendance_Type__c")),
                  QString::number(mark.status))
            << mark.sfid.toStdString();
        EXPECT_EQ(text(marks.value(mark.sfid), QStringLiteral("Notes__c")), mark.notes)
            << mark.sfid.toStdString();
    }
}

} // namespace

// Issue 21, point 1: the teacher corrects a mark the org already holds while the office
// changes the course's attendance. The pull re-read the corrected mark with `OR Id IN (...)`
// next to the scope's semi-join, which a production org refuses ("Semi join sub-selects are
// only allowed at the top level WHERE expressions"): every sync stopped at the pull, and
// nothing more left the laptop.
TEST_F(PullTest, CorrectedMarkMeetingAnOfficeChangeSyncs)
{
    Laptop laptop(org, QStringLiteral("a"));
    ASSERT_EQ(laptop.sync().result, SyncReport::Result::Clean);
    const Course course = firstActiveCourse(laptop.repository());
    const QList<AttendanceMark> corrected = correctHeldMarks(laptop, course, 1);
    ASSERT_EQ(corrected.size(), 1);
    const AttendanceMark office = laptop.repository().attendanceOfCourse(course.id).last();
    ASSERT_NE(office.sfid, corrected.first().sfid);
    ASSERT_TRUE(org.adminUpdate(QStringLiteral("Attendance__c"), office.sfid,
                                {{QStringLiteral("Notes__c"), QStringLiteral("Justificada")}}));
    org.clearRequestLog();

    const SyncReport report = laptop.sync();
    EXPECT_EQ(report.result, SyncReport::Result::Clean) << report.message.toStdString();
    EXPECT_EQ(refusedRequests(org), QStringList());
    EXPECT_EQ(laptop.store().pendingChangeCount(), 0) << "the correction left the laptop";
    expectOrgHoldsTheCorrections(org, corrected);
    EXPECT_EQ(laptop.repository().attendanceOfCourse(course.id).last().notes.toStdString(),
              "Justificada");
    expectLaptopHoldsExactlyTheScope(org, laptop);
}

// Issue 21, point 2: hundreds of corrections waiting (more than one Id list can carry in a
// URI the org accepts) are re-read in lists that keep every request well under the limit.
TEST_F(PullTest, HundredsOfCorrectionsKeepEveryRequestSmall)
{
    Laptop laptop(org, QStringLiteral("a"));
    ASSERT_EQ(laptop.sync().result, SyncReport::Result::Clean);
    const Course course = firstActiveCourse(laptop.repository());
    const QList<AttendanceMark> corrected = correctHeldMarks(laptop, course, 250);
    ASSERT_EQ(corrected.size(), 250) << "the demo course holds enough marks";
    ASSERT_TRUE(org.adminUpdate(QStringLiteral("Attendance__c"),
                                laptop.repository().attendanceOfCourse(course.id).last().sfid,
                                {{QStringLiteral("Notes__c"), QStringLiteral("Justificada")}}));
    org.clearRequestLog();

    const SyncReport report = laptop.sync();
    EXPECT_EQ(report.result, SyncReport::Result::Clean) << report.message.toStdString();
    EXPECT_EQ(refusedRequests(org), QStringList());
    int idListQueries = 0;
    for (const QJsonValue &value : org.requestLog()) {
        // The log shows the URI decoded; the client sends the query text percent-encoded.
        const QString logged = value.toObject().value(QStringLiteral("path")).toString();
        const QString soql =
            QUrl::fromPercentEncoding(logged.section(QStringLiteral("?q="), 1).toUtf8());
        const qsizetype sent = logged.section(QStringLiteral("?q="), 0, 0).toUtf8().size() + 3 +
                               QUrl::toPercentEncoding(soql).size();
        if (soql.contains(QLatin1String("Id IN ('"))) {
            ++idListQueries;
            EXPECT_LE(sent, 2000) << "as Salesforce recommends: " << soql.left(300).toStdString();
        }
        EXPECT_LE(sent, 4000) << soql.left(300).toStdString();
    }
    EXPECT_GE(idListQueries, 4) << "250 Ids do not fit one URI of 2,000 bytes";
    EXPECT_EQ(laptop.store().pendingChangeCount(), 0);
    expectOrgHoldsTheCorrections(org, corrected);
    expectLaptopHoldsExactlyTheScope(org, laptop);
}

// Issue 21: every query shape the sync builds (first read, windows with edits waiting on
// every object, back-fill of a course newly led, reconcile after the recycle bin forgot)
// is one the org runs: no request is refused for its shape or size.
TEST_F(PullTest, EveryQueryTheSyncBuildsIsOneTheOrgRuns)
{
    Laptop laptop(org, QStringLiteral("a"));
    ASSERT_EQ(laptop.sync().result, SyncReport::Result::Clean);
    EXPECT_EQ(refusedRequests(org), QStringList()) << "first sync";
    const Course course = firstActiveCourse(laptop.repository());
    Student student = laptop.repository().roster(course.id).first();
    student.phone1 = QStringLiteral("809-555-7777");
    ASSERT_TRUE(laptop.repository().updateStudent(student).ok());
    ASSERT_EQ(correctHeldMarks(laptop, course, 3).size(), 3);
    ASSERT_TRUE(org.adminUpdate(QStringLiteral("Student__c"), student.sfid,
                                {{QStringLiteral("Notes__c"), QStringLiteral("Beca 2026")}}));
    ASSERT_TRUE(org.adminUpdate(QStringLiteral("ParticipantEnrollment__c"),
                                laptop.repository().enrollment(course.id, student.id)->sfid,
                                {{QStringLiteral("Class__c"), course.sfid}}));
    const QString newlyLed = courseOf(org, kTeacher, false);
    ASSERT_TRUE(org.adminUpdate(QStringLiteral("Class__c"), newlyLed,
                                {{QStringLiteral("Facilitator_1__c"), teacherId(org, kTeacher)}}));
    org.clearRequestLog();
    SyncReport report = laptop.sync();
    EXPECT_EQ(report.result, SyncReport::Result::Clean) << report.message.toStdString();
    EXPECT_EQ(refusedRequests(org), QStringList()) << "edits waiting, back-fill";

    ASSERT_EQ(correctHeldMarks(laptop, course, 2).size(), 2);
    ASSERT_TRUE(org.advanceClock(16 * 86400.0)); // past the recycle bin: reconcile
    laptop.signInAgain(org);
    org.clearRequestLog();
    report = laptop.sync();
    EXPECT_EQ(report.result, SyncReport::Result::Clean) << report.message.toStdString();
    EXPECT_EQ(refusedRequests(org), QStringList()) << "reconcile";
    expectLaptopHoldsExactlyTheScope(org, laptop);
}

namespace {

// Every live record of the org and of the store, field by field: the whole-org mapping
// holds them all.
void expectStoreHoldsTheWholeOrg(const EmulatorProcess &org, const LocalStore &store)
{
    const Mapping &mapping = store.mapping();
    for (Role role : {Role::Course, Role::Student, Role::Enrollment, Role::Attendance}) {
        const QString table = mapping.table(role);
        const QHash<QString, QVariantMap> rows = localRows(store, role);
        const QHash<QString, QJsonObject> expected = byId(org, mapping.objectFor(role).objectName);
        EXPECT_EQ(rows.size(), expected.size()) << table.toStdString();
        const RecordCodec codec(mapping, role);
        for (auto it = expected.begin(); it != expected.end(); ++it) {
            const QVariantMap local = rows.value(it.key());
            ASSERT_FALSE(local.isEmpty())
                << table.toStdString() << ": missing " << it.key().toStdString();
            const QVariantMap remote = codec.toColumns(*it);
            for (auto field = remote.begin(); field != remote.end(); ++field) {
                ASSERT_EQ(local.value(field.key()).toString().toStdString(),
                          field.value().toString().toStdString())
                    << table.toStdString() << " " << it.key().toStdString() << "."
                    << field.key().toStdString();
            }
        }
    }
}

} // namespace

// Issue 26: the office imports 100,000 records. The sync after the import reads them once;
// the syncs of the next ten minutes, whose overlap covers the import, read only what changed
// since (the org vouched for the import's stamps when it served them), in at most 3 API
// calls, as "Sync now" and as a background sync.
TEST(PullAfterABulkImport, RecordsHeldAreNotReadAgainInTheOverlap)
{
    EmulatorProcess org({QStringLiteral("--demo")});
    ASSERT_TRUE(org.isRunning()) << org.startupOutput().toStdString();
    WholeOrgStore laptop(org);
    ASSERT_TRUE(laptop.opened);
    // A sync reads the minute before its predecessor's clock again whole (a write in the
    // second of a version held here shares its stamp): the demo's records are older.
    ASSERT_TRUE(org.advanceClock(120));
    ASSERT_EQ(laptop.sync(false).result, SyncReport::Result::Clean);

    const auto orgRecords = [&org] {
        int records = 0;
        for (const QJsonValue &count :
             QJsonDocument::fromJson(org.get(QStringLiteral("/__emulator/state")).body)
                 .object()
                 .value(QStringLiteral("records"))
                 .toObject()) {
            records += count.toInt();
        }
        return records;
    };
    const int recordsBefore = orgRecords();
    // An import the way a data loader makes one: ordinary creates, stamped as they are made.
    const HttpReply reply = org.request(
        "POST", QStringLiteral("/__emulator/generate"),
        QJsonDocument(QJsonObject{{QStringLiteral("classes"), 20},
                                  {QStringLiteral("students"), 1980},
                                  {QStringLiteral("enrollments"), 8000},
                                  {QStringLiteral("attendance"), 90000}})
            .toJson(),
        {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}}, 600000);
    ASSERT_EQ(reply.status, 201) << reply.body.left(300).toStdString();
    int imported = 0;
    for (const QJsonValue &count : QJsonDocument::fromJson(reply.body).object()) {
        imported += count.toInt();
    }
    ASSERT_EQ(imported, 100000);
    ASSERT_TRUE(org.advanceClock(300)); // the teacher's next sync, minutes later
    const SyncReport first = laptop.sync(false);
    ASSERT_EQ(first.result, SyncReport::Result::Clean) << first.message.toStdString();
    EXPECT_EQ(first.pulled, orgRecords() - recordsBefore) << "the import and its programmes";
    EXPECT_EQ(first.reread, 0);

    // Within the ten minutes of overlap: only the office's edits of the moment are read.
    QStringList marks;
    for (const QJsonValue &mark : org.records(QStringLiteral("Attendance__c"))) {
        if (marks.size() < 5) {
            marks.append(text(mark.toObject(), QStringLiteral("Id")));
        }
    }
    for (const bool background : {false, true}) {
        if (background) {
            // The edits of the last round are in the minute before that sync's clock.
            ASSERT_TRUE(org.advanceClock(120));
            ASSERT_EQ(laptop.sync(true).result, SyncReport::Result::Clean);
        }
        ASSERT_TRUE(org.advanceClock(60));
        const QStringList edited = background ? marks.mid(0, 2) : marks.mid(2, 3);
        for (const QString &id : edited) {
            ASSERT_TRUE(org.adminUpdate(
                QStringLiteral("Attendance__c"), id,
                {{QStringLiteral("Notes__c"), QStringLiteral("Corregido por la oficina")}}));
        }
        if (background) {
            // The org's replication clock vouches for whole minutes: a background sync sees
            // an edit once its minute is over.
            ASSERT_TRUE(org.advanceClock(60));
        }
        const int before = laptop.client->apiUsed();
        const SyncReport report = laptop.sync(background);
        ASSERT_EQ(report.result, SyncReport::Result::Clean) << report.message.toStdString();
        EXPECT_EQ(report.pulled, edited.size()) << "background " << background;
        EXPECT_EQ(report.reread, 0) << "background " << background;
        EXPECT_LE(laptop.client->apiUsed() - before, 3) << "background " << background;
    }
    expectStoreHoldsTheWholeOrg(org, laptop.store);
}

// Issue 26: the office edits a mark of another teacher's course. Once that edit has settled
// (older than the last minute before the clock of the sync that saw it), a background sync
// asks the org how many of the teacher's marks it stamped there, in the call that carries
// the other first pages, and reads nothing: the org names the mark, the laptop does not hold
// it, and it is not the teacher's.
TEST_F(PullAfterFirstSync, OfficeEditOutsideTheScopeIsNotReadAgain)
{
    ASSERT_TRUE(org.advanceClock(11 * 60)); // the demo's records leave the overlap
    ASSERT_EQ(laptop.poll().result, SyncReport::Result::Clean);
    QString elsewhere;
    for (const QJsonValue &mark : liveRecords(org, QStringLiteral("Attendance__c"))) {
        const QString id = text(mark.toObject(), QStringLiteral("Id"));
        if (!laptop.store().idByColumn(Role::Attendance, QStringLiteral("sfid"), id)) {
            elsewhere = id;
            break;
        }
    }
    ASSERT_FALSE(elsewhere.isEmpty()) << "a mark outside the teacher's scope";
    ASSERT_TRUE(org.adminUpdate(QStringLiteral("Attendance__c"), elsewhere,
                                {{QStringLiteral("Notes__c"), QStringLiteral("Otra clase")}}));
    ASSERT_TRUE(org.advanceClock(120));
    ASSERT_EQ(laptop.poll().result, SyncReport::Result::Clean); // the window sees it
    ASSERT_TRUE(org.advanceClock(120));

    const int before = laptop.client().apiUsed();
    const SyncReport report = laptop.poll();
    ASSERT_EQ(report.result, SyncReport::Result::Clean) << report.message.toStdString();
    EXPECT_EQ(report.pulled, 0);
    EXPECT_EQ(report.reread, 0);
    EXPECT_LE(laptop.client().apiUsed() - before, 2) << "the probe, then the count";
    EXPECT_FALSE(laptop.store().idByColumn(Role::Attendance, QStringLiteral("sfid"), elsewhere));
    expectLaptopHoldsExactlyTheScope(org, laptop);
}
