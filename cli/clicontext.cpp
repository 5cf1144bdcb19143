#include "clicontext.h"

#include "apppaths.h"
#include "auth/accountmanager.h"

#include <QCommandLineParser>
#include <QSettings>
#include <QTextStream>

namespace pasalista {

const QString CliContext::kDataDir = QStringLiteral("data-dir");
const QString CliContext::kDb = QStringLiteral("db");
const QString CliContext::kMapping = QStringLiteral("mapping");
const QString CliContext::kJson = QStringLiteral("json");

CliContext::CliContext(QTextStream &out, QTextStream &err) : m_out(out), m_err(err) {}

CliContext::~CliContext()
{
    if (m_ownAccounts) {
        m_ownAccounts->finishBackgroundWork(kRevocationWaitAtExitMs);
    }
}

bool CliContext::isSet(const QString &option) const
{
    return m_parser && m_parser->isSet(option);
}

QString CliContext::value(const QString &option) const
{
    return m_parser ? m_parser->value(option) : QString();
}

QString CliContext::dataDir() const
{
    return isSet(kDataDir) ? value(kDataDir) : AppPaths::dataDir();
}

QString CliContext::storePath() const
{
    if (isSet(kDb)) {
        return value(kDb);
    }
    // Signed in: the account's own database, the one sync fills. Otherwise the offline one.
    QSettings settings;
    const AccountManager accounts(&settings, dataDir());
    const QString account = accounts.currentAccountKey();
    return account.isEmpty() ? AppPaths::storePath(dataDir()) : accounts.databasePath(account);
}

std::optional<Mapping> CliContext::mapping() const
{
    if (!isSet(kMapping)) {
        return Mapping::dream();
    }
    QString error;
    std::optional<Mapping> mapping = Mapping::fromFile(value(kMapping), &error);
    if (!mapping) {
        m_err << tr("Cannot use the mapping %1: %2").arg(value(kMapping), error) << Qt::endl;
    }
    return mapping;
}

AccountManager &CliContext::accounts()
{
    if (!m_accounts) {
        m_settings = std::make_unique<QSettings>();
        m_ownAccounts = std::make_unique<AccountManager>(m_settings.get(), dataDir());
        m_ownAccounts->setKeepAccessToken(true);
        m_ownAccounts->resumePendingRevocations();
        m_accounts = m_ownAccounts.get();
    }
    return *m_accounts;
}

int CliContext::refuseLockedStore(const QString &path)
{
    const QString locked = accounts().lockedAccountOfStore(path);
    if (locked.isEmpty()) {
        return Success;
    }
    m_err << tr("%1 signed out on this computer: their data stays locked until they sign in "
                "again. Run: pasalista-cli login")
                 .arg(accounts().account(locked).displayName)
          << Qt::endl;
    return NotSignedIn;
}

int CliContext::usageError(const QString &message) const
{
    m_err << tr("pasalista-cli: %1").arg(message) << Qt::endl
          << tr("Run pasalista-cli --help for usage.") << Qt::endl;
    return UsageError;
}

int CliContext::refused(const DomainError &error) const
{
    m_err << error.message << Qt::endl;
    return error.code == DomainError::Code::Storage ? Failure : Refused;
}

} // namespace pasalista
