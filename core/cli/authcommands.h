#pragma once

#include "exitcodes.h"

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QList>
#include <QUrl>

#include <functional>

class QCommandLineParser;
class QTextStream;

namespace pasalista {

class AccountManager;

// pasalista-cli login / logout / whoami:
//
//   login --login-url URL [--no-browser] [--callback-port N]
//                                          sign in in the browser; with --no-browser only
//                                          print the address and wait for the redirect;
//                                          --callback-port: the port of the connected app's
//                                          callback URL when it is not 1717 (or a fallback)
//   logout [--delete-local-data [--discard-unsynced-changes]]
//   whoami [--json]
//
// Exit code 4 when nobody is signed in (whoami, logout) or a sign-in cannot be kept.
class AuthCommands : public CliExitCodes
{
    Q_DECLARE_TR_FUNCTIONS(pasalista::AuthCommands)

public:
    static const QString kLoginUrl;
    static const QString kNoBrowser;
    static const QString kCallbackPort;
    static const QString kDeleteLocalData;
    static const QString kDiscardUnsynced;

    AuthCommands(QTextStream &out, QTextStream &err, AccountManager *accounts);

    static bool handles(const QString &command);
    static QList<QCommandLineOption> options();
    static QString usage();
    // The options each command accepts, for CliRunner's per-command check.
    static QStringList optionsOf(const QString &command);

    // Runs `command` with the parser CliRunner filled (options() added to it).
    int run(const QString &command, const QCommandLineParser &parser);

    int login(const QString &loginUrl, bool openBrowser);
    int logout(bool deleteLocalData, bool discardUnsynced);
    int whoami(bool json);

    // How the browser is opened (default: the desktop's URL handler); tests replace it.
    void setBrowserOpener(std::function<bool(const QUrl &)> opener) { m_openBrowser = opener; }
    void setSignInTimeoutMs(int ms) { m_signInTimeoutMs = ms; }
    static bool openSystemBrowser(const QUrl &url);

private:
    bool restoreCurrent();
    bool useCallbackPort(const QString &value);

    QTextStream &m_out;
    QTextStream &m_err;
    AccountManager *m_accounts;
    std::function<bool(const QUrl &)> m_openBrowser = &AuthCommands::openSystemBrowser;
    int m_signInTimeoutMs = 10 * 60 * 1000;
};

} // namespace pasalista
