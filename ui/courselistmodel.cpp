#include "courselistmodel.h"

#include "repository.h"

#include <QLocale>

namespace pasalista {

CourseListModel::CourseListModel(QObject *parent) : KeyedRowsModel<Course>(ColumnCount, parent) {}

QStringList CourseListModel::columnTitles() const
{
    return {tr("Course"), tr("Program"), tr("Start"), tr("End"), tr("Students")};
}

void CourseListModel::reload(const Repository &repository)
{
    setCourses(repository.courses());
}

void CourseListModel::setCourses(const QList<Course> &courses)
{
    replaceRows(courses);
}

bool CourseListModel::sameRow(const Course &before, const Course &after) const
{
    return before.title == after.title && before.programId == after.programId &&
           before.programName == after.programName && before.startDate == after.startDate &&
           before.endDate == after.endDate && before.facilitatorNames == after.facilitatorNames &&
           before.enrolledCount == after.enrolledCount && before.classDays == after.classDays;
}

const Course *CourseListModel::courseAt(int row) const
{
    return rowAt(row);
}

int CourseListModel::rowOfCourse(qint64 courseId) const
{
    return rowOfKey(courseId);
}

QVariant CourseListModel::rowData(const Course &course, int column, int role) const
{
    if (role == Qt::DisplayRole) {
        return displayData(course, column);
    }
    if (role == Qt::ToolTipRole) {
        return toolTip(course);
    }
    if (role == Qt::TextAlignmentRole && column == EnrolledColumn) {
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    }
    return roleData(course, role);
}

QVariant CourseListModel::displayData(const Course &course, int column) const
{
    const QLocale locale;
    switch (column) {
    case TitleColumn:
        return course.title;
    case ProgramColumn:
        return course.programName;
    case StartColumn:
        return locale.toString(course.startDate, QLocale::ShortFormat);
    case EndColumn:
        return course.endDate.isValid() ? locale.toString(course.endDate, QLocale::ShortFormat)
                                        : tr("Open");
    case EnrolledColumn:
        return course.enrolledCount;
    default:
        return {};
    }
}

QString CourseListModel::toolTip(const Course &course) const
{
    QString text =
        tr("%1\n%2, %3 to %4")
            .arg(course.title, course.programName, displayData(course, StartColumn).toString(),
                 displayData(course, EndColumn).toString());
    if (!course.facilitatorNames.isEmpty()) {
        text += QLatin1Char('\n') + tr("Facilitators: %1").arg(course.facilitatorNames);
    }
    return text;
}

QVariant CourseListModel::roleData(const Course &course, int role) const
{
    if (role < CourseIdRole || role > EndDateRole) {
        return {};
    }
    const QVariantList values = {course.id, course.programId, course.startDate, course.endDate};
    return values.at(role - CourseIdRole); // in the order of DataRole
}

} // namespace pasalista
