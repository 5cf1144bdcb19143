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

// What the org's token endpoint would say to a refresh with `refreshToken`: Granted while the
// token lives, InvalidGrant once it is revoked. Asked of the emulator without refreshing:
// under refresh token rotation (on by default) a refresh would end the token it checks.
inline TokenResponse::Outcome refreshAtTheOrg(const EmulatorProcess &org,
                                              const QByteArray &refreshToken,
                                              const QString &clientId = QStringLiteral("pasalista"))
{
    Q_UNUSED(clientId) // the emulator checks no client_id on a refresh
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("token"), QString::fromUtf8(refreshToken));
    const HttpReply reply = org.request("POST", QStringLiteral("/__emulator/refresh-token-state"),
                                        OAuthHttp::encodeForm(form),
                                        {{"Content-Type", "application/x-www-form-urlencoded"}});
    return reply.object().value(QStringLiteral("state")).toString() == QLatin1String("live")
               ? TokenResponse::Outcome::Granted
               : TokenResponse::Outcome::InvalidGrant;
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
