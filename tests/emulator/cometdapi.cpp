#include "cometdapi.h"

#include "oauthservice.h"
#include "orgclock.h"
#include "schema.h"

#include <QJsonDocument>
#include <QUuid>

namespace pasalista::emulator {

namespace {
// How long the server keeps a client that does not come back with a connect (CometD's
// maxInterval); after that its next connect is answered 403::Unknown client.
constexpr qint64 kMaxIntervalMs = 40'000;
const QString kAllChangeEvents = QStringLiteral("/data/ChangeEvents");

QString changeTypeName(RecordStore::Change::Type type)
{
    switch (type) {
    case RecordStore::Change::Type::Create:
        return QStringLiteral("CREATE");
    case RecordStore::Change::Type::Delete:
        return QStringLiteral("DELETE");
    case RecordStore::Change::Type::Undelete:
        return QStringLiteral("UNDELETE");
    case RecordStore::Change::Type::Update:
        break;
    }
    return QStringLiteral("UPDATE");
}

QJsonArray toArray(const QStringList &list)
{
    QJsonArray array;
    for (const QString &item : list)
        array.append(item);
    return array;
}

HttpResponse bayeux(const QJsonArray &messages, int status = 200)
{
    return HttpResponse::json(messages, status);
}
} // namespace

CometdApi::CometdApi(const OAuthService &oauth, const Schema &schema, const OrgClock &clock)
    : m_oauth(oauth), m_schema(schema), m_clock(clock)
{
}

CometdApi::~CometdApi() = default;

bool CometdApi::handles(const QString &path)
{
    return path.startsWith(QLatin1String("/cometd/"));
}

QJsonObject CometdApi::answerTo(const QJsonObject &message, bool successful)
{
    QJsonObject answer{{QStringLiteral("channel"), message.value(QStringLiteral("channel"))},
                       {QStringLiteral("successful"), successful}};
    if (message.contains(QStringLiteral("id")))
        answer.insert(QStringLiteral("id"), message.value(QStringLiteral("id")));
    if (message.contains(QStringLiteral("clientId")))
        answer.insert(QStringLiteral("clientId"), message.value(QStringLiteral("clientId")));
    return answer;
}

namespace {
QJsonObject unknownClient(QJsonObject answer)
{
    answer.insert(QStringLiteral("error"), QStringLiteral("403::Unknown client"));
    answer.insert(QStringLiteral("advice"),
                  QJsonObject{{QStringLiteral("reconnect"), QStringLiteral("handshake")},
                              {QStringLiteral("interval"), 0}});
    return answer;
}
} // namespace

void CometdApi::handle(const HttpRequest &request, Reply reply)
{
    const auto userId = m_oauth.authenticate(request);
    if (!userId) {
        // Salesforce refuses the handshake (and any later message) of an invalid session.
        reply(bayeux(
            {QJsonObject{
                {QStringLiteral("channel"), QStringLiteral("/meta/handshake")},
                {QStringLiteral("successful"), false},
                {QStringLiteral("error"), QStringLiteral("403::Handshake denied")},
                {QStringLiteral("ext"),
                 QJsonObject{{QStringLiteral("sfdc"),
                              QJsonObject{{QStringLiteral("failureReason"),
                                           QStringLiteral("401::Authentication invalid")}}}}},
                {QStringLiteral("advice"),
                 QJsonObject{{QStringLiteral("reconnect"), QStringLiteral("none")}}}}},
            401));
        return;
    }
    if (request.method != "POST") {
        reply(HttpResponse::error(405,
                                  {QStringLiteral("METHOD_NOT_ALLOWED"),
                                   QStringLiteral("HTTP Method '%1' not allowed. Allowed are POST")
                                       .arg(QString::fromLatin1(request.method)),
                                   {}}));
        return;
    }
    const QJsonDocument document = QJsonDocument::fromJson(request.body);
    QJsonArray messages = document.isArray() ? document.array() : QJsonArray{document.object()};
    expireClients();
    purgeEvents();
    QJsonArray answered;
    std::optional<QJsonObject> connect;
    for (const QJsonValue &value : messages) {
        const QJsonObject message = value.toObject();
        const QString channel = message.value(QStringLiteral("channel")).toString();
        if (channel == QLatin1String("/meta/handshake")) {
            answered.append(handshake(message, *userId));
            continue;
        }
        if (channel == QLatin1String("/meta/connect")) {
            connect = message;
            continue;
        }
        if (channel == QLatin1String("/meta/disconnect")) {
            answered.append(disconnect(message));
            continue;
        }
        Client *known = client(message.value(QStringLiteral("clientId")).toString());
        if (!known) {
            answered.append(unknownClient(answerTo(message, false)));
        } else if (channel == QLatin1String("/meta/subscribe")) {
            answered.append(subscribe(message, *known));
        } else if (channel == QLatin1String("/meta/unsubscribe")) {
            known->channels.removeAll(message.value(QStringLiteral("subscription")).toString());
            QJsonObject answer = answerTo(message, true);
            answer.insert(QStringLiteral("subscription"),
                          message.value(QStringLiteral("subscription")));
            answered.append(answer);
        } else {
            QJsonObject answer = answerTo(message, false);
            answer.insert(QStringLiteral("error"), QStringLiteral("403::Publish denied"));
            answered.append(answer);
        }
    }
    if (connect)
        connectLongPoll(*connect, answered, std::move(reply));
    else
        reply(bayeux(answered));
}

QJsonObject CometdApi::handshake(const QJsonObject &message, const QString &userId)
{
    auto client = std::make_shared<Client>();
    client->id =
        QUuid::createUuid().toString(QUuid::Id128).left(28) + QString::number(++m_clientCounter);
    client->userId = userId;
    client->lastSeenOrgMs = m_clock.nowMs();
    m_clients.insert(client->id, client);
    QJsonObject answer = answerTo(message, true);
    answer.insert(QStringLiteral("clientId"), client->id);
    answer.insert(QStringLiteral("version"), QStringLiteral("1.0"));
    answer.insert(QStringLiteral("minimumVersion"), QStringLiteral("1.0"));
    answer.insert(QStringLiteral("supportedConnectionTypes"),
                  QJsonArray{QStringLiteral("long-polling")});
    answer.insert(QStringLiteral("ext"), QJsonObject{{QStringLiteral("replay"), true},
                                                     {QStringLiteral("payload.format"), true}});
    answer.insert(QStringLiteral("advice"),
                  QJsonObject{{QStringLiteral("reconnect"), QStringLiteral("retry")},
                              {QStringLiteral("interval"), 0},
                              {QStringLiteral("timeout"), m_connectTimeoutMs}});
    return answer;
}

QString CometdApi::channelFor(const QString &object) const
{
    // Custom objects drop the c of __c: Class__c's channel is /data/Class__ChangeEvent.
    const QString base = object.endsWith(QLatin1String("__c")) ? object.chopped(1) : object;
    return QStringLiteral("/data/") + base + QStringLiteral("ChangeEvent");
}

bool CometdApi::channelExists(const QString &channel) const
{
    if (channel == kAllChangeEvents)
        return true;
    for (const ObjectDef &object : m_schema.objects()) {
        if (channelFor(object.name) == channel)
            return true;
    }
    return false;
}

QJsonObject CometdApi::subscribe(const QJsonObject &message, Client &client)
{
    const QString channel = message.value(QStringLiteral("subscription")).toString();
    QJsonObject answer = answerTo(message, false);
    answer.insert(QStringLiteral("subscription"), channel);
    if (!channelExists(channel)) {
        answer.insert(QStringLiteral("error"),
                      QStringLiteral("400::The channel you requested to subscribe to does not "
                                     "exist {%1}")
                          .arg(channel));
        return answer;
    }
    const QJsonObject replay =
        message.value(QStringLiteral("ext")).toObject().value(QStringLiteral("replay")).toObject();
    const qint64 requested = replay.value(channel).toInteger(-1);
    const qint64 earliest = m_events.empty() ? m_nextReplayId : m_events.front().replayId;
    qint64 after = m_nextReplayId - 1;
    if (requested == -2) {
        after = earliest - 1;
    } else if (requested >= 0) {
        if (requested < earliest - 1 && !m_events.empty()) {
            answer.insert(QStringLiteral("error"),
                          QStringLiteral("400::The replayId {%1} you provided was invalid.  Please "
                                         "provide a valid ID, -2 to replay all events, or -1 to "
                                         "replay only new events.")
                              .arg(requested));
            return answer;
        }
        after = requested;
    }
    if (!client.channels.contains(channel))
        client.channels.append(channel);
    for (const Event &event : m_events) {
        if (event.replayId > after && (channel == kAllChangeEvents || event.channel == channel))
            client.queue.append(QJsonObject{{QStringLiteral("channel"), channel},
                                            {QStringLiteral("data"), dataOf(event)}});
    }
    answer.insert(QStringLiteral("successful"), true);
    answer.insert(QStringLiteral("ext"),
                  QJsonObject{{QStringLiteral("replay"), QJsonObject{{channel, requested}}}});
    return answer;
}

QJsonObject CometdApi::disconnect(const QJsonObject &message)
{
    const QString id = message.value(QStringLiteral("clientId")).toString();
    Client *known = client(id);
    if (!known)
        return unknownClient(answerTo(message, false));
    if (known->waiting) {
        Reply waiting = std::move(known->waiting);
        known->waiting = nullptr;
        waiting(bayeux({connectReply(known->waitingMessage, *known)}));
    }
    m_clients.remove(id);
    return answerTo(message, true);
}

QJsonObject CometdApi::connectReply(const QJsonObject &message, const Client &client) const
{
    QJsonObject answer = answerTo(message, true);
    answer.insert(QStringLiteral("clientId"), client.id);
    answer.insert(QStringLiteral("advice"),
                  QJsonObject{{QStringLiteral("reconnect"), QStringLiteral("retry")},
                              {QStringLiteral("interval"), 0},
                              {QStringLiteral("timeout"), m_connectTimeoutMs}});
    return answer;
}

void CometdApi::connectLongPoll(const QJsonObject &message, QJsonArray answered, Reply reply)
{
    Client *known = client(message.value(QStringLiteral("clientId")).toString());
    if (!known) {
        answered.append(unknownClient(CometdApi::answerTo(message, false)));
        reply(bayeux(answered));
        return;
    }
    // A newer connect replaces one still held: the old one is answered empty at once.
    answerWaiting(*known);
    known->waiting = std::move(reply);
    known->waitingMessage = message;
    for (const QJsonValue &value : std::as_const(answered))
        known->queue.prepend(value);
    if (!known->connectedOnce || !known->queue.isEmpty()) {
        known->connectedOnce = true;
        answerWaiting(*known);
        return;
    }
    known->timeout = std::make_unique<QTimer>();
    known->timeout->setSingleShot(true);
    const QString id = known->id;
    connect(known->timeout.get(), &QTimer::timeout, this, [this, id] {
        if (Client *held = client(id))
            answerWaiting(*held);
    });
    known->timeout->start(m_connectTimeoutMs);
}

void CometdApi::answerWaiting(Client &client)
{
    if (!client.waiting)
        return;
    Reply waiting = std::move(client.waiting);
    client.waiting = nullptr;
    if (client.timeout)
        client.timeout->stop();
    QJsonArray messages = client.queue;
    messages.append(connectReply(client.waitingMessage, client));
    client.lastSeenOrgMs = m_clock.nowMs();
    // Events stay queued when the connection is already gone.
    if (waiting(bayeux(messages)))
        client.queue = {};
}

CometdApi::Client *CometdApi::client(const QString &id)
{
    const auto it = m_clients.constFind(id);
    return it == m_clients.constEnd() ? nullptr : it->get();
}

void CometdApi::expireClients()
{
    const qint64 now = m_clock.nowMs();
    for (auto it = m_clients.begin(); it != m_clients.end();) {
        if (!(*it)->waiting && now - (*it)->lastSeenOrgMs > kMaxIntervalMs)
            it = m_clients.erase(it);
        else
            ++it;
    }
}

void CometdApi::purgeEvents()
{
    const qint64 cutoff = m_clock.nowMs() - kRetentionMs;
    while (!m_events.empty() && m_events.front().orgMs < cutoff)
        m_events.pop_front();
}

void CometdApi::publish(const RecordStore::Change &change)
{
    purgeEvents();
    Event event;
    event.replayId = m_nextReplayId++;
    event.orgMs = m_clock.nowMs();
    event.channel = channelFor(change.object);
    event.change = change;
    for (const auto &client : std::as_const(m_clients)) {
        for (const QString &channel : std::as_const(client->channels)) {
            if (channel == event.channel || channel == kAllChangeEvents)
                client->queue.append(QJsonObject{{QStringLiteral("channel"), channel},
                                                 {QStringLiteral("data"), dataOf(event)}});
        }
    }
    m_events.push_back(std::move(event));
    // Answer after the write's own response has been built: held connects go out now.
    const QStringList ids = m_clients.keys();
    for (const QString &id : ids) {
        if (Client *held = client(id); held && !held->queue.isEmpty())
            answerWaiting(*held);
    }
}

const QJsonObject &CometdApi::dataOf(const Event &event)
{
    // Built when first delivered, then kept: most events of a bulk write are never read
    // (nobody subscribes, nobody replays), and building each one cost more than the write.
    if (event.data)
        return *event.data;
    const RecordStore::Change &change = event.change;
    QJsonObject payload = change.fields;
    payload.insert(
        QStringLiteral("ChangeEventHeader"),
        QJsonObject{
            {QStringLiteral("entityName"), change.object},
            {QStringLiteral("recordIds"), QJsonArray{change.id}},
            {QStringLiteral("changeType"), changeTypeName(change.type)},
            {QStringLiteral("changeOrigin"), QStringLiteral("com/salesforce/api/rest/60.0")},
            {QStringLiteral("transactionKey"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
            {QStringLiteral("sequenceNumber"), 1},
            {QStringLiteral("commitTimestamp"), event.orgMs},
            {QStringLiteral("commitNumber"), event.replayId * 10 + 1000000},
            {QStringLiteral("commitUser"), change.userId},
            {QStringLiteral("nulledFields"), toArray(change.nulledFields)},
            {QStringLiteral("diffFields"), QJsonArray{}},
            {QStringLiteral("changedFields"), toArray(change.changedFields)}});
    event.data = QJsonObject{
        {QStringLiteral("schema"), QStringLiteral("emulator-%1").arg(change.object)},
        {QStringLiteral("payload"), payload},
        {QStringLiteral("event"), QJsonObject{{QStringLiteral("replayId"), event.replayId}}}};
    return *event.data;
}

HttpResponse CometdApi::admin(const HttpRequest &request)
{
    if (request.method == "POST") {
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        if (body.contains(QStringLiteral("connectTimeoutMs")))
            m_connectTimeoutMs =
                std::max(0, body.value(QStringLiteral("connectTimeoutMs")).toInt());
        if (body.value(QStringLiteral("dropWaitingConnects")).toBool()) {
            for (const auto &client : std::as_const(m_clients)) {
                if (!client->waiting)
                    continue;
                Reply waiting = std::move(client->waiting);
                client->waiting = nullptr;
                waiting(HttpResponse{0, {}, {}});
            }
        }
        if (body.value(QStringLiteral("forgetClients")).toBool()) {
            // As after a server restart: held connects learn it at once, queues are lost.
            const auto clients = m_clients;
            m_clients.clear();
            for (const auto &client : clients) {
                if (client->waiting)
                    client->waiting(
                        bayeux({unknownClient(answerTo(client->waitingMessage, false))}));
                client->waiting = nullptr;
            }
        }
    } else if (request.method == "DELETE") {
        reset();
    }
    return HttpResponse::json(
        QJsonObject{{QStringLiteral("connectTimeoutMs"), m_connectTimeoutMs},
                    {QStringLiteral("clients"), static_cast<int>(m_clients.size())},
                    {QStringLiteral("events"), static_cast<qint64>(m_events.size())},
                    {QStringLiteral("lastReplayId"), m_nextReplayId - 1}});
}

void CometdApi::reset()
{
    for (const auto &client : std::as_const(m_clients)) {
        if (client->waiting)
            client->waiting(HttpResponse{0, {}, {}});
        client->waiting = nullptr;
    }
    m_clients.clear();
    m_events.clear();
    m_nextReplayId = 1;
}

} // namespace pasalista::emulator
