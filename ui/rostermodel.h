#pragma once

#include "records.h"

#include <QAbstractTableModel>

namespace pasalista {

class Repository;

// The students enrolled in one course, by last name.
class RosterModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        LastNameColumn,
        FirstNameColumn,
        NicknameColumn,
        BirthDateColumn,
        PhoneColumn,
        ColumnCount
    };
    enum DataRole
    {
        StudentIdRole = Qt::UserRole + 1
    };

    explicit RosterModel(const Repository &repository, QObject *parent = nullptr);

    void setCourse(qint64 courseId);
    qint64 courseId() const { return m_courseId; }
    void reload();
    const Student *studentAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant displayData(const Student &student, int column) const;

    const Repository &m_repository;
    qint64 m_courseId = 0;
    QList<Student> m_students;
};

} // namespace pasalista
