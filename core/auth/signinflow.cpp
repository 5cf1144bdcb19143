#include "signinflow.h"

#include "identitycodec.h"
#include "logging.h"
#include "loginhost.h"
#include "net/cancellation.h"
#include "oauthhttp.h"
#include "orgrefusal.h"
#include "pkce.h"
#include "session.h"
#include "tokenresponse.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QOAuthHttpServerReplyHandler>
#include <QTcpServer>
#include <QUrlQuery>

namespace pasalista {

namespace {

// QOAuthHttpServerReplyHandler (6.4) hands over query values "pretty decoded", which keeps
// delimiters such as %3D encoded; Salesforce codes end in "%3D%3D". Codes and states never
// contain a literal '%', so decoding once more is safe.
QString callbackValue(const QVariantMap &values, const QString &name)
{
    const QString value = values.value(name).toString();
    return value.contains(QLatin1Char('%')) ? QUrl::fromPercentEncoding(value.toUtf8()) : value;
}

// The Salesforce CLI's callback path; with its ports, the callback URLs an org admin
// registers in the connected app.
const QString kCallbackPath = QStringLiteral("OauthRedirect");

bool takenOnIpv6Loopback(quint16 port)
{
    QTcpServer probe;
    if (probe.listen(QHostAddress(QHostAddress::LocalHostIPv6), port))
        return false;
    // No IPv6 on this computer is no conflict.
    return probe.serverError() == QAbstractSocket::AddressInUseError;
}

} // namespace

SignInFlow::SignInFlow(QObject *parent)
    : QObject(parent), m_network(new QNetworkAccessManager(this))
{
    m_browserTimer.setSingleShot(true);
    connect(&m_browserTimer, &QTimer::timeout, this, [this] {
        fail(Failure::TimedOut, tr("No answer came from the browser in time. Try again."));
    });
}

SignInFlow::~SignInFlow()
{
    stopListening();
}

bool SignInFlow::start(const QUrl &loginUrl)
{
    if (m_stage != Stage::Idle) {
        qCWarning(lcAuth) << "A sign-in flow runs only once";
        return false;
    }
    QString error;
    m_loginUrl = LoginHost::parse(loginUrl.toString(), &error);
    if (m_loginUrl.isEmpty()) {
        fail(Failure::InvalidLoginUrl, error);
        return false;
    }
    if (!listen())
        return false;
    m_verifier = Pkce::generateVerifier();
    m_state = Pkce::generateState();
    m_authorizationUrl = buildAuthorizationUrl();
    setStage(Stage::WaitingForBrowser);
    m_browserTimer.start(m_browserTimeoutMs);
    qCInfo(lcAuth) << "Waiting for the browser sign-in at" << m_loginUrl.host() << "redirect to"
                   << m_redirectUri.toString();
    Q_EMIT authorizationUrlReady(m_authorizationUrl);
    return true;
}

void SignInFlow::cancel()
{
    if (m_stage == Stage::Done || m_stage == Stage::Failed)
        return;
    fail(Failure::Cancelled, tr("Sign-in cancelled."));
}

std::unique_ptr<Session> SignInFlow::takeSession()
{
    return std::move(m_session);
}

QList<quint16> SignInFlow::defaultCallbackPorts()
{
    return {1717, 1718, 1719};
}

QUrl SignInFlow::callbackUrl(quint16 port)
{
    return QUrl(QStringLiteral("http://localhost:%1/%2").arg(port).arg(kCallbackPath));
}

bool SignInFlow::listen()
{
    QStringList tried;
    for (const quint16 port : std::as_const(m_callbackPorts)) {
        if (listenOn(port))
            return true;
        tried.append(QString::number(port));
        qCInfo(lcAuth) << "Callback port" << port << "is taken, trying the next one";
    }
    fail(Failure::ListenFailed,
         tr("Pasalista could not receive the sign-in answer: every callback port it may use "
            "(%1) is taken by another program. Close that program and try again.")
             .arg(tried.join(QStringLiteral(", "))));
    return false;
}

bool SignInFlow::listenOn(quint16 port)
{
    // "localhost" may reach the browser as ::1 first: a port that another program holds
    // there would get our answer, so it counts as taken.
    if (port != 0 && takenOnIpv6Loopback(port))
        return false;
    // Loopback only: the authorization code must never be reachable from the network.
    auto *listener =
        new QOAuthHttpServerReplyHandler(QHostAddress(QHostAddress::LocalHost), port, this);
    if (!listener->isListening()) {
        delete listener;
        return false;
    }
    m_listener = listener;
    m_listener->setCallbackPath(kCallbackPath);
    m_listener->setCallbackText(tr("Pasalista received the answer from Salesforce. You can "
                                   "close this tab and go back to Pasalista."));
    connect(m_listener, &QAbstractOAuthReplyHandler::callbackReceived, this,
            &SignInFlow::onCallback);
    m_redirectUri = callbackUrl(m_listener->port());
    return true;
}

QUrl SignInFlow::buildAuthorizationUrl() const
{
    QUrl url = LoginHost::authorizeUrl(m_loginUrl);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    query.addQueryItem(QStringLiteral("client_id"), m_clientId);
    query.addQueryItem(QStringLiteral("redirect_uri"),
                       QString::fromUtf8(QUrl::toPercentEncoding(m_redirectUri.toString())));
    query.addQueryItem(QStringLiteral("state"), QString::fromLatin1(m_state));
    query.addQueryItem(QStringLiteral("code_challenge"),
                       QString::fromLatin1(Pkce::challengeFor(m_verifier)));
    query.addQueryItem(QStringLiteral("code_challenge_method"),
                       QString::fromLatin1(Pkce::method()));
    // refresh_token is what keeps a teacher signed in for weeks offline.
    query.addQueryItem(QStringLiteral("scope"), QStringLiteral("api refresh_token"));
    url.setQuery(query);
    return url;
}

void SignInFlow::onCallback(const QVariantMap &values)
{
    if (m_stage != Stage::WaitingForBrowser)
        return;
    stopListening();
    m_browserTimer.stop();
    if (callbackValue(values, QStringLiteral("state")) != QString::fromLatin1(m_state)) {
        fail(Failure::StateMismatch,
             tr("The answer from the browser did not belong to this sign-in, so Pasalista "
                "refused it. Try again."));
        return;
    }
    const QString error = callbackValue(values, QStringLiteral("error"));
    if (!error.isEmpty()) {
        const QString description = callbackValue(values, QStringLiteral("error_description"));
        const QString advice = OrgRefusal::adminAdvice(error, description);
        fail(Failure::AccessDenied, !advice.isEmpty()
                                        ? advice
                                        : tr("Salesforce did not allow the sign-in: %1")
                                              .arg(description.isEmpty() ? error : description));
        return;
    }
    const QString code = callbackValue(values, QStringLiteral("code"));
    if (code.isEmpty()) {
        fail(Failure::AccessDenied, tr("The answer from the browser had no authorization code."));
        return;
    }
    exchangeCode(code);
}

void SignInFlow::exchangeCode(const QString &code)
{
    setStage(Stage::ExchangingCode);
    const QByteArray verifier = m_testVerifier.isEmpty() ? m_verifier : m_testVerifier;
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("authorization_code"));
    form.addQueryItem(QStringLiteral("code"), code);
    form.addQueryItem(QStringLiteral("client_id"), m_clientId);
    form.addQueryItem(QStringLiteral("redirect_uri"), m_redirectUri.toString());
    form.addQueryItem(QStringLiteral("code_verifier"), QString::fromLatin1(verifier));
    m_reply = post(LoginHost::tokenUrl(m_loginUrl), OAuthHttp::encodeForm(form));
    whenAnswered(Stage::ExchangingCode, &SignInFlow::onTokenReply);
}

