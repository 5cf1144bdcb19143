#include "remoteapplier.h"

#include "store/localstore.h"
#include "logging.h"
#include "store/sqltext.h"
#include "store/outbox.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlRecord>

namespace pasalista {

using sql::nowUtc;
using sql::quoted;

namespace {

const QString kSfid = QStringLiteral("sfid");
const QString kKey = QStringLiteral("pasalista_id__c");

// Values from the org and from the store compare by text: 3 and 3.0, null and "" agree.
bool sameValue(const QVariant &a, const QVariant &b)
{
    return a.toString() == b.toString();
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
}

bool RemoteApplier::exec(QSqlQuery &query)
{
    return query.exec() || failWith(query.lastError().text());
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
    m_unsentRows = query.exec(QStringLiteral("SELECT EXISTS (SELECT 1 FROM %1 WHERE sfid IS NULL"
                                             " AND isdeleted = 0)")
                                  .arg(quoted(m_codec.table()))) &&
                   query.next() && query.value(0).toBool();
}

bool RemoteApplier::apply(const QJsonObject &record)
{
    QVariantMap remote = m_codec.toColumns(record);
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
            local = LocalRow{*adopted, QStringLiteral("PENDING"), QString(), false};
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
        return true;
    }
    if (!local) {
        local = findLocal(sfid, key);
    }
    if (!local) {
        return insertNew(remote, Statement::Insert, &inserted); // reports what else blocked it
    }
    // Only rows a local edit touched can have pending outbox entries.
    QList<PendingEntry> entries;
    if (local->lastOp == QLatin1String("PENDING") || local->lastOp == QLatin1String("FAILED")) {
        entries = pendingEntries(local->id);
    }
    const QString stamp = remote.value(QStringLiteral("systemmodstamp")).toString();
    const bool hiddenHere = local->deleted && local->lastOp == QLatin1String("SYNCED");
    // Stamps are to the second: a write made in the second of the version held here carries
    // the same stamp, so the stamp alone cannot tell the two versions apart.
    if (!stamp.isEmpty() && stamp == local->stamp && !hiddenHere &&
        holdsVersion(local->id, remote, entries)) {
        m_outcome = Outcome::Unchanged; // read again by an overlapping window: no work
        ++m_report.reread;
        return true;
    }
    ++m_report.pulled;
    if (entries.isEmpty()) {
        m_outcome = Outcome::Updated;
        return updateSynced(local->id, remote);
    }
    m_outcome = Outcome::Merged;
    return merge(local->id, remote, entries);
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
    if (!copy || *copy == adopted || !pendingEntries(*copy).isEmpty()) {
        return true;
    }
    if (!m_store.foldTwin(m_codec.role(), adopted, *copy)) {
        return failWith(m_store.errorString());
    }
    qCInfo(lcSync) << "folded" << m_codec.table() << *copy << "into" << adopted;
    return true;
}

bool RemoteApplier::holdsVersion(qint64 id, const QVariantMap &remote,
                                 const QList<PendingEntry> &entries)
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
            !sameValue(it.value(), seen.value(it.key()))) {
            return false;
        }
    }
    return true;
}

std::optional<qint64> RemoteApplier::findByNaturalKey(const QVariantMap &remote)
{
    // Enrollment: one per (course, student); attendance: one per (enrollment, date).
    const Mapping &mapping = m_store.mapping();
    QStringList columns;
    switch (m_codec.role()) {
    case Role::Enrollment:
        columns = {
            LocalStore::refColumn(mapping.column(Role::Enrollment, QStringLiteral("course"))),
            LocalStore::refColumn(mapping.column(Role::Enrollment, QStringLiteral("student")))};
        break;
    case Role::Attendance:
        columns = {
            LocalStore::refColumn(mapping.column(Role::Attendance, QStringLiteral("enrollment"))),
            mapping.column(Role::Attendance, QStringLiteral("date"))};
        break;
    default:
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
    qCInfo(lcSync) << "org record" << remote.value(kSfid).toString() << "adopts local row"
                   << m_codec.table() << id;
    return id;
}

void RemoteApplier::resolveLookups(QVariantMap &values)
{
    for (const auto &[column, parentRole] : m_codec.lookupColumns()) {
        if (!values.contains(column)) {
            continue;
        }
        const QString sfid = values.value(column).toString();
        const qint64 parent = sfid.isEmpty() ? 0 : parentId(parentRole, sfid);
        values.insert(LocalStore::refColumn(column), parent > 0 ? QVariant(parent) : QVariant());
    }
}

qint64 RemoteApplier::parentId(Role role, const QString &sfid)
{
    auto cache = m_parentIds.find(role);
    if (cache == m_parentIds.end()) {
        // One read of the parent table instead of one query per pulled record.
        QHash<QString, qint64> ids;
        QSqlQuery query(m_store.database());
        query.exec(QStringLiteral("SELECT sfid, id FROM %1 WHERE sfid IS NOT NULL")
                       .arg(quoted(m_store.mapping().table(role))));
        while (query.next()) {
            ids.insert(query.value(0).toString(), query.value(1).toLongLong());
        }
        cache = m_parentIds.insert(role, ids);
    }
    return cache->value(sfid, 0);
}

QList<RemoteApplier::PendingEntry> RemoteApplier::pendingEntries(qint64 recordId)
{
    QList<PendingEntry> entries;
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT id, action, \"values\", old FROM _trigger_log"
                                 " WHERE table_name = ? AND record_id = ?"
                                 " AND state IN ('NEW','PENDING','FAILED') ORDER BY id"));
    query.addBindValue(m_codec.table());
    query.addBindValue(recordId);
    query.exec();
    while (query.next()) {
        PendingEntry entry;
        entry.id = query.value(0).toLongLong();
        entry.action = query.value(1).toString();
        entry.values =
            QJsonDocument::fromJson(query.value(2).toByteArray()).object().toVariantMap();
        entry.old = QJsonDocument::fromJson(query.value(3).toByteArray()).object().toVariantMap();
        entries.append(entry);
    }
    return entries;
}

