#include "session.h"

#include "logging.h"
#include "loginhost.h"
#include "oauthhttp.h"
#include "tokenresponse.h"

#include <QCoreApplication>
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
    m_fallbackRefreshToken.fill('\0');
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

QByteArray Session::fallbackRefreshToken() const
{
    QMutexLocker lock(&m_mutex);
    return m_fallbackRefreshToken;
}

void Session::setFallbackRefreshToken(const QByteArray &token)
{
    QMutexLocker lock(&m_mutex);
    m_fallbackRefreshToken = token == m_refreshToken ? QByteArray() : token;
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
    m_fallbackRefreshToken.fill('\0');
    m_fallbackRefreshToken.clear();
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
    QByteArray current;
    QByteArray fallback;
    {
        QMutexLocker lock(&m_mutex);
        current = m_refreshToken;
        fallback = m_fallbackRefreshToken;
    }
    TokenResponse response = requestToken(current, stop);
    QByteArray used = current;
    if (response.outcome == TokenResponse::Outcome::InvalidGrant && !fallback.isEmpty()) {
        // A rotated token that does not work was never the org's: go back to the one that did.
        qCWarning(lcAuth) << "The rotated refresh token was refused; trying the previous one";
        response = requestToken(fallback, stop);
        used = fallback;
    }
    bool rotated = false;
    const RefreshResult result = applyTokenResponse(response, used, error, &rotated);

    if (result == RefreshResult::Refreshed)
        Q_EMIT accessTokenRefreshed();
    if (rotated)
        Q_EMIT refreshTokenRotated();
    if (result == RefreshResult::InvalidGrant)
        Q_EMIT signInRequired();
    return result;
}

void Session::updateRefreshTokens(const QByteArray &worked, const QByteArray &issued, bool *changed)
{
    // `worked` has just proven itself. A newly issued token replaces it only as the first
    // choice: `worked` stays as the fallback until the new one works in its turn.
    const QByteArray before = m_refreshToken + '\n' + m_fallbackRefreshToken;
    if (!issued.isEmpty() && issued != worked) {
        m_refreshToken = issued;
        m_fallbackRefreshToken = worked;
    } else {
        m_refreshToken = worked;
        m_fallbackRefreshToken.clear();
    }
    *changed = before != m_refreshToken + '\n' + m_fallbackRefreshToken;
}

Session::RefreshResult Session::applyTokenResponse(const TokenResponse &response,
                                                   const QByteArray &usedToken, QString *error,
                                                   bool *rotated)
{
    QMutexLocker lock(&m_mutex);
    if (!m_valid) {
        // Signed out while the request was on its way: do not bring the session back.
        m_lastResult = RefreshResult::InvalidGrant;
        m_lastError.clear();
        m_refreshing = false;
        m_refreshDone.wakeAll();
        return m_lastResult;
    }
    switch (response.outcome) {
    case TokenResponse::Outcome::Granted:
        m_lastResult = RefreshResult::Refreshed;
        m_lastError.clear();
        m_accessToken = response.accessToken;
        ++m_generation;
        // The instance is fixed at sign-in: a refresh reply naming another one (a proxy,
        // a forged reply) must not steer the bearer token elsewhere.
        if (response.instanceUrl.isValid() && !response.instanceUrl.isEmpty() &&
            response.instanceUrl != m_identity.instanceUrl)
            qCWarning(lcAuth) << "Ignoring a refresh reply that names another instance:"
                              << response.instanceUrl.host();
        updateRefreshTokens(usedToken, response.refreshToken, rotated);
        break;
    case TokenResponse::Outcome::InvalidGrant:
        qCWarning(lcAuth) << "The org refused the refresh token:" << response.errorDescription;
        m_lastResult = RefreshResult::InvalidGrant;
        m_lastError = response.errorDescription;
        // Only invalid_grant ends the session; the local data is untouched.
        m_valid = false;
        m_accessToken.clear();
        break;
    case TokenResponse::Outcome::Refused:
    case TokenResponse::Outcome::Unreachable:
        qCWarning(lcAuth) << "Token refresh failed, staying signed in:" << response.error
                          << response.errorDescription;
        m_lastResult = RefreshResult::Failed;
        m_lastError =
            response.errorDescription.isEmpty() ? response.error : response.errorDescription;
        break;
    }
    if (error)
        *error = m_lastError;
    m_refreshing = false;
    m_refreshDone.wakeAll();
    return m_lastResult;
}

} // namespace pasalista
