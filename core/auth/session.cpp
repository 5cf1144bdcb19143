#include "session.h"

#include "logging.h"
#include "loginhost.h"
#include "oauthhttp.h"
#include "orgrefusal.h"
#include "sharedtokens.h"
#include "tokenresponse.h"

#include <QCoreApplication>
#include <QLockFile>
#include <QUrlQuery>

namespace pasalista {

Session::Session(const Identity &identity, const QByteArray &accessToken,
                 const QByteArray &refreshToken, QObject *parent)
    : QObject(parent), m_identity(identity), m_accessToken(accessToken),
      m_refreshToken(refreshToken), m_clientId(QStringLiteral("pasalista"))
{
}

Session::~Session()
{
    // Best effort: do not leave the secrets in freed memory.
    m_accessToken.fill('\0');
    m_refreshToken.fill('\0');
}

Identity Session::identity() const
{
    QMutexLocker lock(&m_mutex);
    return m_identity;
}

QUrl Session::instanceUrl() const
{
    QMutexLocker lock(&m_mutex);
    return m_identity.instanceUrl;
}

QByteArray Session::accessToken(int *generation) const
{
    QMutexLocker lock(&m_mutex);
    if (generation)
        *generation = m_generation;
    return m_accessToken;
}

bool Session::isValid() const
{
    QMutexLocker lock(&m_mutex);
    return m_valid;
}

void Session::setClientId(const QString &clientId)
{
    QMutexLocker lock(&m_mutex);
    m_clientId = clientId;
}

QString Session::clientId() const
{
    QMutexLocker lock(&m_mutex);
    return m_clientId;
}

void Session::setRefreshTimeoutMs(int ms)
{
    QMutexLocker lock(&m_mutex);
    m_refreshTimeoutMs = ms;
}

QByteArray Session::refreshToken() const
{
    QMutexLocker lock(&m_mutex);
    return m_refreshToken;
}

void Session::setSharedTokens(std::shared_ptr<SharedTokens> shared)
{
    QMutexLocker lock(&m_mutex);
    m_shared = std::move(shared);
}

void Session::invalidate()
{
    m_signedOut.cancel();
    QMutexLocker lock(&m_mutex);
    m_valid = false;
    m_accessToken.fill('\0');
    m_accessToken.clear();
    m_refreshToken.fill('\0');
    m_refreshToken.clear();
    ++m_generation;
}

int Session::refreshRequestCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_refreshRequests;
}

Session::RefreshResult Session::refreshAccessToken(int failedGeneration, QString *error,
                                                   const Cancellation *stop)
{
    QMutexLocker lock(&m_mutex);
    // Someone is refreshing right now: share their result instead of asking again.
    if (m_refreshing) {
        lock.unlock();
        return waitForRefreshInProgress(error, stop);
    }
    if (!m_valid)
        return RefreshResult::InvalidGrant;
    // Another caller already refreshed after this token was handed out.
    if (failedGeneration < m_generation)
        return RefreshResult::Refreshed;
    m_refreshing = true;
    lock.unlock();
    return requestNewAccessToken(error, stop);
}

Session::RefreshResult Session::waitForRefreshInProgress(QString *error, const Cancellation *stop)
{
    // Short waits: a stopped sync must not sit out another thread's 30 s token request.
    constexpr unsigned long kCheckCancelMs = 20;
    QMutexLocker lock(&m_mutex);
    while (m_refreshing) {
        if (stop && stop->isCancelled()) {
            if (error)
                *error = QCoreApplication::translate("pasalista::SalesforceClient", "Cancelled.");
            return RefreshResult::Failed;
        }
        m_refreshDone.wait(&m_mutex, kCheckCancelMs);
    }
    if (error)
        *error = m_lastError;
    return m_lastResult;
}

TokenResponse Session::requestToken(const QByteArray &refreshToken, const Cancellation *stop)
{
    QMutexLocker lock(&m_mutex);
    ++m_refreshRequests;
    // Always the login host the user signed in at: never a host named by a reply.
    const QUrl base = m_identity.loginUrl.isValid() ? m_identity.loginUrl : m_identity.instanceUrl;
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("refresh_token"));
    form.addQueryItem(QStringLiteral("client_id"), m_clientId);
    form.addQueryItem(QStringLiteral("refresh_token"), QString::fromUtf8(refreshToken));
    const int timeoutMs = m_refreshTimeoutMs;
    lock.unlock();
    qCInfo(lcAuth) << "Refreshing the access token at" << base.host();
    OAuthHttp::Stops stops{&m_signedOut};
    if (stop)
        stops.append(stop);
    return OAuthHttp::requestToken(LoginHost::tokenUrl(base), form, timeoutMs, stops);
}

Session::RefreshResult Session::requestNewAccessToken(QString *error, const Cancellation *stop)
{
    std::shared_ptr<SharedTokens> shared;
    int lockTimeoutMs = 0;
    {
        QMutexLocker lock(&m_mutex);
        shared = m_shared;
        lockTimeoutMs = 2 * m_refreshTimeoutMs;
    }
    bool rotated = false;
    RefreshResult result = RefreshResult::Failed;
    if (!shared) {
        result = refreshHoldingLock(nullptr, error, stop, &rotated);
    } else if (const std::unique_ptr<QLockFile> otherProcesses = shared->lock(lockTimeoutMs)) {
        result = refreshHoldingLock(shared.get(), error, stop, &rotated);
    } else {
        QMutexLocker lock(&m_mutex);
        result = finishRefresh(RefreshResult::Failed,
                               tr("Another Pasalista window or command is renewing the "
                                  "sign-in; try again in a moment."),
                               error);
    }
    if (result == RefreshResult::Refreshed)
        Q_EMIT accessTokenRefreshed();
    if (rotated)
        Q_EMIT refreshTokenRotated();
    if (result == RefreshResult::InvalidGrant)
        Q_EMIT signInRequired();
    return result;
}

