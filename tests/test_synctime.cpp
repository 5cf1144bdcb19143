// Issue 22, against the emulator as a real process: the day a mark is filed under is the
// org's day, whatever the laptop's clock says (a dead clock battery); a mark for a day still
// to come never leaves the laptop; and every sync issue names its course, student and date
// even after the course has left the laptop.
#include "auth/orgsettings.h"
#include "clibinary.h"
#include "laptop.h"
#include "laptopclock.h"
#include "orgsettingsfiles.h"
#include "sync/clockskew.h"
#include "sync/syncissues.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QSettings>
#include <QTimeZone>
#include <gtest/gtest.h>

using namespace pasalista;
using namespace pasalista::test;

namespace {

constexpr qint64 kThreeDays = 3 * 86400;

QDateTime orgNow(const EmulatorProcess &org)
{
    return QDateTime::fromString(org.clock().value(QStringLiteral("now")).toString(),
                                 Qt::ISODateWithMs);
}

// The org's live marks by Pasalista_Id__c.
QHash<QString, QJsonObject> orgMarksByKey(const EmulatorProcess &org)
{
    QHash<QString, QJsonObject> marks;
    for (const QJsonValue &value : liveRecords(org, QStringLiteral("Attendance__c"))) {
        const QJsonObject record = value.toObject();
        marks.insert(record.value(QStringLiteral("Pasalista_Id__c")).toString(), record);
    }
    return marks;
}

// Every mark the laptop has sent is in the org with the same day and status.
void expectLaptopMarksInOrg(Laptop &laptop, const EmulatorProcess &org)
{
    const QHash<QString, QJsonObject> inOrg = orgMarksByKey(org);
    QSqlQuery rows(laptop.store().database());
    ASSERT_TRUE(rows.exec(QStringLiteral(
        "SELECT pasalista_id__c, start_date__c, attendance_type__c FROM attendance__c"
        " WHERE sfid IS NOT NULL AND pasalista_id__c IS NOT NULL AND isdeleted = 0")));
    int compared = 0;
    while (rows.next()) {
        const QString key = rows.value(0).toString();
        ASSERT_TRUE(inOrg.contains(key)) << key.toStdString();
        EXPECT_EQ(inOrg.value(key).value(QStringLiteral("Start_Date__c")).toString(),
                  rows.value(1).toString().left(10))
            << key.toStdString();
        EXPECT_EQ(inOrg.value(key).value(QStringLiteral("Attendance_Type__c")).toInt(),
                  rows.value(2).toInt())
            << key.toStdString();
        ++compared;
    }
    EXPECT_GT(compared, 0);
}

int orgMarksOn(const EmulatorProcess &org, const QDate &day)
{
    int count = 0;
    for (const QJsonObject &record : orgMarksByKey(org)) {
        count +=
            record.value(QStringLiteral("Start_Date__c")).toString() == day.toString(Qt::ISODate);
    }
    return count;
}

QString longDate(const QDate &date)
{
    return QLocale().toString(date, QLocale::LongFormat);
}

// Marking `day` (one student, and "all present") is refused with `code`, naming `named`;
// nothing is written for that day.
void expectDayRefused(Repository &repository, const Course &course, const QDate &day,
                      DomainError::Code code, const QDate &named)
{
    const Student student = repository.roster(course.id).first();
    for (bool confirmed : {false, true}) {
        const DomainError refused =
            repository.markAttendance(course.id, student.id, day, 0, {}, confirmed);
        EXPECT_EQ(refused.code, code) << refused.message.toStdString();
        EXPECT_TRUE(refused.message.contains(longDate(named))) << refused.message.toStdString();
    }
    EXPECT_EQ(repository.markAllPresent(course.id, day, true).code, code);
    EXPECT_TRUE(repository.attendanceOn(course.id, day).isEmpty());
}

class WrongLaptopClock : public SyncedLaptopTest
{
protected:
    void TearDown() override { LaptopClock::setOffsetSeconds(0); }
};

// The JSON object a CLI run printed.
QJsonObject jsonOf(const QString &output)
{
    return QJsonDocument::fromJson(
               output
                   .mid(output.indexOf(QLatin1Char('{')),
                        output.lastIndexOf(QLatin1Char('}')) - output.indexOf(QLatin1Char('{')) + 1)
                   .toUtf8())
        .object();
}

// An active course with students and its first student, as `courses` and `roster` print
// them (their Ids); empty on a failure, which the caller asserts.
QPair<QString, QString> activeCourseAndStudent(const Cli &cli)
{
    QString output;
    if (cli.run({QStringLiteral("courses"), QStringLiteral("--json")}, &output) != 0) {
        return {};
    }
    QString courseId;
    for (const QJsonValue &course : jsonOf(output).value(QStringLiteral("courses")).toArray()) {
        if (course.toObject().value(QStringLiteral("active")).toBool() &&
            course.toObject().value(QStringLiteral("enrolled")).toInt() > 0) {
            courseId = course.toObject().value(QStringLiteral("sfid")).toString();
            break;
        }
    }
    if (courseId.isEmpty() ||
        cli.run({QStringLiteral("roster"), courseId, QStringLiteral("--json")}, &output) != 0) {
        return {};
    }
    return {courseId, jsonOf(output)
                          .value(QStringLiteral("students"))
                          .toArray()
                          .first()
                          .toObject()
                          .value(QStringLiteral("sfid"))
                          .toString()};
}

// The org's live marks of `studentId` on `day`, by status.
QList<int> orgStatusesOf(const EmulatorProcess &org, const QString &studentId, const QDate &day)
{
    QList<int> statuses;
    for (const QJsonObject &record : orgMarksByKey(org)) {
        if (record.value(QStringLiteral("Start_Date__c")).toString() == day.toString(Qt::ISODate) &&
            record.value(QStringLiteral("Student_Id__c")).toString() == studentId) {
            statuses.append(record.value(QStringLiteral("Attendance_Type__c")).toInt());
        }
    }
    return statuses;
}

class ProgrammeTimeZone : public OrgSettingsFiles
{
protected:
    void TearDown() override { LaptopClock::setProgrammeTimeZone(QTimeZone::systemTimeZone()); }
};

using MarkDates = SyncedLaptopTest;
using IssueWords = SyncedLaptopTest;

} // namespace