void SignInFlow::whenAnswered(Stage stage, void (SignInFlow::*onAnswer)(const OAuthHttp::Reply &))
{
    connect(m_reply, &QNetworkReply::finished, this,
            [this, reply = m_reply.data(), stage, onAnswer] {
                reply->deleteLater();
                if (m_stage == stage)
                    (this->*onAnswer)(OAuthHttp::readReply(reply));
            });
}

void SignInFlow::onTokenReply(const OAuthHttp::Reply &answer)
{
    m_tokens = std::make_unique<TokenResponse>(TokenResponse::fromReply(
        answer.httpStatus, answer.body, answer.networkError, answer.networkErrorString));
    switch (m_tokens->outcome) {
    case TokenResponse::Outcome::Granted:
        break;
    case TokenResponse::Outcome::InvalidGrant:
    case TokenResponse::Outcome::Refused:
        if (const QString advice =
                OrgRefusal::adminAdvice(m_tokens->error, m_tokens->errorDescription);
            !advice.isEmpty()) {
            fail(Failure::TokenRefused, advice);
            return;
        }
        fail(Failure::TokenRefused,
             tr("Salesforce refused the sign-in (%1). Try again.")
                 .arg(m_tokens->errorDescription.isEmpty() ? m_tokens->error
                                                           : m_tokens->errorDescription));
        return;
    case TokenResponse::Outcome::Unreachable:
        fail(Failure::Unreachable,
             tr("Salesforce could not be reached: %1").arg(m_tokens->errorDescription));
        return;
    }
    if (!LoginHost::isAllowed(m_tokens->instanceUrl)) {
        fail(Failure::TokenRefused, tr("Salesforce answered with an insecure org address."));
        return;
    }
    fetchIdentity();
}

