#include "store/outbox.h"

#include "store/execstatement.h"
#include "store/localstore.h"
#include "store/sqltext.h"

#include <QDateTime>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace pasalista {

using sql::nowUtc;

namespace {

QString placeholders(qsizetype count)
{
    QStringList marks;
    marks.reserve(count);
    for (qsizetype i = 0; i < count; ++i) {
        marks.append(QStringLiteral("?"));
    }
    return marks.join(QLatin1Char(','));
}

QString toJsonText(const QVariantMap &values)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonObject::fromVariantMap(values)).toJson(QJsonDocument::Compact));
}

QVariantMap fromJson(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object().toVariantMap();
}

const QString kUnsettled = QStringLiteral("state IN ('NEW','PENDING','FAILED')");

} // namespace

Outbox::Outbox(const LocalStore &store) : m_store(store) {}

bool Outbox::exec(QSqlQuery &query) const
{
    return execStatement(query, &m_error);
}

std::optional<bool> Outbox::exists(QSqlQuery &query) const
{
    if (!exec(query)) {
        return std::nullopt;
    }
    return query.next();
}

int Outbox::unsentCount(const QSqlDatabase &database)
{
    QSqlQuery query(database);
    return execStatement(
               query, QStringLiteral(
                          "SELECT COUNT(*) FROM _trigger_log WHERE state IN ('NEW','PENDING')")) &&
                   query.next()
               ? query.value(0).toInt()
               : 0;
}

int Outbox::unsentCount() const
{
    return unsentCount(m_store.database());
}

bool Outbox::isEmpty() const
{
    QSqlQuery query(m_store.database());
    return execStatement(query, QStringLiteral("SELECT 1 FROM _trigger_log LIMIT 1"), &m_error) &&
           !query.next();
}

QList<OutboxEntry> Outbox::entries(const QStringList &states) const
{
    QList<OutboxEntry> entries;
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT id, action, table_name, record_id, \"values\", old, state,"
                                 " sf_message, created_at, updated_at FROM _trigger_log"
                                 " ORDER BY id"));
    if (!exec(query)) {
        return entries;
    }
    while (query.next()) {
        OutboxEntry entry;
        entry.state = query.value(6).toString();
        if (!states.isEmpty() && !states.contains(entry.state)) {
            continue;
        }
        entry.id = query.value(0).toLongLong();
        entry.action = query.value(1).toString();
        entry.tableName = query.value(2).toString();
        entry.recordId = query.value(3).toLongLong();
        entry.values = fromJson(query.value(4).toByteArray());
        entry.old = fromJson(query.value(5).toByteArray());
        entry.sfMessage = query.value(7).toString();
        entry.createdAt = QDateTime::fromString(query.value(8).toString(), Qt::ISODateWithMs);
        entry.updatedAt = QDateTime::fromString(query.value(9).toString(), Qt::ISODateWithMs);
        entries.append(entry);
    }
    return entries;
}

bool Outbox::unsettledEntries(const QString &table, qint64 recordId,
                              QList<OutboxEntry> *entries) const
{
    entries->clear();
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT id, action, \"values\", old FROM _trigger_log"
                                 " WHERE table_name = ? AND record_id = ? AND %1 ORDER BY id")
                      .arg(kUnsettled));
    query.addBindValue(table);
    query.addBindValue(recordId);
    if (!exec(query)) {
        return false;
    }
    while (query.next()) {
        OutboxEntry entry;
        entry.id = query.value(0).toLongLong();
        entry.action = query.value(1).toString();
        entry.tableName = table;
        entry.recordId = recordId;
        entry.values = fromJson(query.value(2).toByteArray());
        entry.old = fromJson(query.value(3).toByteArray());
        entries->append(entry);
    }
    return true;
}

std::optional<bool> Outbox::hasUnsettled(const QString &table, qint64 recordId,
                                         const QString &action) const
{
    QSqlQuery query(m_store.database());
    query.prepare(
        QStringLiteral("SELECT 1 FROM _trigger_log WHERE table_name = ? AND record_id = ?"
                       " AND %1%2 LIMIT 1")
            .arg(kUnsettled, action.isEmpty() ? QString() : QStringLiteral(" AND action = ?")));
    query.addBindValue(table);
    query.addBindValue(recordId);
    if (!action.isEmpty()) {
        query.addBindValue(action);
    }
    return exists(query);
}

