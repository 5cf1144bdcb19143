#include "accountstorecommand.h"

#include "clicontext.h"

#include "auth/accountmanager.h"
#include "store/localstore.h"

#include <QTextStream>

namespace pasalista {

int AccountStoreCommand::execute(CliContext &context, const QStringList &arguments)
{
    context.accounts();
    const std::optional<Mapping> mapping = context.mapping();
    if (!mapping) {
        return Failure;
    }
    if (const int checked = checkArguments(context, arguments); checked != Success) {
        return checked;
    }
    LocalStore store(*mapping);
    if (const int opened = openStore(context, store); opened != Success) {
        return opened;
    }
    return run(context, store, arguments);
}

int AccountStoreCommand::checkArguments(CliContext &, const QStringList &)
{
    return Success;
}

int AccountStoreCommand::openStore(CliContext &context, LocalStore &store)
{
    const QString account = context.accounts().currentAccountKey();
    if (account.isEmpty()) {
        context.err() << tr("Nobody is signed in. Run: pasalista-cli login --login-url URL")
                      << Qt::endl;
        return NotSignedIn;
    }
    const QString path = context.accounts().databasePath(account);
    if (const int locked = context.refuseLockedStore(path); locked != Success) {
        return locked;
    }
    if (!store.open(path)) {
        context.err() << store.errorString() << Qt::endl;
        return Failure;
    }
    return Success;
}

} // namespace pasalista
