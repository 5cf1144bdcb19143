// OAuth 2.0 over HTTP: web-server flow with PKCE and state, refresh, revoke, userinfo,
// identity URL, and the errors Salesforce sends.
#include "emulatorfixture.h"

#include <QCryptographicHash>
#include <QThread>

using namespace pasalista::emulator::testing;
using pasalista::test::EmulatorProcess;
using pasalista::test::HttpReply;

namespace {

// The body of an OAuth error reply, as Salesforce writes it.
QJsonObject oauthError(const char *error, const char *description)
{
    return {{QStringLiteral("error"), QLatin1String(error)},
            {QStringLiteral("error_description"), QLatin1String(description)}};
}

const QString kVerifier = QStringLiteral("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
const QString kRedirect = QStringLiteral("http://127.0.0.1:54321/callback");

QString challenge(const QString &verifier)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QByteArray form(const QList<QPair<QString, QString>> &items)
{
    QUrlQuery query;
    for (const auto &item : items)
        query.addQueryItem(item.first, QString::fromLatin1(QUrl::toPercentEncoding(item.second)));
    return query.toString(QUrl::FullyEncoded).toUtf8();
}

HttpReply postForm(const EmulatorProcess &org, const QString &path,
                   const QList<QPair<QString, QString>> &items)
{
    return org.request("POST", path, form(items),
                       {{"Content-Type", "application/x-www-form-urlencoded"}});
}

QString authorizePath()
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    query.addQueryItem(QStringLiteral("client_id"), QStringLiteral("pasalista"));
    query.addQueryItem(QStringLiteral("redirect_uri"), kRedirect);
    query.addQueryItem(QStringLiteral("state"), QStringLiteral("xyz 123"));
    query.addQueryItem(QStringLiteral("code_challenge"), challenge(kVerifier));
    query.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    return QStringLiteral("/services/oauth2/authorize?") + query.toString(QUrl::FullyEncoded);
}

QUrlQuery redirectQuery(const HttpReply &reply)
{
    return QUrlQuery(QUrl::fromEncoded(reply.header("Location")));
}

class OAuthTest : public EmulatorFixture
{
protected:
    // Logs in through the form, as a user in the browser would, and returns the code.
    QString signIn()
    {
        const HttpReply page = org().get(authorizePath());
        EXPECT_EQ(page.status, 200);
        EXPECT_TRUE(page.body.contains("name=\"password\""));
        const HttpReply reply =
            postForm(org(), authorizePath(),
                     {{QStringLiteral("username"), QStringLiteral("oficina@dream.demo")},
                      {QStringLiteral("password"), QStringLiteral("Oficina-2024")}});
        EXPECT_EQ(reply.status, 302);
        EXPECT_TRUE(reply.header("Location").startsWith(kRedirect.toLatin1()));
        EXPECT_EQ(redirectQuery(reply).queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded),
                  QStringLiteral("xyz 123"));
        return redirectQuery(reply).queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    }

