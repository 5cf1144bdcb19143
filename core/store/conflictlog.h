#pragma once

#include <QList>
#include <QSet>
#include <QString>
#include <QVariantList>

#include <optional>

namespace pasalista {

class LocalStore;

// One row of _conflict_log: a field both sides changed, or a record deleted on one side
// and edited on the other (field "isdeleted").
struct Conflict
{
    qint64 id = 0;
    QString table;
    qint64 recordId = 0;
    QString field;
    QString base;
    QString local;
    QString remote;
    QString kept; // "local", "remote", or empty when nothing was decided
    QString createdAt;
};

// The one owner of _conflict_log: conflicts are recorded once, listed while open, and
// settled by the teacher.
class ConflictLog
{
public:
    enum class State
    {
        Open,
        Resolved,
        Dismissed
    };

    explicit ConflictLog(const LocalStore &store);

    // Records `conflict` unless the same one (record, field, both values) is known;
    // *added says whether it was new.
    bool recordOnce(const Conflict &conflict, bool *added);
    int openCount() const;
    // The open conflicts the teacher can settle by picking a value, oldest first.
    QList<Conflict> openChoices() const;
    // "table:record id" of each record the org deleted while it was edited here.
    QSet<QString> recordsDeletedInOrg() const;
    std::optional<Conflict> open(qint64 conflictId) const;
    bool settle(qint64 conflictId, State state);
    bool settleDeletion(const QString &table, qint64 recordId, State state);
    // The open conflicts of `table` on `field` whose local value is `localValue` become
    // `state`; *settled says how many.
    bool settleWithLocalValue(const QString &table, const QString &field, const QString &localValue,
                              State state, int *settled);
    QString errorString() const { return m_error; }

private:
    // The open conflicts matching `condition` (after `table_name = ?`; `values` bind the
    // table and then its placeholders) become `state`.
    bool settleOpen(const QString &condition, const QVariantList &values, State state,
                    int *settled = nullptr);

    const LocalStore &m_store;
    mutable QString m_error;
};

} // namespace pasalista
