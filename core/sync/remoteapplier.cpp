#include "remoteapplier.h"

#include "logging.h"
#include "store/conflictlog.h"
#include "store/execstatement.h"
#include "store/localstore.h"
#include "store/outbox.h"
#include "store/sqltext.h"
#include "sync/mergetable.h"
#include "sync/twincheck.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlRecord>

#include <algorithm>

namespace pasalista {

using sql::nowUtc;
using sql::quoted;

namespace {

const QString kSfid = QStringLiteral("sfid");
const QString kKey = QStringLiteral("pasalista_id__c");

bool isUnsent(const QString &lastOp)
{
    return lastOp == lastOpName(LastOp::Pending) || lastOp == lastOpName(LastOp::Failed);
}

} // namespace

RemoteApplier::RemoteApplier(LocalStore &store, const RecordCodec &codec, ConflictPolicy policy,
                             SyncReport &report)
    : m_store(store), m_codec(codec), m_policy(policy), m_report(report),
      m_statements(store.database()),
      m_findSql(QStringLiteral("SELECT id, _hc_lastop, systemmodstamp, isdeleted FROM %1 WHERE"
                               " sfid = ? UNION ALL SELECT id, _hc_lastop, systemmodstamp,"
                               " isdeleted FROM %1"
                               " WHERE pasalista_id__c = ? LIMIT 1")
                    .arg(quoted(codec.table()))),
      m_rowSql(QStringLiteral("SELECT * FROM %1 WHERE id = ?").arg(quoted(codec.table())))
{
    for (const auto &[column, parentRole] : codec.lookupColumns()) {
        m_lookups.append({column, LocalStore::refColumn(column), parentRole});
    }
}

bool RemoteApplier::exec(QSqlQuery &query)
{
    QString reason;
    return execStatement(query, &reason) || failWith(reason);
}

bool RemoteApplier::failWith(const QString &reason)
{
    m_error = QCoreApplication::translate("pasalista::RemoteApplier",
                                          "Could not save data from the org: %1")
                  .arg(reason);
    return false;
}

bool RemoteApplier::settle(qint64 id, const QString &state, const QString &message,
                           const QString &action)
{
    Outbox outbox(m_store);
    return outbox.settleRecord(m_codec.table(), id, state, message, action) ||
           failWith(outbox.errorString());
}

void RemoteApplier::beginPage()
{
    QSqlQuery query(m_store.database());
    m_unsentRows = execStatement(query, QStringLiteral("SELECT EXISTS (SELECT 1 FROM %1 WHERE"
                                                       " sfid IS NULL AND isdeleted = 0)")
                                            .arg(quoted(m_codec.table()))) &&
                   query.next() && query.value(0).toBool();
}

bool RemoteApplier::apply(const QJsonObject &record)
{
    return applyColumns(m_codec.toColumns(record));
}

bool RemoteApplier::applyColumns(QVariantMap remote)
{
    resolveLookups(remote);
    // Queries (not queryAll) serve live records only: a row hidden here comes back.
    remote.insert(QStringLiteral("isdeleted"), 0);
    const QString sfid = remote.value(kSfid).toString();
    const QString key = remote.value(kKey).toString();
    // An org record without our key (made by the office, or in an org without the field)
    // may be the twin of a row this laptop has not sent yet: that row adopts it.
    std::optional<LocalRow> local;
    if (m_unsentRows && key.isEmpty()) {
        if (const auto adopted = findByNaturalKey(remote)) {
            if (!foldHeldCopy(*adopted, sfid)) {
                return false;
            }
            qCInfo(lcSyncMerge) << "org record" << sfid << "adopts local row" << m_codec.table()
                                << *adopted;
            local = LocalRow{*adopted, lastOpName(LastOp::Pending), QString(), false};
        }
    }
    bool inserted = false;
    // Most pulled records are new here (always so on a first sync): try the insert first and
    // look for a local row only when the org's id or our key is already taken.
    if (!local && !insertNew(remote, Statement::InsertUnlessKnown, &inserted)) {
        return false;
    }
    if (inserted) {
        m_outcome = Outcome::Inserted;
        ++m_report.pulled;
        return foldTwinsOnSlot(remote);
    }
    if (!local) {
        local = findLocal(sfid, key);
    }
    if (!local) {
        return insertNew(remote, Statement::Insert, &inserted); // reports what else blocked it
    }
    // Only rows a local edit touched can have pending outbox entries.
    QList<OutboxEntry> entries;
    if (isUnsent(local->lastOp) && !pendingEntries(local->id, &entries)) {
        return false; // a store error is no "no local edits": the page stops
    }
    const QString stamp = remote.value(QStringLiteral("systemmodstamp")).toString();
    const bool hiddenHere = local->deleted && local->lastOp == lastOpName(LastOp::Synced);
    // Stamps are to the second: a write made in the second of the version held here carries
    // the same stamp, so the stamp alone cannot tell the two versions apart.
    if (!stamp.isEmpty() && stamp == local->stamp && !hiddenHere &&
        holdsVersion(local->id, remote, entries)) {
        m_outcome = Outcome::Unchanged; // read again by an overlapping window: no work
        ++m_report.reread;
        return true;
    }
    if (!noteEnrollmentMove(local->id, remote)) {
        return false;
    }
    ++m_report.pulled;
    m_outcome = entries.isEmpty() ? Outcome::Updated : Outcome::Merged;
    const bool applied =
        entries.isEmpty() ? updateSynced(local->id, remote) : merge(local->id, remote, entries);
    return applied && foldTwinsOnSlot(remote);
}

std::optional<RemoteApplier::LocalRow> RemoteApplier::findLocal(const QString &sfid,
                                                                const QString &key)
{
    // A record this laptop (or another one) created comes back with our key. One statement
    // for both lookups, the org's id first; an empty value binds NULL, which matches nothing.
    QSqlQuery &query = m_statements.get(m_findSql);
    query.bindValue(0, sfid.isEmpty() ? QVariant() : QVariant(sfid));
    query.bindValue(1, key.isEmpty() ? QVariant() : QVariant(key));
    if (!exec(query) || !query.next()) {
        return std::nullopt;
    }
    LocalRow row{query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toString(),
                 query.value(3).toInt() != 0};
    query.finish();
    return row;
}

bool RemoteApplier::foldHeldCopy(qint64 adopted, const QString &sfid)
{
    // The teacher saved this row while a pull brought the org's record as a row of its own
    // (the save could not see it yet): the teacher's row takes the record over, the copy
    // goes. A copy with edits of its own stays; the push then tells why.
    const auto copy = m_store.idByColumn(m_codec.role(), kSfid, sfid);
    if (!copy || *copy == adopted) {
        return true;
    }
    QList<OutboxEntry> copyEntries;
    if (!pendingEntries(*copy, &copyEntries)) {
        return false;
    }
    if (!copyEntries.isEmpty()) {
        return true;
    }
    if (!m_store.foldTwin(m_codec.role(), adopted, *copy)) {
        return failWith(m_store.errorString());
    }
    qCInfo(lcSyncMerge) << "folded" << m_codec.table() << *copy << "into" << adopted;
    return true;
}

bool RemoteApplier::holdsVersion(qint64 id, const QVariantMap &remote,
                                 const QList<OutboxEntry> &entries)
{
    QSqlQuery &query = m_statements.get(m_rowSql);
    query.bindValue(0, id);
    if (!exec(query) || !query.next()) {
        return false;
    }
    // The org's version this laptop last saw: the row with the teacher's pending edits
    // undone, the oldest edit's "before" winning.
    const QSqlRecord record = query.record();
    QVariantMap seen;
    for (int i = 0; i < record.count(); ++i) {
        seen.insert(record.fieldName(i), query.value(i));
    }
    query.finish();
    for (auto entry = entries.crbegin(); entry != entries.crend(); ++entry) {
        if (entry->action == QLatin1String("INSERT")) {
            return false; // never seen from the org
        }
        for (auto old = entry->old.begin(); old != entry->old.end(); ++old) {
            seen.insert(old.key(), old.value());
        }
    }
    for (auto it = remote.begin(); it != remote.end(); ++it) {
        // A local delete waits in the outbox: the org's live record is no news.
        if (it.key() != QLatin1String("isdeleted") &&
            !MergeTable::sameValue(it.value(), seen.value(it.key()))) {
            return false;
        }
    }
    return true;
}

QStringList RemoteApplier::naturalKeyColumns() const
{
    // Enrollment: one per (course, student); attendance: one per (enrollment, date).
    const Mapping &mapping = m_store.mapping();
    switch (m_codec.role()) {
    case Role::Enrollment:
        return {LocalStore::refColumn(mapping.column(Role::Enrollment, QStringLiteral("course"))),
                LocalStore::refColumn(mapping.column(Role::Enrollment, QStringLiteral("student")))};
    case Role::Attendance:
        return {
            LocalStore::refColumn(mapping.column(Role::Attendance, QStringLiteral("enrollment"))),
            mapping.column(Role::Attendance, QStringLiteral("date"))};
    default:
        return {};
    }
}

QStringList RemoteApplier::factColumns() const
{
    // A mark's status and note say one thing together: never merged column by column.
    if (m_codec.role() != Role::Attendance) {
        return {};
    }
    QStringList columns;
    for (const QString &logical : {QStringLiteral("status"), QStringLiteral("notes")}) {
        const QString column = m_store.mapping().column(Role::Attendance, logical);
        if (!column.isEmpty()) {
            columns.append(column);
        }
    }
    return columns;
}

std::optional<qint64> RemoteApplier::findByNaturalKey(const QVariantMap &remote)
{
    const QStringList columns = naturalKeyColumns();
    if (columns.isEmpty()) {
        return std::nullopt;
    }
    QStringList conditions{QStringLiteral("sfid IS NULL"), QStringLiteral("isdeleted = 0")};
    for (const QString &column : std::as_const(columns)) {
        if (remote.value(column).toString().isEmpty()) {
            return std::nullopt; // a parent not on this laptop matches no local row
        }
        conditions.append(quoted(column) + QStringLiteral(" = ?"));
    }
    QSqlQuery &query = m_statements.get(
        QStringLiteral("SELECT id FROM %1 WHERE %2 LIMIT 1")
            .arg(quoted(m_codec.table()), conditions.join(QStringLiteral(" AND "))));
    for (int i = 0; i < columns.size(); ++i) {
        query.bindValue(i, remote.value(columns.at(i)));
    }
    if (!exec(query) || !query.next()) {
        return std::nullopt;
    }
    const qint64 id = query.value(0).toLongLong();
    query.finish();
    return id;
}

bool RemoteApplier::foldTwinsOnSlot(const QVariantMap &remote)
{
    // The org's record now holds a slot (enrollment + date) where the teacher made a mark
    // not sent yet: the office moved a mark onto it, or another laptop's mark arrived. One
    // mark per slot: the teacher's row folds into the org's record, its version of the
    // fact goes to the record as an edit or to the conflict log, as the policy says.
    if (m_codec.role() != Role::Attendance) {
        return true;
    }
    const auto kept = m_unsentRows ? m_store.idByColumn(m_codec.role(), kSfid, remote.value(kSfid))
                                   : std::nullopt;
    while (kept) {
        const auto twin = findByNaturalKey(remote);
        if (!twin) {
            break;
        }
        if (!foldUnsentTwin(*kept, *twin)) {
            return false;
        }
    }
    // The slot may also hold a mark the org has already: the office moved a mark onto it
    // while this laptop's push created the teacher's mark for it.
    QString sfid = remote.value(kSfid).toString();
    while (const auto twins = findOrgTwin(sfid)) {
        if (!foldOrgTwin(twins->first, twins->second, &sfid)) {
            return false;
        }
    }
    return true;
}

bool RemoteApplier::foldUnsentTwin(qint64 keptId, qint64 twinId)
{
    const auto kept = m_store.row(m_codec.role(), keptId);
    const auto twin = m_store.row(m_codec.role(), twinId);
    if (!kept || !twin) {
        return failWith(m_store.errorString());
    }
    const bool localWins = m_policy == ConflictPolicy::LocalWins;
    QVariantMap teachers; // the teacher's version where it differs from the org's
    for (const QString &column : factColumns()) {
        const QVariant local = twin->value(column);
        if (MergeTable::sameValue(local, kept->value(column))) {
            continue;
        }
        teachers.insert(column, local);
        if (!logConflict(keptId, column, kept->value(column), local, kept->value(column),
                         localWins ? QStringLiteral("local") : QStringLiteral("remote"))) {
            return false;
        }
    }
    if (!settle(twinId, outbox::Merged) || !m_store.foldTwin(m_codec.role(), keptId, twinId) ||
        (localWins && !teachers.isEmpty() &&
         !m_store.updateLocal(m_codec.role(), keptId, teachers))) {
        return failWith(m_store.errorString());
    }
    qCInfo(lcSyncMerge) << "unsent" << m_codec.table() << twinId << "folded into" << keptId;
    return true;
}

std::optional<QPair<qint64, qint64>> RemoteApplier::findOrgTwin(const QString &sfid)
{
    if (sfid.isEmpty()) {
        return std::nullopt;
    }
    if (m_orgTwinSql.isEmpty()) {
        QStringList sameSlot;
        for (const QString &column : naturalKeyColumns()) {
            sameSlot.append(QStringLiteral("t.%1 = a.%1").arg(quoted(column)));
        }
        m_orgTwinSql = QStringLiteral("SELECT a.id, t.id FROM %1 a JOIN %1 t ON %2 WHERE"
                                      " a.sfid = ? AND a.isdeleted = 0 AND t.id <> a.id"
                                      " AND t.isdeleted = 0 AND t.sfid IS NOT NULL LIMIT 1")
                           .arg(quoted(m_codec.table()), sameSlot.join(QStringLiteral(" AND ")));
    }
    QSqlQuery &query = m_statements.get(m_orgTwinSql);
    query.bindValue(0, sfid);
    if (!exec(query) || !query.next()) {
        return std::nullopt;
    }
    const QPair<qint64, qint64> ids{query.value(0).toLongLong(), query.value(1).toLongLong()};
    query.finish();
    return ids;
}

bool RemoteApplier::foldOrgTwin(qint64 arrivedId, qint64 residentId, QString *keptSfid)
{
    const Role role = m_codec.role();
    const auto arrived = m_store.row(role, arrivedId);
    const auto resident = m_store.row(role, residentId);
    if (!arrived || !resident) {
        return failWith(m_store.errorString());
    }
    // Every laptop that meets the pair keeps the same record, the lower Id (as a rule the
    // older one), so no two laptops delete one each.
    const bool keepArrived = arrived->value(kSfid).toString() < resident->value(kSfid).toString();
    const qint64 keptId = keepArrived ? arrivedId : residentId;
    const qint64 droppedId = keepArrived ? residentId : arrivedId;
    const QVariantMap &kept = keepArrived ? *arrived : *resident;
    *keptSfid = kept.value(kSfid).toString();
    const bool localWins = m_policy == ConflictPolicy::LocalWins;
    const QVariantMap &winner = localWins ? *resident : *arrived;
    QVariantMap changes; // the winning version where the kept record holds the other
    for (const QString &column : factColumns()) {
        const QVariant teachers = resident->value(column);
        const QVariant orgs = arrived->value(column);
        if (MergeTable::sameValue(teachers, orgs)) {
            continue;
        }
        if (!logConflict(keptId, column, orgs, teachers, orgs,
                         localWins ? QStringLiteral("local") : QStringLiteral("remote"))) {
            return false;
        }
        if (!MergeTable::sameValue(winner.value(column), kept.value(column))) {
            changes.insert(column, winner.value(column));
        }
    }
    if (!settle(droppedId, outbox::Merged) || !m_store.foldTwin(role, keptId, droppedId) ||
        (!changes.isEmpty() && !m_store.updateLocal(role, keptId, changes))) {
        return failWith(m_store.errorString());
    }
    if (!TwinCheck::checkAtNextPush(m_store, role, keptId)) {
        return failWith(m_store.database().lastError().text());
    }
    qCInfo(lcSyncMerge) << "two org records for one slot:" << m_codec.table() << droppedId
                        << "folded into" << keptId;
    return true;
}

bool RemoteApplier::noteSlotMove(qint64 id, const QVariantMap &row, const QVariantMap &remote)
{
    // The office moved a mark the teacher is editing: the mark follows the org, and the
    // teacher sees where it was and where it went.
    if (m_codec.role() != Role::Attendance) {
        return true;
    }
    // The enrollment compares by its local row: a mark made here names it only there.
    for (const QString &column : naturalKeyColumns()) {
        if (remote.contains(column) &&
            !MergeTable::sameValue(remote.value(column), row.value(column)) &&
            !logConflict(id, column, row.value(column), row.value(column), remote.value(column),
                         QStringLiteral("remote"))) {
            return false;
        }
    }
    return true;
}

bool RemoteApplier::noteEnrollmentMove(qint64 id, const QVariantMap &remote)
{
    if (m_codec.role() != Role::Enrollment) {
        return true;
    }
    const auto row = m_store.row(Role::Enrollment, id);
    if (!row) {
        return failWith(m_store.errorString());
    }
    // The lookups' Ids, not the local rows: taking the teacher's version sends that Id back.
    // A parent the org deleted (students merged into one) left no version to go back to.
    QStringList moved;
    for (const auto &[logical, parentRole] :
         {std::pair(QStringLiteral("course"), Role::Course),
          std::pair(QStringLiteral("student"), Role::Student)}) {
        const QString column = m_store.mapping().column(Role::Enrollment, logical);
        if (!column.isEmpty() && remote.contains(column) &&
            !MergeTable::sameValue(remote.value(column), row->value(column)) &&
            isLiveHere(parentRole, row->value(LocalStore::refColumn(column)))) {
            moved.append(column);
        }
    }
    bool unsentMarks = false;
    if (moved.isEmpty() || !hasUnsentMarks(id, &unsentMarks)) {
        return moved.isEmpty(); // nothing moved, or a store error
    }
    if (!unsentMarks) {
        return true; // nothing of the teacher's rides on it
    }
    for (const QString &column : std::as_const(moved)) {
        if (!logConflict(id, column, row->value(column), row->value(column), remote.value(column),
                         QStringLiteral("remote"))) {
            return false;
        }
    }
    return true;
}

bool RemoteApplier::withdrawEnrollmentMoves(const QString &deletedSfid)
{
    // The office merged this student (or course) into another: the enrollments the merge
    // moved carry the same person, so the teacher has no other version to choose.
    const QString logical = m_codec.role() == Role::Student  ? QStringLiteral("student")
                            : m_codec.role() == Role::Course ? QStringLiteral("course")
                                                             : QString();
    const QString column =
        logical.isEmpty() ? QString() : m_store.mapping().column(Role::Enrollment, logical);
    if (column.isEmpty()) {
        return true;
    }
    ConflictLog conflicts(m_store);
    int withdrawn = 0;
    if (!conflicts.settleWithLocalValue(m_store.mapping().table(Role::Enrollment), column,
                                        deletedSfid, ConflictLog::State::Resolved, &withdrawn)) {
        return failWith(conflicts.errorString());
    }
    m_report.conflicts = std::max(0, m_report.conflicts - withdrawn);
    return true;
}

bool RemoteApplier::isLiveHere(Role role, const QVariant &id) const
{
    const auto row = m_store.row(role, id.toLongLong());
    return row && row->value(QStringLiteral("isdeleted")).toInt() == 0;
}

bool RemoteApplier::hasUnsentMarks(qint64 enrollmentId, bool *unsent)
{
    const Mapping &mapping = m_store.mapping();
    const QString enrollment = mapping.column(Role::Attendance, QStringLiteral("enrollment"));
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT EXISTS (SELECT 1 FROM %1 WHERE %2 = ? AND isdeleted = 0"
                                 " AND %3 IN (?, ?))")
                      .arg(quoted(mapping.table(Role::Attendance)),
                           quoted(LocalStore::refColumn(enrollment)), kLastOpColumn));
    query.addBindValue(enrollmentId);
    query.addBindValue(lastOpName(LastOp::Pending));
    query.addBindValue(lastOpName(LastOp::Failed));
    if (!exec(query)) {
        return false;
    }
    *unsent = query.next() && query.value(0).toBool();
    return true;
}

