#include "reports.h"

#include "repository.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSet>

#include <algorithm>
#include <numeric>

namespace pasalista {

Reports::Reports(const Repository &repository) : m_repository(repository) {}

void Reports::count(AttendanceSummary &summary, int status, int times) const
{
    const AttendanceCode *code = m_repository.mapping().attendanceCode(status);
    if (!code || !code->counted) {
        // A code the mapping gives no meaning (say the org's new "virtual present"):
        // counting it as anything would be a guess, so it is counted apart and named.
        summary.uncounted[status] += times;
        return;
    }
    summary.recorded += times;
    if (code->absent) {
        summary.absent += times;
    } else if (code->late) {
        summary.late += times;
    } else {
        summary.present += times;
    }
    if (code->excused) {
        summary.excused += times;
    }
}

QStringList Reports::uncountedNotices(const AttendanceSummary &summary) const
{
    QStringList notices;
    for (auto it = summary.uncounted.constBegin(); it != summary.uncounted.constEnd(); ++it) {
        notices.append(tr("%n mark(s) with code ‘%1’ are not counted: set the "
                          "code's meaning in the mapping.",
                          nullptr, it.value())
                           .arg(codeName(it.key())));
    }
    return notices;
}

QString Reports::codeName(int status) const
{
    const AttendanceCode *code = m_repository.mapping().attendanceCode(status);
    if (!code || code->label.isEmpty()) {
        return QString::number(status);
    }
    const QByteArray label = code->label.toUtf8();
    return QStringLiteral("%1 \u2013 %2")
        .arg(status)
        .arg(QCoreApplication::translate("AttendanceLabels", label.constData()));
}

bool Reports::inRange(const QDate &date, const QDate &from, const QDate &to)
{
    return (!from.isValid() || date >= from) && (!to.isValid() || date <= to);
}

QList<AttendanceMark> Reports::marksBetween(qint64 courseId, const QDate &from,
                                            const QDate &to) const
{
    QList<AttendanceMark> marks = m_repository.attendanceOfCourse(courseId);
    marks.removeIf([&](const AttendanceMark &mark) { return !inRange(mark.date, from, to); });
    return marks;
}

QList<StatusCount> Reports::statusCounts(qint64 courseId, const QDate &from, const QDate &to) const
{
    if (!from.isValid() && !to.isValid()) {
        return m_repository.statusCountsOfCourse(courseId); // counted by the store
    }
    QList<StatusCount> counts;
    for (const AttendanceMark &mark : marksBetween(courseId, from, to)) {
        counts.append({mark.studentId, mark.status, 1});
    }
    return counts;
}

QList<int> Reports::wholePercents(const QList<int> &counts)
{
    return wholeShares(counts, 100);
}

QList<int> Reports::wholeShares(const QList<int> &counts, int whole)
{
    const qint64 sum = std::accumulate(counts.begin(), counts.end(), qint64(0));
    QList<int> shares(counts.size(), 0);
    if (sum <= 0) {
        return shares;
    }
    // Integer arithmetic: remainders compare exactly, with no floating-point ties.
    QList<qint64> remainders(counts.size());
    int given = 0;
    for (qsizetype i = 0; i < counts.size(); ++i) {
        shares[i] = int(counts.at(i) * whole / sum);
        remainders[i] = counts.at(i) * whole % sum;
        given += shares.at(i);
    }
    QList<qsizetype> order(counts.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&remainders](qsizetype a, qsizetype b) {
        return remainders.at(a) > remainders.at(b);
    });
    for (qsizetype i = 0; given < whole; ++i, ++given) {
        ++shares[order.at(i)];
    }
    return shares;
}

QList<int> Reports::statusPercents(const AttendanceSummary &summary)
{
    // The absent share is the one chronic absence is judged by (rounded down); what it leaves
    // is split between present and late by largest remainder.
    const QList<int> attended =
        wholeShares({summary.present, summary.late}, attendedPercent(summary));
    return {attended.at(0), attended.at(1), summary.recorded > 0 ? summary.absencePercent() : 0};
}

int Reports::attendedPercent(const AttendanceSummary &summary)
{
    return summary.recorded > 0 ? 100 - summary.absencePercent() : 0;
}

QList<AttendanceSummary> Reports::courseReport(qint64 courseId, const QDate &from,
                                               const QDate &to) const
{
    QList<AttendanceSummary> rows;
    QHash<qint64, qsizetype> rowOfStudent;
    for (const Student &student : m_repository.roster(courseId)) {
        AttendanceSummary row;
        row.studentId = student.id;
        row.courseId = courseId;
        row.name = student.fullName();
        rowOfStudent.insert(student.id, rows.size());
        rows.append(row);
    }
    AttendanceSummary total;
    total.courseId = courseId;
    total.name = tr("Total");
    for (const StatusCount &counted : statusCounts(courseId, from, to)) {
        const auto found = rowOfStudent.constFind(counted.studentId);
        if (found != rowOfStudent.constEnd()) {
            count(rows[*found], counted.status, counted.count);
            count(total, counted.status, counted.count);
        }
    }
    rows.append(total);
    return rows;
}