std::optional<bool> Outbox::hasNewerUnsent(const QString &table, qint64 recordId,
                                           qint64 entryId) const
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT 1 FROM _trigger_log WHERE table_name = ?"
                                 " AND record_id = ? AND state IN ('NEW','PENDING') AND id > ?"
                                 " LIMIT 1"));
    query.addBindValue(table);
    query.addBindValue(recordId);
    query.addBindValue(entryId);
    return exists(query);
}

std::optional<QHash<qint64, qint64>> Outbox::newestUnsent(const QString &table,
                                                          const QList<qint64> &recordIds) const
{
    constexpr qsizetype kIdsPerStatement = 500;
    QHash<qint64, qint64> newest;
    QSqlQuery query(m_store.database());
    query.setForwardOnly(true);
    for (qsizetype start = 0; start < recordIds.size(); start += kIdsPerStatement) {
        const QList<qint64> chunk = recordIds.mid(start, kIdsPerStatement);
        query.prepare(QStringLiteral("SELECT record_id, MAX(id) FROM _trigger_log WHERE"
                                     " table_name = ? AND state IN ('NEW','PENDING') AND"
                                     " record_id IN (%1) GROUP BY record_id")
                          .arg(placeholders(chunk.size())));
        query.addBindValue(table);
        for (qint64 id : chunk) {
            query.addBindValue(id);
        }
        if (!exec(query)) {
            return std::nullopt;
        }
        while (query.next()) {
            newest.insert(query.value(0).toLongLong(), query.value(1).toLongLong());
        }
    }
    return newest;
}

QStringList Outbox::sfidsWithUnsentEdits(const QString &table) const
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT DISTINCT t.sfid FROM %1 t JOIN _trigger_log l ON"
                                 " l.table_name = ? AND l.record_id = t.id WHERE t.sfid IS NOT NULL"
                                 " AND l.state IN ('NEW','PENDING')")
                      .arg(sql::quoted(table)));
    query.addBindValue(table);
    return firstColumnOf(query, &m_error);
}

int Outbox::failedRecordCount() const
{
    QSqlQuery query(m_store.database());
    return execStatement(query,
                         QStringLiteral("SELECT COUNT(DISTINCT table_name || ':' || record_id)"
                                        " FROM _trigger_log WHERE state = 'FAILED'"),
                         &m_error) &&
                   query.next()
               ? query.value(0).toInt()
               : 0;
}

QList<Outbox::FailedRecord> Outbox::failedRecords() const
{
    QList<FailedRecord> records;
    QSqlQuery query(m_store.database());
    // A refused record with a newer change waiting was corrected here since.
    if (!execStatement(
            query,
            QStringLiteral(
                "SELECT table_name, record_id, MAX(sf_message), MAX(updated_at),"
                " MAX(EXISTS (SELECT 1 FROM _trigger_log n WHERE n.table_name = l.table_name"
                " AND n.record_id = l.record_id AND n.state IN ('NEW','PENDING') AND n.id > l.id))"
                " FROM _trigger_log l WHERE state = 'FAILED'"
                " GROUP BY table_name, record_id ORDER BY MAX(id)"),
            &m_error)) {
        return records;
    }
    while (query.next()) {
        records.append({query.value(0).toString(), query.value(1).toLongLong(),
                        query.value(2).toString(), query.value(3).toString(),
                        query.value(4).toBool()});
    }
    return records;
}

QList<QPair<QString, int>> Outbox::stateCounts() const
{
    QList<QPair<QString, int>> counts;
    QSqlQuery query(m_store.database());
    if (execStatement(query,
                      QStringLiteral(
                          "SELECT state, COUNT(*) FROM _trigger_log GROUP BY state ORDER BY state"),
                      &m_error)) {
        while (query.next()) {
            counts.append({query.value(0).toString(), query.value(1).toInt()});
        }
    }
    return counts;
}

QString Outbox::unsettledCondition(const QString &table, const QString &rowIdSql)
{
    return QStringLiteral("EXISTS (SELECT 1 FROM _trigger_log l WHERE l.table_name = '%1'"
                          " AND l.record_id = %2 AND l.%3)")
        .arg(table, rowIdSql, kUnsettled);
}

