#pragma once

#include "accountstorecommand.h"

namespace pasalista {

struct SyncReport;

// `sync [--json]`: one full cycle. Exit code 0 clean, 1 records failed or conflicted (or the
// cycle failed), 4 not signed in, 5 org unreachable.
class SyncCommand : public AccountStoreCommand
{
    Q_DECLARE_TR_FUNCTIONS(pasalista::SyncCommands)

public:
    SyncCommand();

    // The exit code a cycle's result gives.
    static int exitCodeOf(const SyncReport &report);

protected:
    int run(CliContext &context, LocalStore &store, const QStringList &arguments) override;

private:
    static void printReport(CliContext &context, const SyncReport &report);
};

} // namespace pasalista
