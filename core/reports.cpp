#include "reports.h"

#include "logging.h"
#include "repository.h"

namespace pasalista {

Reports::Reports(const Repository &repository) : m_repository(repository) {}

void Reports::count(AttendanceSummary &summary, int status, int times) const
{
    const AttendanceCode *code = m_repository.mapping().attendanceCode(status);
    if (!code) {
        // A code the mapping no longer knows: counting it as anything would be a guess.
        qCWarning(lcDomain) << "attendance code" << status << "is not in the mapping";
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

QList<AttendanceSummary> Reports::courseReport(qint64 courseId) const
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
    for (const StatusCount &counted : m_repository.statusCountsOfCourse(courseId)) {
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
