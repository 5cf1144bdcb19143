#include "pullstate.h"

#include "store/execstatement.h"
#include "store/localstore.h"
#include "store/metastore.h"
#include "store/sqltext.h"
#include "sync/clockskew.h"

#include <QSqlQuery>

namespace pasalista {

QDateTime PullState::read(const QString &objectName, const QString &column) const
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT %1 FROM _sync_state WHERE object_name = ?").arg(column));
    query.addBindValue(objectName);
    if (!execStatement(query) || !query.next() || query.value(0).isNull()) {
        return {};
    }
    return QDateTime::fromString(query.value(0).toString(), Qt::ISODate).toUTC();
}

bool PullState::write(const QString &objectName, const QString &column, const QDateTime &until)
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("INSERT INTO _sync_state (object_name, %1, last_sync_at)"
                                 " VALUES (?, ?, ?) ON CONFLICT(object_name) DO UPDATE SET"
                                 " %1 = excluded.%1, last_sync_at = excluded.last_sync_at")
                      .arg(column));
    query.addBindValue(objectName);
    query.addBindValue(until.isValid() ? QVariant(until.toUTC().toString(Qt::ISODate))
                                       : QVariant());
    // The last sync the teacher is shown is on the org's clock, not a laptop's wrong one.
    query.addBindValue(ClockSkew(m_store).orgNow().toString(Qt::ISODateWithMs));
    return execStatement(query);
}

QDateTime PullState::coveredUntil(const QString &objectName) const
{
    return read(objectName, QStringLiteral("covered_until"));
}

bool PullState::setCoveredUntil(const QString &objectName, const QDateTime &until, bool vouched)
{
    return write(objectName, QStringLiteral("covered_until"), until) &&
           MetaStore(m_store).setValue(vouchedKey(objectName),
                                       vouched ? QStringLiteral("1") : QStringLiteral("0"));
}

bool PullState::coveredUntilVouched(const QString &objectName) const
{
    return MetaStore(m_store).value(vouchedKey(objectName)) == QLatin1String("1");
}

QString PullState::vouchedKey(const QString &objectName)
{
    return QStringLiteral("covered-vouched:") + objectName;
}

QDateTime PullState::deletionsCoveredUntil(const QString &objectName) const
{
    return read(objectName, QStringLiteral("deleted_covered_until"));
}

bool PullState::setDeletionsCoveredUntil(const QString &objectName, const QDateTime &until)
{
    return write(objectName, QStringLiteral("deleted_covered_until"), until);
}

bool PullState::addBackfill(const QString &objectName, const QString &sfid)
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("INSERT OR IGNORE INTO _scope_backfill (object_name, sfid,"
                                 " created_at) VALUES (?, ?, ?)"));
    query.addBindValue(objectName);
    query.addBindValue(sfid);
    query.addBindValue(sql::nowUtc());
    return execStatement(query);
}

QStringList PullState::backfills(const QString &objectName) const
{
    QSqlQuery query(m_store.database());
    query.prepare(
        QStringLiteral("SELECT sfid FROM _scope_backfill WHERE object_name = ? ORDER BY sfid"));
    query.addBindValue(objectName);
    return firstColumnOf(query);
}

bool PullState::removeBackfills(const QString &objectName, const QStringList &sfids)
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("DELETE FROM _scope_backfill WHERE object_name = ? AND sfid = ?"));
    for (const QString &sfid : sfids) {
        query.bindValue(0, objectName);
        query.bindValue(1, sfid);
        if (!execStatement(query)) {
            return false;
        }
    }
    return true;
}

} // namespace pasalista
