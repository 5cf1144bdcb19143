#include "sync/mergetable.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace pasalista {

namespace {

const QString kDeleted = QStringLiteral("isdeleted");
const QString kDelete = QStringLiteral("DELETE");

QString keptSide(ConflictPolicy policy)
{
    return policy == ConflictPolicy::LocalWins ? QStringLiteral("local") : QStringLiteral("remote");
}

} // namespace

bool MergeTable::sameValue(const QVariant &a, const QVariant &b)
{
    return a.toString() == b.toString();
}

MergeDecision MergeTable::decide(const QVariantMap &row, const QVariantMap &remote,
                                 QList<OutboxEntry> entries, ConflictPolicy policy,
                                 const QStringList &oneFact)
{
    MergeDecision decision;
    const bool deletedHere = std::any_of(entries.cbegin(), entries.cend(),
                                         [](const OutboxEntry &e) { return e.action == kDelete; });
    if (!deletedHere) {
        decision.entries = entries;
        mergeFields(row, remote, policy, oneFact, decision);
        return decision;
    }
    // Deleted here, changed in the org: a conflict, never a silent loss. The mapping's
    // policy decides whether the teacher's delete goes out or the org's change stays.
    decision.conflicts.append({kDeleted, 0, 1, 0, keptSide(policy)});
    decision.accepted = remote;
    if (policy == ConflictPolicy::LocalWins) {
        decision.accepted.remove(kDeleted);
        return decision;
    }
    decision.dropLocalDelete = true;
    entries.removeIf([](const OutboxEntry &entry) { return entry.action == kDelete; });
    if (entries.isEmpty()) {
        decision.accepted.insert(kLastOpColumn, lastOpName(LastOp::Synced));
        return decision;
    }
    // The teacher's other edits still meet the org's record, field by field.
    decision.accepted = {{kDeleted, 0}};
    decision.entries = entries;
    mergeFields(row, remote, policy, oneFact, decision);
    return decision;
}

void MergeTable::mergeFields(const QVariantMap &row, const QVariantMap &remote,
                             ConflictPolicy policy, const QStringList &oneFact,
                             MergeDecision &decision)
{
    QList<OutboxEntry> &entries = decision.entries;
    // The base of each locally changed field is the value its first pending edit started
    // from. A field set by a local INSERT was created on both sides: the org's value is its
    // base, so a field the teacher never filled takes the org's value, and two different
    // values are a conflict like any other.
    QHash<QString, QVariant> base;
    QSet<QString> changedLocally;
    for (const OutboxEntry &entry : std::as_const(entries)) {
        for (auto it = entry.values.begin(); it != entry.values.end(); ++it) {
            if (entry.action != QLatin1String("INSERT") && !changedLocally.contains(it.key())) {
                base.insert(it.key(), entry.old.value(it.key()));
            }
            changedLocally.insert(it.key());
        }
    }
    const auto dropFromEntries = [&entries](const QString &column) {
        for (OutboxEntry &entry : entries) {
            entry.values.remove(column);
        }
    };
    QVariantMap &accepted = decision.accepted;
    const bool factSettled =
        settleWholeFact(row, remote, base, changedLocally, policy, oneFact, decision);
    for (auto it = remote.begin(); it != remote.end(); ++it) {
        const QString &column = it.key();
        const QVariant local = row.value(column);
        if (factSettled && oneFact.contains(column)) {
            continue;
        }
        if (!changedLocally.contains(column) || column == QLatin1String("sfid")) {
            accepted.insert(column, it.value());
            continue;
        }
        if (column == QLatin1String("pasalista_id__c")) {
            if (sameValue(it.value(), local)) {
                dropFromEntries(column);
            }
            continue; // our key stays, and reaches the org record on the next push
        }
        if (sameValue(it.value(), local)) {
            if (!base.contains(column)) {
                dropFromEntries(column); // created alike on both sides: nothing to send
            }
            continue;
        }
        if (!base.contains(column)) {
            if (local.toString().isEmpty()) {
                accepted.insert(column, it.value()); // the teacher never set it
                dropFromEntries(column);
            } else if (!it.value().toString().isEmpty()) {
                settleField({column, it.value(), local, it.value(), keptSide(policy)}, policy,
                            decision);
            } // else only the teacher set it
            continue;
        }
        if (sameValue(it.value(), base.value(column)) || isOwnValue(entries, column, it.value())) {
            continue; // only the teacher changed it (the org may hold one of our own writes
                      // whose reply was lost)
        }
        settleField({column, base.value(column), local, it.value(), keptSide(policy)}, policy,
                    decision);
    }
    const bool allSent = std::all_of(entries.cbegin(), entries.cend(),
                                     [](const OutboxEntry &e) { return e.values.isEmpty(); });
    if (allSent) {
        accepted.insert(kLastOpColumn, lastOpName(LastOp::Synced));
    }
}

