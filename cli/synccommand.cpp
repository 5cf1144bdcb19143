#include "synccommand.h"

#include "clicontext.h"

#include "auth/accountmanager.h"
#include "auth/session.h"
#include "net/salesforceclient.h"
#include "sync/syncengine.h"
#include "sync/syncreport.h"

#include <QJsonDocument>
#include <QTextStream>

namespace pasalista {

SyncCommand::SyncCommand() : AccountStoreCommand(QStringLiteral("sync"))
{
    acceptOption(CliContext::kJson);
}

int SyncCommand::exitCodeOf(const SyncReport &report)
{
    switch (report.result) {
    case SyncReport::Result::Clean:
        return Success;
    case SyncReport::Result::Issues:
        return Failure;
    case SyncReport::Result::SignInRequired:
        return NotSignedIn;
    case SyncReport::Result::Unreachable:
        return Unreachable;
    case SyncReport::Result::Cancelled:
    case SyncReport::Result::Error:
        return Failure;
    }
    return Failure;
}

int SyncCommand::run(CliContext &context, LocalStore &store, const QStringList &)
{
    AccountManager &accounts = context.accounts();
    if (!accounts.isSignedIn() &&
        accounts.restoreSession() != AccountManager::RestoreResult::Restored) {
        context.err() << tr("Not signed in: %1 Run: pasalista-cli login --login-url URL")
                             .arg(accounts.keychainMessage())
                      << Qt::endl;
        return NotSignedIn;
    }
    const std::shared_ptr<Session> session = accounts.session();
    SalesforceClient client(session.get());
    SyncEngine engine(store, client, session->identity());
    // As "Sync now": every object is queried, so an office edit of the last minute is seen
    // (the window's background syncs ask the org first what changed; see
    // Puller::setProbeChanges).
    const SyncReport report = engine.run();
    if (context.isSet(CliContext::kJson)) {
        context.out() << QJsonDocument(report.toJson()).toJson(QJsonDocument::Indented);
    } else {
        printReport(context, report);
    }
    return exitCodeOf(report);
}

void SyncCommand::printReport(CliContext &context, const SyncReport &report)
{
    QTextStream &out = context.out();
    for (const QString &warning : report.warnings) {
        context.err() << tr("Warning: %1").arg(warning) << Qt::endl;
    }
    out << tr("Pushed %1, pulled %2, deleted %3, failed %4, conflicts %5, left to retry %6.")
               .arg(report.pushed)
               .arg(report.pulled)
               .arg(report.deleted)
               .arg(report.failed)
               .arg(report.conflicts)
               .arg(report.retrying)
        << Qt::endl;
    switch (report.result) {
    case SyncReport::Result::Clean:
        out << tr("Everything is in sync.") << Qt::endl;
        break;
    case SyncReport::Result::Issues:
        out << tr("Some records need your attention: run pasalista-cli issues.") << Qt::endl;
        break;
    default:
        context.err() << report.message << Qt::endl;
    }
}

} // namespace pasalista
