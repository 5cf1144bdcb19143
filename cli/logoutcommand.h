#pragma once

#include "command.h"

#include <QCoreApplication>

namespace pasalista {

// `logout [--delete-local-data [--discard-unsynced-changes]] [--export FILE]`: signs out and
// revokes the sign-in at the org. Exit code 4 when nobody is signed in.
class LogoutCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(pasalista::AuthCommands)

public:
    LogoutCommand();
    int execute(CliContext &context, const QStringList &arguments) override;

    // `exportFile`: the marks not sent yet are written there first (kept after a deletion).
    int logout(CliContext &context, bool deleteLocalData, bool discardUnsynced,
               const QString &exportFile = {});

private:
    static bool exportUnsentMarks(CliContext &context, const QString &accountKey,
                                  const QString &file, int *exported);
};

} // namespace pasalista
