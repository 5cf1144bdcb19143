#pragma once

#include <QSortFilterProxyModel>

namespace pasalista {

// The summary sorted by the column the coordinator clicks (by SummaryModel::SortRole: numbers
// as numbers), with the course's total row always last.
class SummarySortModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit SummarySortModel(QObject *parent = nullptr);

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    static bool isTotal(const QModelIndex &index);
};

} // namespace pasalista
