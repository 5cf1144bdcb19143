#pragma once

#include "exitcodes.h"

#include "domainerror.h"
#include "mapping.h"

#include <QCoreApplication>
#include <QString>

#include <memory>
#include <optional>

class QCommandLineParser;
class QSettings;
class QTextStream;

namespace pasalista {

class AccountManager;

// What every command works with: the output streams, the parsed command line and what the
// global options name (data folder, store, mapping), and the accounts of the data folder.
class CliContext : public CliExitCodes
{
    Q_DECLARE_TR_FUNCTIONS(CliRunner)

public:
    // Long names of the options more than one command reads.
    static const QString kDataDir;
    static const QString kDb;
    static const QString kMapping;
    static const QString kJson;

    CliContext(QTextStream &out, QTextStream &err);
    ~CliContext();
    CliContext(const CliContext &) = delete;
    CliContext &operator=(const CliContext &) = delete;

    QTextStream &out() const { return m_out; }
    QTextStream &err() const { return m_err; }

    // The command line CliRunner parsed; commands run by tests may have none.
    void setParser(const QCommandLineParser *parser) { m_parser = parser; }
    bool isSet(const QString &option) const;
    QString value(const QString &option) const;

    // --data-dir, else AppPaths::dataDir().
    QString dataDir() const;
    // --db, else the signed-in account's store, else the offline one in the data folder.
    QString storePath() const;
    // --mapping, else the Dream programme's; nullopt (the reason printed) when unreadable.
    std::optional<Mapping> mapping() const;

    // The accounts of the data folder, set up the one way commands that talk to the org
    // need: the access token kept for the next command, and the revokes an earlier run left
    // in the keychain sent in the background (given a moment to finish as the context ends).
    AccountManager &accounts();
    // Tests run commands over an account manager of their own (set up as they please).
    void useAccounts(AccountManager *accounts) { m_accounts = accounts; }

    // NotSignedIn (the reason printed) when the store at `path` belongs to an account that
    // signed out on this computer: its data stays locked until that teacher signs in again.
    // Success otherwise. Every command that opens a store asks this first.
    int refuseLockedStore(const QString &path);

    // Prints the message with a pointer to --help; returns UsageError.
    int usageError(const QString &message) const;
    // Prints a domain rule's refusal; Failure for a store error, else Refused.
    int refused(const DomainError &error) const;

private:
    static constexpr int kRevocationWaitAtExitMs = 1500;

    QTextStream &m_out;
    QTextStream &m_err;
    const QCommandLineParser *m_parser = nullptr;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<AccountManager> m_ownAccounts;
    AccountManager *m_accounts = nullptr;
};

} // namespace pasalista
