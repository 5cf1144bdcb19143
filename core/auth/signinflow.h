#pragma once

#include "identity.h"
#include "oauthhttp.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <QVariantMap>

#include <memory>

class QNetworkAccessManager;
class QNetworkReply;
class QOAuthHttpServerReplyHandler;

namespace pasalista {

class Session;
struct TokenResponse;

// One OAuth 2.0 web-server sign-in with PKCE (S256) and `state`:
//   start()  -> listens on 127.0.0.1 at the first free callback port, emits
//               authorizationUrlReady(url); the UI opens it in the system browser (core has
//               no QtGui) or shows it to copy
//   browser  -> the org redirects to http://localhost:<port>/OauthRedirect?code=..&state=..
//   callback -> state checked, code exchanged with the verifier, identity fetched
//   done     -> succeeded(); takeSession() hands over the signed-in Session.
// Asynchronous: runs on the caller's event loop. Qt NetworkAuth provides the loopback
// listener; the 6.4 QOAuth2AuthorizationCodeFlow is not used because it has no PKCE and
// neither reports a state mismatch nor the token endpoint's error body.
class SignInFlow : public QObject
{
    Q_OBJECT

public:
    enum class Stage
    {
        Idle,
        WaitingForBrowser,
        ExchangingCode,
        FetchingIdentity,
        Done,
        Failed
    };
    Q_ENUM(Stage)
    enum class Failure
    {
        None,
        InvalidLoginUrl,
        ListenFailed,
        StateMismatch, // the redirect did not carry the state we sent: not ours, refused
        AccessDenied,  // the user or the org said no in the browser
        TokenRefused,  // the token endpoint refused the code or the verifier
        Unreachable,   // network trouble talking to the org
        TimedOut,
        Cancelled,
    };
    Q_ENUM(Failure)

    explicit SignInFlow(QObject *parent = nullptr);
    ~SignInFlow() override;

    // Salesforce matches a connected app's callback URLs exactly, so the loopback callback
    // has fixed, documented ports (README, "Connecting Pasalista to your org"): the Salesforce
    // CLI's well-known 1717 first, then the fallbacks for when another program holds it.
    static QList<quint16> defaultCallbackPorts();
    static QUrl callbackUrl(quint16 port); // http://localhost:<port>/OauthRedirect
    // Tried in order; the first free one is used. 0 means any free port, for servers that
    // accept any loopback port (the org emulator without --callback).
    void setCallbackPorts(const QList<quint16> &ports) { m_callbackPorts = ports; }
    QList<quint16> callbackPorts() const { return m_callbackPorts; }

    void setClientId(const QString &clientId) { m_clientId = clientId; }
    void setBrowserTimeoutMs(int ms) { m_browserTimeoutMs = ms; }
    void setRequestTimeoutMs(int ms) { m_requestTimeoutMs = ms; }
    // Test hook: exchange the code with this verifier instead of the one that was sent.
    void setCodeVerifierForTesting(const QByteArray &verifier) { m_testVerifier = verifier; }

    // False (and failed() emitted) when the URL is not allowed or no port could be opened.
    bool start(const QUrl &loginUrl);
    void cancel();

    Stage stage() const { return m_stage; }
    Failure failure() const { return m_failure; }
    QString errorString() const { return m_error; }
    QUrl authorizationUrl() const { return m_authorizationUrl; }
    QUrl redirectUri() const { return m_redirectUri; }
    // After succeeded(): the new session (access token in memory, refresh token to store).
    std::unique_ptr<Session> takeSession();

Q_SIGNALS:
    void authorizationUrlReady(const QUrl &url);
    void stageChanged(pasalista::SignInFlow::Stage stage);
    void succeeded();
    void failed(pasalista::SignInFlow::Failure failure, const QString &message);

private:
    bool listen();
    bool listenOn(quint16 port);
    QUrl buildAuthorizationUrl() const;
    void onCallback(const QVariantMap &values);
    void exchangeCode(const QString &code);
    void onTokenReply(const OAuthHttp::Reply &answer);
    void fetchIdentity();
    void onIdentityReply(const OAuthHttp::Reply &answer);
    // When the request m_reply answers, its reply goes to onAnswer, unless the flow has
    // left `stage` by then (cancelled, timed out, failed).
    void whenAnswered(Stage stage, void (SignInFlow::*onAnswer)(const OAuthHttp::Reply &));
    QNetworkReply *post(const QUrl &url, const QByteArray &form);
    void setStage(Stage stage);
    void fail(Failure failure, const QString &message);
    void stopListening();

    QString m_clientId = QStringLiteral("pasalista");
    QList<quint16> m_callbackPorts = defaultCallbackPorts();
    int m_browserTimeoutMs = 10 * 60 * 1000;
    int m_requestTimeoutMs = 60 * 1000;
    QByteArray m_testVerifier;

    Stage m_stage = Stage::Idle;
    Failure m_failure = Failure::None;
    QString m_error;
    QUrl m_loginUrl;
    QUrl m_authorizationUrl;
    QUrl m_redirectUri;
    QByteArray m_verifier;
    QByteArray m_state;
    std::unique_ptr<TokenResponse> m_tokens;
    std::unique_ptr<Session> m_session;
    QPointer<QOAuthHttpServerReplyHandler> m_listener;
    QNetworkAccessManager *m_network;
    QPointer<QNetworkReply> m_reply;
    QTimer m_browserTimer;
};

} // namespace pasalista