void RemoteApplier::resolveLookups(QVariantMap &values)
{
    for (const Lookup &lookup : std::as_const(m_lookups)) {
        const auto value = values.constFind(lookup.column);
        if (value == values.constEnd()) {
            continue;
        }
        const QString sfid = value->toString();
        const qint64 parent = sfid.isEmpty() ? 0 : parentId(lookup.parentRole, sfid);
        values.insert(lookup.refColumn, parent > 0 ? QVariant(parent) : QVariant());
    }
}

qint64 RemoteApplier::parentId(Role role, const QString &sfid)
{
    auto cache = m_parentIds.find(role);
    if (cache == m_parentIds.end()) {
        // One read of the parent table instead of one query per pulled record.
        QHash<QString, qint64> ids;
        QSqlQuery query(m_store.database());
        execStatement(query, QStringLiteral("SELECT sfid, id FROM %1 WHERE sfid IS NOT NULL")
                                 .arg(quoted(m_store.mapping().table(role))));
        while (query.next()) {
            ids.insert(query.value(0).toString(), query.value(1).toLongLong());
        }
        cache = m_parentIds.insert(role, ids);
    }
    return cache->value(sfid, 0);
}

bool RemoteApplier::pendingEntries(qint64 recordId, QList<OutboxEntry> *entries)
{
    Outbox outbox(m_store);
    return outbox.unsettledEntries(m_codec.table(), recordId, entries) ||
           failWith(outbox.errorString());
}

