#include "storerepair.h"

#include "logging.h"
#include "store/execstatement.h"
#include "store/localstore.h"
#include "store/outbox.h"
#include "store/sqltext.h"
#include "sync/pullstate.h"
#include "sync/salesforceid.h"

#include <QSqlQuery>

namespace pasalista {

using sql::quoted;

namespace {

// A datetime column holding what no org writes: unreadable, or after the org's clock.
QString badDateTime(const QString &column)
{
    const QString c = quoted(column);
    // A '+0 days' modifier makes SQLite carry impossible days over (02-30 becomes 03-01).
    return QStringLiteral("(%1 IS NOT NULL AND %1 != '' AND (datetime(substr(%1, 1, 19), '+0 days')"
                          " IS NULL OR datetime(substr(%1, 1, 19), '+0 days') !="
                          " replace(substr(%1, 1, 19), 'T', ' ') OR %1 > :limit))")
        .arg(c);
}

// A date column holding a day that cannot be (with a modifier, SQLite's date() moves
// 2024-02-30 to March).
QString badDate(const QString &column)
{
    return QStringLiteral("(%1 IS NOT NULL AND %1 != '' AND (date(%1, '+0 days') IS NULL OR"
                          " date(%1, '+0 days') != %1))")
        .arg(quoted(column));
}

} // namespace

StoreRepair::StoreRepair(LocalStore &store, PullState &state, const OrgShapes &shapes)
    : m_store(store), m_state(state), m_shapes(shapes)
{
}

bool StoreRepair::exec(const QString &sql, const QVariantList &values)
{
    QSqlQuery query(m_store.database());
    query.prepare(sql);
    for (const QVariant &value : values) {
        query.addBindValue(value);
    }
    return execStatement(query, &m_error);
}

bool StoreRepair::run(const QDateTime &orgNow)
{
    if (!m_store.begin()) {
        m_error = m_store.errorString();
        return false;
    }
    for (Role role : Mapping::dependencyOrder()) {
        if (!repairRole(role, orgNow)) {
            m_store.rollback();
            return false;
        }
    }
    return m_store.commit();
}

bool StoreRepair::hasPendingEntries(Role role, qint64 id) const
{
    return Outbox(m_store).hasUnsettled(m_store.mapping().table(role), id).value_or(false);
}

bool StoreRepair::dropRow(Role role, qint64 id, qint64 replacement)
{
    // Children follow the row that stays (or wait for the lookup fix-up to find theirs).
    const Mapping &mapping = m_store.mapping();
    for (const auto &[child, column] : mapping.columnsPointingAt(role)) {
        const QString ref = quoted(LocalStore::refColumn(column));
        if (!exec(QStringLiteral("UPDATE %1 SET %2 = ? WHERE %2 = ?")
                      .arg(quoted(mapping.table(child)), ref),
                  {replacement > 0 ? QVariant(replacement) : QVariant(), id})) {
            return false;
        }
    }
    return exec(QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(quoted(mapping.table(role))),
                {id});
}

bool StoreRepair::repairId(Role role, qint64 id, const QString &sfid)
{
    const QString table = m_store.mapping().table(role);
    const QString prefix = m_shapes.keyPrefixes.value(m_store.mapping().objectFor(role).objectName);
    const auto normalized = SalesforceId::normalized(sfid);
    const bool pending = hasPendingEntries(role, id);
    ++m_repaired;
    if (!normalized || (!prefix.isEmpty() && SalesforceId::keyPrefix(*normalized) != prefix)) {
        qCWarning(lcSync) << "dropping a row with a junk Id" << table << id << sfid.left(40);
        // Its edits, if any, go out by its key as a new record would.
        return pending ? exec(QStringLiteral("UPDATE %1 SET sfid = NULL WHERE id = ?")
                                  .arg(quoted(table)),
                              {id})
                       : dropRow(role, id, 0);
    }
    const auto twin = m_store.idByColumn(role, QStringLiteral("sfid"), *normalized);
    if (twin && *twin != id) {
        // The same record twice: the row with pending edits stays, with the 18-character Id.
        if (!pending) {
            return dropRow(role, id, *twin);
        }
        if (hasPendingEntries(role, *twin) || !dropRow(role, *twin, id)) {
            return !hasPendingEntries(role, *twin); // both edited: left for the teacher
        }
    }
    return exec(QStringLiteral("UPDATE %1 SET sfid = ? WHERE id = ?").arg(quoted(table)),
                {*normalized, id});
}

QString StoreRepair::badDateCondition(Role role) const
{
    const ObjectMapping &object = m_store.mapping().objectFor(role);
    const QHash<QString, FieldShape> shapes = m_shapes.fields.value(object.objectName);
    QStringList conditions{badDateTime(QStringLiteral("systemmodstamp"))};
    for (const QString &field : object.fields) {
        const QString type = shapes.value(field).type;
        const QString column = ObjectMapping::columnFor(field);
        if (type == QLatin1String("date")) {
            conditions.append(badDate(column));
        } else if (type == QLatin1String("datetime") && column != QLatin1String("systemmodstamp")) {
            conditions.append(badDateTime(column));
        }
    }
    return conditions.join(QStringLiteral(" OR "));
}

bool StoreRepair::clearBadDates(Role role, const QString &condition, const QString &limit)
{
    // The stamp goes, so the org's record is applied again when the object is re-read.
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("UPDATE %1 SET systemmodstamp = NULL WHERE %2")
                      .arg(quoted(m_store.mapping().table(role)), condition));
    query.bindValue(QStringLiteral(":limit"), limit);
    if (!execStatement(query, &m_error)) {
        return false;
    }
    m_repaired += query.numRowsAffected();
    return true;
}

bool StoreRepair::repairRole(Role role, const QDateTime &orgNow)
{
    const int before = m_repaired;
    const ObjectMapping &object = m_store.mapping().objectFor(role);
    const QString prefix = m_shapes.keyPrefixes.value(object.objectName);
    // Only suspects are read: a whole table is never walked in C++ on every sync.
    QString suspect = QStringLiteral("sfid IS NOT NULL AND (length(sfid) != 18 OR sfid GLOB "
                                     "'*[^0-9A-Za-z]*'");
    suspect +=
        prefix.isEmpty() ? QStringLiteral(")") : QStringLiteral(" OR substr(sfid, 1, 3) != ?)");
    QSqlQuery query(m_store.database());
    query.prepare(
        QStringLiteral("SELECT id, sfid FROM %1 WHERE %2").arg(quoted(object.tableName), suspect));
    if (!prefix.isEmpty()) {
        query.addBindValue(prefix);
    }
    if (!execStatement(query, &m_error)) {
        return false;
    }
    QList<QPair<qint64, QString>> suspects;
    while (query.next()) {
        suspects.append({query.value(0).toLongLong(), query.value(1).toString()});
    }
    for (const auto &[id, sfid] : std::as_const(suspects)) {
        if (!repairId(role, id, sfid)) {
            return false;
        }
    }
    const QString limit = orgNow.isValid() ? orgNow.addSecs(RecordValidator::kClockSkewSeconds)
                                                 .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"))
                                           : QStringLiteral("9999");
    if (!clearBadDates(role, badDateCondition(role), limit)) {
        return false;
    }
    if (m_repaired > before) {
        qCWarning(lcSync) << "repaired" << m_repaired - before << "rows of" << object.objectName
                          << "; reading it again in full";
        return m_state.setCoveredUntil(object.objectName, {});
    }
    return true;
}

} // namespace pasalista