// Case 3: the laptop's clock is 3 days ahead. Its "today" is three days after the org's: the
// sync says so with both dates, the roll for "today" is refused (nothing is filed under the
// wrong day), the class date chosen by hand reaches the org under that day, and the last
// sync shown is the org's time, not one in the future.
TEST_F(WrongLaptopClock, ThreeDaysAheadRefusesTodayAndKeepsTheOrgsTime)
{
    LaptopClock::setOffsetSeconds(kThreeDays);
    const QDate orgDay = orgNow(org).toLocalTime().date();
    const QDate laptopDay = LaptopClock::today();
    ASSERT_EQ(orgDay.daysTo(laptopDay), 3);

    const SyncReport report = laptop.sync();
    ASSERT_EQ(report.result, SyncReport::Result::Clean) << report.message.toStdString();
    const QString warnings = report.warnings.join(QLatin1Char('\n'));
    EXPECT_TRUE(warnings.contains(longDate(laptopDay)) && warnings.contains(longDate(orgDay)))
        << warnings.toStdString();
    const ClockSkew skew(laptop.store());
    EXPECT_TRUE(skew.changesDay());
    EXPECT_EQ(skew.orgToday(), orgDay);
    EXPECT_LT(qAbs(report.finishedAt.secsTo(orgNow(org))), 120) << "finished on the org's clock";
    EXPECT_LT(qAbs(repository.lastSyncAt().secsTo(orgNow(org))), 120)
        << "last sync on the org's clock: "
        << repository.lastSyncAt().toString(Qt::ISODate).toStdString();

    expectDayRefused(repository, course, laptopDay, DomainError::Code::WrongClock, orgDay);

    // Chosen by hand, the org's day is taken and reaches the org under that day.
    const Student student = repository.roster(course.id).first();
    ASSERT_TRUE(repository.markAttendance(course.id, student.id, orgDay, 1, {}, true).ok());
    ASSERT_EQ(laptop.sync().result, SyncReport::Result::Clean);
    EXPECT_EQ(orgMarksOn(org, laptopDay), 0) << "nothing filed under the laptop's day";
    expectLaptopMarksInOrg(laptop, org);
    EXPECT_EQ(repository.attendanceOn(course.id, orgDay).value(student.id).status, 1);

    // The clock set right: the next sync lifts the refusal and the warning.
    LaptopClock::setOffsetSeconds(0);
    const SyncReport fixed = laptop.sync();
    EXPECT_TRUE(fixed.warnings.isEmpty()) << fixed.warnings.join(QLatin1Char('\n')).toStdString();
    EXPECT_FALSE(ClockSkew(laptop.store()).changesDay());
}

