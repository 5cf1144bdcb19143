#include "store/execstatement.h"

#include "logging.h"

#include <QMutex>
#include <QSqlError>
#include <QSqlQuery>

#include <atomic>

namespace pasalista {

namespace {

std::atomic<bool> g_faultArmed{false};
QMutex g_faultMutex;
int g_faultCountdown = 0;
QString g_faultContaining;

// Whether the armed fault hits this statement (counting it when its text matches).
bool injectedFault(const QString &sql)
{
    if (!g_faultArmed.load(std::memory_order_relaxed)) {
        return false;
    }
    QMutexLocker lock(&g_faultMutex);
    if (g_faultCountdown <= 0 || !sql.contains(g_faultContaining) || --g_faultCountdown > 0) {
        return false;
    }
    g_faultArmed = false;
    return true;
}

bool report(const QString &reason, const QString &sql, QString *error)
{
    qCWarning(lcStore).noquote() << "statement failed:" << reason << "in" << sql.left(200);
    if (error) {
        *error = reason;
    }
    return false;
}

} // namespace

bool execStatement(QSqlQuery &query, QString *error)
{
    if (injectedFault(query.lastQuery())) {
        return report(QStringLiteral("injected fault (test)"), query.lastQuery(), error);
    }
    return query.exec() || report(query.lastError().text(), query.lastQuery(), error);
}

bool execStatement(QSqlQuery &query, const QString &sql, QString *error)
{
    if (injectedFault(sql)) {
        return report(QStringLiteral("injected fault (test)"), sql, error);
    }
    return query.exec(sql) || report(query.lastError().text(), sql, error);
}

QStringList firstColumnOf(QSqlQuery &query, QString *error)
{
    QStringList values;
    if (execStatement(query, error)) {
        while (query.next()) {
            values.append(query.value(0).toString());
        }
    }
    return values;
}

void failStatementForTest(int nth, const QString &containing)
{
    QMutexLocker lock(&g_faultMutex);
    g_faultCountdown = nth;
    g_faultContaining = containing;
    g_faultArmed = nth > 0;
}

} // namespace pasalista
