#pragma once

#include "rowstablemodel.h"
#include "sync/syncissue.h"

#include <optional>

namespace pasalista {

class LocalStore;

// One row of the "Sync issues" list.
struct SyncIssueRow
{
    SyncIssue issue;
    std::optional<RefusedValue> refused;
    QString record; // what the record is, as the teacher knows it
};

// The "Sync issues" list: refused records and conflicts, one row each.
class SyncIssuesModel : public RowsTableModel<SyncIssueRow>
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
    const SyncIssue &issue(int row) const { return m_rows.at(row).issue; }
    // The refused value of a refused record, for the editor in place; nullopt when none.
    const std::optional<RefusedValue> &refusedValue(int row) const
    {
        return m_rows.at(row).refused;
    }
    int rowOf(Role role, qint64 recordId) const; // -1 when not listed

    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString kindLabel(SyncIssue::Kind kind);
    QString details(int row) const; // in the teacher's words

private:
    QStringList columnTitles() const override;
    QVariant rowData(const SyncIssueRow &row, int column, int role) const override;
    QString recordText(const SyncIssue &issue) const;
    QString detailsOf(const SyncIssueRow &row) const;

    LocalStore &m_store;
};

} // namespace pasalista
