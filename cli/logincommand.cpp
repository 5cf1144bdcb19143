#include "logincommand.h"

#include "clicontext.h"

#include "auth/accountmanager.h"
#include "auth/loginhost.h"
#include "auth/session.h"
#include "auth/signinflow.h"

#include <QEventLoop>
#include <QProcess>
#include <QTextStream>

namespace pasalista {

namespace {

const QString kLoginUrl = QStringLiteral("login-url");
const QString kNoBrowser = QStringLiteral("no-browser");
const QString kCallbackPort = QStringLiteral("callback-port");

} // namespace

QString LoginCommand::usage() const
{
    return tr("  login --login-url URL [--no-browser] [--callback-port N]\n"
              "                                   sign in to the org in the browser\n"
              "  logout [--delete-local-data]     sign out, revoke the sign-in at the org\n"
              "  whoami                           who is signed in (exit code 4: nobody)\n");
}

LoginCommand::LoginCommand() : Command(QStringLiteral("login"))
{
    addOption({kLoginUrl,
               tr("Where to sign in (login): https://login.salesforce.com, "
                  "https://test.salesforce.com or the org's My Domain address."),
               tr("URL")});
    addOption(
        {kNoBrowser, tr("Print the sign-in address instead of opening the browser (login).")});
    addOption({kCallbackPort,
               tr("The port of the callback URL registered in the org's connected app, "
                  "http://localhost:N/OauthRedirect (login; default: 1717, then 1718 and 1719)."),
               tr("N")});
}

int LoginCommand::execute(CliContext &context, const QStringList &)
{
    // Without --login-url, the address the admin (system-wide) or the window's first run
    // configured.
    const QString loginUrl = context.isSet(kLoginUrl)
                                 ? context.value(kLoginUrl)
                                 : context.accounts().configuredLoginUrl().toString();
    if (loginUrl.isEmpty()) {
        context.err() << tr("login needs --login-url URL, for example "
                            "--login-url https://login.salesforce.com")
                      << Qt::endl;
        return UsageError;
    }
    if (context.isSet(kCallbackPort) && !useCallbackPort(context, context.value(kCallbackPort))) {
        return UsageError;
    }
    return login(context, loginUrl, !context.isSet(kNoBrowser));
}

bool LoginCommand::useCallbackPort(CliContext &context, const QString &value)
{
    bool ok = false;
    const uint port = value.toUInt(&ok);
    if (!ok || port == 0 || port > 65535) {
        context.err() << tr("--callback-port needs a port number from 1 to 65535, for example "
                            "--callback-port 1717")
                      << Qt::endl;
        return false;
    }
    context.accounts().setCallbackPort(static_cast<quint16>(port));
    return true;
}

int LoginCommand::login(CliContext &context, const QString &loginUrl, bool openBrowser)
{
    QTextStream &out = context.out();
    QTextStream &err = context.err();
    AccountManager &accounts = context.accounts();
    QString error;
    const QUrl url = LoginHost::parse(loginUrl, &error);
    if (url.isEmpty()) {
        err << error << Qt::endl;
        return UsageError;
    }
    SignInFlow flow;
    flow.setClientId(accounts.clientId());
    flow.setCallbackPorts(accounts.callbackPorts());
    flow.setBrowserTimeoutMs(m_signInTimeoutMs);
    QEventLoop loop;
    QObject::connect(&flow, &SignInFlow::authorizationUrlReady, &loop, [&](const QUrl &address) {
        out << tr("Open this address in a browser to sign in:") << Qt::endl
            << QStringLiteral("  ") << address.toString(QUrl::FullyEncoded) << Qt::endl
            << tr("Salesforce will answer at %1 (a callback URL of the connected app).")
                   .arg(flow.redirectUri().toString())
            << Qt::endl
            << tr("Waiting for the browser…") << Qt::endl;
        if (openBrowser && !m_openBrowser(address))
            err << tr("Could not open a browser: open the address above yourself.") << Qt::endl;
    });
    QObject::connect(&flow, &SignInFlow::succeeded, &loop, &QEventLoop::quit);
    QObject::connect(&flow, &SignInFlow::failed, &loop, &QEventLoop::quit);
    if (!flow.start(url)) {
        err << flow.errorString() << Qt::endl;
        return Failure;
    }
    loop.exec();
    std::unique_ptr<Session> session = flow.takeSession();
    if (!session) {
        err << flow.errorString() << Qt::endl;
        return Failure;
    }
    const Identity identity = session->identity();
    if (accounts.adopt(std::move(session)) != TokenStore::Status::Ok) {
        err << accounts.keychainMessage() << Qt::endl
            << tr("The sign-in worked but cannot be kept after this command ends.") << Qt::endl;
        return NotSignedIn;
    }
    out << tr("Signed in as %1 (%2).").arg(identity.displayName, identity.username) << Qt::endl;
    return Success;
}

bool LoginCommand::openSystemBrowser(const QUrl &url)
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
