// The Streaming API's CometD endpoint: Bayeux handshake, subscribe with replay, long-poll
// connect, Change Data Capture payloads for every write, and its faults.
#include "emulatorfixture.h"

#include <QJsonDocument>
#include <QTimer>

using namespace pasalista::emulator::testing;

namespace {

const QString kStudentChannel = QStringLiteral("/data/Student__ChangeEvent");

class CometdTest : public EmulatorFixture
{
protected:
    void SetUp() override
    {
        EmulatorFixture::SetUp();
        // Long polls held for half a second keep the suite fast.
        streamingAdmin({{QStringLiteral("connectTimeoutMs"), 500}});
    }

    QJsonObject streamingAdmin(const QJsonObject &body)
    {
        return org()
            .sendJson("POST", QStringLiteral("/__emulator/streaming"), QJsonDocument(body))
            .object();
    }

    HttpReply bayeux(const QString &type, const QJsonArray &messages, const QString &token = {})
    {
        const QString url = org().instanceUrl().toString() + QStringLiteral("/cometd/60.0/") + type;
        return org().request(
            "POST", url, QJsonDocument(messages).toJson(),
            {{"Authorization",
              "Bearer " + (token.isEmpty() ? org().accessToken() : token).toLatin1()},
             {"Content-Type", "application/json"}});
    }

    static QJsonObject find(const QJsonArray &messages, const QString &channel)
    {
        for (const QJsonValue &value : messages) {
            if (value.toObject().value(QStringLiteral("channel")).toString() == channel)
                return value.toObject();
        }
        return {};
    }

    static QJsonArray events(const QJsonArray &messages)
    {
        QJsonArray found;
        for (const QJsonValue &value : messages) {
            if (value.toObject()
                    .value(QStringLiteral("channel"))
                    .toString()
                    .startsWith(QLatin1String("/data/")))
                found.append(value);
        }
        return found;
    }

    static QJsonObject header(const QJsonValue &event)
    {
        return payload(event).value(QStringLiteral("ChangeEventHeader")).toObject();
    }

    static QJsonObject payload(const QJsonValue &event)
    {
        return event.toObject()
            .value(QStringLiteral("data"))
            .toObject()
            .value(QStringLiteral("payload"))
            .toObject();
    }

    static qint64 replayId(const QJsonValue &event)
    {
        return event.toObject()
            .value(QStringLiteral("data"))
            .toObject()
            .value(QStringLiteral("event"))
            .toObject()
            .value(QStringLiteral("replayId"))
            .toInteger();
    }

    QString handshake()
    {
        const HttpReply reply =
            bayeux(QStringLiteral("handshake"),
                   {QJsonObject{{QStringLiteral("channel"), QStringLiteral("/meta/handshake")},
                                {QStringLiteral("version"), QStringLiteral("1.0")},
                                {QStringLiteral("supportedConnectionTypes"),
                                 QJsonArray{QStringLiteral("long-polling")}}}});
        return find(reply.array(), QStringLiteral("/meta/handshake"))
            .value(QStringLiteral("clientId"))
            .toString();
    }

    QJsonObject subscribe(const QString &clientId, const QString &channel, qint64 replay)
    {
        const HttpReply reply = bayeux(
            QStringLiteral("subscribe"),
            {QJsonObject{{QStringLiteral("channel"), QStringLiteral("/meta/subscribe")},
                         {QStringLiteral("clientId"), clientId},
                         {QStringLiteral("subscription"), channel},
                         {QStringLiteral("ext"), QJsonObject{{QStringLiteral("replay"),
                                                              QJsonObject{{channel, replay}}}}}}});
        return find(reply.array(), QStringLiteral("/meta/subscribe"));
    }

    HttpReply connect(const QString &clientId)
    {
        return bayeux(
            QStringLiteral("connect"),
            {QJsonObject{{QStringLiteral("channel"), QStringLiteral("/meta/connect")},
                         {QStringLiteral("clientId"), clientId},
                         {QStringLiteral("connectionType"), QStringLiteral("long-polling")}}});
    }

    bool droppedConnectLogged(const QString &fault)
    {
        for (const QJsonValue &entry : org().requestLog()) {
            const QJsonObject object = entry.toObject();
            if (object.value(QStringLiteral("path"))
                    .toString()
                    .endsWith(QLatin1String("/connect")) &&
                object.value(QStringLiteral("fault")).toString() == fault)
                return true;
        }
        return false;
    }

