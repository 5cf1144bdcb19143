#include "issuescommand.h"

#include "clicontext.h"

#include "sync/syncissues.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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
    case SyncIssue::Kind::FieldAccess:
        return QStringLiteral("field_access");
    }
    return {};
}

// How `issues` names an issue for `issues retry|dismiss`: conflict/N for a conflict,
// TABLE/N for a refused record or one deleted in the org, field/OBJECT.FIELD for a field
// the user's profile keeps from her.
QString issueId(const SyncIssue &issue)
{
    if (issue.kind == SyncIssue::Kind::FieldAccess) {
        return QStringLiteral("field/%1.%2").arg(issue.objectName, issue.field);
    }
    return issue.kind == SyncIssue::Kind::Conflict
               ? QStringLiteral("conflict/%1").arg(issue.conflictId)
               : QStringLiteral("%1/%2").arg(issue.objectName).arg(issue.recordId);
}

QJsonObject issueJson(const SyncIssue &issue)
{
    return QJsonObject{{QStringLiteral("id"), issueId(issue)},
                       {QStringLiteral("kind"), kindName(issue.kind)},
                       {QStringLiteral("object"), issue.objectName},
                       {QStringLiteral("record"), issue.recordLabel},
                       {QStringLiteral("record_id"), issue.recordId},
                       {QStringLiteral("conflict_id"), issue.conflictId},
                       {QStringLiteral("field"), issue.field},
                       {QStringLiteral("message"), issue.message},
                       {QStringLiteral("local_value"), issue.localValue},
                       {QStringLiteral("remote_value"), issue.remoteValue},
                       {QStringLiteral("kept"), issue.kept}};
}

} // namespace

IssuesCommand::IssuesCommand() : AccountStoreCommand(QStringLiteral("issues"))
{
    acceptOption(CliContext::kJson);
}

int IssuesCommand::checkArguments(CliContext &context, const QStringList &arguments)
{
    const bool settles = arguments.size() == 2;
    if (settles && arguments.at(0) != QLatin1String("retry") &&
        arguments.at(0) != QLatin1String("dismiss")) {
        context.err() << tr("issues takes retry ID or dismiss ID, not \"%1\".").arg(arguments.at(0))
                      << Qt::endl;
        return Failure;
    }
    return Success;
}

int IssuesCommand::run(CliContext &context, LocalStore &store, const QStringList &arguments)
{
    return arguments.size() == 2 ? settle(context, store, arguments.at(0), arguments.at(1))
                                 : list(context, store);
}

int IssuesCommand::list(CliContext &context, LocalStore &store)
{
    QTextStream &out = context.out();
    const QList<SyncIssue> issues = SyncIssues(store).list();
    if (context.isSet(CliContext::kJson)) {
        QJsonArray list;
        for (const SyncIssue &issue : issues) {
            list.append(issueJson(issue));
        }
        out << QJsonDocument(list).toJson(QJsonDocument::Indented);
        return issues.isEmpty() ? Success : Failure;
    }
    if (issues.isEmpty()) {
        out << tr("No sync issues.") << Qt::endl;
    }
    for (const SyncIssue &issue : issues) {
        out << QLatin1Char('[') << issueId(issue) << QStringLiteral("] ");
        switch (issue.kind) {
        case SyncIssue::Kind::Failed:
            out << tr("Refused: %1 %2: %3").arg(issue.objectName, issue.recordLabel, issue.message);
            break;
        case SyncIssue::Kind::DeletedInOrg:
            out << tr("Deleted in the org while you edited it: %1 %2")
                       .arg(issue.objectName, issue.recordLabel);
            break;
        case SyncIssue::Kind::FieldAccess:
            out << issue.message;
            break;
        case SyncIssue::Kind::Conflict:
            out << tr("Conflict on %1 %2, %3: yours \"%4\", the org's \"%5\"; kept %6")
                       .arg(issue.objectName, issue.recordLabel, issue.field, issue.localValue,
                            issue.remoteValue,
                            issue.kept == QLatin1String("local") ? tr("yours") : tr("the org's"));
            break;
        }
        out << Qt::endl;
    }
    return issues.isEmpty() ? Success : Failure;
}

int IssuesCommand::settle(CliContext &context, LocalStore &store, const QString &action,
                          const QString &id)
{
    SyncIssues issues(store);
    const QList<SyncIssue> listed = issues.list();
    const auto issue = std::find_if(listed.begin(), listed.end(),
                                    [&id](const SyncIssue &each) { return issueId(each) == id; });
    if (issue == listed.end()) {
        context.err() << tr("No sync issue %1; run pasalista-cli issues to list them.").arg(id)
                      << Qt::endl;
        return Failure;
    }
    const bool retry = action == QLatin1String("retry");
    bool ok = false;
    switch (issue->kind) {
    case SyncIssue::Kind::Failed:
        if (!retry) {
            context.err() << tr("A refused record is retried after it is corrected; it cannot "
                                "be dismissed.")
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
    case SyncIssue::Kind::FieldAccess:
        // Only the org's administrator can settle it; it goes away once the profile allows.
        context.err() << issue->message << Qt::endl;
        return Failure;
    }
    if (!ok) {
        context.err() << issues.errorString() << Qt::endl;
        return Failure;
    }
    context.out() << (retry ? tr("%1 will be sent on the next sync.").arg(id)
                            : tr("%1 dismissed.").arg(id))
                  << Qt::endl;
    return Success;
}

} // namespace pasalista
