#pragma once

#include "command.h"

#include <QCoreApplication>

namespace pasalista {

// `whoami [--json]`: who is signed in, to which org, and where the local data is. Exit
// code 4 when nobody is.
class WhoamiCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(pasalista::AuthCommands)

public:
    WhoamiCommand();
    int execute(CliContext &context, const QStringList &arguments) override;

    int whoami(CliContext &context, bool json);
    // The current account's session, restored from the keychain; false (and why, printed)
    // when nobody is signed in. Every command that talks to the org as the teacher starts so.
    static bool restoreCurrent(CliContext &context);
};

} // namespace pasalista
