#include "diagnostics.h"

#include "apppaths.h"
#include "logfile.h"
#include "mapping.h"
#include "store/localstore.h"
#include "store/outbox.h"
#include "sync/apibudget.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QLocale>
#include <QSettings>
#include <QSqlQuery>
#include <QSysInfo>

namespace pasalista {

namespace {

QString sqlCount(const QSqlDatabase &database, const QString &sql)
{
    QSqlQuery query(database);
    if (query.exec(sql) && query.next()) {
        return query.value(0).toString();
    }
    return QStringLiteral("?");
}

} // namespace

QString Diagnostics::text(const LocalStore *store, const Lines &extra)
{
    QString text;
    append(text, QStringLiteral("Pasalista diagnostics"), application());
    if (!extra.isEmpty()) {
        append(text, QStringLiteral("Display"), extra);
    }
    append(text, QStringLiteral("Paths"), paths());
    if (store && store->isOpen()) {
        append(text, QStringLiteral("Local store"), storeStatistics(*store));
    } else {
        append(text, QStringLiteral("Local store"),
               {{QStringLiteral("open"), QStringLiteral("no")}});
    }
    return text;
}

Diagnostics::Lines Diagnostics::application()
{
    return {
        {QStringLiteral("version"), QStringLiteral(PASALISTA_VERSION)},
        {QStringLiteral("application"), QCoreApplication::applicationName()},
        {QStringLiteral("Qt"),
         QStringLiteral("%1 (built with %2)")
             .arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR))},
        {QStringLiteral("operating system"), QSysInfo::prettyProductName()},
        {QStringLiteral("kernel"),
         QSysInfo::kernelType() + QLatin1Char(' ') + QSysInfo::kernelVersion()},
        {QStringLiteral("architecture"), QSysInfo::currentCpuArchitecture()},
        {QStringLiteral("locale"),
         QStringLiteral("%1 (system %2)").arg(QLocale().name(), QLocale::system().name())},
        {QStringLiteral("time"), QDateTime::currentDateTime().toString(Qt::ISODate)},
    };
}

Diagnostics::Lines Diagnostics::paths()
{
    const QString log = LogFile::installedFilePath();
    return {
        {QStringLiteral("data"), AppPaths::dataDir()},
        {QStringLiteral("log"), log.isEmpty() ? LogFile::defaultDirectory() : log},
        {QStringLiteral("settings"), QSettings().fileName()},
        {QStringLiteral("program"), QCoreApplication::applicationFilePath()},
    };
}

Diagnostics::Lines Diagnostics::storeStatistics(const LocalStore &store)
{
    const QSqlDatabase database = store.database();
    Lines lines = {
        {QStringLiteral("file"), store.path()},
        {QStringLiteral("size"), QLocale::c().formattedDataSize(QFileInfo(store.path()).size())},
        {QStringLiteral("schema"), QStringLiteral("%1 of %2")
                                       .arg(store.schemaVersion())
                                       .arg(LocalStore::latestSchemaVersion())},
        {QStringLiteral("changes waiting to sync"), QString::number(store.pendingChangeCount())},
    };
    for (const Role role : allRoles()) {
        const QString table = store.mapping().table(role);
        if (table.isEmpty()) {
            continue;
        }
        lines.append(
            {table, sqlCount(database, QStringLiteral("SELECT COUNT(*) FROM \"%1\"").arg(table))});
    }
    // What this laptop spends of the org's daily API limit (Sforce-Limit-Info).
    const ApiBudget budget(store);
    const int cap = ApiBudget::capOf(store.mapping());
    lines.append({QStringLiteral("API calls today"),
                  cap > 0 ? QStringLiteral("%1 of %2").arg(budget.spentToday()).arg(cap)
                          : QString::number(budget.spentToday())});
    lines.append({QStringLiteral("API calls last sync"), QString::number(budget.lastSyncCalls())});
    if (budget.orgMax() > 0) {
        lines.append({QStringLiteral("org API calls today"),
                      QStringLiteral("%1 of %2").arg(budget.orgUsed()).arg(budget.orgMax())});
    }
    for (const auto &[state, count] : Outbox(store).stateCounts()) {
        lines.append({QStringLiteral("outbox ") + state, QString::number(count)});
    }
    return lines;
}

void Diagnostics::append(QString &text, const QString &heading, const Lines &lines)
{
    if (!text.isEmpty()) {
        text += QLatin1Char('\n');
    }
    text += QStringLiteral("== ") + heading + QLatin1Char('\n');
    for (const auto &line : lines) {
        text += line.first + QStringLiteral(": ") + line.second + QLatin1Char('\n');
    }
}

} // namespace pasalista