bool RemoteApplier::insertNew(QVariantMap values, Statement kind, bool *inserted)
{
    values.insert(QStringLiteral("_hc_lastop"), QStringLiteral("SYNCED"));
    QSqlQuery &query = m_statements.get(sqlFor(kind, values.keys()));
    int index = 0;
    for (const QVariant &value : std::as_const(values)) {
        query.bindValue(index++, value);
    }
    if (!exec(query)) {
        return false;
    }
    *inserted = query.numRowsAffected() > 0;
    return true;
}

bool RemoteApplier::updateSynced(qint64 id, const QVariantMap &values)
{
    QSqlQuery &query = m_statements.get(sqlFor(Statement::Update, values.keys()));
    int index = 0;
    for (const QVariant &value : values) {
        query.bindValue(index++, value);
    }
    query.bindValue(index, id);
    return exec(query);
}

// Nearly every record of a pull brings the same columns: each statement text is built once.
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
        const QStringList marks(columns.size(), QStringLiteral("?"));
        return *texts.insert(columns, QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)%4")
                                          .arg(table, quotedColumns.join(QLatin1Char(',')),
                                               marks.join(QLatin1Char(',')),
                                               kind == Statement::Insert
                                                   ? QString()
                                                   : QStringLiteral(" ON CONFLICT DO NOTHING")));
    }
    return *texts.insert(
        columns,
        QStringLiteral("UPDATE %1 SET %2 = ?, _hc_lastop = 'SYNCED', _hc_err = NULL WHERE id = ?")
            .arg(table, quotedColumns.join(QStringLiteral(" = ?,"))));
}

bool RemoteApplier::mergeDeleted(qint64 id, const QVariantMap &remote, QList<PendingEntry> entries)
{
    // Deleted here, changed in the org: a conflict, never a silent loss. The mapping's
    // policy decides whether the teacher's delete goes out or the org's change stays.
    const bool localWins = m_policy == ConflictPolicy::LocalWins;
    if (!logConflict(id, QStringLiteral("isdeleted"), 0, 1, 0,
                     localWins ? QStringLiteral("local") : QStringLiteral("remote"))) {
        return false;
    }
    QVariantMap accepted = remote;
    if (localWins) {
        accepted.remove(QStringLiteral("isdeleted"));
        return m_store.writeSynced(m_codec.role(), id, accepted);
    }
    if (!settle(id, outbox::Merged, {}, QStringLiteral("DELETE"))) {
        return false;
    }
    entries.removeIf(
        [](const PendingEntry &entry) { return entry.action == QLatin1String("DELETE"); });
    if (!entries.isEmpty()) {
        return m_store.writeSynced(m_codec.role(), id, {{QStringLiteral("isdeleted"), 0}}) &&
               merge(id, remote, entries);
    }
    accepted.insert(QStringLiteral("_hc_lastop"), QStringLiteral("SYNCED"));
    return m_store.writeSynced(m_codec.role(), id, accepted);
}

