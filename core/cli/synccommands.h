#pragma once

#include "exitcodes.h"

#include "mapping.h"

#include <QCoreApplication>

class QTextStream;

namespace pasalista {

class AccountManager;
class LocalStore;
struct SyncReport;

// pasalista-cli sync / status / issues, over the signed-in account's store:
//
//   sync [--json]    one full cycle; exit 0 clean, 1 records failed or conflicted,
//                    4 not signed in, 5 org unreachable
//   status [--json]  who is signed in, changes waiting, issues, last sync, API calls spent
//   issues [--json]  refused records and conflicts, with what to do about them
class ApiBudget;

class SyncCommands : public CliExitCodes
{
    Q_DECLARE_TR_FUNCTIONS(pasalista::SyncCommands)

public:
    SyncCommands(QTextStream &out, QTextStream &err, AccountManager &accounts,
                 const Mapping &mapping);

    static bool handles(const QString &command);
    int run(const QString &command, bool json, const QStringList &arguments = {});

private:
    int sync(bool json);
    int status(bool json);
    int issues(bool json);
    // `issues retry ID` / `issues dismiss ID`, ID as `issues` prints it.
    int settleIssue(const QString &action, const QString &id);
    bool openStore(LocalStore &store);
    void printReport(const SyncReport &report);
    static QString apiUsageText(const ApiBudget &budget, int cap);

    QTextStream &m_out;
    QTextStream &m_err;
    AccountManager &m_accounts;
    Mapping m_mapping;
};

} // namespace pasalista
