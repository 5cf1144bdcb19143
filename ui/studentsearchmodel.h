#pragma once

#include "records.h"

#include <QAbstractListModel>
#include <QSet>

namespace pasalista {

class Repository;

// Students whose name or nickname contains a search text, for the enroll dialog. Students
// already in the excluded set (e.g. the course's roster) are left out.
class StudentSearchModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum DataRole
    {
        StudentIdRole = Qt::UserRole + 1
    };

    explicit StudentSearchModel(const Repository &repository, QObject *parent = nullptr);

    void setExcluded(const QSet<qint64> &studentIds);
    void setSearchText(const QString &text);
    QString searchText() const { return m_searchText; }
    const Student *studentAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    void reload();
    QString describe(const Student &student) const;

    const Repository &m_repository;
    QSet<qint64> m_excluded;
    QString m_searchText;
    QList<Student> m_students;
};

} // namespace pasalista
