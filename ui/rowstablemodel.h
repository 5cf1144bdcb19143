#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>

namespace pasalista {

// A table model over a list of rows with fixed columns. The model answers the counts, the
// horizontal header from columnTitles() in column order (every other header as Qt draws it)
// and data() for a valid row, which it hands to rowData; the titles are translated by the
// model (tr() in its own context).
template <typename Row> class RowsTableModel : public QAbstractTableModel
{
public:
    RowsTableModel(int columnCount, QObject *parent)
        : QAbstractTableModel(parent), m_columnCount(columnCount)
    {
    }

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }
    int columnCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : m_columnCount;
    }
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override
    {
        const Row *row = index.isValid() ? rowAt(index.row()) : nullptr;
        return row ? rowData(*row, index.column(), role) : QVariant();
    }
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override
    {
        if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
            return QAbstractTableModel::headerData(section, orientation, role);
        }
        const QStringList titles = columnTitles();
        return section >= 0 && section < titles.size() ? QVariant(titles.at(section)) : QVariant();
    }
    const Row *rowAt(int row) const
    {
        return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
    }

protected:
    virtual QStringList columnTitles() const = 0;
    virtual QVariant rowData(const Row &row, int column, int role) const = 0;

    QList<Row> m_rows;

private:
    int m_columnCount;
};

} // namespace pasalista
