#pragma once

#include "accountstorecommand.h"

namespace pasalista {

// `issues [--json]`: refused records and conflicts, with what to do about them (exit code 1
// while there are any). `issues retry ID` / `issues dismiss ID`, ID as `issues` prints it,
// settles one as the Sync issues window does.
class IssuesCommand : public AccountStoreCommand
{
    Q_DECLARE_TR_FUNCTIONS(pasalista::SyncCommands)

public:
    IssuesCommand();
    // `issues` alone lists them; `issues retry|dismiss ID` settles one.
    bool acceptsArgumentCount(int given) const override { return given == 0 || given == 2; }

protected:
    int checkArguments(CliContext &context, const QStringList &arguments) override;
    int run(CliContext &context, LocalStore &store, const QStringList &arguments) override;

private:
    int list(CliContext &context, LocalStore &store);
    int settle(CliContext &context, LocalStore &store, const QString &action, const QString &id);
};

} // namespace pasalista