    HttpReply exchange(const QString &code, const QString &verifier = kVerifier)
    {
        return postForm(org(), QStringLiteral("/services/oauth2/token"),
                        {{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                         {QStringLiteral("code"), code},
                         {QStringLiteral("client_id"), QStringLiteral("pasalista")},
                         {QStringLiteral("redirect_uri"), kRedirect},
                         {QStringLiteral("code_verifier"), verifier}});
    }

    HttpReply refresh(const QString &token)
    {
        return postForm(org(), QStringLiteral("/services/oauth2/token"),
                        {{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                         {QStringLiteral("refresh_token"), token},
                         {QStringLiteral("client_id"), QStringLiteral("pasalista")}});
    }
};

TEST_F(OAuthTest, WebServerFlowWithPkceIssuesTokens)
{
    const HttpReply reply = exchange(signIn());
    ASSERT_EQ(reply.status, 200) << reply.body.toStdString();
    const QJsonObject tokens = reply.object();
    for (const char *key : {"access_token", "refresh_token", "instance_url", "id", "issued_at",
                            "signature", "token_type", "scope"})
        EXPECT_FALSE(tokens.value(QLatin1String(key)).toString().isEmpty()) << key;
    EXPECT_EQ(tokens.value(QStringLiteral("instance_url")).toString(),
              org().instanceUrl().toString());
    EXPECT_NE(org().instanceUrl().port(), org().loginUrl().port());
    EXPECT_TRUE(
        tokens.value(QStringLiteral("id")).toString().startsWith(org().loginUrl().toString()));
    EXPECT_EQ(tokens.value(QStringLiteral("token_type")).toString(), QStringLiteral("Bearer"));

    org().setAccessToken(tokens.value(QStringLiteral("access_token")).toString());
    EXPECT_EQ(org().api("GET", QStringLiteral("limits")).status, 200);
    const HttpReply identity =
        org().request("GET", tokens.value(QStringLiteral("id")).toString(), {},
                      {{"Authorization", "Bearer " + org().accessToken().toLatin1()}});
    EXPECT_EQ(identity.status, 200);
    EXPECT_EQ(identity.object().value(QStringLiteral("username")).toString(),
              QStringLiteral("oficina@dream.demo"));
}

TEST_F(OAuthTest, WrongVerifierAndReusedCodesAreInvalidGrants)
{
    HttpReply reply =
        exchange(signIn(), QStringLiteral("not-the-verifier-not-the-verifier-not-the-verifier"));
    EXPECT_EQ(reply.status, 400);
    EXPECT_EQ(reply.object().value(QStringLiteral("error")).toString(),
              QStringLiteral("invalid_grant"));
    const QString code = signIn();
    EXPECT_EQ(exchange(code).status, 200);
    reply = exchange(code);
    EXPECT_EQ(reply.status, 400);
    EXPECT_EQ(reply.object().value(QStringLiteral("error_description")).toString(),
              QStringLiteral("invalid authorization code"));
}

TEST_F(OAuthTest, WrongPasswordShowsTheFormAgain)
{
    const HttpReply reply =
        postForm(org(), authorizePath(),
                 {{QStringLiteral("username"), QStringLiteral("oficina@dream.demo")},
                  {QStringLiteral("password"), QStringLiteral("nope")}});
    EXPECT_EQ(reply.status, 200);
    EXPECT_TRUE(reply.body.contains("incorrectos"));
}

TEST_F(OAuthTest, RefreshThenRevokeEndsTheSession)
{
    ASSERT_TRUE(org().setTokenPolicy({{QStringLiteral("rotateRefreshTokens"), false}}));
    const QJsonObject tokens = exchange(signIn()).object();
    const QString refreshToken = tokens.value(QStringLiteral("refresh_token")).toString();
    const HttpReply refreshed = refresh(refreshToken);
    ASSERT_EQ(refreshed.status, 200);
    EXPECT_FALSE(refreshed.object().contains(QStringLiteral("refresh_token")));
    const QString access = refreshed.object().value(QStringLiteral("access_token")).toString();
    EXPECT_NE(access, tokens.value(QStringLiteral("access_token")).toString());

    EXPECT_EQ(postForm(org(), QStringLiteral("/services/oauth2/revoke"),
                       {{QStringLiteral("token"), refreshToken}})
                  .status,
              200);
    const HttpReply refused = refresh(refreshToken);
    EXPECT_EQ(refused.status, 400);
    EXPECT_EQ(refused.object(), oauthError("invalid_grant", "expired access/refresh token"));
    org().setAccessToken(access);
    const HttpReply api = org().api("GET", QStringLiteral("limits"));
    EXPECT_EQ(api.status, 401);
    EXPECT_EQ(errorCode(api), QStringLiteral("INVALID_SESSION_ID"));
}

TEST_F(OAuthTest, AdminRevokeAllInvalidatesRefreshTokens)
{
    const QString refreshToken =
        exchange(signIn()).object().value(QStringLiteral("refresh_token")).toString();
    ASSERT_TRUE(org().revokeAll());
    EXPECT_EQ(refresh(refreshToken).status, 400);
}

TEST_F(OAuthTest, UserInfoDescribesTheUser)
{
    const HttpReply reply =
        org().request("GET", QStringLiteral("/services/oauth2/userinfo"), {},
                      {{"Authorization", "Bearer " + org().accessToken().toLatin1()}});
    ASSERT_EQ(reply.status, 200);
    const QJsonObject info = reply.object();
    for (const char *key : {"user_id", "organization_id", "preferred_username", "email", "name"})
        EXPECT_FALSE(info.value(QLatin1String(key)).toString().isEmpty()) << key;
    EXPECT_EQ(info.value(QStringLiteral("email")).toString(), QStringLiteral("oficina@dream.demo"));
    EXPECT_EQ(org().request("GET", QStringLiteral("/services/oauth2/userinfo")).status, 401);
}

TEST_F(OAuthTest, UnsupportedGrantAndBadPassword)
{
    HttpReply reply = postForm(org(), QStringLiteral("/services/oauth2/token"),
                               {{QStringLiteral("grant_type"), QStringLiteral("magic")},
                                {QStringLiteral("client_id"), QStringLiteral("x")}});
    EXPECT_EQ(reply.object().value(QStringLiteral("error")).toString(),
              QStringLiteral("unsupported_grant_type"));
    reply = postForm(org(), QStringLiteral("/services/oauth2/token"),
                     {{QStringLiteral("grant_type"), QStringLiteral("password")},
                      {QStringLiteral("client_id"), QStringLiteral("x")},
                      {QStringLiteral("username"), QStringLiteral("oficina@dream.demo")},
                      {QStringLiteral("password"), QStringLiteral("wrong")}});
    EXPECT_EQ(reply.status, 400);
    EXPECT_EQ(reply.object().value(QStringLiteral("error")).toString(),
              QStringLiteral("invalid_grant"));
}

TEST_F(OAuthTest, AccessTokensExpire)
{
    ASSERT_TRUE(org().setFaults({{QStringLiteral("tokenLifetimeSeconds"), 1}}));
    org().login();
    EXPECT_EQ(org().api("GET", QStringLiteral("limits")).status, 200);
    QThread::msleep(1100);
    EXPECT_EQ(org().api("GET", QStringLiteral("limits")).status, 401);
}

TEST(OAuthOptions, AutoApproveRedirectsAtOnceAndClientIdIsChecked)
{
    EmulatorProcess org({QStringLiteral("--auto-approve"), QStringLiteral("oficina@dream.demo"),
                         QStringLiteral("--client-id"), QStringLiteral("pasalista")});
    ASSERT_TRUE(org.isRunning());
    const HttpReply reply = org.get(authorizePath());
    EXPECT_EQ(reply.status, 302);
    EXPECT_FALSE(redirectQuery(reply).queryItemValue(QStringLiteral("code")).isEmpty());
    QString other = authorizePath();
    other.replace(QStringLiteral("client_id=pasalista"), QStringLiteral("client_id=someone-else"));
    const HttpReply refused = org.get(other);
    EXPECT_EQ(refused.status, 400);
    EXPECT_EQ(refused.object().value(QStringLiteral("error")).toString(),
              QStringLiteral("invalid_client_id"));
}

} // namespace

namespace {

TEST_F(OAuthTest, LoginHostAndInstanceAreTwoHosts)
{
    const QString path = org().dataPath(QStringLiteral("limits"));
    const QByteArray bearer = "Bearer " + org().accessToken().toLatin1();
    const HttpReply onLogin =
        org().request("GET", org().loginUrl().toString() + path, {}, {{"Authorization", bearer}});
    EXPECT_EQ(onLogin.status, 404);
    const HttpReply onInstance = org().request("GET", org().instanceUrl().toString() + path, {},
                                               {{"Authorization", bearer}});
    EXPECT_EQ(onInstance.status, 200);
    const HttpReply userInfo = org().request(
        "GET", org().loginUrl().toString() + QStringLiteral("/services/oauth2/userinfo"), {},
        {{"Authorization", bearer}});
    EXPECT_EQ(userInfo.status, 200);
    const QJsonObject urls = userInfo.object().value(QStringLiteral("urls")).toObject();
    EXPECT_TRUE(
        urls.value(QStringLiteral("rest")).toString().startsWith(org().instanceUrl().toString()));
}

TEST(OAuthCallbackTest, OnlyRegisteredCallbacksAreRedirectedTo)
{
    const QString registered = QStringLiteral("http://127.0.0.1:1717/oauth/callback");
    EmulatorProcess org(EmulatorProcess::callbackArguments({registered}));
    ASSERT_TRUE(org.isRunning()) << org.startupOutput().toStdString();
    const auto authorize = [&](const QString &redirect) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
        query.addQueryItem(QStringLiteral("client_id"), QStringLiteral("pasalista"));
        query.addQueryItem(QStringLiteral("redirect_uri"),
                           QString::fromLatin1(QUrl::toPercentEncoding(redirect)));
        return postForm(
            org, QStringLiteral("/services/oauth2/authorize?") + query.toString(QUrl::FullyEncoded),
            {{QStringLiteral("username"), QStringLiteral("oficina@dream.demo")},
             {QStringLiteral("password"), QStringLiteral("Oficina-2024")}});
    };
    const HttpReply good = authorize(registered);
    EXPECT_EQ(good.status, 302);
    EXPECT_TRUE(good.header("Location").startsWith(registered.toLatin1()));
    // Another port of the same loopback host is another URL: Salesforce's error page, no redirect.
    const HttpReply other = authorize(QStringLiteral("http://127.0.0.1:1718/oauth/callback"));
    EXPECT_EQ(other.status, 400);
    EXPECT_TRUE(other.header("Location").isEmpty());
    EXPECT_TRUE(other.body.contains("redirect_uri_mismatch")) << other.body.toStdString();
}

TEST_F(OAuthTest, WithoutCallbacksOnlyLoopbackRedirectsAreAccepted)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    query.addQueryItem(QStringLiteral("client_id"), QStringLiteral("pasalista"));
    query.addQueryItem(QStringLiteral("redirect_uri"),
                       QStringLiteral("https%3A%2F%2Fevil.example%2Fcallback"));
    const HttpReply reply = org().get(QStringLiteral("/services/oauth2/authorize?") +
                                      query.toString(QUrl::FullyEncoded));
    EXPECT_EQ(reply.status, 400);
    EXPECT_TRUE(reply.header("Location").isEmpty());
    EXPECT_TRUE(reply.body.contains("redirect_uri_mismatch"));
}

} // namespace

