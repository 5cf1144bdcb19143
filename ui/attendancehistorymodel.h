#pragma once

#include "records.h"

#include <QAbstractTableModel>
#include <QHash>

namespace pasalista {

class Repository;

// One student's attendance marks, newest first, with the course's title.
class AttendanceHistoryModel : public QAbstractTableModel
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

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant displayData(const AttendanceMark &mark, int column) const;

    const Repository &m_repository;
    QList<AttendanceMark> m_marks;
    QHash<qint64, QString> m_courseTitles;
};

} // namespace pasalista
