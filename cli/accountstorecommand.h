#pragma once

#include "command.h"

#include <QCoreApplication>

namespace pasalista {

class LocalStore;

// A command over the signed-in account's store (sync, status, issues): execute() opens it
// with the mapping the options name, then run() does the work. Exit code 4 when nobody is
// signed in.
class AccountStoreCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(pasalista::SyncCommands)

public:
    int execute(CliContext &context, const QStringList &arguments) final;

protected:
    using Command::Command;

    // What can be refused before the store is opened; Success to go on.
    virtual int checkArguments(CliContext &context, const QStringList &arguments);
    virtual int run(CliContext &context, LocalStore &store, const QStringList &arguments) = 0;

private:
    static int openStore(CliContext &context, LocalStore &store);
};

} // namespace pasalista
