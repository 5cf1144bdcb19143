#pragma once

#include <QAbstractTableModel>
#include <QStringList>

namespace pasalista {

// The header of a table model whose columns have fixed titles: the horizontal header's text
// from `titles` in column order, every other header as Qt draws it. The titles are translated
// by the model (tr() in its own context).
inline QVariant columnHeader(const QAbstractTableModel &model, int section,
                             Qt::Orientation orientation, int role, const QStringList &titles)
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return model.QAbstractTableModel::headerData(section, orientation, role);
    }
    return section >= 0 && section < titles.size() ? QVariant(titles.at(section)) : QVariant();
}

} // namespace pasalista