// Case 4: a mark for next week was accepted and reached the org. It is refused now, with or
// without the confirmation that lets a date outside the course's dates through, and the
// org never sees it.
TEST_F(MarkDates, AMarkForNextWeekIsRefusedAndNeverReachesTheOrg)
{
    const QDate nextWeek = QDate::currentDate().addDays(7);
    expectDayRefused(repository, course, nextWeek, DomainError::Code::FutureDate, nextWeek);
    const Student student = repository.roster(course.id).first();
    // Today is still a class day.
    ASSERT_TRUE(
        repository.markAttendance(course.id, student.id, QDate::currentDate(), 0, {}, true).ok());
    ASSERT_EQ(laptop.sync().result, SyncReport::Result::Clean);
    EXPECT_EQ(orgMarksOn(org, nextWeek), 0);
    expectLaptopMarksInOrg(laptop, org);
}

// Case 6: the office deletes a course that holds 5 unsent marks. All 5 are kept and listed,
// and each issue still says which course, which student and which day it is for, though
// the students enrolled nowhere else have left the laptop.
TEST_F(IssueWords, ACourseDeletedWithFiveUnsentMarksListsFiveIssuesWithTheirWords)
{
    const QList<Student> roster = repository.roster(course.id);
    ASSERT_GE(roster.size(), 5);
    const QDate day = QDate::currentDate().addDays(-1);
    QHash<qint64, QString> names; // mark id -> student
    for (int i = 0; i < 5; ++i) {
        ASSERT_TRUE(repository.markAttendance(course.id, roster.at(i).id, day, 1, {}, true).ok());
        names.insert(repository.attendanceOn(course.id, day).value(roster.at(i).id).id,
                     roster.at(i).fullName());
    }
    // The office deletes the course with its enrollments, as a master-detail cascade would.
    for (const Student &student : roster) {
        ASSERT_TRUE(org.adminDelete(QStringLiteral("ParticipantEnrollment__c"),
                                    repository.enrollment(course.id, student.id)->sfid));
    }
    ASSERT_TRUE(org.adminDelete(QStringLiteral("Class__c"), course.sfid));

    const SyncReport report = laptop.sync();
    EXPECT_NE(report.result, SyncReport::Result::Clean) << "never \"in sync\"";
    QList<SyncIssue> marks;
    for (const SyncIssue &issue : SyncIssues(laptop.store()).list()) {
        if (issue.role == Role::Attendance) {
            marks.append(issue);
        }
    }
    ASSERT_EQ(marks.size(), 5);
    for (const SyncIssue &issue : marks) {
        ASSERT_TRUE(names.contains(issue.recordId)) << issue.recordLabel.toStdString();
        EXPECT_EQ(issue.courseName, course.title) << issue.recordLabel.toStdString();
        EXPECT_EQ(issue.classDate, day) << issue.recordLabel.toStdString();
        EXPECT_TRUE(issue.recordLabel.contains(names.value(issue.recordId)))
            << issue.recordLabel.toStdString();
        EXPECT_TRUE(issue.recordLabel.contains(course.title)) << issue.recordLabel.toStdString();
        // The student stays on the laptop while the issue is open: the words stay resolvable.
        const auto student = repository.student(issue.studentId);
        ASSERT_TRUE(student.has_value()) << issue.recordLabel.toStdString();
        EXPECT_EQ(student->fullName(), names.value(issue.recordId));
        // Kept on the laptop as made; none of them reached the org.
        const auto row = laptop.store().row(Role::Attendance, issue.recordId);
        ASSERT_TRUE(row.has_value());
        EXPECT_EQ(row->value(QStringLiteral("attendance_type__c")).toInt(), 1);
        EXPECT_FALSE(
            orgMarksByKey(org).contains(row->value(QStringLiteral("pasalista_id__c")).toString()));
    }
}

