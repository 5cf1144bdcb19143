#include "synccommands.h"

#include "auth/accountmanager.h"
#include "auth/session.h"
#include "store/localstore.h"
#include "logging.h"
#include "net/salesforceclient.h"
#include "sync/apibudget.h"
#include "sync/syncengine.h"
#include "sync/syncissues.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTextStream>

namespace pasalista {

namespace {

QString kindName(SyncIssue::Kind kind)
{
    switch (kind) {
    case SyncIssue::Kind::Failed:
        return QStringLiteral("failed");
    case SyncIssue::Kind::Conflict:
        return QStringLiteral("conflict");
    case SyncIssue::Kind::DeletedInOrg:
        return QStringLiteral("deleted_in_org");
    }
    return {};
}

// How `issues` names an issue for `issues retry|dismiss`: conflict/N for a conflict,
// TABLE/N for a refused record or one deleted in the org.
QString issueId(const SyncIssue &issue)
{
    return issue.kind == SyncIssue::Kind::Conflict
               ? QStringLiteral("conflict/%1").arg(issue.conflictId)
               : QStringLiteral("%1/%2").arg(issue.objectName).arg(issue.recordId);
}

} // namespace

SyncCommands::SyncCommands(QTextStream &out, QTextStream &err, AccountManager &accounts,
                           const Mapping &mapping)
    : m_out(out), m_err(err), m_accounts(accounts), m_mapping(mapping)
{
}

bool SyncCommands::handles(const QString &command)
{
    return command == QLatin1String("sync") || command == QLatin1String("status") ||
           command == QLatin1String("issues");
}

int SyncCommands::run(const QString &command, bool json, const QStringList &arguments)
{
    if (command == QLatin1String("issues") && arguments.size() == 2) {
        return settleIssue(arguments.at(0), arguments.at(1));
    }
    if (command == QLatin1String("sync")) {
        return sync(json);
    }
    if (command == QLatin1String("status")) {
        return status(json);
    }
    return issues(json);
}

bool SyncCommands::openStore(LocalStore &store)
{
    const QString account = m_accounts.currentAccountKey();
    if (account.isEmpty()) {
        m_err << tr("Nobody is signed in. Run: pasalista-cli login --login-url URL") << Qt::endl;
        return false;
    }
    if (!store.open(m_accounts.databasePath(account))) {
        m_err << store.errorString() << Qt::endl;
        return false;
    }
    return true;
}

int SyncCommands::sync(bool json)
{
    LocalStore store(m_mapping);
    if (!openStore(store)) {
        return m_accounts.currentAccountKey().isEmpty() ? NotSignedIn : Failure;
    }
    if (!m_accounts.isSignedIn() &&
        m_accounts.restoreSession() != AccountManager::RestoreResult::Restored) {
        m_err << tr("Not signed in: %1 Run: pasalista-cli login --login-url URL")
                     .arg(m_accounts.keychainMessage())
              << Qt::endl;
        return NotSignedIn;
    }
    const std::shared_ptr<Session> session = m_accounts.session();
    SalesforceClient client(session.get());
    SyncEngine engine(store, client, session->identity());
    // As "Sync now": every object is queried, so an office edit of the last minute is seen
    // (the window's background syncs ask the org first what changed; see
    // Puller::setProbeChanges).
    const SyncReport report = engine.run();
    if (json) {
        m_out << QJsonDocument(report.toJson()).toJson(QJsonDocument::Indented);
    } else {
        printReport(report);
    }
    return report.exitCode();
}

void SyncCommands::printReport(const SyncReport &report)
{
    for (const QString &warning : report.warnings) {
        m_err << tr("Warning: %1").arg(warning) << Qt::endl;
    }
    m_out << tr("Pushed %1, pulled %2, deleted %3, failed %4, conflicts %5, left to retry %6.")
                 .arg(report.pushed)
                 .arg(report.pulled)
                 .arg(report.deleted)
                 .arg(report.failed)
                 .arg(report.conflicts)
                 .arg(report.retrying)
          << Qt::endl;
    switch (report.result) {
    case SyncReport::Result::Clean:
        m_out << tr("Everything is in sync.") << Qt::endl;
        break;
    case SyncReport::Result::Issues:
        m_out << tr("Some records need your attention: run pasalista-cli issues.") << Qt::endl;
        break;
    default:
        m_err << report.message << Qt::endl;
    }
}

int SyncCommands::status(bool json)
{
    LocalStore store(m_mapping);
    if (!openStore(store)) {
        return m_accounts.currentAccountKey().isEmpty() ? NotSignedIn : Failure;
    }
    const Identity identity = m_accounts.account(m_accounts.currentAccountKey());
    QSqlQuery last(store.database());
    last.exec(QStringLiteral("SELECT MAX(last_sync_at) FROM _sync_state"));
    const QString lastSync = last.next() ? last.value(0).toString() : QString();
    const ApiBudget budget(store);
    const int cap = ApiBudget::capOf(m_mapping);
    const QJsonObject status{{QStringLiteral("user"), identity.username},
                             {QStringLiteral("org"), identity.instanceUrl.toString()},
                             {QStringLiteral("pending"), store.pendingChangeCount()},
                             {QStringLiteral("failed"), SyncEngine::failedRecordCount(store)},
                             {QStringLiteral("conflicts"), SyncEngine::openConflictCount(store)},
                             {QStringLiteral("last_sync"), lastSync},
                             {QStringLiteral("api_calls_today"), budget.spentToday()},
                             {QStringLiteral("api_calls_last_sync"), budget.lastSyncCalls()},
                             {QStringLiteral("api_daily_budget"), cap},
                             {QStringLiteral("org_api_used"), budget.orgUsed()},
                             {QStringLiteral("org_api_max"), budget.orgMax()}};
    if (json) {
        m_out << QJsonDocument(status).toJson(QJsonDocument::Indented);
        return Success;
    }
    m_out << tr("Signed in as %1 at %2").arg(identity.username, identity.instanceUrl.toString())
          << Qt::endl
          << tr("Changes waiting to sync: %1").arg(store.pendingChangeCount()) << Qt::endl
          << tr("Refused records: %1; conflicts: %2")
                 .arg(SyncEngine::failedRecordCount(store))
                 .arg(SyncEngine::openConflictCount(store))
          << Qt::endl
          << tr("Last sync: %1").arg(lastSync.isEmpty() ? tr("never") : lastSync) << Qt::endl
          << apiUsageText(budget, cap) << Qt::endl;
    return Success;
}

QString SyncCommands::apiUsageText(const ApiBudget &budget, int cap)
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

int SyncCommands::issues(bool json)
{
    LocalStore store(m_mapping);
    if (!openStore(store)) {
        return m_accounts.currentAccountKey().isEmpty() ? NotSignedIn : Failure;
    }
    const QList<SyncIssue> issues = SyncIssues(store).list();
    if (json) {
        QJsonArray list;
        for (const SyncIssue &issue : issues) {
            list.append(QJsonObject{{QStringLiteral("id"), issueId(issue)},
                                    {QStringLiteral("kind"), kindName(issue.kind)},
                                    {QStringLiteral("object"), issue.objectName},
                                    {QStringLiteral("record"), issue.recordLabel},
                                    {QStringLiteral("record_id"), issue.recordId},
                                    {QStringLiteral("conflict_id"), issue.conflictId},
                                    {QStringLiteral("field"), issue.field},
                                    {QStringLiteral("message"), issue.message},
                                    {QStringLiteral("local_value"), issue.localValue},
                                    {QStringLiteral("remote_value"), issue.remoteValue},
                                    {QStringLiteral("kept"), issue.kept}});
        }
        m_out << QJsonDocument(list).toJson(QJsonDocument::Indented);
        return issues.isEmpty() ? Success : Failure;
    }
    if (issues.isEmpty()) {
        m_out << tr("No sync issues.") << Qt::endl;
    }
    for (const SyncIssue &issue : issues) {
        m_out << QLatin1Char('[') << issueId(issue) << QStringLiteral("] ");
        switch (issue.kind) {
        case SyncIssue::Kind::Failed:
            m_out
                << tr("Refused: %1 %2: %3").arg(issue.objectName, issue.recordLabel, issue.message);
            break;
        case SyncIssue::Kind::DeletedInOrg:
            m_out << tr("Deleted in the org while you edited it: %1 %2")
                         .arg(issue.objectName, issue.recordLabel);
            break;
        case SyncIssue::Kind::Conflict:
            m_out << tr("Conflict on %1 %2, %3: yours \"%4\", the org's \"%5\"; kept %6")
                         .arg(issue.objectName, issue.recordLabel, issue.field, issue.localValue,
                              issue.remoteValue,
                              issue.kept == QLatin1String("local") ? tr("yours") : tr("the org's"));
            break;
        }
        m_out << Qt::endl;
    }
    return issues.isEmpty() ? Success : Failure;
}

int SyncCommands::settleIssue(const QString &action, const QString &id)
{
    if (action != QLatin1String("retry") && action != QLatin1String("dismiss")) {
        m_err << tr("issues takes retry ID or dismiss ID, not \"%1\".").arg(action) << Qt::endl;
        return Failure;
    }
    LocalStore store(m_mapping);
    if (!openStore(store)) {
        return m_accounts.currentAccountKey().isEmpty() ? NotSignedIn : Failure;
    }
    SyncIssues issues(store);
    const QList<SyncIssue> listed = issues.list();
    const auto issue = std::find_if(listed.begin(), listed.end(),
                                    [&id](const SyncIssue &each) { return issueId(each) == id; });
    if (issue == listed.end()) {
        m_err << tr("No sync issue %1; run pasalista-cli issues to list them.").arg(id) << Qt::endl;
        return Failure;
    }
    const bool retry = action == QLatin1String("retry");
    bool ok = false;
    switch (issue->kind) {
    case SyncIssue::Kind::Failed:
        if (!retry) {
            m_err << tr("A refused record is retried after it is corrected; it cannot be "
                        "dismissed.")
                  << Qt::endl;
            return Failure;
        }
        ok = issues.retry(issue->role, issue->recordId);
        break;
    case SyncIssue::Kind::DeletedInOrg:
        ok = retry ? issues.restoreDeleted(issue->role, issue->recordId)
                   : issues.acceptDeletion(issue->role, issue->recordId);
        break;
    case SyncIssue::Kind::Conflict:
        ok = retry ? issues.useLosingValue(issue->conflictId) : issues.dismiss(issue->conflictId);
        break;
    }
    if (!ok) {
        m_err << issues.errorString() << Qt::endl;
        return Failure;
    }
    m_out << (retry ? tr("%1 will be sent on the next sync.").arg(id) : tr("%1 dismissed.").arg(id))
          << Qt::endl;
    return Success;
}

} // namespace pasalista
