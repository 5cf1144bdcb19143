#include "streamingclient.h"

#include "auth/session.h"
#include "net/salesforceclient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>

#include <algorithm>

namespace pasalista {

Q_LOGGING_CATEGORY(lcStreaming, "pasalista.streaming", QtInfoMsg)

namespace {
constexpr int kRequestTimeoutMs = 30'000;
// A held connect is answered by the server after its advised timeout; allow for slow links.
constexpr int kConnectMarginMs = 30'000;
constexpr int kMaxRetryMs = 60'000;

int retryDelayMs(int failures)
{
    // 0.5 s, 1 s, 2 s ... up to a minute, ± 25 % so that laptops do not come back in step.
    const int base = std::min(kMaxRetryMs, 500 << std::min(failures - 1, 7));
    return base * 3 / 4 + static_cast<int>(QRandomGenerator::global()->bounded(base / 2 + 1));
}
} // namespace

StreamingClient::StreamingClient(Session *session, const QStringList &objectNames, QObject *parent)
    : QObject(parent), m_session(session), m_objects(objectNames)
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &StreamingClient::handshake);
    // A refreshed token (by a sync, in any thread) ends the wait at once.
    connect(m_session, &Session::accessTokenRefreshed, this, [this] {
        if (m_running && m_retry.isActive())
            m_retry.start(0);
    });
}

StreamingClient::~StreamingClient()
{
    stop();
}

QString StreamingClient::channelFor(const QString &objectName)
{
    const QString base =
        objectName.endsWith(QLatin1String("__c")) ? objectName.chopped(1) : objectName;
    return QStringLiteral("/data/") + base + QStringLiteral("ChangeEvent");
}

QString StreamingClient::objectForChannel(const QString &channel) const
{
    for (const QString &object : m_objects) {
        if (channelFor(object) == channel)
            return object;
    }
    return {};
}

void StreamingClient::start()
{
    if (m_running)
        return;
    m_running = true;
    m_failures = 0;
    if (!m_network) // created here so it belongs to the thread the client runs on
        m_network = std::make_unique<QNetworkAccessManager>();
    handshake();
}

void StreamingClient::stop()
{
    m_running = false;
    m_retry.stop();
    if (m_inFlight) {
        QNetworkReply *reply = m_inFlight;
        m_inFlight = nullptr;
        reply->disconnect(this);
        Cancellation::abortRunning(reply);
        reply->deleteLater();
    }
    m_clientId.clear();
    setConnected(false);
}

void StreamingClient::setConnected(bool connected)
{
    if (m_connected == connected)
        return;
    m_connected = connected;
    Q_EMIT connectedChanged(connected);
}

void StreamingClient::post(const QString &messageType, const QJsonArray &messages, int timeoutMs,
                           Handler handler)
{
    if (!m_running)
        return;
    QUrl url = m_session->instanceUrl();
    url.setPath(QStringLiteral("/cometd/%1/%2").arg(m_apiVersion, messageType));
    url.setQuery(QString());
    if (!SalesforceClient::isAllowedUrl(url)) {
        qCWarning(lcStreaming) << "refusing to stream over plain http to" << url.host();
        m_running = false;
        return;
    }
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request.setRawHeader("Authorization", "Bearer " + m_session->accessToken());
    request.setTransferTimeout(timeoutMs);
    QNetworkReply *reply =
        m_network->post(request, QJsonDocument(messages).toJson(QJsonDocument::Compact));
    m_inFlight = reply;
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, handler] { onFinished(reply, handler); });
}

void StreamingClient::onFinished(QNetworkReply *reply, Handler handler)
{
    reply->deleteLater();
    if (m_inFlight == reply)
        m_inFlight = nullptr;
    if (!m_running)
        return;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status >= 300 && status < 400) {
        // Never follow: the token would go wherever the redirect points.
        fail(QStringLiteral("redirect %1 to %2 refused")
                 .arg(status)
                 .arg(reply->header(QNetworkRequest::LocationHeader).toUrl().toString()));
        return;
    }
    if (reply->error() != QNetworkReply::NoError && status != 401) {
        fail(reply->errorString());
        return;
    }
    const QJsonDocument document = QJsonDocument::fromJson(reply->readAll());
    if (status == 401) {
        // The access token expired: the next sync refreshes it, the next try uses it.
        fail(QStringLiteral("session refused (401)"));
        Q_EMIT sessionRefused();
        return;
    }
    if (!document.isArray()) {
        fail(QStringLiteral("reply is not a Bayeux message array"));
        return;
    }
    (this->*handler)(document.array());
}

void StreamingClient::fail(const QString &reason)
{
    ++m_failures;
    m_clientId.clear();
    setConnected(false);
    const int delay = retryDelayMs(m_failures);
    qCInfo(lcStreaming) << "streaming interrupted:" << reason << "- handshaking again in" << delay
                        << "ms";
    m_retry.start(delay);
}

void StreamingClient::handshake()
{
    ++m_handshakes;
    m_clientId.clear();
    const QJsonObject message{
        {QStringLiteral("channel"), QStringLiteral("/meta/handshake")},
        {QStringLiteral("id"), QString::number(++m_messageId)},
        {QStringLiteral("version"), QStringLiteral("1.0")},
        {QStringLiteral("minimumVersion"), QStringLiteral("1.0")},
        {QStringLiteral("supportedConnectionTypes"), QJsonArray{QStringLiteral("long-polling")}},
        {QStringLiteral("ext"), QJsonObject{{QStringLiteral("replay"), true}}}};
    post(QStringLiteral("handshake"), {message}, kRequestTimeoutMs, &StreamingClient::onHandshake);
}