bool Outbox::withdrawDelete(const QString &table, qint64 recordId, bool *stillUnsent)
{
    if (!settleRecord(table, recordId, outbox::Ignored, {}, QStringLiteral("DELETE"))) {
        return false;
    }
    const auto rest = hasUnsettled(table, recordId);
    *stillUnsent = rest.value_or(false);
    return rest.has_value();
}

QList<Outbox::Change> Outbox::pending(const QString &table, bool respectBackoff)
{
    QList<Change> changes;
    QHash<qint64, int> indexByRecord;
    QSqlQuery query(m_store.database());
    // FAILED entries ride along with a newer one of the same record: the teacher's
    // correction supersedes the refused change, and the record goes out whole.
    query.prepare(QStringLiteral(
        "SELECT id, action, \"values\", record_id, attempts FROM _trigger_log l"
        " WHERE table_name = ? AND (state IN ('NEW','PENDING') OR (state = 'FAILED' AND"
        " EXISTS (SELECT 1 FROM _trigger_log n WHERE n.table_name = l.table_name AND"
        " n.record_id = l.record_id AND n.state IN ('NEW','PENDING') AND n.id > l.id)))"
        " AND record_id IN (SELECT record_id FROM _trigger_log d WHERE d.table_name = ?"
        " AND d.state IN ('NEW','PENDING')"
        " AND (? OR d.next_attempt_at IS NULL OR d.next_attempt_at <= ?))"
        " ORDER BY id"));
    query.addBindValue(table);
    query.addBindValue(table);
    query.addBindValue(!respectBackoff);
    query.addBindValue(nowUtc());
    if (!exec(query)) {
        return changes;
    }
    while (query.next()) {
        const qint64 recordId = query.value(3).toLongLong();
        auto found = indexByRecord.constFind(recordId);
        if (found == indexByRecord.constEnd()) {
            found = indexByRecord.insert(recordId, int(changes.size()));
            changes.append(Change{});
            changes.last().recordId = recordId;
        }
        Change &change = changes[*found];
        change.entryIds.append(query.value(0).toLongLong());
        change.attempts = std::max(change.attempts, query.value(4).toInt());
        change.isDelete = change.isDelete || query.value(1).toString() == QLatin1String("DELETE");
        const QVariantMap values =
            QJsonDocument::fromJson(query.value(2).toByteArray()).object().toVariantMap();
        for (auto it = values.begin(); it != values.end(); ++it) {
            if (!change.columns.contains(it.key())) {
                change.columns.append(it.key());
            }
        }
    }
    return changes;
}

bool Outbox::setState(const QList<qint64> &entryIds, const QString &state, const QString &message)
{
    if (entryIds.isEmpty()) {
        return true;
    }
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("UPDATE _trigger_log SET state = ?, sf_message = ?,"
                                 " updated_at = ?, processed_at = ? WHERE id IN (%1)")
                      .arg(placeholders(entryIds.size())));
    query.addBindValue(state);
    query.addBindValue(message.isEmpty() ? QVariant() : QVariant(message));
    const QString now = nowUtc();
    query.addBindValue(now);
    query.addBindValue(now);
    for (qint64 id : entryIds) {
        query.addBindValue(id);
    }
    return exec(query);
}

bool Outbox::markSent(const QList<qint64> &entryIds)
{
    return setState(entryIds, outbox::Success, {});
}

bool Outbox::markFailed(const QList<qint64> &entryIds, const QString &message)
{
    return setState(entryIds, outbox::Failed, message);
}

bool Outbox::retryLater(const QList<qint64> &entryIds, const QDateTime &nextTry,
                        const QString &message)
{
    if (entryIds.isEmpty()) {
        return true;
    }
    // Entries that had failed before stay FAILED until their newer companion goes out.
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("UPDATE _trigger_log SET state = CASE WHEN state = 'FAILED'"
                                 " THEN state ELSE 'PENDING' END, sf_message = ?,"
                                 " attempts = attempts + 1, next_attempt_at = ?, updated_at = ?"
                                 " WHERE id IN (%1)")
                      .arg(placeholders(entryIds.size())));
    query.addBindValue(message);
    query.addBindValue(nextTry.toUTC().toString(Qt::ISODateWithMs));
    query.addBindValue(nowUtc());
    for (qint64 id : entryIds) {
        query.addBindValue(id);
    }
    return exec(query);
}