bool RemoteApplier::insertNew(const QVariantMap &values, Statement kind, bool *inserted)
{
    // The row is synced: its last-op column follows the record's own, bound last.
    QSqlQuery &query = m_statements.get(sqlFor(kind, values));
    int index = 0;
    for (const QVariant &value : values) {
        query.bindValue(index++, value);
    }
    query.bindValue(index, lastOpName(LastOp::Synced));
    if (!exec(query)) {
        return false;
    }
    *inserted = query.numRowsAffected() > 0;
    return true;
}

bool RemoteApplier::updateSynced(qint64 id, const QVariantMap &values)
{
    QSqlQuery &query = m_statements.get(sqlFor(Statement::Update, values));
    int index = 0;
    for (const QVariant &value : values) {
        query.bindValue(index++, value);
    }
    query.bindValue(index, id);
    return exec(query);
}

// Nearly every record of a pull brings the same columns: each statement text is built once,
// and the last one used is found again without building the list of columns.
const QString &RemoteApplier::sqlFor(Statement kind, const QVariantMap &values)
{
    LastStatement &last = m_lastSql[int(kind)];
    if (last.text.isEmpty() || !std::equal(values.keyBegin(), values.keyEnd(),
                                           last.columns.cbegin(), last.columns.cend())) {
        last.columns = values.keys();
        last.text = sqlFor(kind, last.columns);
    }
    return last.text;
}

