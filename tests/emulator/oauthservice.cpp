#include "oauthservice.h"

#include "sfid.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QLoggingCategory>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QUrlQuery>

namespace pasalista::emulator {

Q_LOGGING_CATEGORY(lcOAuth, "pasalista.emulator.oauth")

namespace {
constexpr qint64 kCodeLifetimeMs = 15 * 60 * 1000;
const QByteArray kSigningKey = QByteArrayLiteral("pasalista-emulator-consumer-secret");

QString s256(const QString &verifier)
{
    const QByteArray digest =
        QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256);
    return QString::fromLatin1(
        digest.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QByteArray bearerToken(const HttpRequest &request)
{
    const QByteArray header = request.header("authorization");
    for (const QByteArray &scheme : {QByteArrayLiteral("Bearer "), QByteArrayLiteral("OAuth ")}) {
        if (header.startsWith(scheme))
            return header.mid(scheme.size()).trimmed();
    }
    return {};
}

HttpResponse invalidSession()
{
    return HttpResponse::error(
        401,
        {QStringLiteral("INVALID_SESSION_ID"), QStringLiteral("Session expired or invalid"), {}});
}
} // namespace

OAuthService::OAuthService(const QString &organizationId, RecordStore *store, const Schema *schema)
    : m_organizationId(organizationId), m_store(store), m_schema(schema)
{
}

std::optional<HttpResponse> OAuthService::handle(const HttpRequest &request)
{
    m_baseUrl = request.baseUrl;
    const QString &path = request.path;
    if (path == QLatin1String("/services/oauth2/authorize"))
        return authorize(request);
    if (path == QLatin1String("/services/oauth2/token"))
        return token(request);
    if (path == QLatin1String("/services/oauth2/revoke"))
        return revoke(request);
    if (path == QLatin1String("/services/oauth2/userinfo"))
        return userInfo(request);
    if (path.startsWith(QLatin1String("/id/")))
        return identity(request);
    return std::nullopt;
}

std::optional<QString> OAuthService::authenticate(const HttpRequest &request) const
{
    const auto it = m_accessTokens.constFind(QString::fromLatin1(bearerToken(request)));
    if (it == m_accessTokens.constEnd() || it->expiresMs <= m_store->clock().nowMs())
        return std::nullopt;
    return it->userId;
}

QString OAuthService::addUser(const QString &username, const QString &password,
                              const QString &email, const QString &firstName,
                              const QString &lastName)
{
    OrgUser user{{}, username, password, email, firstName, lastName};
    if (m_schema->object(QStringLiteral("User"))) {
        // Users are also records, so SOQL on User and CreatedBy.Name work.
        user.id = m_store->insert(QStringLiteral("User"),
                                  {{QStringLiteral("Username"), username},
                                   {QStringLiteral("Email"), email},
                                   {QStringLiteral("FirstName"), firstName},
                                   {QStringLiteral("LastName"), lastName},
                                   {QStringLiteral("Name"), user.name()},
                                   {QStringLiteral("IsActive"), true}},
                                  {});
    } else {
        user.id = SfId::make(QStringLiteral("005"), ++m_userCounter);
    }
    m_users.append(user);
    return user.id;
}

const OrgUser *OAuthService::userById(const QString &id) const
{
    for (const OrgUser &user : m_users) {
        if (user.id == id)
            return &user;
    }
    return nullptr;
}

const OrgUser *OAuthService::userByName(const QString &username) const
{
    for (const OrgUser &user : m_users) {
        if (user.username.compare(username, Qt::CaseInsensitive) == 0)
            return &user;
    }
    return nullptr;
}

bool OAuthService::clientAllowed(const QString &clientId) const
{
    return !clientId.isEmpty() && (m_requiredClientId.isEmpty() || clientId == m_requiredClientId);
}

bool OAuthService::callbackAllowed(const QString &redirectUri) const
{
    if (!m_callbacks.isEmpty())
        return m_callbacks.contains(redirectUri);
    const QUrl url(redirectUri);
    const QString host = url.host();
    return url.isValid() && url.scheme() == QLatin1String("http") &&
           (host == QLatin1String("127.0.0.1") || host == QLatin1String("localhost") ||
            host == QLatin1String("::1"));
}

HttpResponse OAuthService::authorize(const HttpRequest &request)
{
    QHash<QString, QString> params = request.query;
    if (request.method == "POST")
        params.insert(request.formBody());
    if (!clientAllowed(params.value(QStringLiteral("client_id"))))
        return HttpResponse::oauthError(400, QStringLiteral("invalid_client_id"),
                                        QStringLiteral("client identifier invalid"));
    const QUrl redirect(params.value(QStringLiteral("redirect_uri")));
    if (!callbackAllowed(params.value(QStringLiteral("redirect_uri")))) {
        // Salesforce shows its own error page and never redirects to an unknown callback.
        return HttpResponse::html(
            QStringLiteral("<!DOCTYPE html><html><head><title>Error</title></head><body>"
                           "<p>error=redirect_uri_mismatch&amp;error_description=redirect_uri%20"
                           "must%20match%20configuration</p></body></html>"),
            400);
    }
    if (params.value(QStringLiteral("response_type")) != QLatin1String("code")) {
        QUrl target = redirect;
        target.setQuery(QUrlQuery{
            {QStringLiteral("error"), QStringLiteral("unsupported_response_type")},
            {QStringLiteral("error_description"), QStringLiteral("response type not supported")}});
        return HttpResponse::redirect(target);
    }
    if (!m_autoApproveUser.isEmpty()) {
        if (const OrgUser *user = userByName(m_autoApproveUser))
            return approve(params, *user);
    }
    if (request.method != "POST")
        return loginPage(params, {});
    const OrgUser *user = userByName(params.value(QStringLiteral("username")));
    if (!user || user->password != params.value(QStringLiteral("password")))
        return loginPage(params, QStringLiteral("Usuario o contraseña incorrectos. "
                                                "Wrong username or password."));
    return approve(params, *user);
}

HttpResponse OAuthService::approve(const QHash<QString, QString> &params, const OrgUser &user)
{
    const QString challenge = params.value(QStringLiteral("code_challenge"));
    const QString method =
        params.value(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    QUrl target(params.value(QStringLiteral("redirect_uri")));
    QUrlQuery query(target);
    if (!challenge.isEmpty() && method != QLatin1String("S256")) {
        query.addQueryItem(QStringLiteral("error"), QStringLiteral("invalid_request"));
        query.addQueryItem(QStringLiteral("error_description"),
                           QStringLiteral("code_challenge_method must be S256"));
    } else if (challenge.isEmpty() && m_policy.requirePkce) {
        query.addQueryItem(QStringLiteral("error"), QStringLiteral("invalid_request"));
        query.addQueryItem(QStringLiteral("error_description"),
                           QStringLiteral("missing required code challenge"));
    } else {
        const QString code = randomToken(32);
        m_codes.insert(code,
                       {user.id, params.value(QStringLiteral("client_id")),
                        params.value(QStringLiteral("redirect_uri")), challenge,
                        params.value(QStringLiteral("scope"), QStringLiteral("api refresh_token")),
                        m_store->clock().nowMs() + kCodeLifetimeMs});
        query.addQueryItem(QStringLiteral("code"), code);
    }
    if (params.contains(QStringLiteral("state")))
        query.addQueryItem(QStringLiteral("state"), params.value(QStringLiteral("state")));
    target.setQuery(query);
    qCDebug(lcOAuth) << "authorized" << user.username;
    return HttpResponse::redirect(target);
}

HttpResponse OAuthService::loginPage(const QHash<QString, QString> &params,
                                     const QString &message) const
{
    QString hidden;
    for (const QString &key :
         {QStringLiteral("response_type"), QStringLiteral("client_id"),
          QStringLiteral("redirect_uri"), QStringLiteral("state"), QStringLiteral("code_challenge"),
          QStringLiteral("code_challenge_method"), QStringLiteral("scope")}) {
        if (params.contains(key)) {
            hidden += QStringLiteral("<input type=\"hidden\" name=\"%1\" value=\"%2\">\n")
                          .arg(key, params.value(key).toHtmlEscaped());
        }
    }
    const QString page =
        QStringLiteral("<!DOCTYPE html><html lang=\"es\"><head><meta charset=\"utf-8\">"
                       "<title>Iniciar sesión | Salesforce (emulador)</title>"
                       "<style>body{font-family:sans-serif;max-width:24em;margin:4em auto}"
                       "input{display:block;width:100%;margin:.4em 0 1em;padding:.4em}"
                       ".error{color:#b00}</style></head><body>"
                       "<h1>Salesforce (emulador)</h1><p class=\"error\">%1</p>"
                       "<form method=\"post\" action=\"/services/oauth2/authorize\">\n%2"
                       "<label>Usuario<input name=\"username\" autocomplete=\"username\"></label>"
                       "<label>Contraseña<input name=\"password\" type=\"password\" "
                       "autocomplete=\"current-password\"></label>"
                       "<button type=\"submit\">Iniciar sesión</button></form></body></html>")
            .arg(message.toHtmlEscaped(), hidden);
    return HttpResponse::html(page);
}

HttpResponse OAuthService::token(const HttpRequest &request)
{
    if (request.method != "POST")
        return HttpResponse::oauthError(400, QStringLiteral("invalid_request"),
                                        QStringLiteral("must use HTTP POST"));
    const QHash<QString, QString> params = request.formBody();
    if (!m_policy.appInstalled)
        return HttpResponse::oauthError(400, QStringLiteral("invalid_client"),
                                        QStringLiteral("app must be installed into org"));
    const QString grantType = params.value(QStringLiteral("grant_type"));
    if (grantType != QLatin1String("refresh_token") &&
        !clientAllowed(params.value(QStringLiteral("client_id"))))
        return HttpResponse::oauthError(400, QStringLiteral("invalid_client_id"),
                                        QStringLiteral("client identifier invalid"));
    if (grantType == QLatin1String("authorization_code"))
        return exchangeCode(params);
    if (grantType == QLatin1String("refresh_token"))
        return refresh(params);
    if (grantType == QLatin1String("password"))
        return passwordGrant(params);
    return HttpResponse::oauthError(400, QStringLiteral("unsupported_grant_type"),
                                    QStringLiteral("grant type not supported"));
}

HttpResponse OAuthService::exchangeCode(const QHash<QString, QString> &params)
{
    // A code is good for one exchange only, whatever its outcome.
    const AuthorizationCode code = m_codes.take(params.value(QStringLiteral("code")));
    if (code.userId.isEmpty() || code.expiresMs <= m_store->clock().nowMs())
        return HttpResponse::oauthError(400, QStringLiteral("invalid_grant"),
                                        QStringLiteral("invalid authorization code"));
    if (code.redirectUri != params.value(QStringLiteral("redirect_uri")))
        return HttpResponse::oauthError(400, QStringLiteral("invalid_grant"),
                                        QStringLiteral("redirect_uri must match configuration"));
    if (code.clientId != params.value(QStringLiteral("client_id")))
        return HttpResponse::oauthError(400, QStringLiteral("invalid_client"),
                                        QStringLiteral("invalid client credentials"));
    if (!code.challenge.isEmpty() &&
        s256(params.value(QStringLiteral("code_verifier"))) != code.challenge)
        return HttpResponse::oauthError(400, QStringLiteral("invalid_grant"),
                                        QStringLiteral("invalid code verifier"));
    const QString refreshToken = startFamily(code.userId, code.clientId, code.scope);
    return issueTokens(m_refreshTokens.value(refreshToken), refreshToken, true);
}

QString OAuthService::startFamily(const QString &userId, const QString &clientId,
                                  const QString &scope)
{
    const QString token = randomToken(48);
    const qint64 now = m_store->clock().nowMs();
    m_refreshTokens.insert(token, {userId, clientId, scope, randomToken(12), now, now});
    return token;
}

std::optional<QString> OAuthService::refreshRefusal(const RefreshToken &token) const
{
    const qint64 now = m_store->clock().nowMs();
    if (m_policy.refreshIdleSeconds > 0 &&
        now - token.lastUsedMs >= m_policy.refreshIdleSeconds * 1000)
        return QStringLiteral("idle refresh token expired");
    if (m_policy.refreshAbsoluteSeconds > 0 &&
        now - token.familyStartMs >= m_policy.refreshAbsoluteSeconds * 1000)
        return QStringLiteral("refresh token expired");
    return std::nullopt;
}

void OAuthService::endFamily(const QString &family)
{
    const auto inFamily = [&family](const auto &token) { return token.family == family; };
    m_refreshTokens.removeIf([&](const auto &entry) { return inFamily(entry.value()); });
    m_accessTokens.removeIf([&](const auto &entry) { return inFamily(entry.value()); });
}

HttpResponse OAuthService::refresh(const QHash<QString, QString> &params)
{
    const auto expired = [] {
        return HttpResponse::oauthError(400, QStringLiteral("invalid_grant"),
                                        QStringLiteral("expired access/refresh token"));
    };
    const QString used = params.value(QStringLiteral("refresh_token"));
    const auto it = m_refreshTokens.find(used);
    if (it == m_refreshTokens.end()) {
        // Rotation: a token already rotated away comes back, so two parties hold the
        // family. Salesforce ends all of it, the current refresh token and its sessions.
        if (const auto ended = m_endedRefreshTokens.constFind(used);
            ended != m_endedRefreshTokens.constEnd()) {
            qCInfo(lcOAuth) << "reuse of a rotated refresh token: the whole sign-in ends";
            endFamily(*ended);
        }
        return expired();
    }
    if (const auto refusal = refreshRefusal(*it)) {
        qCInfo(lcOAuth) << *refusal;
        endFamily(it->family);
        return expired();
    }
    it->lastUsedMs = m_store->clock().nowMs();
    if (!m_policy.rotateRefreshTokens)
        return issueTokens(*it, used, false);
    const RefreshToken grant = m_refreshTokens.take(used);
    m_endedRefreshTokens.insert(used, grant.family);
    const QString next = randomToken(48);
    m_refreshTokens.insert(next, grant);
    return issueTokens(grant, next, true);
}

HttpResponse OAuthService::passwordGrant(const QHash<QString, QString> &params)
{
    const OrgUser *user = userByName(params.value(QStringLiteral("username")));
    if (!user || user->password != params.value(QStringLiteral("password")))
        return HttpResponse::oauthError(400, QStringLiteral("invalid_grant"),
                                        QStringLiteral("authentication failure"));
    RefreshToken grant;
    grant.userId = user->id;
    grant.clientId = params.value(QStringLiteral("client_id"));
    grant.scope = QStringLiteral("api");
    return issueTokens(grant, {}, false);
}

HttpResponse OAuthService::issueTokens(const RefreshToken &grant, const QString &refreshToken,
                                       bool includeRefreshToken)
{
    const QString &userId = grant.userId;
    const QString &scope = grant.scope;
    const QString accessToken = m_organizationId.left(15) + u'!' + randomToken(72);
    m_accessTokens.insert(accessToken,
                          {userId, refreshToken,
                           m_store->clock().nowMs() + qint64(m_tokenLifetimeSeconds) * 1000,
                           grant.family});
    const QString issuedAt = QString::number(m_store->clock().nowMs());
    const QString id = identityUrl(userId);
    const QByteArray signature = QMessageAuthenticationCode::hash(
        (id + issuedAt).toUtf8(), kSigningKey, QCryptographicHash::Sha256);
    QJsonObject body{{QStringLiteral("access_token"), accessToken},
                     {QStringLiteral("signature"), QString::fromLatin1(signature.toBase64())},
                     {QStringLiteral("scope"), scope},
                     {QStringLiteral("instance_url"), instanceUrl()},
                     {QStringLiteral("id"), id},
                     {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                     {QStringLiteral("issued_at"), issuedAt}};
    if (includeRefreshToken)
        body.insert(QStringLiteral("refresh_token"), refreshToken);
    return HttpResponse::json(body);
}

HttpResponse OAuthService::revoke(const HttpRequest &request)
{
    QString token = request.formBody().value(QStringLiteral("token"));
    if (token.isEmpty())
        token = request.queryValue(QStringLiteral("token"));
    if (const auto it = m_refreshTokens.constFind(token); it != m_refreshTokens.constEnd()) {
        // Revoking a refresh token ends the sign-in: its rotated successors and every
        // session started from any of them.
        endFamily(it->family);
        return HttpResponse::json(QJsonObject{});
    }
    if (m_accessTokens.remove(token) > 0)
        return HttpResponse::json(QJsonObject{});
    return HttpResponse::oauthError(400, QStringLiteral("invalid_token"),
                                    QStringLiteral("invalid token"));
}

HttpResponse OAuthService::userInfo(const HttpRequest &request) const
{
    const auto userId = authenticate(request);
    const OrgUser *user = userId ? userById(*userId) : nullptr;
    if (!user)
        return invalidSession();
    return HttpResponse::json(
        QJsonObject{{QStringLiteral("sub"), identityUrl(user->id)},
                    {QStringLiteral("user_id"), user->id},
                    {QStringLiteral("organization_id"), m_organizationId},
                    {QStringLiteral("preferred_username"), user->username},
                    {QStringLiteral("nickname"), user->username.section(u'@', 0, 0)},
                    {QStringLiteral("name"), user->name()},
                    {QStringLiteral("email"), user->email},
                    {QStringLiteral("email_verified"), true},
                    {QStringLiteral("given_name"), user->firstName},
                    {QStringLiteral("family_name"), user->lastName},
                    {QStringLiteral("zoneinfo"), QStringLiteral("America/Santo_Domingo")},
                    {QStringLiteral("locale"), QStringLiteral("es_DO")},
                    {QStringLiteral("language"), QStringLiteral("es")},
                    {QStringLiteral("active"), true},
                    {QStringLiteral("user_type"), QStringLiteral("STANDARD")},
                    {QStringLiteral("urls"), identityUrls()}});
}

HttpResponse OAuthService::identity(const HttpRequest &request) const
{
    const auto userId = authenticate(request);
    const OrgUser *user = userId ? userById(*userId) : nullptr;
    if (!user)
        return HttpResponse::html(QStringLiteral("Bad_OAuth_Token"), 403);
    if (request.path != QStringLiteral("/id/%1/%2").arg(m_organizationId, user->id))
        return HttpResponse::html(QStringLiteral("Bad_Id"), 403);
    return HttpResponse::json(
        QJsonObject{{QStringLiteral("id"), identityUrl(user->id)},
                    {QStringLiteral("asserted_user"), true},
                    {QStringLiteral("user_id"), user->id},
                    {QStringLiteral("organization_id"), m_organizationId},
                    {QStringLiteral("username"), user->username},
                    {QStringLiteral("nick_name"), user->username.section(u'@', 0, 0)},
                    {QStringLiteral("display_name"), user->name()},
                    {QStringLiteral("email"), user->email},
                    {QStringLiteral("email_verified"), true},
                    {QStringLiteral("first_name"), user->firstName},
                    {QStringLiteral("last_name"), user->lastName},
                    {QStringLiteral("timezone"), QStringLiteral("America/Santo_Domingo")},
                    {QStringLiteral("active"), true},
                    {QStringLiteral("user_type"), QStringLiteral("STANDARD")},
                    {QStringLiteral("language"), QStringLiteral("es")},
                    {QStringLiteral("locale"), QStringLiteral("es_DO")},
                    {QStringLiteral("utcOffset"), -14400000},
                    {QStringLiteral("urls"), identityUrls()}});
}

QString OAuthService::identityUrl(const QString &userId) const
{
    return QStringLiteral("%1/id/%2/%3").arg(loginUrl(), m_organizationId, userId);
}

QJsonObject OAuthService::identityUrls() const
{
    // Salesforce leaves {version} for the client to fill in.
    const QString data = instanceUrl() + QStringLiteral("/services/data/v{version}/");
    return {{QStringLiteral("rest"), data},
            {QStringLiteral("sobjects"), QString(data + QStringLiteral("sobjects/"))},
            {QStringLiteral("query"), QString(data + QStringLiteral("query/"))},
            {QStringLiteral("limits"), QString(data + QStringLiteral("limits/"))},
            {QStringLiteral("custom_domain"), instanceUrl()}};
}

QString OAuthService::randomToken(int bytes) const
{
    QByteArray raw(bytes, Qt::Uninitialized);
    for (char &byte : raw)
        byte = static_cast<char>(QRandomGenerator::global()->bounded(256));
    return QString::fromLatin1(
        raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString OAuthService::refreshTokenState(const QString &token) const
{
    if (const auto it = m_refreshTokens.constFind(token); it != m_refreshTokens.constEnd())
        return refreshRefusal(*it) ? QStringLiteral("expired") : QStringLiteral("live");
    return m_endedRefreshTokens.contains(token) ? QStringLiteral("ended")
                                                : QStringLiteral("unknown");
}

void OAuthService::expireAccessTokens()
{
    for (AccessToken &token : m_accessTokens)
        token.expiresMs = 0;
}

void OAuthService::revokeAll()
{
    m_accessTokens.clear();
    m_refreshTokens.clear();
    m_endedRefreshTokens.clear();
    m_codes.clear();
}

void OAuthService::clear()
{
    revokeAll();
    m_users.clear();
}

QJsonObject OAuthService::toJson() const
{
    QJsonArray users;
    for (const OrgUser &user : m_users) {
        users.append(QJsonObject{{QStringLiteral("id"), user.id},
                                 {QStringLiteral("username"), user.username},
                                 {QStringLiteral("password"), user.password},
                                 {QStringLiteral("email"), user.email},
                                 {QStringLiteral("firstName"), user.firstName},
                                 {QStringLiteral("lastName"), user.lastName}});
    }
    QJsonObject refreshTokens;
    for (auto it = m_refreshTokens.constBegin(); it != m_refreshTokens.constEnd(); ++it) {
        refreshTokens.insert(
            it.key(),
            QJsonObject{{QStringLiteral("userId"), it->userId},
                        {QStringLiteral("clientId"), it->clientId},
                        {QStringLiteral("scope"), it->scope},
                        {QStringLiteral("family"), it->family},
                        {QStringLiteral("familyStartMs"), static_cast<double>(it->familyStartMs)},
                        {QStringLiteral("lastUsedMs"), static_cast<double>(it->lastUsedMs)}});
    }
    QJsonObject ended;
    for (auto it = m_endedRefreshTokens.constBegin(); it != m_endedRefreshTokens.constEnd(); ++it)
        ended.insert(it.key(), it.value());
    return {{QStringLiteral("users"), users},
            {QStringLiteral("refreshTokens"), refreshTokens},
            {QStringLiteral("endedRefreshTokens"), ended}};
}

void OAuthService::loadJson(const QJsonObject &json)
{
    clear();
    for (const QJsonValue &value : json.value(QStringLiteral("users")).toArray()) {
        const QJsonObject user = value.toObject();
        m_users.append({user.value(QStringLiteral("id")).toString(),
                        user.value(QStringLiteral("username")).toString(),
                        user.value(QStringLiteral("password")).toString(),
                        user.value(QStringLiteral("email")).toString(),
                        user.value(QStringLiteral("firstName")).toString(),
                        user.value(QStringLiteral("lastName")).toString()});
    }
    const QJsonObject refreshTokens = json.value(QStringLiteral("refreshTokens")).toObject();
    for (auto it = refreshTokens.begin(); it != refreshTokens.end(); ++it) {
        const QJsonObject token = it.value().toObject();
        // A state saved before families existed: each token is a sign-in of its own.
        const qint64 now = m_store->clock().nowMs();
        m_refreshTokens.insert(
            it.key(),
            {token.value(QStringLiteral("userId")).toString(),
             token.value(QStringLiteral("clientId")).toString(),
             token.value(QStringLiteral("scope")).toString(),
             token.value(QStringLiteral("family")).toString(it.key()),
             static_cast<qint64>(
                 token.value(QStringLiteral("familyStartMs")).toDouble(static_cast<double>(now))),
             static_cast<qint64>(
                 token.value(QStringLiteral("lastUsedMs")).toDouble(static_cast<double>(now)))});
    }
    const QJsonObject ended = json.value(QStringLiteral("endedRefreshTokens")).toObject();
    for (auto it = ended.begin(); it != ended.end(); ++it)
        m_endedRefreshTokens.insert(it.key(), it.value().toString());
}

} // namespace pasalista::emulator