bool Outbox::pruneSent(int days)
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("DELETE FROM _trigger_log WHERE state = ? AND processed_at < ?"));
    query.addBindValue(outbox::Success);
    query.addBindValue(QDateTime::currentDateTimeUtc().addDays(-days).toString(Qt::ISODateWithMs));
    return exec(query);
}

bool Outbox::append(const QString &action, const QString &table, qint64 recordId,
                    const QVariantMap &values, const QVariantMap &old)
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("INSERT INTO _trigger_log (created_at, updated_at, action,"
                                 " table_name, record_id, \"values\", old, state)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    const QString now = nowUtc();
    query.addBindValue(now);
    query.addBindValue(now);
    query.addBindValue(action);
    query.addBindValue(table);
    query.addBindValue(recordId);
    query.addBindValue(toJsonText(values));
    query.addBindValue(old.isEmpty() ? QVariant() : QVariant(toJsonText(old)));
    query.addBindValue(outbox::New);
    return exec(query);
}

bool Outbox::settleRecord(const QString &table, qint64 recordId, const QString &state,
                          const QString &message, const QString &action)
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("UPDATE _trigger_log SET state = ?, sf_message = ?,"
                                 " updated_at = ?, processed_at = ? WHERE table_name = ?"
                                 " AND record_id = ? AND state IN (?, ?, ?)%1")
                      .arg(action.isEmpty() ? QString() : QStringLiteral(" AND action = ?")));
    query.addBindValue(state);
    query.addBindValue(message.isEmpty() ? QVariant() : QVariant(message));
    const QString now = nowUtc();
    query.addBindValue(now);
    query.addBindValue(now);
    query.addBindValue(table);
    query.addBindValue(recordId);
    query.addBindValue(outbox::New);
    query.addBindValue(outbox::Pending);
    query.addBindValue(outbox::Failed);
    if (!action.isEmpty()) {
        query.addBindValue(action);
    }
    return exec(query);
}

bool Outbox::rewrite(qint64 entryId, const QVariantMap &values, const QVariantMap &old)
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("UPDATE _trigger_log SET \"values\" = ?, old = ?, updated_at = ?,"
                                 " state = CASE WHEN ? AND action != 'DELETE' THEN ? ELSE state"
                                 " END WHERE id = ?"));
    query.addBindValue(toJsonText(values));
    query.addBindValue(old.isEmpty() ? QVariant() : QVariant(toJsonText(old)));
    query.addBindValue(nowUtc());
    query.addBindValue(values.isEmpty());
    query.addBindValue(outbox::Merged);
    query.addBindValue(entryId);
    return exec(query);
}

bool Outbox::retryFailed(const QString &table, qint64 recordId)
{
    // Sent again from scratch: no attempts counted, no wait, no refusal kept.
    return moveFailed(table, recordId, outbox::New,
                      QStringLiteral(" attempts = 0, next_attempt_at = NULL, sf_message = NULL,"));
}

bool Outbox::dismissFailed(const QString &table, qint64 recordId)
{
    return moveFailed(table, recordId, outbox::Ignored, {});
}

bool Outbox::moveFailed(const QString &table, qint64 recordId, const QString &state,
                        const QString &alsoSet)
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("UPDATE _trigger_log SET state = ?,%1 updated_at = ?"
                                 " WHERE table_name = ? AND record_id = ? AND state = ?")
                      .arg(alsoSet));
    query.addBindValue(state);
    query.addBindValue(nowUtc());
    query.addBindValue(table);
    query.addBindValue(recordId);
    query.addBindValue(outbox::Failed);
    return exec(query);
}

bool Outbox::holdRecords(const QString &table, const QString &recordIdsSql, const QString &message)
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("UPDATE _trigger_log SET state = ?, sf_message = ?,"
                                 " updated_at = ? WHERE table_name = ? AND state IN (?, ?)"
                                 " AND record_id IN (%1)")
                      .arg(recordIdsSql));
    query.addBindValue(outbox::Failed);
    query.addBindValue(message);
    query.addBindValue(nowUtc());
    query.addBindValue(table);
    query.addBindValue(outbox::New);
    query.addBindValue(outbox::Pending);
    return exec(query);
}

} // namespace pasalista
