#pragma once

#include "sync/syncissue.h"

#include <QAbstractTableModel>

#include <optional>

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
    const SyncIssue &issue(int row) const { return m_issues.at(row).issue; }
    // The refused value of a refused record, for the editor in place; nullopt when none.
    const std::optional<RefusedValue> &refusedValue(int row) const
    {
        return m_issues.at(row).refused;
    }
    int rowOf(Role role, qint64 recordId) const; // -1 when not listed

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString kindLabel(SyncIssue::Kind kind);
    QString details(int row) const; // in the teacher's words

private:
    struct Row
    {
        SyncIssue issue;
        std::optional<RefusedValue> refused;
        QString record; // what the record is, as the teacher knows it
    };
    QString recordText(const SyncIssue &issue) const;

    LocalStore &m_store;
    QList<Row> m_issues;
};

} // namespace pasalista
