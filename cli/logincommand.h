#pragma once

#include "command.h"

#include <QCoreApplication>
#include <QUrl>

#include <functional>

namespace pasalista {

// `login --login-url URL [--no-browser] [--callback-port N]`: signs in in the browser; with
// --no-browser only prints the address and waits for the redirect. --callback-port: the port
// of the connected app's callback URL when it is not 1717 (or a fallback). Exit code 4 when
// the sign-in cannot be kept.
class LoginCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(pasalista::AuthCommands)

public:
    LoginCommand();
    // The lines of login, logout and whoami (one translated block).
    QString usage() const override;
    int execute(CliContext &context, const QStringList &arguments) override;

    int login(CliContext &context, const QString &loginUrl, bool openBrowser);

    // How the browser is opened (default: the desktop's URL handler); tests replace it.
    void setBrowserOpener(std::function<bool(const QUrl &)> opener) { m_openBrowser = opener; }
    void setSignInTimeoutMs(int ms) { m_signInTimeoutMs = ms; }
    static bool openSystemBrowser(const QUrl &url);

private:
    bool useCallbackPort(CliContext &context, const QString &value);

    std::function<bool(const QUrl &)> m_openBrowser = &LoginCommand::openSystemBrowser;
    int m_signInTimeoutMs = 10 * 60 * 1000;
};

} // namespace pasalista