const QString &RemoteApplier::sqlFor(Statement kind, const QStringList &columns)
{
    QHash<QStringList, QString> &texts = m_sql[int(kind)];
    auto text = texts.constFind(columns);
    if (text != texts.constEnd()) {
        return *text;
    }
    QStringList quotedColumns;
    for (const QString &column : columns) {
        quotedColumns.append(quoted(column));
    }
    const QString table = quoted(m_codec.table());
    if (kind != Statement::Update) {
        // Unless known: a row already holding this sfid or key is left for apply() to merge.
        quotedColumns.append(quoted(kLastOpColumn));
        const QStringList marks(quotedColumns.size(), QStringLiteral("?"));
        return *texts.insert(columns, QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)%4")
                                          .arg(table, quotedColumns.join(QLatin1Char(',')),
                                               marks.join(QLatin1Char(',')),
                                               kind == Statement::Insert
                                                   ? QString()
                                                   : QStringLiteral(" ON CONFLICT DO NOTHING")));
    }
    return *texts.insert(
        columns, QStringLiteral("UPDATE %1 SET %2 = ?, %3 = '%4', _hc_err = NULL WHERE id = ?")
                     .arg(table, quotedColumns.join(QStringLiteral(" = ?,")), kLastOpColumn,
                          lastOpName(LastOp::Synced)));
}

