#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace pasalista {

// The answer of /services/oauth2/token, for the code grant and the refresh grant alike.
// Holds secrets: never log it, never copy it anywhere but into a Session.
struct TokenResponse
{
    enum class Outcome
    {
        Granted,      // tokens in hand
        InvalidGrant, // code, verifier or refresh token refused: sign in again
        Refused,      // another OAuth error (invalid_client, invalid_request...)
        Unreachable,  // network trouble, timeout or a 5xx: try again later
    };

    Outcome outcome = Outcome::Unreachable;
    QByteArray accessToken;
    QByteArray refreshToken; // only on the code grant, or when the org rotates it
    QUrl instanceUrl;
    QUrl identityUrl;         // Salesforce's `id`: https://login.../id/<org id>/<user id>
    QString error;            // OAuth error code or network error name
    QString errorDescription; // the server's words, or Qt's network error string

    bool granted() const { return outcome == Outcome::Granted; }

    // `networkError` is 0 when the request reached the server.
    static TokenResponse fromReply(int httpStatus, const QByteArray &body, int networkError,
                                   const QString &networkErrorString);
};

} // namespace pasalista
