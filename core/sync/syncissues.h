#pragma once

#include "store/conflictlog.h"
#include "sync/syncissue.h"

#include <QCoreApplication>
#include <QList>
#include <QVariantMap>

#include <optional>

namespace pasalista {

class LocalStore;

// Reads and settles sync issues in the local store. Every action is a local write, so
// whatever the teacher decides reaches the org on the next sync.
class SyncIssues
{
    Q_DECLARE_TR_FUNCTIONS(SyncIssues)

public:
    explicit SyncIssues(LocalStore &store);

    QList<SyncIssue> list() const;
    int count() const;

    // Sends a refused record again (after the teacher fixed it).
    bool retry(Role role, qint64 recordId);
    // A record deleted in the org while edited here: create it again from the local copy,
    // or accept the deletion (the local edit is dropped, on purpose).
    bool restoreDeleted(Role role, qint64 recordId);
    bool acceptDeletion(Role role, qint64 recordId);
    // A conflict: keep the value that lost instead (written as a new local edit), or
    // leave things as they are and stop showing it.
    bool useLosingValue(qint64 conflictId);
    bool dismiss(qint64 conflictId);

    // The value that made the org refuse a record, found with the org's cached describe
    // (or the org's own "max length" when no rule explains it); nullopt when nothing in
    // the record breaks a known rule any more.
    std::optional<RefusedValue> refusedValue(const SyncIssue &issue) const;
    // Writes the teacher's correction of a refused value as a local edit: the outbox sends
    // it with the refused change, the record whole, at the next sync. A value the org's
    // rules would refuse again is not written (errorString says why).
    bool correct(const SyncIssue &issue, const QString &column, const QString &value);
    // A refused mark fixed as the org asked (its note, its status, or another class date),
    // written the way the sheet writes marks. A mark moved to another date leaves the refused
    // one behind: deleted in the org if it is there, let go of here if it never got there.
    bool fixMark(const SyncIssue &issue, int status, const QString &notes, const QDate &date);

    QString errorString() const { return m_error; }

private:
    void describeRecord(SyncIssue &issue) const;
    std::optional<RefusedValue> tooLongByTheOrgsWord(const SyncIssue &issue,
                                                     const QVariantMap &row) const;
    bool leaveRefusedMark(qint64 markId);
    // The record's values as the org holds them, for the columns its unsent edits changed.
    QVariantMap valuesInTheOrg(Role role, qint64 recordId) const;
    bool setConflictState(qint64 conflictId, ConflictLog::State state);
    // The record's open deletion conflicts are resolved and its refused edits dismissed.
    bool closeDeletionConflicts(const QString &table, qint64 recordId);
    std::optional<Role> roleOfTable(const QString &table) const;
    // `conflict` and the open conflicts settled with it (the rest of a mark's status+note).
    QList<Conflict> settledTogether(const Conflict &conflict) const;

    LocalStore &m_store;
    mutable QString m_error;
};

} // namespace pasalista