bool RemoteApplier::merge(qint64 id, const QVariantMap &remote, const QList<OutboxEntry> &entries)
{
    const auto row = m_store.row(m_codec.role(), id);
    if (!row) {
        return failWith(m_store.errorString());
    }
    if (!noteSlotMove(id, *row, remote)) {
        return false;
    }
    const MergeDecision decision =
        MergeTable::decide(*row, remote, entries, m_policy, factColumns());
    for (const MergeConflict &conflict : decision.conflicts) {
        if (!logConflict(id, conflict.column, conflict.base, conflict.local, conflict.remote,
                         conflict.kept)) {
            return false;
        }
    }
    if (decision.dropLocalDelete && !settle(id, outbox::Merged, {}, QStringLiteral("DELETE"))) {
        return false;
    }
    for (const OutboxEntry &entry : decision.entries) {
        if (!rewriteEntry(entry)) {
            return false;
        }
    }
    qCDebug(lcSyncMerge) << m_codec.table() << id << "merged:" << decision.conflicts.size()
                         << "conflicts," << decision.entries.size() << "entries left";
    return decision.accepted.isEmpty() ||
           m_store.writeSynced(m_codec.role(), id, decision.accepted) ||
           failWith(m_store.errorString());
}

bool RemoteApplier::rewriteEntry(const OutboxEntry &entry)
{
    Outbox outbox(m_store);
    if (outbox.rewrite(entry.id, entry.values, entry.old)) {
        return true;
    }
    return failWith(outbox.errorString());
}

