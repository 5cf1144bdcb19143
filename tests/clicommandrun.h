#pragma once

// One pasalista-cli command run in-process over accounts a test set up (a session adopted
// without the browser, say), shared by the suites of the commands that talk to the org.
#include "auth/accountmanager.h"
#include "clicontext.h"
#include "command.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace pasalista::test {

// Runs a command as `pasalista-cli NAME [--json]` would, over the given accounts.
inline int runCommand(Command &&command, AccountManager &accounts, QTextStream &out,
                      QTextStream &err, bool json)
{
    QCommandLineParser parser;
    parser.addOption(QCommandLineOption(CliContext::kJson));
    parser.addOption(QCommandLineOption(CliContext::kMapping, {}, QStringLiteral("FILE")));
    QStringList line = {QStringLiteral("pasalista-cli"), command.name()};
    if (json) {
        line.append(QStringLiteral("--json"));
    }
    parser.parse(line);
    CliContext context(out, err);
    context.useAccounts(&accounts);
    context.setParser(&parser);
    return command.execute(context, {});
}

} // namespace pasalista::test
