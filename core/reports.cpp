#include "reports.h"

#include "repository.h"

#include <QCoreApplication>

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

QList<StatusCount> Reports::statusCounts(qint64 courseId, const QDate &from, const QDate &to) const
{
    if (!from.isValid() && !to.isValid()) {
        return m_repository.statusCountsOfCourse(courseId); // counted by the store
    }
    QList<StatusCount> counts;
    for (const AttendanceMark &mark : m_repository.attendanceOfCourse(courseId)) {
        if ((!from.isValid() || mark.date >= from) && (!to.isValid() || mark.date <= to)) {
            counts.append({mark.studentId, mark.status, 1});
        }
    }
    return counts;
}

QList<int> Reports::wholePercents(const QList<int> &counts)
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
        shares[i] = int(counts.at(i) * 100 / sum);
        remainders[i] = counts.at(i) * 100 % sum;
        given += shares.at(i);
    }
    QList<qsizetype> order(counts.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&remainders](qsizetype a, qsizetype b) {
        return remainders.at(a) > remainders.at(b);
    });
    for (qsizetype i = 0; given < 100; ++i, ++given) {
        ++shares[order.at(i)];
    }
    return shares;
}

QList<int> Reports::statusPercents(const AttendanceSummary &summary)
{
    return wholePercents({summary.present, summary.late, summary.absent});
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

} // namespace pasalista
