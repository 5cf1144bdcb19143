#pragma once

#include <QCoreApplication>
#include <QString>
#include <QUrl>

namespace pasalista {

// Where a teacher signs in, and the OAuth endpoints under it. Production and sandbox are
// Salesforce's shared login hosts; My Domain is the org's own host; Custom is any https URL
// (or plain http to loopback, which is only the emulator).
class LoginHost
{
    Q_DECLARE_TR_FUNCTIONS(pasalista::LoginHost)

public:
    enum class Kind
    {
        Production,
        Sandbox,
        MyDomain,
        Custom
    };

    // The login URL for a kind; `text` is the My Domain name or the custom URL. Returns an
    // empty URL and sets `error` (translated) when the text is not usable.
    static QUrl urlFor(Kind kind, const QString &text, QString *error = nullptr);
    // Validates a URL typed on the command line or read from settings.
    static QUrl parse(const QString &text, QString *error = nullptr);
    // https anywhere; plain http only to 127.0.0.1, ::1 or localhost.
    static bool isAllowed(const QUrl &url);
    static bool isLoopback(const QUrl &url);

    static QUrl authorizeUrl(const QUrl &loginUrl);
    static QUrl tokenUrl(const QUrl &loginUrl);
    static QUrl revokeUrl(const QUrl &loginUrl);
    static QUrl userInfoUrl(const QUrl &loginUrl);

private:
    static QUrl endpoint(const QUrl &base, const QString &path);
};

} // namespace pasalista