void StreamingClient::onHandshake(const QJsonArray &messages)
{
    for (const QJsonValue &value : messages) {
        const QJsonObject message = value.toObject();
        if (message.value(QStringLiteral("channel")).toString() != QLatin1String("/meta/handshake"))
            continue;
        if (!message.value(QStringLiteral("successful")).toBool()) {
            fail(QStringLiteral("handshake refused: %1")
                     .arg(message.value(QStringLiteral("error")).toString()));
            return;
        }
        m_clientId = message.value(QStringLiteral("clientId")).toString();
        const int timeout = message.value(QStringLiteral("advice"))
                                .toObject()
                                .value(QStringLiteral("timeout"))
                                .toInt(m_connectTimeoutMs);
        m_connectTimeoutMs = std::max(0, timeout);
        subscribe();
        return;
    }
    fail(QStringLiteral("no handshake reply"));
}

void StreamingClient::subscribe()
{
    QJsonArray messages;
    for (const QString &object : std::as_const(m_objects)) {
        const QString channel = channelFor(object);
        messages.append(QJsonObject{
            {QStringLiteral("channel"), QStringLiteral("/meta/subscribe")},
            {QStringLiteral("id"), QString::number(++m_messageId)},
            {QStringLiteral("clientId"), m_clientId},
            {QStringLiteral("subscription"), channel},
            {QStringLiteral("ext"),
             QJsonObject{{QStringLiteral("replay"), QJsonObject{{channel, replayId(channel)}}}}}});
    }
    post(QStringLiteral("subscribe"), messages, kRequestTimeoutMs, &StreamingClient::onSubscribe);
}

void StreamingClient::onSubscribe(const QJsonArray &messages)
{
    bool resubscribe = false;
    int subscribed = 0;
    for (const QJsonValue &value : messages) {
        const QJsonObject message = value.toObject();
        if (message.value(QStringLiteral("channel")).toString() != QLatin1String("/meta/subscribe"))
            continue;
        const QString channel = message.value(QStringLiteral("subscription")).toString();
        const QString error = message.value(QStringLiteral("error")).toString();
        if (message.value(QStringLiteral("successful")).toBool()) {
            ++subscribed;
        } else if (error.startsWith(QLatin1String("403::Unknown client"))) {
            fail(error);
            return;
        } else if (error.contains(QLatin1String("replayId")) && m_replay.contains(channel)) {
            // The org no longer keeps events that old: start afresh and pull what changed.
            qCWarning(lcStreaming) << "replay position lost on" << channel << ":" << error;
            m_replay.remove(channel);
            resubscribe = true;
            Q_EMIT changed(objectForChannel(channel), {});
        } else {
            // Most often Change Data Capture is not enabled for this object in Setup.
            qCWarning(lcStreaming) << "cannot subscribe to" << channel << ":" << error;
        }
    }
    if (resubscribe) {
        subscribe();
        return;
    }
    if (subscribed == 0) {
        fail(QStringLiteral("no channel could be subscribed"));
        return;
    }
    connectPoll();
}

void StreamingClient::connectPoll()
{
    const QJsonObject message{{QStringLiteral("channel"), QStringLiteral("/meta/connect")},
                              {QStringLiteral("id"), QString::number(++m_messageId)},
                              {QStringLiteral("clientId"), m_clientId},
                              {QStringLiteral("connectionType"), QStringLiteral("long-polling")}};
    post(QStringLiteral("connect"), {message}, m_connectTimeoutMs + kConnectMarginMs,
         &StreamingClient::onConnect);
}

void StreamingClient::onConnect(const QJsonArray &messages)
{
    std::optional<QJsonObject> connectReply;
    for (const QJsonValue &value : messages) {
        const QJsonObject message = value.toObject();
        const QString channel = message.value(QStringLiteral("channel")).toString();
        if (channel == QLatin1String("/meta/connect"))
            connectReply = message;
        else if (channel.startsWith(QLatin1String("/data/")))
            deliverEvent(message);
    }
    if (!connectReply || !connectReply->value(QStringLiteral("successful")).toBool()) {
        fail(connectReply ? connectReply->value(QStringLiteral("error")).toString()
                          : QStringLiteral("no connect reply"));
        return;
    }
    m_failures = 0;
    setConnected(true);
    const QJsonObject advice = connectReply->value(QStringLiteral("advice")).toObject();
    if (advice.contains(QStringLiteral("timeout")))
        m_connectTimeoutMs = std::max(0, advice.value(QStringLiteral("timeout")).toInt());
    if (advice.value(QStringLiteral("reconnect")).toString() == QLatin1String("handshake")) {
        handshake();
        return;
    }
    connectPoll();
}

void StreamingClient::deliverEvent(const QJsonObject &message)
{
    const QString channel = message.value(QStringLiteral("channel")).toString();
    const QJsonObject data = message.value(QStringLiteral("data")).toObject();
    const qint64 replay = data.value(QStringLiteral("event"))
                              .toObject()
                              .value(QStringLiteral("replayId"))
                              .toInteger(-1);
    if (replay >= 0 && replay > m_replay.value(channel, -1)) {
        m_replay.insert(channel, replay);
        if (m_replaySaver)
            m_replaySaver(channel, replay);
    }
    const QJsonObject header = data.value(QStringLiteral("payload"))
                                   .toObject()
                                   .value(QStringLiteral("ChangeEventHeader"))
                                   .toObject();
    const QString object = header.value(QStringLiteral("entityName")).toString();
    if (!m_objects.contains(object))
        return;
    QStringList ids;
    for (const QJsonValue &id : header.value(QStringLiteral("recordIds")).toArray())
        ids.append(id.toString());
    qCDebug(lcStreaming) << "change event" << replay << object
                         << header.value(QStringLiteral("changeType")).toString() << ids;
    Q_EMIT changed(object, ids);
}

} // namespace pasalista