AttendanceSummary Reports::courseTotals(qint64 courseId) const
{
    return courseReport(courseId).constLast();
}

QList<AttendanceSummary> Reports::studentReport(qint64 studentId) const
{
    QList<AttendanceSummary> rows;
    QHash<qint64, qsizetype> rowOfCourse;
    for (const Course &course : m_repository.coursesOfStudent(studentId)) {
        AttendanceSummary row;
        row.studentId = studentId;
        row.courseId = course.id;
        row.name = course.title;
        rowOfCourse.insert(course.id, rows.size());
        rows.append(row);
    }
    for (const AttendanceMark &mark : m_repository.attendanceOfStudent(studentId)) {
        const auto found = rowOfCourse.constFind(mark.courseId);
        if (found != rowOfCourse.constEnd()) {
            count(rows[*found], mark.status);
        }
    }
    return rows;
}

QList<WeeklyRate> Reports::weeklyRates(qint64 courseId, const QDate &from, const QDate &to) const
{
    const QSet<qint64> enrolled = enrolledIds(courseId);
    QMap<QDate, AttendanceSummary> weeks;
    for (const AttendanceMark &mark : marksBetween(courseId, from, to)) {
        if (enrolled.contains(mark.studentId)) {
            count(weeks[mark.date.addDays(1 - mark.date.dayOfWeek())], mark.status);
        }
    }
    QList<WeeklyRate> rates;
    for (auto it = weeks.constBegin(); it != weeks.constEnd(); ++it) {
        if (it->recorded > 0) {
            WeeklyRate week;
            week.weekStart = it.key();
            week.recorded = it->recorded;
            week.attended = it->present + it->late;
            rates.append(week);
        }
    }
    return rates;
}

QSet<qint64> Reports::enrolledIds(qint64 courseId) const
{
    QSet<qint64> ids;
    for (const Student &student : m_repository.roster(courseId)) {
        ids.insert(student.id);
    }
    return ids;
}

QList<WatchedStudent> Reports::watchedStudents(const QDate &from, const QDate &to) const
{
    QList<WatchedStudent> watched;
    for (const Course &course : m_repository.courses()) {
        QHash<qint64, QList<AttendanceMark>> marksOfStudent;
        for (const AttendanceMark &mark : marksBetween(course.id, from, to)) {
            marksOfStudent[mark.studentId].append(mark);
        }
        QList<AttendanceSummary> rows = courseReport(course.id, from, to);
        rows.removeLast(); // the total
        for (const AttendanceSummary &row : std::as_const(rows)) {
            WatchedStudent student;
            student.course = course.title;
            student.summary = row;
            student.summary.courseId = course.id;
            QList<AttendanceMark> marks = marksOfStudent.value(row.studentId);
            std::sort(
                marks.begin(), marks.end(),
                [](const AttendanceMark &a, const AttendanceMark &b) { return a.date < b.date; });
            findLongestStreak(marks, student);
            watched.append(student);
        }
    }
    std::stable_sort(
        watched.begin(), watched.end(), [](const WatchedStudent &a, const WatchedStudent &b) {
            const int byCourse = a.course.localeAwareCompare(b.course);
            return byCourse != 0 ? byCourse < 0
                                 : a.summary.name.localeAwareCompare(b.summary.name) < 0;
        });
    return watched;
}

void Reports::findLongestStreak(const QList<AttendanceMark> &marks, WatchedStudent &student) const
{
    int run = 0;
    QDate runFrom;
    for (const AttendanceMark &mark : marks) {
        const AttendanceCode *code = m_repository.mapping().attendanceCode(mark.status);
        if (!code || !code->counted) {
            continue; // a code with no meaning says nothing about the run
        }
        if (!code->absent) {
            run = 0;
            continue;
        }
        if (run++ == 0) {
            runFrom = mark.date;
        }
        if (run > student.longestStreak) {
            student.longestStreak = run;
            student.streakFrom = runFrom;
            student.streakTo = mark.date;
        }
    }
}

QList<WatchedStudent> Reports::chronicAbsences(const QDate &from, const QDate &to) const
{
    QList<WatchedStudent> watched = watchedStudents(from, to);
    watched.removeIf(
        [](const WatchedStudent &student) { return !student.summary.chronicallyAbsent(); });
    return watched;
}

QList<WatchedStudent> Reports::absenceStreaks(int minimumStreak, const QDate &from,
                                              const QDate &to) const
{
    QList<WatchedStudent> watched = watchedStudents(from, to);
    watched.removeIf([minimumStreak](const WatchedStudent &student) {
        return student.longestStreak < minimumStreak;
    });
    return watched;
}

QStringList Reports::columnTitles()
{
    return {tr("Student"), tr("Days"),    tr("Present"),   tr("Late"),
            tr("Absent"),  tr("Excused"), tr("Attendance")};
}

QString Reports::chronicAbsenceLabel()
{
    return tr("chronic absence");
}

QString Reports::chronicAbsenceRule()
{
    return tr("Chronic absence: 10 % or more of the class days missed, judged once at least %1 "
              "class days are recorded.")
        .arg(QLocale().toString(AttendanceSummary::kChronicMinimumDays));
}

} // namespace pasalista
