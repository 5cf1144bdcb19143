#pragma once

#include "records.h"

#include <QCoreApplication>

namespace pasalista {

class Repository;

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
    // One sentence per code the summary left uncounted, naming the code and what to do.
    QStringList uncountedNotices(const AttendanceSummary &summary) const;

    // Whole percents of each count in their sum that add up to exactly 100 (largest
    // remainder: each share rounded down, then the points left go to the largest
    // fractions, the first of equals first); all 0 when the sum is 0.
    static QList<int> wholePercents(const QList<int> &counts);
    // A row's present, late and absent shares of its recorded days, adding up to 100 (0, 0,
    // 0 with nothing recorded). Excused is not among them: it is a kind of late or absence.
    static QList<int> statusPercents(const AttendanceSummary &summary);

private:
    // The course's marks counted per student and status, within the dates if any.
    QList<StatusCount> statusCounts(qint64 courseId, const QDate &from, const QDate &to) const;

    // Adds `times` marks of one status to a summary, by what its code means in the mapping.
    void count(AttendanceSummary &summary, int status, int times = 1) const;
    // "5 – Presente virtual" when the mapping labels the code, else the bare number.
    QString codeName(int status) const;

    const Repository &m_repository;
};

} // namespace pasalista
