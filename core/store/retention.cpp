#include "retention.h"

#include "logging.h"
#include "mapping.h"
#include "roletable.h"
#include "store/localstore.h"

#include <QSqlError>
#include <QSqlQuery>

namespace pasalista {

QDate Retention::firstDayKept(const SyncScope &scope, const QDate &today)
{
    const int month = scope.schoolYearStartMonth;
    const int startYear = today.month() >= month ? today.year() : today.year() - 1;
    return QDate(startYear - (scope.schoolYearsKept - 1), month, 1);
}

int Retention::purge(LocalStore &store, const QDate &today)
{
    const QDate firstDay = firstDayKept(store.mapping().scope(), today);
    const RoleTable attendance(store, Role::Attendance);
    const QString date = attendance.column(QStringLiteral("date"));
    if (date.isEmpty()) {
        return 0;
    }
    // Marks with unsettled entries (NEW, PENDING, FAILED) stay until the org has them.
    QSqlQuery query(store.database());
    query.prepare(QStringLiteral("DELETE FROM %1 WHERE %2 < ? AND id NOT IN (SELECT record_id "
                                 "FROM _trigger_log WHERE table_name = ? AND state IN "
                                 "('NEW','PENDING','FAILED'))")
                      .arg(attendance.table(), date));
    query.addBindValue(firstDay.toString(Qt::ISODate));
    query.addBindValue(store.mapping().table(Role::Attendance));
    if (!query.exec()) {
        qCWarning(lcStore) << "Cannot purge marks before" << firstDay << ":"
                           << query.lastError().text();
        return -1;
    }
    const int removed = query.numRowsAffected();
    if (removed > 0) {
        qCInfo(lcStore) << "Purged" << removed << "mark(s) dated before" << firstDay
                        << "from the laptop (the org keeps them)";
    }
    return removed;
}

} // namespace pasalista