Session::RefreshResult Session::refreshHoldingLock(const SharedTokens *shared, QString *error,
                                                   const Cancellation *stop, bool *rotated)
{
    if (shared && takeTokensRefreshedElsewhere(*shared, stop)) {
        QMutexLocker lock(&m_mutex);
        return finishRefresh(RefreshResult::Refreshed, {}, error);
    }
    const QByteArray used = refreshToken();
    const TokenResponse response = requestToken(used, stop);
    // Rotated: the org has ended `used`. The new token is in the keychain before the new
    // access token goes anywhere, so that no process, this one after a crash included,
    // ever sends `used` again.
    if (shared && response.granted() && !response.refreshToken.isEmpty() &&
        response.refreshToken != used)
        keepRotatedToken(*shared, response, stop);
    const RefreshResult result = applyTokenResponse(response, used, rotated);
    QMutexLocker lock(&m_mutex);
    if (error)
        *error = m_lastError;
    return result;
}

// Another process (the CLI beside the window) refreshed while this one waited for the lock,
// or before: its refresh token is the one the org knows now. Its access token, when kept,
// saves a token request.
bool Session::takeTokensRefreshedElsewhere(const SharedTokens &shared, const Cancellation *stop)
{
    TokenStore::Saved saved;
    const Identity identity = this->identity();
    // An entry another sign-in wrote (another host under the same account key) is not ours.
    if (shared.load(identity.accountKey(), &saved, {&m_signedOut, stop}) !=
            TokenStore::Status::Ok ||
        saved.refreshToken.isEmpty() || saved.identity.instanceUrl != identity.instanceUrl)
        return false;
    QMutexLocker lock(&m_mutex);
    if (!m_valid || saved.refreshToken == m_refreshToken)
        return false;
    qCInfo(lcAuth) << "Another Pasalista renewed the sign-in: using its refresh token";
    m_refreshToken = saved.refreshToken;
    if (saved.accessToken.isEmpty() || saved.accessToken == m_accessToken)
        return false;
    m_accessToken = saved.accessToken;
    ++m_generation;
    return true;
}

void Session::keepRotatedToken(const SharedTokens &shared, const TokenResponse &response,
                               const Cancellation *stop)
{
    const TokenStore::Status status =
        shared.save(identity(), response.refreshToken, response.accessToken, {&m_signedOut, stop});
    if (status != TokenStore::Status::Ok)
        qCWarning(lcAuth) << "The rotated refresh token could not be written to the keychain; "
                             "kept in memory only";
}

Session::RefreshResult Session::finishRefresh(RefreshResult result, const QString &message,
                                              QString *error)
{
    m_lastResult = result;
    m_lastError = message;
    if (error)
        *error = message;
    m_refreshing = false;
    m_refreshDone.wakeAll();
    return result;
}

Session::RefreshResult Session::applyTokenResponse(const TokenResponse &response,
                                                   const QByteArray &usedToken, bool *rotated)
{
    QMutexLocker lock(&m_mutex);
    if (!m_valid) {
        // Signed out while the request was on its way: do not bring the session back.
        return finishRefresh(RefreshResult::InvalidGrant, {}, nullptr);
    }
    switch (response.outcome) {
    case TokenResponse::Outcome::Granted:
        m_accessToken = response.accessToken;
        ++m_generation;
        // The instance is fixed at sign-in: a refresh reply naming another one (a proxy,
        // a forged reply) must not steer the bearer token elsewhere.
        if (response.instanceUrl.isValid() && !response.instanceUrl.isEmpty() &&
            response.instanceUrl != m_identity.instanceUrl)
            qCWarning(lcAuth) << "Ignoring a refresh reply that names another instance:"
                              << response.instanceUrl.host();
        // The org ended the used token when it handed out another: never send it again.
        *rotated = !response.refreshToken.isEmpty() && response.refreshToken != usedToken;
        if (*rotated)
            m_refreshToken = response.refreshToken;
        return finishRefresh(RefreshResult::Refreshed, {}, nullptr);
    case TokenResponse::Outcome::InvalidGrant:
        qCWarning(lcAuth) << "The org refused the refresh token:" << response.errorDescription;
        // Only invalid_grant ends the session; the local data is untouched.
        m_valid = false;
        m_accessToken.clear();
        return finishRefresh(RefreshResult::InvalidGrant, response.errorDescription, nullptr);
    case TokenResponse::Outcome::Refused:
    case TokenResponse::Outcome::Unreachable:
        break;
    }
    qCWarning(lcAuth) << "Token refresh failed, staying signed in:" << response.error
                      << response.errorDescription;
    const QString advice = OrgRefusal::adminAdvice(response.error, response.errorDescription);
    return finishRefresh(RefreshResult::Failed,
                         !advice.isEmpty()                     ? advice
                         : response.errorDescription.isEmpty() ? response.error
                                                               : response.errorDescription,
                         nullptr);
}

} // namespace pasalista
