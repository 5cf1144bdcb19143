#pragma once

#include "keyedrowsmodel.h"
#include "records.h"

namespace pasalista {

class Repository;

// The students enrolled in one course, by last name; rows keyed by student id, changed in
// place on reload.
class RosterModel : public KeyedRowsModel<Student>
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
    void showLoaded(qint64 courseId, const QList<Student> &roster); // read off the GUI thread
    const Student *studentAt(int row) const;

private:
    QStringList columnTitles() const override;
    QVariant rowData(const Student &student, int column, int role) const override;
    QVariant displayData(const Student &student, int column) const;
    qint64 rowKey(const Student &student) const override { return student.id; }
    bool sameRow(const Student &before, const Student &after) const override;

    const Repository &m_repository;
    qint64 m_courseId = 0;
};

} // namespace pasalista
