#include "coursefilterproxymodel.h"

#include "courselistmodel.h"

namespace pasalista {

CourseFilterProxyModel::CourseFilterProxyModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
}

void CourseFilterProxyModel::setSearchText(const QString &text)
{
    m_searchText = text.trimmed();
    invalidateRowsFilter();
}

void CourseFilterProxyModel::setProgramId(qint64 programId)
{
    m_programId = programId;
    invalidateRowsFilter();
}

void CourseFilterProxyModel::setActiveOn(const QDate &date)
{
    m_activeOn = date;
    invalidateRowsFilter();
}

bool CourseFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid()) {
        return false;
    }
    return matchesSearch(sourceRow) && matchesProgram(sourceRow) && matchesDate(sourceRow);
}

bool CourseFilterProxyModel::matchesSearch(int sourceRow) const
{
    if (m_searchText.isEmpty()) {
        return true;
    }
    for (int column : {CourseListModel::TitleColumn, CourseListModel::ProgramColumn}) {
        const QString text = sourceModel()->index(sourceRow, column).data().toString();
        if (text.contains(m_searchText, Qt::CaseInsensitive)) {
            return true;
        }
    }
    return false;
}

bool CourseFilterProxyModel::matchesProgram(int sourceRow) const
{
    if (m_programId == 0) {
        return true;
    }
    const QModelIndex index = sourceModel()->index(sourceRow, 0);
    return index.data(CourseListModel::ProgramIdRole).toLongLong() == m_programId;
}

bool CourseFilterProxyModel::matchesDate(int sourceRow) const
{
    if (!m_activeOn.isValid()) {
        return true;
    }
    const auto *courses = qobject_cast<const CourseListModel *>(sourceModel());
    if (const Course *course = courses ? courses->courseAt(sourceRow) : nullptr) {
        return course->meetsOn(m_activeOn);
    }
    const QModelIndex index = sourceModel()->index(sourceRow, 0);
    const QDate start = index.data(CourseListModel::StartDateRole).toDate();
    const QDate end = index.data(CourseListModel::EndDateRole).toDate();
    return (!start.isValid() || start <= m_activeOn) && (!end.isValid() || m_activeOn <= end);
}

} // namespace pasalista