// The External Client App's token policies (tests/emulator/README.md, "Token policies").
class TokenPolicyTest : public OAuthTest
{
protected:
    QString signedInRefreshToken()
    {
        return exchange(signIn()).object().value(QStringLiteral("refresh_token")).toString();
    }

    static QString error(const HttpReply &reply)
    {
        return reply.object().value(QStringLiteral("error")).toString();
    }
};

TEST_F(TokenPolicyTest, RotationIsOnByDefault)
{
    const HttpReply policy = org().get(QStringLiteral("/__emulator/token-policy"));
    ASSERT_EQ(policy.status, 200);
    EXPECT_TRUE(policy.object().value(QStringLiteral("rotateRefreshTokens")).toBool());
}

TEST_F(TokenPolicyTest, EachRefreshHandsOutANewRefreshTokenAndEndsTheUsedOne)
{
    const QString first = signedInRefreshToken();
    const HttpReply refreshed = refresh(first);
    ASSERT_EQ(refreshed.status, 200) << refreshed.body.toStdString();
    const QString second = refreshed.object().value(QStringLiteral("refresh_token")).toString();
    ASSERT_FALSE(second.isEmpty());
    EXPECT_NE(second, first);
    const HttpReply again = refresh(second);
    ASSERT_EQ(again.status, 200) << "the new one works";
    EXPECT_NE(again.object().value(QStringLiteral("refresh_token")).toString(), second);
}

