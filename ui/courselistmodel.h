#pragma once

#include "keyedrowsmodel.h"
#include "records.h"

namespace pasalista {

class Repository;

// Courses as a table: title, program, dates, facilitators, enrolled count. Filled from the
// repository (reload) or from a given list (setCourses, e.g. a student's courses); rows are
// keyed by course id and change in place, so the selected course survives a sync.
class CourseListModel : public KeyedRowsModel<Course>
{
    Q_OBJECT

public:
    enum Column
    {
        TitleColumn,
        ProgramColumn,
        StartColumn,
        EndColumn,
        EnrolledColumn,
        ColumnCount
    };
    enum DataRole
    {
        CourseIdRole = Qt::UserRole + 1,
        ProgramIdRole,
        StartDateRole,
        EndDateRole
    };

    explicit CourseListModel(QObject *parent = nullptr);

    void reload(const Repository &repository);
    void setCourses(const QList<Course> &courses);
    const Course *courseAt(int row) const;
    int rowOfCourse(qint64 courseId) const;

private:
    QStringList columnTitles() const override;
    QVariant rowData(const Course &course, int column, int role) const override;
    QVariant displayData(const Course &course, int column) const;
    QVariant roleData(const Course &course, int role) const;
    QString toolTip(const Course &course) const;
    qint64 rowKey(const Course &course) const override { return course.id; }
    bool sameRow(const Course &before, const Course &after) const override;
};

} // namespace pasalista
