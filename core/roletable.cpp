#include "roletable.h"

#include "logging.h"
#include "store/sqltext.h"

#include <QSqlError>
#include <QSqlQuery>

namespace pasalista {

RoleTable::RoleTable(const LocalStore &store, Role role)
    : m_store(store), m_mapping(store.mapping()), m_role(role)
{
    for (const QString &logical : Mapping::knownFields(role)) {
        if (!m_mapping.column(role, logical).isEmpty()) {
            m_logicals.append(logical);
        }
    }
    for (const auto &lookup : Mapping::lookupsOf(role)) {
        if (m_logicals.contains(lookup.first)) {
            m_lookups.append(lookup.first);
        }
    }
}

QString RoleTable::quote(const QString &identifier)
{
    return sql::quoted(identifier);
}

QString RoleTable::liveCondition()
{
    return QStringLiteral("\"isdeleted\" IS NOT 1");
}

QString RoleTable::keyColumnName()
{
    return QStringLiteral("pasalista_id__c");
}

QString RoleTable::table() const
{
    return quote(m_mapping.table(m_role));
}

QString RoleTable::column(const QString &logical) const
{
    const QString name = m_mapping.column(m_role, logical);
    return name.isEmpty() ? QString() : quote(name);
}

QString RoleTable::refColumn(const QString &logical) const
{
    const QString name = m_mapping.column(m_role, logical);
    return name.isEmpty() ? QString() : quote(LocalStore::refColumn(name));
}

QString RoleTable::keyColumn() const
{
    // insertLocal gives every writable role's row a key, so the column exists for them.
    return m_mapping.objectFor(m_role).writable ? quote(keyColumnName()) : QString();
}

QStringList RoleTable::selectList() const
{
    QStringList columns{quote(QStringLiteral("id")), quote(QStringLiteral("sfid"))};
    const QString key = keyColumn();
    columns.append(key.isEmpty() ? QStringLiteral("NULL") : key);
    for (const QString &logical : m_logicals) {
        columns.append(column(logical));
    }
    for (const QString &lookup : m_lookups) {
        columns.append(refColumn(lookup));
    }
    return columns;
}

QVariantMap RoleTable::readRow(const QSqlQuery &query) const
{
    QVariantMap row;
    row.insert(QStringLiteral("id"), query.value(0).toLongLong());
    row.insert(QStringLiteral("sfid"), query.value(1).toString());
    row.insert(QStringLiteral("key"), query.value(2).toString());
    int index = 3;
    for (const QString &logical : m_logicals) {
        row.insert(logical, query.value(index++));
    }
    for (const QString &lookup : m_lookups) {
        row.insert(QStringLiteral("ref:") + lookup, query.value(index++).toLongLong());
    }
    return row;
}

QList<QVariantMap> RoleTable::select(const QString &where, const QVariantList &bindings,
                                     bool *ok) const
{
    QString sql = QStringLiteral("SELECT ") + selectList().join(QStringLiteral(", ")) +
                  QStringLiteral(" FROM ") + table() + QStringLiteral(" WHERE ") + liveCondition();
    if (!where.isEmpty()) {
        sql += QStringLiteral(" AND (") + where + QLatin1Char(')');
    }
    sql += QStringLiteral(" ORDER BY \"id\"");

    QSqlQuery query(m_store.database());
    query.setForwardOnly(true);
    QList<QVariantMap> rows;
    bool prepared = query.prepare(sql);
    for (const QVariant &value : bindings) {
        query.addBindValue(value);
    }
    if (!prepared || !query.exec()) {
        qCWarning(lcDomain) << "query failed on" << m_mapping.table(m_role)
                            << query.lastError().text();
        if (ok) {
            *ok = false;
        }
        return rows;
    }
    while (query.next()) {
        rows.append(readRow(query));
    }
    if (ok) {
        *ok = true;
    }
    return rows;
}

std::optional<QVariantMap> RoleTable::selectOne(qint64 id) const
{
    const QList<QVariantMap> rows = select(QStringLiteral("\"id\" = ?"), {id});
    if (rows.isEmpty()) {
        return std::nullopt;
    }
    return rows.first();
}

} // namespace pasalista