bool RemoteApplier::merge(qint64 id, const QVariantMap &remote, QList<PendingEntry> entries)
{
    for (const PendingEntry &entry : std::as_const(entries)) {
        if (entry.action == QLatin1String("DELETE")) {
            return mergeDeleted(id, remote, entries);
        }
    }
    const auto row = m_store.row(m_codec.role(), id);
    if (!row) {
        return false;
    }
    // The base of each locally changed field is the value its first pending edit started
    // from. A field set by a local INSERT was created on both sides: the org's value is its
    // base, so a field the teacher never filled takes the org's value, and two different
    // values are a conflict like any other.
    QHash<QString, QVariant> base;
    QSet<QString> created;
    QSet<QString> changedLocally;
    for (const PendingEntry &entry : std::as_const(entries)) {
        for (auto it = entry.values.begin(); it != entry.values.end(); ++it) {
            if (entry.action == QLatin1String("INSERT")) {
                created.insert(it.key());
            } else if (!changedLocally.contains(it.key())) {
                base.insert(it.key(), entry.old.value(it.key()));
            }
            changedLocally.insert(it.key());
        }
    }
    const auto dropFromEntries = [&entries](const QString &column) {
        for (PendingEntry &entry : entries) {
            entry.values.remove(column);
        }
    };
    QVariantMap accepted;
    for (auto it = remote.begin(); it != remote.end(); ++it) {
        const QString &column = it.key();
        const QVariant local = row->value(column);
        if (!changedLocally.contains(column) || column == kSfid) {
            accepted.insert(column, it.value());
            continue;
        }
        if (column == kKey) {
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
                continue;
            }
            if (it.value().toString().isEmpty()) {
                continue; // only the teacher set it
            }
            if (!settleField(id, column, it.value(), local, it.value(), entries, accepted)) {
                return false;
            }
            continue;
        }
        if (sameValue(it.value(), base.value(column)) || isOwnValue(entries, column, it.value())) {
            continue; // only the teacher changed it (the org may hold one of our own writes
                      // whose reply was lost)
        }
        if (!settleField(id, column, base.value(column), local, it.value(), entries, accepted)) {
            return false;
        }
    }
    bool allSent = true;
    for (const PendingEntry &entry : std::as_const(entries)) {
        if (!rewriteEntry(entry)) {
            return false;
        }
        allSent = allSent && entry.values.isEmpty();
    }
    if (allSent) {
        accepted.insert(QStringLiteral("_hc_lastop"), QStringLiteral("SYNCED"));
    }
    return accepted.isEmpty() || m_store.writeSynced(m_codec.role(), id, accepted);
}

bool RemoteApplier::isOwnValue(const QList<PendingEntry> &entries, const QString &column,
                               const QVariant &value)
{
    for (const PendingEntry &entry : entries) {
        if (entry.values.contains(column) && sameValue(entry.values.value(column), value)) {
            return true;
        }
    }
    return false;
}

bool RemoteApplier::settleField(qint64 id, const QString &column, const QVariant &base,
                                const QVariant &local, const QVariant &remote,
                                QList<PendingEntry> &entries, QVariantMap &accepted)
{
    const bool localWins = m_policy == ConflictPolicy::LocalWins;
    if (!logConflict(id, column, base, local, remote,
                     localWins ? QStringLiteral("local") : QStringLiteral("remote"))) {
        return false;
    }
    for (PendingEntry &entry : entries) {
        if (!entry.values.contains(column)) {
            continue;
        }
        entry.old.insert(column, remote); // the org's value is the new base
        if (!localWins) {
            entry.values.remove(column);
        }
    }
    if (!localWins) {
        accepted.insert(column, remote);
    }
    return true;
}

bool RemoteApplier::rewriteEntry(const PendingEntry &entry)
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
    // A window read again, or the same deletion seen twice, must not list a conflict twice.
    QSqlQuery known(m_store.database());
    known.prepare(QStringLiteral("SELECT 1 FROM _conflict_log WHERE table_name = ? AND"
                                 " record_id = ? AND field = ? AND local_value IS ? AND"
                                 " remote_value IS ? LIMIT 1"));
    known.addBindValue(m_codec.table());
    known.addBindValue(recordId);
    known.addBindValue(column);
    known.addBindValue(local.toString());
    known.addBindValue(remote.toString());
    if (!exec(known)) {
        return false;
    }
    if (known.next()) {
        return true;
    }
    ++m_report.conflicts;
    qCInfo(lcSync) << "conflict on" << m_codec.table() << recordId << column << "kept" << kept;
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("INSERT INTO _conflict_log (created_at, table_name, record_id,"
                                 " field, base_value, local_value, remote_value, kept, state)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')"));
    query.addBindValue(nowUtc());
    query.addBindValue(m_codec.table());
    query.addBindValue(recordId);
    query.addBindValue(column);
    query.addBindValue(base.toString());
    query.addBindValue(local.toString());
    query.addBindValue(remote.toString());
    query.addBindValue(kept);
    return exec(query);
}

bool RemoteApplier::applyDeletion(const QString &sfid)
{
    const auto id = m_store.idByColumn(m_codec.role(), kSfid, sfid);
    if (!id) {
        return true; // never had it
    }
    const QList<PendingEntry> entries = pendingEntries(*id);
    const auto row = m_store.row(m_codec.role(), *id);
    if (entries.isEmpty() && row && row->value(QStringLiteral("isdeleted")).toInt() == 1) {
        return true; // seen before (windows overlap): no work
    }
    bool onlyDeletes = !entries.isEmpty();
    for (const PendingEntry &entry : entries) {
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
        return m_store.writeSynced(m_codec.role(), *id,
                                   {{QStringLiteral("isdeleted"), 1},
                                    {QStringLiteral("_hc_lastop"), QStringLiteral("SYNCED")}});
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
                               {{QStringLiteral("_hc_lastop"), QStringLiteral("FAILED")},
                                {QStringLiteral("_hc_err"),
                                 QStringLiteral("{\"errorCode\":\"ENTITY_IS_DELETED\"}")}});
}

} // namespace pasalista