// The same laptop 3 days ahead, through pasalista-cli as a child process (its clock moved by
// the environment hook of Debug builds): `sync` and `status` name both dates, `status` shows
// the last sync on the org's clock, and `mark COURSE today` exits 3 naming the org's date to
// type instead, which is taken.
TEST(WrongLaptopClockCli, SyncStatusAndMarkNameBothDates)
{
    EmulatorProcess org({QStringLiteral("--demo"), QStringLiteral("--auto-approve"), kTeacher});
    ASSERT_TRUE(org.isRunning()) << org.startupOutput().toStdString();
    QTemporaryDir dir;
    Cli cli(dir);
    cli.setEnvironment(QStringLiteral("PASALISTA_TEST_CLOCK_OFFSET_SECONDS"),
                       QString::number(kThreeDays));
    cli.setEnvironment(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*=false"));
    QString output;
    PASALISTA_CLI_LOGIN_OR_SKIP(cli, org, output);
    const QDate orgDay = orgNow(org).toLocalTime().date();
    const QDate laptopDay = orgDay.addDays(3);

    ASSERT_EQ(cli.run({QStringLiteral("sync")}, &output), 0) << output.toStdString();
    EXPECT_TRUE(output.contains(longDate(laptopDay)) && output.contains(longDate(orgDay)))
        << output.toStdString();
    ASSERT_EQ(cli.run({QStringLiteral("status"), QStringLiteral("--json")}, &output), 0);
    const QJsonObject status = jsonOf(output);
    const QDateTime lastSync = QDateTime::fromString(
        status.value(QStringLiteral("last_sync")).toString(), Qt::ISODateWithMs);
    EXPECT_LT(qAbs(lastSync.secsTo(orgNow(org))), 120) << output.toStdString();
    EXPECT_TRUE(status.value(QStringLiteral("clock_warning")).toString().contains(longDate(orgDay)))
        << output.toStdString();

    const auto [courseId, studentId] = activeCourseAndStudent(cli);
    ASSERT_FALSE(courseId.isEmpty() || studentId.isEmpty());
    const QStringList mark = {QStringLiteral("mark"), courseId, QStringLiteral("today"), studentId,
                              QStringLiteral("L")};
    EXPECT_EQ(cli.run(mark, &output), 3) << output.toStdString();
    EXPECT_TRUE(output.contains(orgDay.toString(Qt::ISODate))) << output.toStdString();
    QStringList byHand = mark;
    byHand[2] = orgDay.toString(Qt::ISODate);
    EXPECT_EQ(cli.run(byHand, &output), 0) << output.toStdString();
    ASSERT_EQ(cli.run({QStringLiteral("sync")}, &output), 0) << output.toStdString();
    EXPECT_EQ(orgMarksOn(org, laptopDay), 0) << "nothing filed under the laptop's day";
    EXPECT_EQ(orgStatusesOf(org, studentId, orgDay), QList<int>{4})
        << "the mark (excused late) reached the org under the org's day";
}

// The programme's day comes from the org settings' zone, the admin's system-wide file first;
// an unknown zone leaves the laptop's own.
TEST_F(ProgrammeTimeZone, TheSettingsNameTheZoneAndTheDayIsItsDay)
{
    EXPECT_EQ(OrgSettings(&user, &system).programmeTimeZone(), QTimeZone::systemTimeZone());
    user.setValue(OrgSettings::kTimeZoneKey, QStringLiteral("Europe/Madrid"));
    EXPECT_EQ(OrgSettings(&user, &system).programmeTimeZone().id(), QByteArray("Europe/Madrid"));
    system.setValue(OrgSettings::kTimeZoneKey, QStringLiteral("America/Santo_Domingo"));
    const QTimeZone programme = OrgSettings(&user, &system).programmeTimeZone();
    EXPECT_EQ(programme.id(), QByteArray("America/Santo_Domingo"));
    user.setValue(OrgSettings::kTimeZoneKey, QStringLiteral("Not/A_Zone"));
    system.remove(OrgSettings::kTimeZoneKey);
    EXPECT_EQ(OrgSettings(&user, &system).programmeTimeZone(), QTimeZone::systemTimeZone());

    // Half past eleven at night in Santo Domingo is already the next day in Madrid.
    const QDateTime lateEvening(QDate(2026, 12, 7), QTime(23, 30), programme);
    LaptopClock::setProgrammeTimeZone(programme);
    EXPECT_EQ(LaptopClock::dayOf(lateEvening.toTimeZone(QTimeZone("Europe/Madrid"))),
              QDate(2026, 12, 7));
    EXPECT_EQ(LaptopClock::dayOf(lateEvening.toUTC()), QDate(2026, 12, 7));
    LaptopClock::setProgrammeTimeZone(QTimeZone("Europe/Madrid"));
    EXPECT_EQ(LaptopClock::dayOf(lateEvening), QDate(2026, 12, 8));
}

// A volunteer's laptop set to Madrid, at half past midnight there: in Santo Domingo, the
// programme's zone (programme/timeZone), it is still the evening before. `mark COURSE today`
// files the roll under the programme's day, and Madrid's day is refused as a day still to
// come (exit 3). The org's and the laptop's clocks agree (both moved to that moment).
TEST(ProgrammeTimeZoneCli, TodayIsTheProgrammesDayNotTheLaptops)
{
    const QTimeZone madrid("Europe/Madrid");
    const QTimeZone santoDomingo("America/Santo_Domingo");
    ASSERT_TRUE(madrid.isValid() && santoDomingo.isValid());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime halfPastMidnight(now.toTimeZone(madrid).date().addDays(1), QTime(0, 30),
                                     madrid);
    const qint64 ahead = now.secsTo(halfPastMidnight);
    const QDate programmeDay = halfPastMidnight.toTimeZone(santoDomingo).date();
    const QDate laptopDay = halfPastMidnight.toTimeZone(madrid).date();
    ASSERT_EQ(programmeDay.daysTo(laptopDay), 1);

    EmulatorProcess org({QStringLiteral("--demo"), QStringLiteral("--auto-approve"), kTeacher});
    ASSERT_TRUE(org.isRunning()) << org.startupOutput().toStdString();
    ASSERT_TRUE(org.advanceClock(double(ahead)));
    QTemporaryDir dir;
    Cli cli(dir);
    cli.setEnvironment(QStringLiteral("TZ"), QStringLiteral("Europe/Madrid"));
    cli.setEnvironment(QStringLiteral("PASALISTA_TEST_CLOCK_OFFSET_SECONDS"),
                       QString::number(ahead));
    cli.setEnvironment(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("*=false"));
    QSettings(dir.filePath(QStringLiteral("config/Pasalista/pasalista.conf")), QSettings::IniFormat)
        .setValue(OrgSettings::kTimeZoneKey, QStringLiteral("America/Santo_Domingo"));
    QString output;
    PASALISTA_CLI_LOGIN_OR_SKIP(cli, org, output);
    ASSERT_EQ(cli.run({QStringLiteral("sync")}, &output), 0) << output.toStdString();
    const auto [courseId, studentId] = activeCourseAndStudent(cli);
    ASSERT_FALSE(courseId.isEmpty() || studentId.isEmpty());

    const QString confirm = QStringLiteral("--confirm"); // only the day still to come refuses
    EXPECT_EQ(cli.run({QStringLiteral("mark"), courseId, laptopDay.toString(Qt::ISODate), studentId,
                       QStringLiteral("P"), confirm},
                      &output),
              3)
        << output.toStdString();
    EXPECT_EQ(cli.run({QStringLiteral("mark"), courseId, QStringLiteral("today"), studentId,
                       QStringLiteral("A"), confirm},
                      &output),
              0)
        << output.toStdString();
    ASSERT_EQ(cli.run({QStringLiteral("sync")}, &output), 0) << output.toStdString();
    EXPECT_EQ(orgStatusesOf(org, studentId, programmeDay), QList<int>{1})
        << "the absence is filed under the programme's day";
    EXPECT_TRUE(orgStatusesOf(org, studentId, laptopDay).isEmpty());
}
