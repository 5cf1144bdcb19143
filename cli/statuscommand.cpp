#include "statuscommand.h"

#include "clicontext.h"

#include "auth/accountmanager.h"
#include "store/localstore.h"
#include "sync/apibudget.h"
#include "sync/clockskew.h"
#include "sync/syncengine.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTextStream>

namespace pasalista {

StatusCommand::StatusCommand() : AccountStoreCommand(QStringLiteral("status"))
{
    acceptOption(CliContext::kJson);
}

int StatusCommand::run(CliContext &context, LocalStore &store, const QStringList &)
{
    AccountManager &accounts = context.accounts();
    const Identity identity = accounts.account(accounts.currentAccountKey());
    QSqlQuery last(store.database());
    last.exec(QStringLiteral("SELECT MAX(last_sync_at) FROM _sync_state"));
    const QString lastSync = last.next() ? last.value(0).toString() : QString();
    const ApiBudget budget(store);
    const QString clockWarning = ClockSkew(store).warning();
    const int cap = ApiBudget::capOf(store.mapping());
    const QJsonObject status{{QStringLiteral("user"), identity.username},
                             {QStringLiteral("org"), identity.instanceUrl.toString()},
                             {QStringLiteral("pending"), store.pendingChangeCount()},
                             {QStringLiteral("failed"), SyncEngine::failedRecordCount(store)},
                             {QStringLiteral("conflicts"), SyncEngine::openConflictCount(store)},
                             {QStringLiteral("last_sync"), lastSync},
                             {QStringLiteral("clock_warning"), clockWarning},
                             {QStringLiteral("api_calls_today"), budget.spentToday()},
                             {QStringLiteral("api_calls_last_sync"), budget.lastSyncCalls()},
                             {QStringLiteral("api_daily_budget"), cap},
                             {QStringLiteral("org_api_used"), budget.orgUsed()},
                             {QStringLiteral("org_api_max"), budget.orgMax()}};
    if (context.isSet(CliContext::kJson)) {
        context.out() << QJsonDocument(status).toJson(QJsonDocument::Indented);
        return Success;
    }
    context.out()
        << tr("Signed in as %1 at %2").arg(identity.username, identity.instanceUrl.toString())
        << Qt::endl
        << tr("Changes waiting to sync: %1").arg(store.pendingChangeCount()) << Qt::endl
        << tr("Refused records: %1; conflicts: %2")
               .arg(SyncEngine::failedRecordCount(store))
               .arg(SyncEngine::openConflictCount(store))
        << Qt::endl
        << tr("Last sync: %1").arg(lastSync.isEmpty() ? tr("never") : lastSync) << Qt::endl
        << apiUsageText(budget, cap) << Qt::endl;
    if (!clockWarning.isEmpty()) {
        context.out() << clockWarning << Qt::endl;
    }
    return Success;
}

QString StatusCommand::apiUsageText(const ApiBudget &budget, int cap)
{
    QString text = cap > 0 ? tr("API calls today: %1 of this laptop's %2; last sync: %3")
                                 .arg(budget.spentToday())
                                 .arg(cap)
                                 .arg(budget.lastSyncCalls())
                           : tr("API calls today: %1; last sync: %2")
                                 .arg(budget.spentToday())
                                 .arg(budget.lastSyncCalls());
    if (budget.orgMax() > 0) {
        text += QLatin1Char('\n') + tr("The whole org has used %1 of its %2 daily API calls.")
                                        .arg(budget.orgUsed())
                                        .arg(budget.orgMax());
    }
    return text;
}

} // namespace pasalista
