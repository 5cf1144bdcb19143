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

    // One row per enrolled student for the course, and a total row (studentId 0).
    QList<AttendanceSummary> courseReport(qint64 courseId) const;
    AttendanceSummary courseTotals(qint64 courseId) const;
    // One row per course the student is enrolled in.
    QList<AttendanceSummary> studentReport(qint64 studentId) const;
    // One sentence per code the summary left uncounted, naming the code and what to do.
    QStringList uncountedNotices(const AttendanceSummary &summary) const;

private:
    // Adds `times` marks of one status to a summary, by what its code means in the mapping.
    void count(AttendanceSummary &summary, int status, int times = 1) const;
    // "5 – Presente virtual" when the mapping labels the code, else the bare number.
    QString codeName(int status) const;

    const Repository &m_repository;
};

} // namespace pasalista
