#pragma once

#include "mapping.h"
#include "store/outboxentry.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QVariant>
#include <QVariantMap>

namespace pasalista {

// A field both sides changed, to be listed once in the conflict log.
struct MergeConflict
{
    QString column;
    QVariant base;
    QVariant local;
    QVariant remote;
    QString kept; // "local" or "remote"
};

// What merging an org record with the teacher's unsent edits of it decided.
struct MergeDecision
{
    QVariantMap accepted;           // the org's values the row takes (may set _hc_lastop)
    QList<MergeConflict> conflicts; // in the order met
    bool dropLocalDelete = false;   // the record's DELETE entries are MERGED away
    QList<OutboxEntry> entries;     // the unsent entries as rewritten: what is left to send
};

// The merge as a pure decision table, field by field, after Heroku Connect and three-way
// merges: a field only one side changed keeps that side's value; a field both changed is
// settled by the mapping's policy and becomes a conflict. No store access: RemoteApplier
// carries the decision out.
class MergeTable
{
public:
    // `row`: the local row now; `remote`: the org's record as columns; `entries`: the
    // record's unsettled outbox entries, oldest first. `oneFact`: columns that together
    // make one fact (a mark's status and note): when both sides changed it, the policy's side
    // keeps its whole version and every differing column is a conflict, never a mix.
    static MergeDecision decide(const QVariantMap &row, const QVariantMap &remote,
                                QList<OutboxEntry> entries, ConflictPolicy policy,
                                const QStringList &oneFact = {});
    // Values from the org and from the store compare by text: 3 and 3.0, null and "" agree.
    static bool sameValue(const QVariant &a, const QVariant &b);

private:
    static void mergeFields(const QVariantMap &row, const QVariantMap &remote,
                            ConflictPolicy policy, const QStringList &oneFact,
                            MergeDecision &decision);
    // Settles `oneFact` as a whole when both sides changed it; false when they did not
    // (its columns then merge field by field).
    static bool settleWholeFact(const QVariantMap &row, const QVariantMap &remote,
                                const QHash<QString, QVariant> &base,
                                const QSet<QString> &changedLocally, ConflictPolicy policy,
                                const QStringList &oneFact, MergeDecision &decision);
    static void settleField(const MergeConflict &conflict, ConflictPolicy policy,
                            MergeDecision &decision);
    static bool isOwnValue(const QList<OutboxEntry> &entries, const QString &column,
                           const QVariant &value);
};

} // namespace pasalista
