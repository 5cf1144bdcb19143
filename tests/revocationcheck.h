#pragma once

// Whether a signed-out token is revoked at the org, and what the keychain still keeps for a
// revoke the org has not answered (issue 13): for the window's and the CLI's tests alike.
#include "auth/blockingwait.h"
#include "auth/loginhost.h"
#include "auth/oauthhttp.h"
#include "auth/pendingrevocations.h"
#include "auth/tokenresponse.h"
#include "auth/tokenstore.h"
#include "emulatorprocess.h"

#include <QSettings>
#include <QUrlQuery>

#include <utility>

namespace pasalista::test {

// What the org's token endpoint says to a refresh with `refreshToken`: Granted while the
// token lives, InvalidGrant once it is revoked.
inline TokenResponse::Outcome refreshAtTheOrg(const EmulatorProcess &org,
                                              const QByteArray &refreshToken,
                                              const QString &clientId = QStringLiteral("pasalista"))
{
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("refresh_token"));
    form.addQueryItem(QStringLiteral("client_id"), clientId);
    form.addQueryItem(QStringLiteral("refresh_token"), QString::fromUtf8(refreshToken));
    return OAuthHttp::requestToken(LoginHost::tokenUrl(org.baseUrl()), form, 10000).outcome;
}

// The keychain entries kept for revokes the org has not answered yet (their names).
inline QStringList pendingRevocations(QSettings *settings, TokenStore *keychain)
{
    settings->sync(); // another process or settings object may have written them
    return PendingRevocations(keychain, settings).entryNames();
}

// One keychain entry by name, read blocking (the test's own look).
inline std::pair<TokenStore::Status, QByteArray> readKeychainEntry(TokenStore *keychain,
                                                                   const QString &name)
{
    using Read = std::pair<TokenStore::Status, QByteArray>;
    return waitForCallback<Read>([&](std::function<void(Read)> done) {
        keychain->readEntryAsync(name, [done](TokenStore::Status status, const QByteArray &data) {
            done({status, data});
        });
    });
}

} // namespace pasalista::test
