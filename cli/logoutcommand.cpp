#include "logoutcommand.h"

#include "clicontext.h"

#include "auth/accountmanager.h"

#include <QTextStream>

namespace pasalista {

namespace {

const QString kDeleteLocalData = QStringLiteral("delete-local-data");
const QString kDiscardUnsynced = QStringLiteral("discard-unsynced-changes");

} // namespace

LogoutCommand::LogoutCommand() : Command(QStringLiteral("logout"))
{
    addOption({kDeleteLocalData, tr("Also delete this account's local data (logout).")});
    addOption(
        {kDiscardUnsynced, tr("Delete the local data even with changes not synced (logout).")});
}

int LogoutCommand::execute(CliContext &context, const QStringList &)
{
    return logout(context, context.isSet(kDeleteLocalData), context.isSet(kDiscardUnsynced));
}

int LogoutCommand::logout(CliContext &context, bool deleteLocalData, bool discardUnsynced)
{
    AccountManager &accounts = context.accounts();
    const QString key = accounts.currentAccountKey();
    if (!accounts.hasAccount(key)) {
        context.err() << tr("Nobody is signed in.") << Qt::endl;
        return NotSignedIn;
    }
    const int unsynced = deleteLocalData ? accounts.unsyncedChangeCount(key) : 0;
    if (unsynced > 0 && !discardUnsynced) {
        context.err() << tr("%n change(s) on this computer have not been synced yet. Sync "
                            "first, or add --discard-unsynced-changes to delete them.",
                            nullptr, unsynced)
                      << Qt::endl;
        return Refused;
    }
    const auto result = accounts.signOut(key, deleteLocalData ? AccountManager::LocalData::Delete
                                                              : AccountManager::LocalData::Keep);
    if (!result.message.isEmpty())
        context.err() << result.message << Qt::endl;
    context.out() << (deleteLocalData ? tr("Signed out; the local data was deleted.")
                                      : tr("Signed out; the local data stays on this computer."))
                  << Qt::endl;
    return result.keychainCleared ? Success : Failure;
}

} // namespace pasalista
