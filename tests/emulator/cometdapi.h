#pragma once

#include "httprequest.h"
#include "httpresponse.h"
#include "recordstore.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QTimer>

#include <deque>
#include <functional>
#include <memory>
#include <optional>

namespace pasalista::emulator {

class OAuthService;
class Schema;
class OrgClock;

// The Streaming API's CometD endpoint (/cometd/<version> on the instance), Bayeux over
// long polling as Salesforce serves it: /meta/handshake, /meta/subscribe to Change Data
// Capture channels (/data/<Object>ChangeEvent, custom objects /data/Name__ChangeEvent, and
// /data/ChangeEvents) with the replay extension, /meta/connect long polls and
// /meta/disconnect. Every committed write becomes a change event with Salesforce's payload
// shape and an increasing replayId, kept 72 hours on the org's clock for replay.
class CometdApi : public QObject
{
    Q_OBJECT
public:
    // Sends the response now or later; false when the connection is gone (nothing sent).
    // A status of 0 closes the connection without an answer.
    using Reply = std::function<bool(const HttpResponse &response)>;
    static constexpr int kDefaultConnectTimeoutMs = 110'000;
    static constexpr qint64 kRetentionMs = 72LL * 3600 * 1000;

    CometdApi(const OAuthService &oauth, const Schema &schema, const OrgClock &clock);
    ~CometdApi() override;

    static bool handles(const QString &path);
    void handle(const HttpRequest &request, Reply reply);
    void publish(const RecordStore::Change &change);

    // /__emulator/streaming: GET the state; POST {"connectTimeoutMs", "forgetClients",
    // "dropWaitingConnects"}.
    HttpResponse admin(const HttpRequest &request);
    void setConnectTimeoutMs(int ms) { m_connectTimeoutMs = ms; }
    void reset();

private:
    struct Event
    {
        qint64 replayId = 0;
        qint64 orgMs = 0;
        QString channel;
        RecordStore::Change change;
        mutable std::optional<QJsonObject> data; // see dataOf()
    };
    struct Client
    {
        QString id;
        QString userId;
        QStringList channels;
        QJsonArray queue; // event messages waiting for a connect
        bool connectedOnce = false;
        qint64 lastSeenOrgMs = 0;
        Reply waiting; // the connect held open
        std::unique_ptr<QTimer> timeout;
        QJsonObject waitingMessage;
    };

    QJsonObject handshake(const QJsonObject &message, const QString &userId);
    QJsonObject subscribe(const QJsonObject &message, Client &client);
    QJsonObject disconnect(const QJsonObject &message);
    // Answers a connect now, or holds it until an event or the timeout.
    void connectLongPoll(const QJsonObject &message, QJsonArray answered, Reply reply);
    void answerWaiting(Client &client);
    QJsonObject connectReply(const QJsonObject &message, const Client &client) const;
    static const QJsonObject &dataOf(const Event &event);
    QString channelFor(const QString &object) const;
    bool channelExists(const QString &channel) const;
    void expireClients();
    void purgeEvents();
    Client *client(const QString &id);
    static QJsonObject answerTo(const QJsonObject &message, bool successful);

    const OAuthService &m_oauth;
    const Schema &m_schema;
    const OrgClock &m_clock;
    std::deque<Event> m_events;
    qint64 m_nextReplayId = 1;
    QHash<QString, std::shared_ptr<Client>> m_clients;
    quint64 m_clientCounter = 0;
    int m_connectTimeoutMs = kDefaultConnectTimeoutMs;
};

} // namespace pasalista::emulator
