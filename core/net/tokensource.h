#pragma once

#include "cancellation.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace pasalista {

// What SalesforceClient needs of a signed-in org: where it lives, the bearer token, and a
// refresh after a 401 that every request in flight shares. Session (core/auth) implements
// it, so that the network layer knows nothing of sign-in or the keychain.
class TokenSource
{
public:
    enum class RefreshResult
    {
        Refreshed,    // a new access token is available (maybe refreshed by another caller)
        InvalidGrant, // the refresh token is revoked or expired: sign in again
        Failed,       // network or server trouble: try again later, stay signed in
    };

    virtual ~TokenSource() = default;

    virtual QUrl instanceUrl() const = 0;
    // The current access token and its generation (incremented by each refresh).
    virtual QByteArray accessToken(int *generation = nullptr) const = 0;
    // After a 401 with the token of `failedGeneration`: the first caller refreshes, the
    // others wait for it and share its result. Blocking; ends at once with Failed when
    // `stop` is cancelled.
    virtual RefreshResult refreshAccessToken(int failedGeneration, QString *error = nullptr,
                                             const Cancellation *stop = nullptr) = 0;

protected:
    TokenSource() = default;
    TokenSource(const TokenSource &) = default;
    TokenSource &operator=(const TokenSource &) = default;
};

} // namespace pasalista