bool MergeTable::settleWholeFact(const QVariantMap &row, const QVariantMap &remote,
                                 const QHash<QString, QVariant> &base,
                                 const QSet<QString> &changedLocally, ConflictPolicy policy,
                                 const QStringList &oneFact, MergeDecision &decision)
{
    // The org's value before either side changed it: the pending edit's base, or the row's
    // own value for a column the teacher left alone. A column created here has no base.
    const auto orgChanged = [&](const QString &column) {
        if (!changedLocally.contains(column)) {
            return !sameValue(remote.value(column), row.value(column));
        }
        return !base.contains(column) || !sameValue(remote.value(column), base.value(column));
    };
    // A mark created on both sides merges field by field, as any record made twice: a
    // column only one side filled is no version of its own.
    const bool createdHere =
        std::any_of(decision.entries.cbegin(), decision.entries.cend(),
                    [](const OutboxEntry &e) { return e.action == QLatin1String("INSERT"); });
    if (createdHere) {
        return false;
    }
    bool teacherChanged = false;
    bool officeChanged = false;
    bool versionsDiffer = false;
    for (const QString &column : oneFact) {
        if (!remote.contains(column)) {
            return false; // the org's record does not carry the whole fact
        }
        teacherChanged = teacherChanged || changedLocally.contains(column);
        officeChanged = officeChanged || orgChanged(column);
        versionsDiffer = versionsDiffer || !sameValue(remote.value(column), row.value(column));
    }
    if (!teacherChanged || !officeChanged || !versionsDiffer) {
        return false;
    }
    const bool localWins = policy == ConflictPolicy::LocalWins;
    for (const QString &column : oneFact) {
        const QVariant local = row.value(column);
        const QVariant theirs = remote.value(column);
        if (sameValue(local, theirs)) {
            for (OutboxEntry &entry : decision.entries) {
                entry.values.remove(column); // both versions agree: nothing to send
            }
            continue;
        }
        decision.conflicts.append(
            {column, base.value(column, row.value(column)), local, theirs, keptSide(policy)});
        if (!localWins) {
            decision.accepted.insert(column, theirs);
        }
        if (localWins && !decision.entries.isEmpty() && !changedLocally.contains(column)) {
            // The teacher's whole version goes out, the column the teacher left alone too.
            decision.entries.last().values.insert(column, local);
        }
        for (OutboxEntry &entry : decision.entries) {
            if (!entry.values.contains(column)) {
                continue;
            }
            entry.old.insert(column, theirs); // the org's value is the new base
            if (!localWins) {
                entry.values.remove(column);
            }
        }
    }
    return true;
}

void MergeTable::settleField(const MergeConflict &conflict, ConflictPolicy policy,
                             MergeDecision &decision)
{
    const bool localWins = policy == ConflictPolicy::LocalWins;
    decision.conflicts.append(conflict);
    for (OutboxEntry &entry : decision.entries) {
        if (!entry.values.contains(conflict.column)) {
            continue;
        }
        entry.old.insert(conflict.column, conflict.remote); // the org's value is the new base
        if (!localWins) {
            entry.values.remove(conflict.column);
        }
    }
    if (!localWins) {
        decision.accepted.insert(conflict.column, conflict.remote);
    }
}

bool MergeTable::isOwnValue(const QList<OutboxEntry> &entries, const QString &column,
                            const QVariant &value)
{
    for (const OutboxEntry &entry : entries) {
        if (entry.values.contains(column) && sameValue(entry.values.value(column), value)) {
            return true;
        }
    }
    return false;
}

} // namespace pasalista
