#pragma once

#include "records.h"

#include <QCoreApplication>
#include <QSet>

namespace pasalista {

class Repository;

// A student the coordinator should look at, in one course: the counts over the dates asked
// for and the longest run of absences among them.
struct WatchedStudent
{
    QString course;            // the course's title
    AttendanceSummary summary; // studentId and courseId set, name "First Last"
    int longestStreak = 0;     // most absences in a row, by class day with a mark
    QDate streakFrom;          // first and last day of that run
    QDate streakTo;
};

// A week's attended share of the marks recorded in it (a week starts on Monday).
struct WeeklyRate
{
    QDate weekStart;
    int recorded = 0;
    int attended = 0; // present or late
    double rate() const { return recorded > 0 ? double(attended) / double(recorded) : 0.0; }
};

// Attendance reports from the local store, counted with the mapping's code meanings.
class Reports
{
    Q_DECLARE_TR_FUNCTIONS(Reports)

public:
    explicit Reports(const Repository &repository);

    // One row per enrolled student for the course, and a total row (studentId 0). With
    // dates, only the marks from `from` to `to`, both included; an invalid date leaves
    // that end open.
    QList<AttendanceSummary> courseReport(qint64 courseId, const QDate &from = {},
                                          const QDate &to = {}) const;
    AttendanceSummary courseTotals(qint64 courseId) const;
    // One row per course the student is enrolled in.
    QList<AttendanceSummary> studentReport(qint64 studentId) const;
    // The course's attendance rate week by week, weeks without a mark left out.
    QList<WeeklyRate> weeklyRates(qint64 courseId, const QDate &from = {},
                                  const QDate &to = {}) const;
    // Across every course in the store (the teacher's): students chronically absent, and
    // students with at least `minimumStreak` absences in a row (class days with a mark; a
    // code with no meaning neither breaks nor extends a run). Sorted by course, then name.
    QList<WatchedStudent> chronicAbsences(const QDate &from = {}, const QDate &to = {}) const;
    QList<WatchedStudent> absenceStreaks(int minimumStreak = kWatchedStreak, const QDate &from = {},
                                         const QDate &to = {}) const;
    // The titles of a course report's columns, in order: student, days, present, late, absent,
    // excused, attendance (the CLI's table and the printed one).
    static QStringList columnTitles();
    // "chronic absence", beside a student's row in a printed or typed report.
    static QString chronicAbsenceLabel();
    // The rule chronic absence follows, in one sentence for the reader of a report.
    static QString chronicAbsenceRule();
    static constexpr int kWatchedStreak = 3;

    // One sentence per code the summary left uncounted, naming the code and what to do.
    QStringList uncountedNotices(const AttendanceSummary &summary) const;

    // Whole percents of each count in their sum that add up to exactly 100 (largest
    // remainder: each share rounded down, then the points left go to the largest
    // fractions, the first of equals first); all 0 when the sum is 0.
    static QList<int> wholePercents(const QList<int> &counts);
    // A row's present, late and absent shares of its recorded days, adding up to 100 (0, 0,
    // 0 with nothing recorded). Excused is not among them: it is a kind of late or absence.
    // The absent share is AttendanceSummary::absencePercent, so that it reads as the chronic
    // rule judges it (2 of 21 missed is 9 %, not 10 %), and the other two add up to the rest.
    static QList<int> statusPercents(const AttendanceSummary &summary);
    // The whole percent attended that adds up to 100 with the share missed as it is shown
    // (AttendanceSummary::absencePercent, rounded down so it never reaches the chronic
    // threshold without being over it); 0 with nothing recorded.
    static int attendedPercent(const AttendanceSummary &summary);

private:
    // Whole shares of each count in their sum that add up to `whole` (largest remainder).
    static QList<int> wholeShares(const QList<int> &counts, int whole);
    // Every enrolled student of every course, with counts and longest absence run.
    QList<WatchedStudent> watchedStudents(const QDate &from, const QDate &to) const;
    static bool inRange(const QDate &date, const QDate &from, const QDate &to);
    QSet<qint64> enrolledIds(qint64 courseId) const;
    QList<AttendanceMark> marksBetween(qint64 courseId, const QDate &from, const QDate &to) const;
    // The longest run of absences among marks sorted by date.
    void findLongestStreak(const QList<AttendanceMark> &marks, WatchedStudent &student) const;
    // The course's marks counted per student and status, within the dates if any.
    QList<StatusCount> statusCounts(qint64 courseId, const QDate &from, const QDate &to) const;

    // Adds `times` marks of one status to a summary, by what its code means in the mapping.
    void count(AttendanceSummary &summary, int status, int times = 1) const;
    // "5 – Presente virtual" when the mapping labels the code, else the bare number.
    QString codeName(int status) const;

    const Repository &m_repository;
};

} // namespace pasalista