TEST_F(TokenPolicyTest, ReusingAnEndedRefreshTokenEndsTheWholeSignIn)
{
    const QString first = signedInRefreshToken();
    const QJsonObject rotated = refresh(first).object();
    const QString current = rotated.value(QStringLiteral("refresh_token")).toString();
    org().setAccessToken(rotated.value(QStringLiteral("access_token")).toString());
    ASSERT_EQ(org().api("GET", QStringLiteral("limits")).status, 200);

    const HttpReply reused = refresh(first);
    EXPECT_EQ(reused.status, 400);
    EXPECT_EQ(error(reused), QStringLiteral("invalid_grant"));
    EXPECT_EQ(error(refresh(current)), QStringLiteral("invalid_grant"))
        << "the current refresh token goes with it";
    EXPECT_EQ(org().api("GET", QStringLiteral("limits")).status, 401) << "and its sessions";
}

TEST_F(TokenPolicyTest, ARefreshTokenUnusedForTooLongExpires)
{
    ASSERT_TRUE(org().setTokenPolicy({{QStringLiteral("rotateRefreshTokens"), false},
                                      {QStringLiteral("refreshIdleSeconds"), 3600}}));
    const QString token = signedInRefreshToken();
    ASSERT_TRUE(org().advanceClock(3000));
    EXPECT_EQ(refresh(token).status, 200);
    ASSERT_TRUE(org().advanceClock(3000));
    EXPECT_EQ(refresh(token).status, 200) << "each use starts the idle time again";
    ASSERT_TRUE(org().advanceClock(3600));
    EXPECT_EQ(error(refresh(token)), QStringLiteral("invalid_grant"));
}

