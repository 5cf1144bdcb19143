#pragma once

#include "records.h"
#include "rowstablemodel.h"

#include <QHash>

namespace pasalista {

class Repository;

// One student's attendance marks, newest first, with the course's title.
class AttendanceHistoryModel : public RowsTableModel<AttendanceMark>
{
    Q_OBJECT

public:
    enum Column
    {
        DateColumn,
        CourseColumn,
        StatusColumn,
        NotesColumn,
        ColumnCount
    };

    explicit AttendanceHistoryModel(const Repository &repository, QObject *parent = nullptr);

    void setStudent(qint64 studentId);

private:
    QStringList columnTitles() const override;
    QVariant rowData(const AttendanceMark &mark, int column, int role) const override;
    QVariant displayData(const AttendanceMark &mark, int column) const;

    const Repository &m_repository;
    QHash<qint64, QString> m_courseTitles;
};

} // namespace pasalista
