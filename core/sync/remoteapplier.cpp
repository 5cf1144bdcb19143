#include "remoteapplier.h"

#include "localstore.h"
#include "logging.h"
#include "sqltext.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlError>

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

QString toJsonText(const QVariantMap &values)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonObject::fromVariantMap(values)).toJson(QJsonDocument::Compact));
}

} // namespace

RemoteApplier::RemoteApplier(LocalStore &store, const RecordCodec &codec, ConflictPolicy policy,
                             SyncReport &report)
    : m_store(store), m_codec(codec), m_policy(policy), m_report(report),
      m_statements(store.database()),
      m_findSql(QStringLiteral("SELECT id, _hc_lastop FROM %1 WHERE sfid = ? UNION ALL"
                               " SELECT id, _hc_lastop FROM %1 WHERE pasalista_id__c = ? LIMIT 1")
                    .arg(quoted(codec.table())))
{
}

bool RemoteApplier::exec(QSqlQuery &query)
{
    if (query.exec()) {
        return true;
    }
    m_error = QCoreApplication::translate("pasalista::RemoteApplier",
                                          "Could not save data from the org: %1")
                  .arg(query.lastError().text());
    return false;
}

bool RemoteApplier::apply(const QJsonObject &record)
{
    QVariantMap remote = m_codec.toColumns(record);
    resolveLookups(remote);
    ++m_report.pulled;
    // Most pulled records are new here (always so on a first sync): try the insert first and
    // look for a local row only when the org's id or our key is already taken.
    bool inserted = false;
    if (!insertNew(remote, Statement::InsertUnlessKnown, &inserted)) {
        return false;
    }
    if (inserted) {
        return true;
    }
    QString lastOp;
    const auto id =
        findLocal(remote.value(kSfid).toString(), remote.value(kKey).toString(), &lastOp);
    if (!id) {
        return insertNew(remote, Statement::Insert, &inserted); // reports what else blocked it
    }
    // Only rows a local edit touched can have pending outbox entries.
    QList<PendingEntry> entries;
    if (lastOp == QLatin1String("PENDING") || lastOp == QLatin1String("FAILED")) {
        entries = pendingEntries(*id);
    }
    if (entries.isEmpty()) {
        return updateSynced(*id, remote);
    }
    return merge(*id, remote, entries);
}

std::optional<qint64> RemoteApplier::findLocal(const QString &sfid, const QString &key,
                                               QString *lastOp)
{
    // A record this laptop (or another one) created comes back with our key. One statement
    // for both lookups, the org's id first; an empty value binds NULL, which matches nothing.
    QSqlQuery &query = m_statements.get(m_findSql);
    query.bindValue(0, sfid.isEmpty() ? QVariant() : QVariant(sfid));
    query.bindValue(1, key.isEmpty() ? QVariant() : QVariant(key));
    if (!exec(query) || !query.next()) {
        return std::nullopt;
    }
    *lastOp = query.value(1).toString();
    const qint64 id = query.value(0).toLongLong();
    query.finish();
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

bool RemoteApplier::merge(qint64 id, const QVariantMap &remote, QList<PendingEntry> entries)
{
    const auto row = m_store.row(m_codec.role(), id);
    if (!row) {
        return false;
    }
    // The base of each locally changed field is the value its first pending edit started
    // from; a field created locally (INSERT) has no base, so the teacher's value stands.
    QHash<QString, QVariant> base;
    QSet<QString> changedLocally;
    for (const PendingEntry &entry : std::as_const(entries)) {
        for (auto it = entry.values.begin(); it != entry.values.end(); ++it) {
            if (!changedLocally.contains(it.key()) && entry.action == QLatin1String("UPDATE")) {
                base.insert(it.key(), entry.old.value(it.key()));
            }
            changedLocally.insert(it.key());
        }
    }
    QVariantMap accepted;
    for (auto it = remote.begin(); it != remote.end(); ++it) {
        const QString &column = it.key();
        const QVariant local = row->value(column);
        if (!changedLocally.contains(column) || column == kSfid) {
            accepted.insert(column, it.value());
            continue;
        }
        if (sameValue(it.value(), local) || !base.contains(column) ||
            sameValue(it.value(), base.value(column))) {
            continue; // converged, or only the teacher changed it
        }
        const bool localWins = m_policy == ConflictPolicy::LocalWins;
        if (!logConflict(id, column, base.value(column), local, it.value(),
                         localWins ? QStringLiteral("local") : QStringLiteral("remote"))) {
            return false;
        }
        for (PendingEntry &entry : entries) {
            if (!entry.values.contains(column)) {
                continue;
            }
            entry.old.insert(column, it.value()); // the org's value is the new base
            if (!localWins) {
                entry.values.remove(column);
            }
        }
        if (!localWins) {
            accepted.insert(column, it.value());
        }
    }
    for (const PendingEntry &entry : std::as_const(entries)) {
        if (!rewriteEntry(entry)) {
            return false;
        }
    }
    return accepted.isEmpty() || m_store.writeSynced(m_codec.role(), id, accepted);
}

bool RemoteApplier::rewriteEntry(const PendingEntry &entry)
{
    QSqlQuery query(m_store.database());
    const bool emptied = entry.values.isEmpty() && entry.action == QLatin1String("UPDATE");
    query.prepare(QStringLiteral("UPDATE _trigger_log SET \"values\" = ?, old = ?, updated_at = ?,"
                                 " state = CASE WHEN ? THEN 'MERGED' ELSE state END WHERE id = ?"));
    query.addBindValue(toJsonText(entry.values));
    query.addBindValue(entry.old.isEmpty() ? QVariant() : QVariant(toJsonText(entry.old)));
    query.addBindValue(nowUtc());
    query.addBindValue(emptied);
    query.addBindValue(entry.id);
    return exec(query);
}

bool RemoteApplier::logConflict(qint64 recordId, const QString &column, const QVariant &base,
                                const QVariant &local, const QVariant &remote, const QString &kept)
{
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
    if (entries.isEmpty()) {
        ++m_report.deleted;
        return m_store.writeSynced(m_codec.role(), *id, {{QStringLiteral("isdeleted"), 1}});
    }
    // Deleted in the org while the teacher edited it: neither resurrect nor drop the edit.
    // The record stays, its edits are held as failed, and the conflict is shown.
    if (!logConflict(*id, QStringLiteral("isdeleted"), 0, 0, 1, QString())) {
        return false;
    }
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("UPDATE _trigger_log SET state = 'FAILED', sf_message = ?,"
                                 " updated_at = ? WHERE table_name = ? AND record_id = ?"
                                 " AND state IN ('NEW','PENDING','FAILED')"));
    query.addBindValue(QCoreApplication::translate(
        "pasalista::RemoteApplier", "Deleted in the org while you were editing it."));
    query.addBindValue(nowUtc());
    query.addBindValue(m_codec.table());
    query.addBindValue(*id);
    return exec(query) &&
           m_store.writeSynced(m_codec.role(), *id,
                               {{QStringLiteral("_hc_lastop"), QStringLiteral("FAILED")},
                                {QStringLiteral("_hc_err"),
                                 QStringLiteral("{\"errorCode\":\"ENTITY_IS_DELETED\"}")}});
}

} // namespace pasalista