    // A client subscribed to students from now on, past its first (immediate) connect.
    QString connectedClient(const QString &channel = kStudentChannel, qint64 replay = -1)
    {
        const QString clientId = handshake();
        EXPECT_FALSE(clientId.isEmpty());
        EXPECT_TRUE(
            subscribe(clientId, channel, replay).value(QStringLiteral("successful")).toBool());
        EXPECT_TRUE(find(connect(clientId).array(), QStringLiteral("/meta/connect"))
                        .value(QStringLiteral("successful"))
                        .toBool());
        return clientId;
    }
};

TEST_F(CometdTest, HandshakeNeedsAValidSession)
{
    const HttpReply refused =
        bayeux(QStringLiteral("handshake"),
               {QJsonObject{{QStringLiteral("channel"), QStringLiteral("/meta/handshake")}}},
               QStringLiteral("not-a-token"));
    EXPECT_EQ(refused.status, 401);
    EXPECT_FALSE(refused.array().at(0).toObject().value(QStringLiteral("successful")).toBool());

    const HttpReply accepted =
        bayeux(QStringLiteral("handshake"),
               {QJsonObject{{QStringLiteral("channel"), QStringLiteral("/meta/handshake")}}});
    const QJsonObject answer = find(accepted.array(), QStringLiteral("/meta/handshake"));
    EXPECT_TRUE(answer.value(QStringLiteral("successful")).toBool());
    EXPECT_FALSE(answer.value(QStringLiteral("clientId")).toString().isEmpty());
    EXPECT_EQ(answer.value(QStringLiteral("supportedConnectionTypes")).toArray(),
              QJsonArray{QStringLiteral("long-polling")});
    // Only the instance serves the Streaming API.
    const HttpReply onLogin =
        org().request("POST", QStringLiteral("/cometd/60.0/handshake"), "[]",
                      {{"Authorization", "Bearer " + org().accessToken().toLatin1()}});
    EXPECT_EQ(onLogin.status, 404);
}

TEST_F(CometdTest, UnknownChannelIsRefused)
{
    const QString clientId = handshake();
    const QJsonObject answer = subscribe(clientId, QStringLiteral("/data/Nope__ChangeEvent"), -1);
    EXPECT_FALSE(answer.value(QStringLiteral("successful")).toBool());
    EXPECT_TRUE(
        answer.value(QStringLiteral("error")).toString().startsWith(QLatin1String("400::")));
}

TEST_F(CometdTest, EveryWriteIsAChangeEventWithTheCdcPayload)
{
    const QString clientId = connectedClient();
    const QString id =
        org().adminCreate(QStringLiteral("Student__c"), student(QStringLiteral("Peña")));
    ASSERT_FALSE(id.isEmpty());
    const HttpReply patched = org().api(
        "PATCH", QStringLiteral("sobjects/Student__c/") + id,
        QJsonDocument(QJsonObject{{QStringLiteral("Last_Name__c"), QStringLiteral("Guzmán")}}));
    ASSERT_EQ(patched.status, 204);
    ASSERT_TRUE(org().adminDelete(QStringLiteral("Student__c"), id));

    const QJsonArray received = events(connect(clientId).array());
    ASSERT_EQ(received.size(), 3);
    QStringList types;
    for (const QJsonValue &event : received) {
        EXPECT_EQ(event.toObject().value(QStringLiteral("channel")).toString(), kStudentChannel);
        EXPECT_EQ(header(event).value(QStringLiteral("entityName")).toString(),
                  QStringLiteral("Student__c"));
        EXPECT_EQ(header(event).value(QStringLiteral("recordIds")).toArray(), QJsonArray{id});
        EXPECT_GT(header(event).value(QStringLiteral("commitTimestamp")).toInteger(), 0);
        types.append(header(event).value(QStringLiteral("changeType")).toString());
    }
    EXPECT_EQ(types, (QStringList{QStringLiteral("CREATE"), QStringLiteral("UPDATE"),
                                  QStringLiteral("DELETE")}));
    EXPECT_LT(replayId(received.at(0)), replayId(received.at(1)));
    EXPECT_LT(replayId(received.at(1)), replayId(received.at(2)));
    EXPECT_EQ(payload(received.at(0)).value(QStringLiteral("Last_Name__c")).toString(),
              QStringLiteral("Peña"));
    EXPECT_EQ(payload(received.at(1)).value(QStringLiteral("Last_Name__c")).toString(),
              QStringLiteral("Guzmán"));
    const QJsonArray changed =
        header(received.at(1)).value(QStringLiteral("changedFields")).toArray();
    EXPECT_TRUE(changed.contains(QStringLiteral("Last_Name__c")));
    EXPECT_TRUE(changed.contains(QStringLiteral("LastModifiedDate")));
    EXPECT_FALSE(changed.contains(QStringLiteral("First_Name__c")));
}

TEST_F(CometdTest, RolledBackWritesAreNoEvents)
{
    const QString clientId = connectedClient();
    const QJsonObject bad =
        typed(student(QStringLiteral("Sin Fecha")), QStringLiteral("Student__c"));
    QJsonObject invalid = bad;
    invalid.insert(QStringLiteral("Date_of_Birth__c"), QStringLiteral("not a date"));
    const HttpReply reply = org().api(
        "POST", QStringLiteral("composite/sobjects"),
        QJsonDocument(QJsonObject{{QStringLiteral("allOrNone"), true},
                                  {QStringLiteral("records"), QJsonArray{bad, invalid}}}));
    ASSERT_EQ(reply.status, 200);
    EXPECT_TRUE(events(connect(clientId).array()).isEmpty());
}

TEST_F(CometdTest, HeldConnectAnswersWhenAWriteHappens)
{
    const QString clientId = connectedClient();
    streamingAdmin({{QStringLiteral("connectTimeoutMs"), 60'000}});
    QString created;
    QTimer::singleShot(200, [&] {
        created = org().adminCreate(QStringLiteral("Student__c"), student(QStringLiteral("Luna")));
    });
    const QJsonArray messages = connect(clientId).array();
    const QJsonArray received = events(messages);
    ASSERT_EQ(received.size(), 1);
    EXPECT_EQ(header(received.at(0)).value(QStringLiteral("recordIds")).toArray(),
              QJsonArray{created});
    EXPECT_TRUE(find(messages, QStringLiteral("/meta/connect"))
                    .value(QStringLiteral("successful"))
                    .toBool());
}

TEST_F(CometdTest, HeldConnectTimesOutEmpty)
{
    const QString clientId = connectedClient();
    const QJsonArray messages = connect(clientId).array();
    EXPECT_TRUE(events(messages).isEmpty());
    const QJsonObject answer = find(messages, QStringLiteral("/meta/connect"));
    EXPECT_TRUE(answer.value(QStringLiteral("successful")).toBool());
    EXPECT_EQ(
        answer.value(QStringLiteral("advice")).toObject().value(QStringLiteral("timeout")).toInt(),
        500);
}

TEST_F(CometdTest, ReplayFromAnIdAllOrOnlyNew)
{
    QStringList ids;
    for (const QString &name :
         {QStringLiteral("Uno"), QStringLiteral("Dos"), QStringLiteral("Tres")})
        ids.append(org().adminCreate(QStringLiteral("Student__c"), student(name)));
    // -1: only what happens from now on.
    EXPECT_TRUE(events(connect(connectedClient(kStudentChannel, -1)).array()).isEmpty());
    // -2: everything the org keeps.
    const QString all = handshake();
    ASSERT_TRUE(subscribe(all, kStudentChannel, -2).value(QStringLiteral("successful")).toBool());
    const QJsonArray everything = events(connect(all).array());
    ASSERT_EQ(everything.size(), 3);
    // A replayId: what came after it.
    const QString after = handshake();
    ASSERT_TRUE(subscribe(after, kStudentChannel, replayId(everything.at(0)))
                    .value(QStringLiteral("successful"))
                    .toBool());
    const QJsonArray rest = events(connect(after).array());
    ASSERT_EQ(rest.size(), 2);
    EXPECT_EQ(header(rest.at(0)).value(QStringLiteral("recordIds")).toArray(),
              QJsonArray{ids.at(1)});
    // The catch-all channel carries every object's events.
    const QString any = handshake();
    ASSERT_TRUE(subscribe(any, QStringLiteral("/data/ChangeEvents"), -2)
                    .value(QStringLiteral("successful"))
                    .toBool());
    EXPECT_EQ(events(connect(any).array()).size(), 3);
}

TEST_F(CometdTest, EventsAreKeptSeventyTwoHours)
{
    org().adminCreate(QStringLiteral("Student__c"), student(QStringLiteral("Vieja")));
    const QString early = handshake();
    ASSERT_TRUE(subscribe(early, kStudentChannel, -2).value(QStringLiteral("successful")).toBool());
    const qint64 old = replayId(events(connect(early).array()).at(0));
    ASSERT_TRUE(org().advanceClock(71 * 3600));
    ASSERT_FALSE(org().login().isEmpty());
    org().adminCreate(QStringLiteral("Student__c"), student(QStringLiteral("Nueva")));
    ASSERT_TRUE(org().advanceClock(2 * 3600)); // the first event is now 73 hours old
    ASSERT_FALSE(org().login().isEmpty());     // the old access token has expired meanwhile
    const QString late = handshake();
    ASSERT_TRUE(subscribe(late, kStudentChannel, -2).value(QStringLiteral("successful")).toBool());
    EXPECT_EQ(events(connect(late).array()).size(), 1);
    const QJsonObject refused = subscribe(handshake(), kStudentChannel, old - 1);
    EXPECT_FALSE(refused.value(QStringLiteral("successful")).toBool());
    EXPECT_TRUE(
        refused.value(QStringLiteral("error")).toString().contains(QLatin1String("replayId")));
}

TEST_F(CometdTest, ForgottenClientGetsUnknownClientAndReplaysAfterRehandshake)
{
    const QString clientId = connectedClient();
    const QString first =
        org().adminCreate(QStringLiteral("Student__c"), student(QStringLiteral("Antes")));
    const QJsonArray before = events(connect(clientId).array());
    ASSERT_EQ(before.size(), 1);
    const qint64 lastSeen = replayId(before.at(0));

    streamingAdmin({{QStringLiteral("forgetClients"), true}});
    const QString missed =
        org().adminCreate(QStringLiteral("Student__c"), student(QStringLiteral("Durante")));
    const QJsonObject answer = find(connect(clientId).array(), QStringLiteral("/meta/connect"));
    EXPECT_FALSE(answer.value(QStringLiteral("successful")).toBool());
    EXPECT_EQ(answer.value(QStringLiteral("error")).toString(),
              QStringLiteral("403::Unknown client"));
    EXPECT_EQ(answer.value(QStringLiteral("advice"))
                  .toObject()
                  .value(QStringLiteral("reconnect"))
                  .toString(),
              QStringLiteral("handshake"));

    const QString fresh = handshake();
    ASSERT_TRUE(
        subscribe(fresh, kStudentChannel, lastSeen).value(QStringLiteral("successful")).toBool());
    const QJsonArray replayed = events(connect(fresh).array());
    ASSERT_EQ(replayed.size(), 1);
    EXPECT_EQ(header(replayed.at(0)).value(QStringLiteral("recordIds")).toArray(),
              QJsonArray{missed});
    EXPECT_NE(first, missed);
}

TEST_F(CometdTest, DroppedConnectLosesItsEventsUntilReplayed)
{
    const QString clientId = connectedClient();
    const QString id =
        org().adminCreate(QStringLiteral("Student__c"), student(QStringLiteral("Cortada")));
    ASSERT_TRUE(org().armFault("POST", QStringLiteral("/cometd/.*/connect$"),
                               QStringLiteral("drop-after-commit")));
    org().clearRequestLog();
    // Qt may retry the dropped request on its own: that retry is held and answered empty.
    EXPECT_TRUE(events(connect(clientId).array()).isEmpty());
    EXPECT_TRUE(droppedConnectLogged(QStringLiteral("drop-after-commit")));
    // The server handed the event to the lost response: the same client gets nothing more.
    EXPECT_TRUE(events(connect(clientId).array()).isEmpty());
    // Replaying from before it brings it back.
    const QString fresh = handshake();
    ASSERT_TRUE(subscribe(fresh, kStudentChannel, 0).value(QStringLiteral("successful")).toBool());
    const QJsonArray replayed = events(connect(fresh).array());
    ASSERT_EQ(replayed.size(), 1);
    EXPECT_EQ(header(replayed.at(0)).value(QStringLiteral("recordIds")).toArray(), QJsonArray{id});
}

TEST_F(CometdTest, DropWaitingConnectsClosesTheirConnections)
{
    const QString clientId = connectedClient();
    streamingAdmin({{QStringLiteral("connectTimeoutMs"), 1500}});
    org().clearRequestLog();
    QTimer::singleShot(200, [&] {
        streamingAdmin({{QStringLiteral("dropWaitingConnects"), true}});
    });
    connect(clientId); // Qt may retry the dropped request on its own
    EXPECT_TRUE(droppedConnectLogged(QStringLiteral("drop-before-response")));
}

} // namespace
