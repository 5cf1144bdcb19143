#pragma once

#include "mapping.h"
#include "store/outboxentry.h"
#include "store/statementcache.h"
#include "sync/recordcodec.h"
#include "sync/syncreport.h"

#include <QHash>
#include <QJsonObject>
#include <QPair>
#include <QSqlQuery>

namespace pasalista {

class LocalStore;

// Writes records received from the org into the local store without logging them, and
// merges them field by field with the teacher's pending edits: a field only one side
// changed keeps that side's value; a field both changed is settled by the mapping's
// policy and the losing value goes to _conflict_log (once). Nothing is overwritten
// silently. Applying is idempotent: a record already here with the same SystemModstamp is
// no work, so a pull may re-read an overlapping window at no cost but the reading.
// An org record without our key adopts the local row that has the same natural key
// (enrollment: course + student; attendance: enrollment + date) instead of becoming a twin.
// The caller owns the transaction (one per page).
class RemoteApplier
{
public:
    enum class Outcome
    {
        Unchanged, // same sfid and stamp: nothing to do
        Inserted,  // new on this laptop
        Updated,   // a synced row took the org's values
        Merged     // met pending local edits (or adopted a local row) and was merged
    };

    RemoteApplier(LocalStore &store, const RecordCodec &codec, ConflictPolicy policy,
                  SyncReport &report);

    // Call at the start of each page: whether local rows still wait for their first push
    // (only then can an org record adopt one by natural key).
    void beginPage();
    bool apply(const QJsonObject &record);
    // The same, for a record already turned into columns (RecordCodec::toColumns).
    bool applyColumns(QVariantMap remote);
    Outcome lastOutcome() const { return m_outcome; }
    Role role() const { return m_codec.role(); }
    bool applyDeletion(const QString &sfid);
    QString errorString() const { return m_error; }

private:
    struct LocalRow
    {
        qint64 id = 0;
        QString lastOp;
        QString stamp;
        bool deleted = false;
    };
    std::optional<LocalRow> findLocal(const QString &sfid, const QString &key);
    // The columns of the role's natural key (local ids for lookups), empty for other roles.
    QStringList naturalKeyColumns() const;
    QStringList factColumns() const;
    // An unsent live row (no sfid) holding the natural key of `remote`.
    std::optional<qint64> findByNaturalKey(const QVariantMap &remote);
    // One mark per slot after `remote` landed on this laptop: unsent twins fold into it, and
    // so does a second org record on its slot (foldOrgTwin).
    bool foldTwinsOnSlot(const QVariantMap &remote);
    bool foldUnsentTwin(qint64 keptId, qint64 twinId);
    // The local row of the org record `sfid` and another live org record on its slot.
    std::optional<QPair<qint64, qint64>> findOrgTwin(const QString &sfid);
    // Two org records for one slot (an office move raced the push of the teacher's mark):
    // folded here into the record with the lower Id (*keptSfid), the other deleted in the org
    // at the next push (TwinCheck). The slot's version held here before (`residentId`) is
    // the teacher's, the arriving one the org's: a conflict shows both.
    bool foldOrgTwin(qint64 arrivedId, qint64 residentId, QString *keptSfid);
    // A conflict per slot column (enrollment, date) the org moved under pending edits.
    bool noteSlotMove(qint64 id, const QVariantMap &row, const QVariantMap &remote);
    // A conflict per column (course, student) of an enrollment the org moved while marks on
    // it wait to be sent: they follow the enrollment, and the teacher sees both versions.
    bool noteEnrollmentMove(qint64 id, const QVariantMap &remote);
    bool isLiveHere(Role role, const QVariant &id) const;
    // Withdraws the enrollment move conflicts whose teacher's version is the parent the org
    // deleted (`deletedSfid`, merged into another).
    bool withdrawEnrollmentMoves(const QString &deletedSfid);
    // False (with errorString()) on a store error.
    bool hasUnsentMarks(qint64 enrollmentId, bool *unsent);
    bool foldHeldCopy(qint64 adopted, const QString &sfid);
    // Whether `remote` is the org version the row holds (its own values, pending edits undone).
    bool holdsVersion(qint64 id, const QVariantMap &remote, const QList<OutboxEntry> &entries);
    // The record's unsettled outbox entries; false (with errorString()) on a store error.
    bool pendingEntries(qint64 recordId, QList<OutboxEntry> *entries);
    enum class Statement
    {
        InsertUnlessKnown,
        Insert,
        Update,
        Count
    };
    // `kind` is one of the two inserts; *inserted says whether a row was added.
    bool insertNew(const QVariantMap &values, Statement kind, bool *inserted);
    bool updateSynced(qint64 id, const QVariantMap &values);
    // The statement for the columns of `values`, in their order.
    const QString &sqlFor(Statement kind, const QVariantMap &values);
    const QString &sqlFor(Statement kind, const QStringList &columns);
    // Carries out MergeTable's decision for a row with unsent edits.
    bool merge(qint64 id, const QVariantMap &remote, const QList<OutboxEntry> &entries);
    bool rewriteEntry(const OutboxEntry &entry);
    bool logConflict(qint64 recordId, const QString &column, const QVariant &base,
                     const QVariant &local, const QVariant &remote, const QString &kept);
    void resolveLookups(QVariantMap &values);
    qint64 parentId(Role role, const QString &sfid);
    bool exec(QSqlQuery &query);
    bool failWith(const QString &reason);
    // The record's unsettled outbox entries (or those of `action`) become `state`.
    bool settle(qint64 id, const QString &state, const QString &message = {},
                const QString &action = {});

    LocalStore &m_store;
    const RecordCodec &m_codec;
    ConflictPolicy m_policy;
    SyncReport &m_report;
    QString m_error;
    Outcome m_outcome = Outcome::Unchanged;
    bool m_unsentRows = false;
    StatementCache m_statements;
    const QString m_findSql;
    const QString m_rowSql;
    QString m_orgTwinSql; // built on first use: the slot's columns come from the mapping
    QHash<QStringList, QString> m_sql[int(Statement::Count)]; // per kind: columns -> text
    struct LastStatement
    {
        QStringList columns;
        QString text;
    } m_lastSql[int(Statement::Count)];
    struct Lookup
    {
        QString column;
        QString refColumn; // the local id of the parent
        Role parentRole;
    };
    QList<Lookup> m_lookups;
    QHash<Role, QHash<QString, qint64>> m_parentIds; // role -> sfid -> local id
};

} // namespace pasalista
