#include "authcommands.h"

#include "auth/accountmanager.h"
#include "auth/loginhost.h"
#include "auth/session.h"
#include "auth/signinflow.h"
#include "logging.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTextStream>

namespace pasalista {

const QString AuthCommands::kLoginUrl = QStringLiteral("login-url");
const QString AuthCommands::kNoBrowser = QStringLiteral("no-browser");
const QString AuthCommands::kCallbackPort = QStringLiteral("callback-port");
const QString AuthCommands::kDeleteLocalData = QStringLiteral("delete-local-data");
const QString AuthCommands::kDiscardUnsynced = QStringLiteral("discard-unsynced-changes");

AuthCommands::AuthCommands(QTextStream &out, QTextStream &err, AccountManager *accounts)
    : m_out(out), m_err(err), m_accounts(accounts)
{
}

bool AuthCommands::handles(const QString &command)
{
    return command == QLatin1String("login") || command == QLatin1String("logout") ||
           command == QLatin1String("whoami");
}

QList<QCommandLineOption> AuthCommands::options()
{
    return {
        {kLoginUrl,
         tr("Where to sign in (login): https://login.salesforce.com, https://test.salesforce.com "
            "or the org's My Domain address."),
         tr("URL")},
        {kNoBrowser, tr("Print the sign-in address instead of opening the browser (login).")},
        {kCallbackPort,
         tr("The port of the callback URL registered in the org's connected app, "
            "http://localhost:N/OauthRedirect (login; default: 1717, then 1718 and 1719)."),
         tr("N")},
        {kDeleteLocalData, tr("Also delete this account's local data (logout).")},
        {kDiscardUnsynced, tr("Delete the local data even with changes not synced (logout).")},
    };
}

QString AuthCommands::usage()
{
    return tr("  login --login-url URL [--no-browser] [--callback-port N]\n"
              "                                   sign in to the org in the browser\n"
              "  logout [--delete-local-data]     sign out, revoke the sign-in at the org\n"
              "  whoami                           who is signed in (exit code 4: nobody)\n");
}

QStringList AuthCommands::optionsOf(const QString &command)
{
    if (command == QLatin1String("login"))
        return {kLoginUrl, kNoBrowser, kCallbackPort};
    if (command == QLatin1String("logout"))
        return {kDeleteLocalData, kDiscardUnsynced};
    if (command == QLatin1String("whoami"))
        return {QStringLiteral("json")};
    return {};
}

int AuthCommands::run(const QString &command, const QCommandLineParser &parser)
{
    if (command == QLatin1String("login")) {
        if (!parser.isSet(kLoginUrl)) {
            m_err << tr("login needs --login-url URL, for example "
                        "--login-url https://login.salesforce.com")
                  << Qt::endl;
            return UsageError;
        }
        if (parser.isSet(kCallbackPort) && !useCallbackPort(parser.value(kCallbackPort)))
            return UsageError;
        return login(parser.value(kLoginUrl), !parser.isSet(kNoBrowser));
    }
    if (command == QLatin1String("logout"))
        return logout(parser.isSet(kDeleteLocalData), parser.isSet(kDiscardUnsynced));
    return whoami(parser.isSet(QStringLiteral("json")));
}

bool AuthCommands::useCallbackPort(const QString &value)
{
    bool ok = false;
    const uint port = value.toUInt(&ok);
    if (!ok || port == 0 || port > 65535) {
        m_err << tr("--callback-port needs a port number from 1 to 65535, for example "
                    "--callback-port 1717")
              << Qt::endl;
        return false;
    }
    m_accounts->setCallbackPort(static_cast<quint16>(port));
    return true;
}

int AuthCommands::login(const QString &loginUrl, bool openBrowser)
{
    QString error;
    const QUrl url = LoginHost::parse(loginUrl, &error);
    if (url.isEmpty()) {
        m_err << error << Qt::endl;
        return UsageError;
    }
    SignInFlow flow;
    flow.setClientId(m_accounts->clientId());
    flow.setCallbackPorts(m_accounts->callbackPorts());
    flow.setBrowserTimeoutMs(m_signInTimeoutMs);
    QEventLoop loop;
    QObject::connect(&flow, &SignInFlow::authorizationUrlReady, &loop, [&](const QUrl &address) {
        m_out << tr("Open this address in a browser to sign in:") << Qt::endl
              << QStringLiteral("  ") << address.toString(QUrl::FullyEncoded) << Qt::endl
              << tr("Salesforce will answer at %1 (a callback URL of the connected app).")
                     .arg(flow.redirectUri().toString())
              << Qt::endl
              << tr("Waiting for the browser…") << Qt::endl;
        if (openBrowser && !m_openBrowser(address))
            m_err << tr("Could not open a browser: open the address above yourself.") << Qt::endl;
    });
    QObject::connect(&flow, &SignInFlow::succeeded, &loop, &QEventLoop::quit);
    QObject::connect(&flow, &SignInFlow::failed, &loop, &QEventLoop::quit);
    if (!flow.start(url)) {
        m_err << flow.errorString() << Qt::endl;
        return Failure;
    }
    loop.exec();
    std::unique_ptr<Session> session = flow.takeSession();
    if (!session) {
        m_err << flow.errorString() << Qt::endl;
        return Failure;
    }
    const Identity identity = session->identity();
    if (m_accounts->adopt(std::move(session)) != TokenStore::Status::Ok) {
        m_err << m_accounts->keychainMessage() << Qt::endl
              << tr("The sign-in worked but cannot be kept after this command ends.") << Qt::endl;
        return NotSignedIn;
    }
    m_out << tr("Signed in as %1 (%2).").arg(identity.displayName, identity.username) << Qt::endl;
    return Success;
}

int AuthCommands::logout(bool deleteLocalData, bool discardUnsynced)
{
    const QString key = m_accounts->currentAccountKey();
    if (!m_accounts->hasAccount(key)) {
        m_err << tr("Nobody is signed in.") << Qt::endl;
        return NotSignedIn;
    }
    const int unsynced = deleteLocalData ? m_accounts->unsyncedChangeCount(key) : 0;
    if (unsynced > 0 && !discardUnsynced) {
        m_err << tr("%n change(s) on this computer have not been synced yet. Sync first, or add "
                    "--discard-unsynced-changes to delete them.",
                    nullptr, unsynced)
              << Qt::endl;
        return Refused;
    }
    const auto result = m_accounts->signOut(key, deleteLocalData ? AccountManager::LocalData::Delete
                                                                 : AccountManager::LocalData::Keep);
    if (!result.message.isEmpty())
        m_err << result.message << Qt::endl;
    m_out << (deleteLocalData ? tr("Signed out; the local data was deleted.")
                              : tr("Signed out; the local data stays on this computer."))
          << Qt::endl;
    return result.keychainCleared ? Success : Failure;
}

int AuthCommands::whoami(bool json)
{
    if (!restoreCurrent())
        return NotSignedIn;
    const QString key = m_accounts->currentAccountKey();
    const Identity identity = m_accounts->account(key);
    if (json) {
        const QJsonObject object{{QStringLiteral("username"), identity.username},
                                 {QStringLiteral("name"), identity.displayName},
                                 {QStringLiteral("email"), identity.email},
                                 {QStringLiteral("userId"), identity.userId},
                                 {QStringLiteral("organizationId"), identity.organizationId},
                                 {QStringLiteral("instanceUrl"), identity.instanceUrl.toString()},
                                 {QStringLiteral("loginUrl"), identity.loginUrl.toString()},
                                 {QStringLiteral("database"), m_accounts->databasePath(key)}};
        m_out << QJsonDocument(object).toJson(QJsonDocument::Indented);
        return Success;
    }
    m_out << tr("%1 <%2>").arg(identity.displayName, identity.username) << Qt::endl
          << tr("Org: %1 at %2").arg(identity.organizationId, identity.instanceUrl.toString())
          << Qt::endl
          << tr("Local data: %1").arg(m_accounts->databasePath(key)) << Qt::endl;
    return Success;
}

bool AuthCommands::restoreCurrent()
{
    switch (m_accounts->restoreSession()) {
    case AccountManager::RestoreResult::Restored:
        return true;
    case AccountManager::RestoreResult::KeychainUnavailable:
        m_err << m_accounts->keychainMessage() << Qt::endl;
        return false;
    case AccountManager::RestoreResult::NoAccount:
    case AccountManager::RestoreResult::NotStored:
        break;
    }
    m_err << tr("Nobody is signed in. Run: pasalista-cli login --login-url URL") << Qt::endl;
    return false;
}

bool AuthCommands::openSystemBrowser(const QUrl &url)
{
    // The CLI has no QtGui (QDesktopServices): ask the desktop's URL handler directly.
    const QString address = url.toString(QUrl::FullyEncoded);
#if defined(Q_OS_WIN)
    return QProcess::startDetached(QStringLiteral("rundll32"),
                                   {QStringLiteral("url.dll,FileProtocolHandler"), address});
#elif defined(Q_OS_MACOS)
    return QProcess::startDetached(QStringLiteral("open"), {address});
#else
    return QProcess::startDetached(QStringLiteral("xdg-open"), {address});
#endif
}

} // namespace pasalista