void SignInFlow::fetchIdentity()
{
    setStage(Stage::FetchingIdentity);
    // The identity URL carries the access token: only follow it to an allowed host.
    const QUrl url = LoginHost::isAllowed(m_tokens->identityUrl)
                         ? m_tokens->identityUrl
                         : LoginHost::userInfoUrl(m_tokens->instanceUrl);
    QNetworkRequest request(url);
    request.setTransferTimeout(m_requestTimeoutMs);
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("Authorization", "Bearer " + m_tokens->accessToken);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    m_reply = m_network->get(request);
    whenAnswered(Stage::FetchingIdentity, &SignInFlow::onIdentityReply);
}

void SignInFlow::onIdentityReply(const OAuthHttp::Reply &answer)
{
    Identity identity =
        IdentityCodec::fromIdentityService(QJsonDocument::fromJson(answer.body).object());
    if (answer.networkError != 0 || identity.userId.isEmpty() ||
        identity.organizationId.isEmpty()) {
        fail(Failure::Unreachable,
             tr("Pasalista could not read who signed in: %1").arg(answer.networkErrorString));
        return;
    }
    identity.loginUrl = m_loginUrl;
    identity.instanceUrl = m_tokens->instanceUrl;
    m_session = std::make_unique<Session>(identity, m_tokens->accessToken, m_tokens->refreshToken);
    m_session->setClientId(m_clientId);
    m_tokens.reset();
    qCInfo(lcAuth) << "Signed in as" << identity.username << "to org" << identity.organizationId;
    setStage(Stage::Done);
    Q_EMIT succeeded();
}

QNetworkReply *SignInFlow::post(const QUrl &url, const QByteArray &form)
{
    QNetworkRequest request(url);
    request.setTransferTimeout(m_requestTimeoutMs);
    request.setRawHeader("Accept", "application/json");
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    return m_network->post(request, form);
}

void SignInFlow::setStage(Stage stage)
{
    if (m_stage == stage)
        return;
    m_stage = stage;
    Q_EMIT stageChanged(stage);
}

void SignInFlow::fail(Failure failure, const QString &message)
{
    stopListening();
    m_browserTimer.stop();
    if (m_reply) {
        m_reply->disconnect(this);
        Cancellation::abortRunning(m_reply);
        m_reply->deleteLater();
    }
    m_tokens.reset();
    m_failure = failure;
    m_error = message;
    qCWarning(lcAuth) << "Sign-in failed:" << failure;
    setStage(Stage::Failed);
    Q_EMIT failed(failure, message);
}

void SignInFlow::stopListening()
{
    // Only stop accepting: the browser's connection still needs its answer page, and the
    // listener is deleted with this flow.
    if (m_listener) {
        m_listener->disconnect(this);
        m_listener->close();
    }
}

} // namespace pasalista
