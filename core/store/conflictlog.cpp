#include "store/conflictlog.h"

#include "store/execstatement.h"
#include "store/localstore.h"
#include "store/sqltext.h"

#include <QSqlQuery>

namespace pasalista {

namespace {

QString stateName(ConflictLog::State state)
{
    static const QString names[] = {QStringLiteral("OPEN"), QStringLiteral("RESOLVED"),
                                    QStringLiteral("DISMISSED")};
    return names[int(state)];
}

const QString kColumns = QStringLiteral(
    "id, table_name, record_id, field, base_value, local_value, remote_value, kept, created_at");

Conflict conflictAt(const QSqlQuery &query)
{
    return Conflict{
        query.value(0).toLongLong(), query.value(1).toString(), query.value(2).toLongLong(),
        query.value(3).toString(),   query.value(4).toString(), query.value(5).toString(),
        query.value(6).toString(),   query.value(7).toString(), query.value(8).toString()};
}

} // namespace

ConflictLog::ConflictLog(const LocalStore &store) : m_store(store) {}

bool ConflictLog::recordOnce(const Conflict &conflict, bool *added)
{
    *added = false;
    // A window read again, or the same deletion seen twice, must not list a conflict twice.
    QSqlQuery known(m_store.database());
    known.prepare(QStringLiteral("SELECT 1 FROM _conflict_log WHERE table_name = ? AND"
                                 " record_id = ? AND field = ? AND local_value IS ? AND"
                                 " remote_value IS ? LIMIT 1"));
    known.addBindValue(conflict.table);
    known.addBindValue(conflict.recordId);
    known.addBindValue(conflict.field);
    known.addBindValue(conflict.local);
    known.addBindValue(conflict.remote);
    if (!execStatement(known, &m_error)) {
        return false;
    }
    if (known.next()) {
        return true;
    }
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("INSERT INTO _conflict_log (created_at, table_name, record_id,"
                                 " field, base_value, local_value, remote_value, kept, state)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    query.addBindValue(sql::nowUtc());
    query.addBindValue(conflict.table);
    query.addBindValue(conflict.recordId);
    query.addBindValue(conflict.field);
    query.addBindValue(conflict.base);
    query.addBindValue(conflict.local);
    query.addBindValue(conflict.remote);
    query.addBindValue(conflict.kept);
    query.addBindValue(stateName(State::Open));
    *added = execStatement(query, &m_error);
    return *added;
}

int ConflictLog::openCount() const
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT COUNT(*) FROM _conflict_log WHERE state = ?"));
    query.addBindValue(stateName(State::Open));
    return execStatement(query, &m_error) && query.next() ? query.value(0).toInt() : 0;
}

QList<Conflict> ConflictLog::openChoices() const
{
    QList<Conflict> conflicts;
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT %1 FROM _conflict_log WHERE state = ?"
                                 " AND (field != 'isdeleted' OR kept IN ('local', 'remote'))"
                                 " ORDER BY id")
                      .arg(kColumns));
    query.addBindValue(stateName(State::Open));
    if (execStatement(query, &m_error)) {
        while (query.next()) {
            conflicts.append(conflictAt(query));
        }
    }
    return conflicts;
}

QSet<QString> ConflictLog::recordsDeletedInOrg() const
{
    QSet<QString> records;
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT table_name, record_id FROM _conflict_log"
                                 " WHERE state = ? AND field = 'isdeleted'"
                                 " AND COALESCE(kept, '') = ''"));
    query.addBindValue(stateName(State::Open));
    if (execStatement(query, &m_error)) {
        while (query.next()) {
            records.insert(query.value(0).toString() + QLatin1Char(':') +
                           query.value(1).toString());
        }
    }
    return records;
}

std::optional<Conflict> ConflictLog::open(qint64 conflictId) const
{
    QSqlQuery query(m_store.database());
    query.prepare(
        QStringLiteral("SELECT %1 FROM _conflict_log WHERE id = ? AND state = ?").arg(kColumns));
    query.addBindValue(conflictId);
    query.addBindValue(stateName(State::Open));
    if (!execStatement(query, &m_error) || !query.next()) {
        return std::nullopt;
    }
    return conflictAt(query);
}

bool ConflictLog::settle(qint64 conflictId, State state)
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("UPDATE _conflict_log SET state = ? WHERE id = ?"));
    query.addBindValue(stateName(state));
    query.addBindValue(conflictId);
    return execStatement(query, &m_error);
}

bool ConflictLog::settleWithLocalValue(const QString &table, const QString &field,
                                       const QString &localValue, State state, int *settled)
{
    return settleOpen(QStringLiteral("field = ? AND local_value = ?"), {table, field, localValue},
                      state, settled);
}

bool ConflictLog::settleDeletion(const QString &table, qint64 recordId, State state)
{
    return settleOpen(QStringLiteral("record_id = ? AND field = 'isdeleted'"), {table, recordId},
                      state);
}

bool ConflictLog::settleOpen(const QString &condition, const QVariantList &values, State state,
                             int *settled)
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("UPDATE _conflict_log SET state = ? WHERE table_name = ? AND %1"
                                 " AND state = ?")
                      .arg(condition));
    query.addBindValue(stateName(state));
    for (const QVariant &value : values) {
        query.addBindValue(value);
    }
    query.addBindValue(stateName(State::Open));
    if (!execStatement(query, &m_error)) {
        return false;
    }
    if (settled) {
        *settled = query.numRowsAffected();
    }
    return true;
}

} // namespace pasalista
