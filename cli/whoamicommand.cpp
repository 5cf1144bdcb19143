#include "whoamicommand.h"

#include "clicontext.h"

#include "auth/accountmanager.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace pasalista {

WhoamiCommand::WhoamiCommand() : Command(QStringLiteral("whoami"))
{
    acceptOption(CliContext::kJson);
}

int WhoamiCommand::execute(CliContext &context, const QStringList &)
{
    return whoami(context, context.isSet(CliContext::kJson));
}

int WhoamiCommand::whoami(CliContext &context, bool json)
{
    if (!restoreCurrent(context))
        return NotSignedIn;
    AccountManager &accounts = context.accounts();
    const QString key = accounts.currentAccountKey();
    const Identity identity = accounts.account(key);
    if (json) {
        const QJsonObject object{{QStringLiteral("username"), identity.username},
                                 {QStringLiteral("name"), identity.displayName},
                                 {QStringLiteral("email"), identity.email},
                                 {QStringLiteral("userId"), identity.userId},
                                 {QStringLiteral("organizationId"), identity.organizationId},
                                 {QStringLiteral("instanceUrl"), identity.instanceUrl.toString()},
                                 {QStringLiteral("loginUrl"), identity.loginUrl.toString()},
                                 {QStringLiteral("database"), accounts.databasePath(key)}};
        context.out() << QJsonDocument(object).toJson(QJsonDocument::Indented);
        return Success;
    }
    context.out()
        << tr("%1 <%2>").arg(identity.displayName, identity.username) << Qt::endl
        << tr("Org: %1 at %2").arg(identity.organizationId, identity.instanceUrl.toString())
        << Qt::endl
        << tr("Local data: %1").arg(accounts.databasePath(key)) << Qt::endl;
    return Success;
}

bool WhoamiCommand::restoreCurrent(CliContext &context)
{
    AccountManager &accounts = context.accounts();
    switch (accounts.restoreSession()) {
    case AccountManager::RestoreResult::Restored:
        return true;
    case AccountManager::RestoreResult::KeychainUnavailable:
        context.err() << accounts.keychainMessage() << Qt::endl;
        return false;
    case AccountManager::RestoreResult::NoAccount:
    case AccountManager::RestoreResult::NotStored:
        break;
    }
    context.err() << tr("Nobody is signed in. Run: pasalista-cli login --login-url URL")
                  << Qt::endl;
    return false;
}

} // namespace pasalista
