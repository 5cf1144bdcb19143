#include "studentsearchmodel.h"

#include "repository.h"
#include "studentlabels.h"

#include <QLocale>

namespace pasalista {

StudentSearchModel::StudentSearchModel(const Repository &repository, QObject *parent)
    : QAbstractListModel(parent), m_repository(repository)
{
    reload();
}

void StudentSearchModel::setExcluded(const QSet<qint64> &studentIds)
{
    m_excluded = studentIds;
    reload();
}

void StudentSearchModel::setSearchText(const QString &text)
{
    m_searchText = text.trimmed();
    reload();
}

void StudentSearchModel::reload()
{
    beginResetModel();
    m_students.clear();
    const QList<Student> found = m_repository.students(m_searchText);
    for (const Student &student : found) {
        if (!m_excluded.contains(student.id)) {
            m_students.append(student);
        }
    }
    endResetModel();
}

const Student *StudentSearchModel::studentAt(int row) const
{
    if (row < 0 || row >= m_students.size()) {
        return nullptr;
    }
    return &m_students.at(row);
}

int StudentSearchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_students.size());
}

QVariant StudentSearchModel::data(const QModelIndex &index, int role) const
{
    const Student *student = index.isValid() ? studentAt(index.row()) : nullptr;
    if (!student) {
        return {};
    }
    switch (role) {
    case Qt::DisplayRole:
        return describe(*student);
    case Qt::ToolTipRole:
        return student->phone1;
    case StudentIdRole:
        return student->id;
    default:
        return {};
    }
}

QString StudentSearchModel::describe(const Student &student) const
{
    const QString born = QLocale().toString(student.dateOfBirth, QLocale::ShortFormat);
    if (student.nickname.isEmpty()) {
        return tr("%1 — born %2").arg(StudentLabels::listName(student, false), born);
    }
    return tr("%1 (%2) — born %3")
        .arg(StudentLabels::listName(student, false), student.nickname, born);
}

} // namespace pasalista
