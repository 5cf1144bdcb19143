#include "attendancehistorymodel.h"

#include "attendancelabels.h"
#include "repository.h"

#include <QLocale>

namespace pasalista {

AttendanceHistoryModel::AttendanceHistoryModel(const Repository &repository, QObject *parent)
    : RowsTableModel<AttendanceMark>(ColumnCount, parent), m_repository(repository)
{
}

void AttendanceHistoryModel::setStudent(qint64 studentId)
{
    beginResetModel();
    m_rows = m_repository.attendanceOfStudent(studentId);
    m_courseTitles.clear();
    const QList<Course> courses = m_repository.coursesOfStudent(studentId);
    for (const Course &course : courses) {
        m_courseTitles.insert(course.id, course.title);
    }
    endResetModel();
}

QVariant AttendanceHistoryModel::rowData(const AttendanceMark &mark, int column, int role) const
{
    return role == Qt::DisplayRole ? displayData(mark, column) : QVariant();
}

QVariant AttendanceHistoryModel::displayData(const AttendanceMark &mark, int column) const
{
    switch (column) {
    case DateColumn:
        return QLocale().toString(mark.date, QLocale::ShortFormat);
    case CourseColumn:
        return m_courseTitles.value(mark.courseId);
    case StatusColumn:
        return AttendanceLabels::label(m_repository.mapping(), mark.status);
    case NotesColumn:
        return mark.notes;
    default:
        return {};
    }
}

QStringList AttendanceHistoryModel::columnTitles() const
{
    return {tr("Date"), tr("Course"), tr("Status"), tr("Notes")};
}

} // namespace pasalista