TEST_F(TokenPolicyTest, ASignInEndsAfterItsAbsoluteLifetimeEvenWhenUsed)
{
    ASSERT_TRUE(org().setTokenPolicy({{QStringLiteral("refreshAbsoluteSeconds"), 7200}}));
    QString token = signedInRefreshToken();
    ASSERT_TRUE(org().advanceClock(3600));
    const HttpReply refreshed = refresh(token);
    ASSERT_EQ(refreshed.status, 200);
    token = refreshed.object().value(QStringLiteral("refresh_token")).toString();
    ASSERT_TRUE(org().advanceClock(3600));
    EXPECT_EQ(error(refresh(token)), QStringLiteral("invalid_grant"))
        << "a rotated token does not start the sign-in's lifetime again";
}

TEST_F(TokenPolicyTest, PkceCanBeRequired)
{
    ASSERT_TRUE(org().setTokenPolicy({{QStringLiteral("requirePkce"), true}}));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    query.addQueryItem(QStringLiteral("client_id"), QStringLiteral("pasalista"));
    query.addQueryItem(QStringLiteral("redirect_uri"), kRedirect);
    const HttpReply reply = postForm(
        org(), QStringLiteral("/services/oauth2/authorize?") + query.toString(QUrl::FullyEncoded),
        {{QStringLiteral("username"), QStringLiteral("oficina@dream.demo")},
         {QStringLiteral("password"), QStringLiteral("Oficina-2024")}});
    EXPECT_EQ(reply.status, 302);
    EXPECT_EQ(redirectQuery(reply).queryItemValue(QStringLiteral("error")),
              QStringLiteral("invalid_request"));
    EXPECT_FALSE(redirectQuery(reply).hasQueryItem(QStringLiteral("code")));
    EXPECT_EQ(exchange(signIn()).status, 200) << "with a challenge it works";
}

TEST_F(TokenPolicyTest, AnAppNotInstalledInTheOrgIsRefused)
{
    const QString token = signedInRefreshToken();
    ASSERT_TRUE(org().setTokenPolicy({{QStringLiteral("appInstalled"), false}}));
    const HttpReply refused = refresh(token);
    EXPECT_EQ(refused.status, 400);
    EXPECT_EQ(refused.object(), oauthError("invalid_client", "app must be installed into org"));
}

TEST_F(TokenPolicyTest, BadPoliciesAreRefused)
{
    EXPECT_FALSE(org().setTokenPolicy({{QStringLiteral("rotateRefreshTokens"), 1}}));
    EXPECT_FALSE(org().setTokenPolicy({{QStringLiteral("refreshIdleSeconds"), -1}}));
    EXPECT_FALSE(org().setTokenPolicy({{QStringLiteral("rotation"), true}}));
}

TEST(OAuthOptions, TokenPoliciesAreFlags)
{
    EmulatorProcess org({QStringLiteral("--no-token-rotation"), QStringLiteral("--require-pkce"),
                         QStringLiteral("--refresh-idle-expiry"), QStringLiteral("60"),
                         QStringLiteral("--refresh-absolute-expiry"), QStringLiteral("120"),
                         QStringLiteral("--app-not-installed")});
    ASSERT_TRUE(org.isRunning()) << org.startupOutput().toStdString();
    const QJsonObject expected{{QStringLiteral("rotateRefreshTokens"), false},
                               {QStringLiteral("requirePkce"), true},
                               {QStringLiteral("refreshIdleSeconds"), 60},
                               {QStringLiteral("refreshAbsoluteSeconds"), 120},
                               {QStringLiteral("appInstalled"), false}};
    EXPECT_EQ(org.get(QStringLiteral("/__emulator/token-policy")).object(), expected);
    ASSERT_TRUE(org.setTokenPolicy({{QStringLiteral("appInstalled"), true}}));
    ASSERT_TRUE(org.reset());
    EXPECT_EQ(org.get(QStringLiteral("/__emulator/token-policy")).object(), expected)
        << "a reset goes back to the flags";
}
