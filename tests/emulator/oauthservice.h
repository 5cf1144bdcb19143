#pragma once

#include "httprequest.h"
#include "httpresponse.h"
#include "recordstore.h"
#include "tokenpolicy.h"

#include <QHash>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace pasalista::emulator {

struct OrgUser
{
    QString id;
    QString username;
    QString password;
    QString email;
    QString firstName;
    QString lastName;

    QString name() const { return firstName + u' ' + lastName; }
};

// The OAuth 2.0 side of the org: web-server flow with PKCE and state, refresh, password
// grant, revoke, userinfo and the identity URL. Errors use the OAuth body
// {"error","error_description"} that Salesforce sends.
class OAuthService
{
public:
    OAuthService(const QString &organizationId, RecordStore *store, const Schema *schema);

    std::optional<HttpResponse> handle(const HttpRequest &request);
    // The user behind a REST request's bearer token, if the token is valid.
    std::optional<QString> authenticate(const HttpRequest &request) const;

    QString addUser(const QString &username, const QString &password, const QString &email,
                    const QString &firstName, const QString &lastName);
    const QList<OrgUser> &users() const { return m_users; }
    const OrgUser *userById(const QString &id) const;
    const OrgUser *userByName(const QString &username) const;

    void setAutoApproveUser(const QString &username) { m_autoApproveUser = username; }
    // The login host serves OAuth and the identity URLs; instance_url names the other.
    void setHosts(const QString &loginUrl, const QString &instanceUrl)
    {
        m_loginUrl = loginUrl;
        m_instanceUrl = instanceUrl;
    }
    // The connected app's callback URLs; empty: any loopback URL (the emulator's leniency).
    void setCallbacks(const QStringList &callbacks) { m_callbacks = callbacks; }
    void setRequiredClientId(const QString &clientId) { m_requiredClientId = clientId; }
    void setTokenLifetimeSeconds(int seconds) { m_tokenLifetimeSeconds = seconds; }
    int tokenLifetimeSeconds() const { return m_tokenLifetimeSeconds; }
    const TokenPolicy &tokenPolicy() const { return m_policy; }
    void setTokenPolicy(const TokenPolicy &policy) { m_policy = policy; }
    void expireAccessTokens();
    // "live", "ended" (rotated away: sending it again ends its sign-in) or "unknown", and
    // whether a refresh would pass the policies now; asking changes nothing.
    QString refreshTokenState(const QString &token) const;
    void revokeAll();
    void clear();

    QJsonObject toJson() const;
    void loadJson(const QJsonObject &json);

private:
    struct AuthorizationCode
    {
        QString userId;
        QString clientId;
        QString redirectUri;
        QString challenge;
        QString scope;
        qint64 expiresMs = 0;
    };
    struct AccessToken
    {
        QString userId;
        QString refreshToken;
        qint64 expiresMs = 0;
        QString family;
    };
    // A sign-in's refresh tokens form a family: rotation hands out the next one, and the
    // family ends as a whole (revoke, reuse of an ended token).
    struct RefreshToken
    {
        QString userId;
        QString clientId;
        QString scope;
        QString family;
        qint64 familyStartMs = 0; // the sign-in: absolute expiry counts from here
        qint64 lastUsedMs = 0;    // idle expiry counts from here
    };

    HttpResponse authorize(const HttpRequest &request);
    HttpResponse approve(const QHash<QString, QString> &params, const OrgUser &user);
    HttpResponse loginPage(const QHash<QString, QString> &params, const QString &message) const;
    HttpResponse token(const HttpRequest &request);
    HttpResponse exchangeCode(const QHash<QString, QString> &params);
    HttpResponse refresh(const QHash<QString, QString> &params);
    HttpResponse passwordGrant(const QHash<QString, QString> &params);
    HttpResponse revoke(const HttpRequest &request);
    HttpResponse userInfo(const HttpRequest &request) const;
    HttpResponse identity(const HttpRequest &request) const;
    HttpResponse issueTokens(const RefreshToken &grant, const QString &refreshToken,
                             bool includeRefreshToken);
    QString startFamily(const QString &userId, const QString &clientId, const QString &scope);
    std::optional<QString> refreshRefusal(const RefreshToken &token) const;
    void endFamily(const QString &family);
    bool clientAllowed(const QString &clientId) const;
    bool callbackAllowed(const QString &redirectUri) const;
    QString loginUrl() const { return m_loginUrl.isEmpty() ? m_baseUrl : m_loginUrl; }
    QString instanceUrl() const { return m_instanceUrl.isEmpty() ? m_baseUrl : m_instanceUrl; }
    QString identityUrl(const QString &userId) const;
    QJsonObject identityUrls() const;
    QString randomToken(int bytes) const;

    QString m_organizationId;
    RecordStore *m_store;
    const Schema *m_schema;
    QString m_baseUrl; // of the current request, when no hosts are set
    QString m_loginUrl;
    QString m_instanceUrl;
    QStringList m_callbacks;
    QList<OrgUser> m_users;
    quint64 m_userCounter = 0;
    QHash<QString, AuthorizationCode> m_codes;
    QHash<QString, AccessToken> m_accessTokens;
    QHash<QString, RefreshToken> m_refreshTokens;
    QHash<QString, QString> m_endedRefreshTokens; // rotated away -> their family
    TokenPolicy m_policy;
    QString m_autoApproveUser;
    QString m_requiredClientId;
    int m_tokenLifetimeSeconds = 7200;
};

} // namespace pasalista::emulator