bool RemoteApplier::logConflict(qint64 recordId, const QString &column, const QVariant &base,
                                const QVariant &local, const QVariant &remote, const QString &kept)
{
    ConflictLog conflicts(m_store);
    bool added = false;
    if (!conflicts.recordOnce({0, m_codec.table(), recordId, column, base.toString(),
                               local.toString(), remote.toString(), kept, QString()},
                              &added)) {
        return failWith(conflicts.errorString());
    }
    if (added) {
        ++m_report.conflicts;
        qCInfo(lcSyncMerge) << "conflict on" << m_codec.table() << recordId << column << "kept"
                            << kept;
    }
    return true;
}

bool RemoteApplier::applyDeletion(const QString &sfid)
{
    const auto id = m_store.idByColumn(m_codec.role(), kSfid, sfid);
    if (!id) {
        return true; // never had it
    }
    if (!withdrawEnrollmentMoves(sfid)) {
        return false;
    }
    QList<OutboxEntry> entries;
    if (!pendingEntries(*id, &entries)) {
        return false;
    }
    const auto row = m_store.row(m_codec.role(), *id);
    if (entries.isEmpty() && row && row->value(QStringLiteral("isdeleted")).toInt() == 1) {
        return true; // seen before (windows overlap): no work
    }
    bool onlyDeletes = !entries.isEmpty();
    for (const OutboxEntry &entry : entries) {
        onlyDeletes = onlyDeletes && entry.action == QLatin1String("DELETE");
    }
    if (onlyDeletes) {
        // Deleted on both sides: the teacher's delete is done.
        if (!settle(*id, outbox::Success)) {
            return false;
        }
    }
    if (entries.isEmpty() || onlyDeletes) {
        ++m_report.deleted;
        return m_store.writeSynced(
            m_codec.role(), *id,
            {{QStringLiteral("isdeleted"), 1}, {kLastOpColumn, lastOpName(LastOp::Synced)}});
    }
    // Deleted in the org while the teacher edited it: neither resurrect nor drop the edit.
    // The record stays, its edits are held as failed, and the conflict is shown.
    if (!logConflict(*id, QStringLiteral("isdeleted"), 0, 0, 1, QString())) {
        return false;
    }
    return settle(*id, outbox::Failed,
                  QCoreApplication::translate("pasalista::RemoteApplier",
                                              "Deleted in the org while you were editing it.")) &&
           m_store.writeSynced(m_codec.role(), *id,
                               {{kLastOpColumn, lastOpName(LastOp::Failed)},
                                {QStringLiteral("_hc_err"),
                                 QStringLiteral("{\"errorCode\":\"ENTITY_IS_DELETED\"}")}});
}

} // namespace pasalista
