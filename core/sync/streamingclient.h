#pragma once

#include <QHash>
#include <QJsonArray>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace pasalista {

class Session;

// Listens to the org's Change Data Capture events through the Streaming API: CometD's
// Bayeux protocol over long polling (handshake, subscribe to /data/<Object>ChangeEvent,
// connect, connect...). After a dropped connection or "403::Unknown client" it
// handshakes again and resubscribes replaying from the last replayId it saw on each
// channel, so no event is lost while the org keeps them (72 hours). Requests go only to
// the session's instance, never follow redirects, and carry the session's bearer token.
// Non-blocking (signals and slots only): it may live on the GUI thread or a worker thread.
class StreamingClient : public QObject
{
    Q_OBJECT

public:
    // Called with (channel, replayId) after each event, to keep replay positions across runs.
    using ReplaySaver = std::function<void(const QString &channel, qint64 replayId)>;

    StreamingClient(Session *session, const QStringList &objectNames, QObject *parent = nullptr);
    ~StreamingClient() override;

    void setApiVersion(const QString &version) { m_apiVersion = version; } // "60.0"
    void setReplayId(const QString &channel, qint64 replayId) { m_replay[channel] = replayId; }
    void setReplaySaver(ReplaySaver saver) { m_replaySaver = std::move(saver); }
    qint64 replayId(const QString &channel) const { return m_replay.value(channel, -1); }

    // Custom objects drop the c of __c: Class__c's channel is /data/Class__ChangeEvent.
    static QString channelFor(const QString &objectName);

    bool isRunning() const { return m_running; }
    bool isConnected() const { return m_connected; }
    int handshakeCount() const { return m_handshakes; }

public Q_SLOTS:
    void start();
    // Aborts the request in flight; no signal is emitted afterwards.
    void stop();

Q_SIGNALS:
    // Records of objectName changed in the org (an empty list: some, unknown which).
    void changed(const QString &objectName, const QStringList &recordIds);
    void connectedChanged(bool connected);
    // The org refused the access token (401): a sync refreshes it, then streaming resumes.
    void sessionRefused();

private:
    using Handler = void (StreamingClient::*)(const QJsonArray &messages);

    void handshake();
    void onHandshake(const QJsonArray &messages);
    void subscribe();
    void onSubscribe(const QJsonArray &messages);
    void connectPoll();
    void onConnect(const QJsonArray &messages);
    void post(const QString &messageType, const QJsonArray &messages, int timeoutMs,
              Handler handler);
    void onFinished(QNetworkReply *reply, Handler handler);
    void deliverEvent(const QJsonObject &message);
    void fail(const QString &reason);
    void setConnected(bool connected);
    QString objectForChannel(const QString &channel) const;

    Session *m_session;
    QStringList m_objects;
    QString m_apiVersion = QStringLiteral("60.0");
    std::unique_ptr<QNetworkAccessManager> m_network;
    QPointer<QNetworkReply> m_inFlight;
    QTimer m_retry;
    QString m_clientId;
    QHash<QString, qint64> m_replay; // channel -> last replayId seen
    ReplaySaver m_replaySaver;
    int m_connectTimeoutMs = 110'000;
    int m_failures = 0;
    int m_handshakes = 0;
    int m_messageId = 0;
    bool m_running = false;
    bool m_connected = false;
};

} // namespace pasalista
