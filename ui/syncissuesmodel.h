#pragma once

#include "sync/syncissue.h"

#include <QAbstractTableModel>

namespace pasalista {

class LocalStore;

// The "Sync issues" list: refused records and conflicts, one row each.
class SyncIssuesModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        KindColumn,
        RecordColumn,
        DetailsColumn,
        WhenColumn,
        ColumnCount
    };

    explicit SyncIssuesModel(LocalStore &store, QObject *parent = nullptr);

    void reload();
    const SyncIssue &issue(int row) const { return m_issues.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString kindLabel(SyncIssue::Kind kind);
    QString details(const SyncIssue &issue) const; // in the teacher's words

private:
    LocalStore &m_store;
    QList<SyncIssue> m_issues;
};

} // namespace pasalista
