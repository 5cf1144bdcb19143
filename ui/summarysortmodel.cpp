#include "summarysortmodel.h"

#include "summarymodel.h"

namespace pasalista {

SummarySortModel::SummarySortModel(QObject *parent) : QSortFilterProxyModel(parent)
{
    setSortRole(SummaryModel::SortRole);
    setSortLocaleAware(true);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
}

bool SummarySortModel::isTotal(const QModelIndex &index)
{
    return index.data(SummaryModel::StudentIdRole).toLongLong() == 0 &&
           index.data(SummaryModel::CourseIdRole).toLongLong() != 0;
}

bool SummarySortModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    // The view turns the comparison round for a descending sort: the total stays last either way.
    if (isTotal(left) != isTotal(right)) {
        return isTotal(right) == (sortOrder() == Qt::AscendingOrder);
    }
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace pasalista
