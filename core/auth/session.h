#pragma once

#include "identity.h"
#include "net/cancellation.h"
#include "net/tokensource.h"

#include <QMutex>
#include <QObject>
#include <QUrl>
#include <QWaitCondition>

#include <memory>

namespace pasalista {

class SharedTokens;
struct TokenResponse;

// A signed-in org session, shared by every thread that talks to the org. The access token
// lives only here, in memory; the refresh token comes from the keychain. Thread-safe.
// It is the TokenSource (core/net) that SalesforceClient sends requests with.
//
// When a request gets 401 INVALID_SESSION_ID it calls refreshAccessToken() with the token
// generation it used: the first caller refreshes (one token request), callers that arrive
// while or after it did just get the new token. So every request in flight shares one
// refresh. RefreshResult is TokenSource's. With shared tokens (a session kept in the keychain)
// the other processes of the OS user share it too: the refresh holds their lock, starts from
// the keychain's token and writes a rotated one back before the new access token is used. A
// refresh token is sent once: under rotation an old one sent again would end the sign-in at
// the org.
class Session : public QObject, public TokenSource
{
    Q_OBJECT

public:
    Session(const Identity &identity, const QByteArray &accessToken, const QByteArray &refreshToken,
            QObject *parent = nullptr);
    ~Session() override;

    Identity identity() const;
    QUrl instanceUrl() const override;
    // The current access token and its generation (incremented by each refresh).
    QByteArray accessToken(int *generation = nullptr) const override;
    bool isValid() const; // false once the refresh token was refused

    // Blocking: spins a local event loop for the token request. Call from a worker thread
    // or the CLI, never from a widget's slot. Ends at once with Failed when `stop` is
    // cancelled (a sync being stopped) or the session is invalidated (signed out).
    RefreshResult refreshAccessToken(int failedGeneration, QString *error = nullptr,
                                     const Cancellation *stop = nullptr) override;

    // Test hook and client-id override; default client id is "pasalista".
    void setClientId(const QString &clientId);
    QString clientId() const;
    void setRefreshTimeoutMs(int ms);

    // For the token store and for revoking at logout; never log it.
    QByteArray refreshToken() const;
    // The keychain entry and lock this session shares with the OS user's other processes.
    void setSharedTokens(std::shared_ptr<SharedTokens> shared);
    // Signed out (or refused): later refreshes fail fast with InvalidGrant, the tokens are wiped.
    void invalidate();
    // How many token requests this session made (tests check that refreshes are shared).
    int refreshRequestCount() const;

Q_SIGNALS:
    // Emitted (from the refreshing thread) when the org refused the refresh token.
    void signInRequired();
    void accessTokenRefreshed();
    // The org rotated the refresh token (already in the keychain when tokens are shared).
    void refreshTokenRotated();

private:
    RefreshResult waitForRefreshInProgress(QString *error, const Cancellation *stop);
    RefreshResult requestNewAccessToken(QString *error, const Cancellation *stop);
    RefreshResult refreshHoldingLock(const SharedTokens *shared, QString *error,
                                     const Cancellation *stop, bool *rotated);
    bool takeTokensRefreshedElsewhere(const SharedTokens &shared, const Cancellation *stop);
    void keepRotatedToken(const SharedTokens &shared, const TokenResponse &response,
                          const Cancellation *stop);
    TokenResponse requestToken(const QByteArray &refreshToken, const Cancellation *stop);
    RefreshResult applyTokenResponse(const TokenResponse &response, const QByteArray &usedToken,
                                     bool *rotated);
    // Called with the mutex held: ends the refresh in progress and wakes those waiting for it.
    RefreshResult finishRefresh(RefreshResult result, const QString &message, QString *error);

    mutable QMutex m_mutex;
    Cancellation m_signedOut; // aborts a token request in flight when invalidated
    QWaitCondition m_refreshDone;
    Identity m_identity;
    QByteArray m_accessToken;
    QByteArray m_refreshToken;
    std::shared_ptr<SharedTokens> m_shared;
    QString m_clientId;
    int m_generation = 0;
    bool m_valid = true;
    bool m_refreshing = false;
    int m_refreshRequests = 0;
    int m_refreshTimeoutMs = 30000;
    RefreshResult m_lastResult = RefreshResult::Refreshed;
    QString m_lastError;
};

} // namespace pasalista
