#include "attendancehistorymodel.h"

#include "attendancelabels.h"
#include "columnheaders.h"
#include "repository.h"

#include <QLocale>

namespace pasalista {

AttendanceHistoryModel::AttendanceHistoryModel(const Repository &repository, QObject *parent)
    : QAbstractTableModel(parent), m_repository(repository)
{
}

void AttendanceHistoryModel::setStudent(qint64 studentId)
{
    beginResetModel();
    m_marks = m_repository.attendanceOfStudent(studentId);
    m_courseTitles.clear();
    const QList<Course> courses = m_repository.coursesOfStudent(studentId);
    for (const Course &course : courses) {
        m_courseTitles.insert(course.id, course.title);
    }
    endResetModel();
}

int AttendanceHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_marks.size());
}

int AttendanceHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AttendanceHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_marks.size() || role != Qt::DisplayRole) {
        return {};
    }
    return displayData(m_marks.at(index.row()), index.column());
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

QVariant AttendanceHistoryModel::headerData(int section, Qt::Orientation orientation,
                                            int role) const
{
    return columnHeader(*this, section, orientation, role,
                        {tr("Date"), tr("Course"), tr("Status"), tr("Notes")});
}

} // namespace pasalista
