// Fault injection over HTTP: 5xx, drops, truncation, latency, bandwidth, lock errors,
// the daily API limit and forced session expiry, reproducible with a seed.
#include "emulatorfixture.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTcpSocket>

#include <array>

using namespace pasalista::emulator::testing;

namespace {

class FaultTest : public EmulatorFixture
{
protected:
    HttpReply limits() { return org().api("GET", QStringLiteral("limits")); }
};

TEST_F(FaultTest, ServerErrorsCarrySalesforceBodies)
{
    ASSERT_TRUE(org().setFaults({{QStringLiteral("errorRate"), 1}}));
    QSet<int> statuses;
    for (int i = 0; i < 12; ++i) {
        const HttpReply reply = limits();
        statuses.insert(reply.status);
        const QString code = errorCode(reply);
        EXPECT_TRUE(code == QLatin1String("UNKNOWN_EXCEPTION") ||
                    code == QLatin1String("SERVER_UNAVAILABLE"));
    }
    EXPECT_EQ(statuses, (QSet<int>{500, 503}));
    EXPECT_EQ(
        org().requestLog().last().toObject().value(QStringLiteral("fault")).toString().left(5),
        QStringLiteral("http-"));
}

TEST_F(FaultTest, DroppedConnectionsGiveNoResponse)
{
    ASSERT_TRUE(org().setFaults({{QStringLiteral("dropBeforeResponseRate"), 1}}));
    const HttpReply reply = limits();
    EXPECT_EQ(reply.status, 0);
    EXPECT_NE(reply.error, QNetworkReply::NoError);
    ASSERT_TRUE(org().clearFaults());
    EXPECT_EQ(limits().status, 200);
}

TEST_F(FaultTest, TruncatedResponsesAreCutMidway)
{
    org().generate({{QStringLiteral("students"), 50}});
    org().clearRequestLog();
    ASSERT_TRUE(org().setFaults({{QStringLiteral("dropMidResponseRate"), 1}}));
    const HttpReply reply =
        org().api("GET", queryPath(QStringLiteral("SELECT Id, Last_Name__c FROM Student__c")), {},
                  {{"Accept-Encoding", "identity"}});
    // Qt's client may or may not flag the early close; either way the body is unusable.
    EXPECT_TRUE(reply.error != QNetworkReply::NoError || reply.json().isNull());
    ASSERT_TRUE(org().clearFaults());
    const QJsonObject entry = org().requestLog().at(0).toObject();
    EXPECT_EQ(entry.value(QStringLiteral("fault")).toString(), QStringLiteral("drop-mid-response"));
    EXPECT_GT(entry.value(QStringLiteral("bytesOut")).toInt(), 0);
}

TEST_F(FaultTest, LatencyAndBandwidthSlowResponses)
{
    ASSERT_TRUE(org().setFaults({{QStringLiteral("latencyMs"), 300}}));
    QElapsedTimer timer;
    timer.start();
    EXPECT_EQ(limits().status, 200);
    EXPECT_GE(timer.elapsed(), 300);

    org().generate({{QStringLiteral("students"), 60}});
    ASSERT_TRUE(org().setFaults(
        {{QStringLiteral("latencyMs"), 0}, {QStringLiteral("bandwidthBytesPerSecond"), 40000}}));
    timer.restart();
    const HttpReply reply = org().api(
        "GET", queryPath(QStringLiteral("SELECT FIELDS_ARE_NOT_SUPPORTED FROM Student__c")));
    EXPECT_EQ(reply.status, 400);
    const HttpReply big =
        org().api("GET",
                  queryPath(QStringLiteral("SELECT Id, Direccion__c, Contacto_Primario_Name__c, "
                                           "Phone_Number_1__c FROM Student__c")),
                  {}, {{"Accept-Encoding", "identity"}});
    ASSERT_EQ(big.status, 200);
    ASSERT_GT(big.body.size(), 10000);
    const qint64 expectedMs = big.body.size() * 1000 / 40000;
    EXPECT_GE(timer.elapsed(), expectedMs * 8 / 10);
}

// A laptop has one link: replies written at the same time share its bandwidth, so two
// requests in parallel get no more of it than one.
TEST_F(FaultTest, ParallelRepliesShareTheBandwidth)
{
    org().generate({{QStringLiteral("students"), 60}});
    ASSERT_TRUE(org().setFaults({{QStringLiteral("bandwidthBytesPerSecond"), 40000}}));
    QNetworkAccessManager network;
    QNetworkRequest request(org().url(org().dataPath(queryPath(
        QStringLiteral("SELECT Id, Direccion__c, Contacto_Primario_Name__c, Phone_Number_1__c "
                       "FROM Student__c")))));
    request.setRawHeader("Authorization", "Bearer " + org().accessToken().toUtf8());
    request.setRawHeader("Accept-Encoding", "identity");
    QElapsedTimer timer;
    timer.start();
    const std::array<QNetworkReply *, 2> replies{network.get(request), network.get(request)};
    QEventLoop loop;
    int finished = 0;
    for (QNetworkReply *reply : replies) {
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&] {
            if (++finished == 2)
                loop.quit();
        });
    }
    loop.exec();
    qint64 bytes = 0;
    for (QNetworkReply *reply : replies) {
        ASSERT_EQ(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        bytes += reply->readAll().size();
        reply->deleteLater();
    }
    ASSERT_GT(bytes, 20000);
    EXPECT_GE(timer.elapsed(), bytes * 1000 / 40000 * 8 / 10);
}

TEST_F(FaultTest, LockErrorsPerRecord)
{
    ASSERT_TRUE(org().setFaults({{QStringLiteral("lockRowRate"), 1}}));
    const HttpReply collection = org().api(
        "POST", QStringLiteral("composite/sobjects"),
        QJsonDocument(QJsonObject{
            {QStringLiteral("records"),
             QJsonArray{typed(student(QStringLiteral("a")), QStringLiteral("Student__c"))}}}));
    EXPECT_EQ(firstErrorStatus(collection.array().at(0)), QStringLiteral("UNABLE_TO_LOCK_ROW"));
    const HttpReply single = org().api("POST", QStringLiteral("sobjects/Student__c"),
                                       QJsonDocument(student(QStringLiteral("b"))));
    EXPECT_EQ(single.status, 400);
    EXPECT_EQ(errorCode(single), QStringLiteral("UNABLE_TO_LOCK_ROW"));
    EXPECT_TRUE(org().records(QStringLiteral("Student__c")).isEmpty());
}

TEST_F(FaultTest, DailyApiLimit)
{
    ASSERT_TRUE(
        org().setFaults({{QStringLiteral("dailyApiLimit"), 3}, {QStringLiteral("apiUsage"), 0}}));
    for (int i = 0; i < 3; ++i)
        EXPECT_EQ(limits().status, 200);
    const HttpReply refused = limits();
    EXPECT_EQ(refused.status, 403);
    EXPECT_EQ(errorCode(refused), QStringLiteral("REQUEST_LIMIT_EXCEEDED"));
    EXPECT_EQ(refused.header("Sforce-Limit-Info"), QByteArray("api-usage=3/3"));
}

TEST_F(FaultTest, ForcedSessionExpiry)
{
    ASSERT_TRUE(org().setFaults({{QStringLiteral("expireSessions"), true}}));
    const HttpReply reply = limits();
    EXPECT_EQ(reply.status, 401);
    EXPECT_EQ(
        reply.json(),
        QJsonDocument::fromJson(
            R"([{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}])"));
    org().login();
    EXPECT_EQ(limits().status, 200);
}

TEST_F(FaultTest, UnknownFaultsAreRefused)
{
    EXPECT_FALSE(org().setFaults({{QStringLiteral("gremlins"), 1}}));
    EXPECT_FALSE(org().setFaults({{QStringLiteral("errorRate"), 2}}));
}

QList<int> statusSequence(const QStringList &arguments)
{
    EmulatorProcess org(arguments);
    org.login();
    QList<int> statuses;
    for (int i = 0; i < 16; ++i)
        statuses.append(org.api("GET", QStringLiteral("limits")).status);
    return statuses;
}

TEST(FaultSeeds, SameSeedSameFailures)
{
    // The login request draws too, so start the faults after it by flag alone.
    const QStringList arguments{QStringLiteral("--seed"), QStringLiteral("42"),
                                QStringLiteral("--error-rate"), QStringLiteral("0.4")};
    const QList<int> first = statusSequence(arguments);
    EXPECT_EQ(first, statusSequence(arguments));
    EXPECT_TRUE(first.contains(200));
}

} // namespace

namespace {

TEST_F(FaultTest, ArmedFaultHitsExactlyTheNthMatchingRequest)
{
    ASSERT_TRUE(org().armFault("GET", QStringLiteral("/limits$"), QStringLiteral("500"), 3));
    EXPECT_EQ(limits().status, 200);
    EXPECT_EQ(org().api("GET", QStringLiteral("sobjects")).status, 200); // does not match
    EXPECT_EQ(limits().status, 200);
    const HttpReply third = limits();
    EXPECT_EQ(third.status, 500);
    EXPECT_EQ(errorCode(third), QStringLiteral("UNKNOWN_EXCEPTION"));
    EXPECT_EQ(limits().status, 200); // spent
    EXPECT_TRUE(org()
                    .get(QStringLiteral("/__emulator/faults"))
                    .object()
                    .value(QStringLiteral("armed"))
                    .toArray()
                    .isEmpty());
}

// One request on its own connection, read to the end: a client library would retry a
// dropped request on its own, and the test means to see the drop itself.
QByteArray rawPost(const EmulatorProcess &org, const QString &path, const QJsonObject &body)
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"),
                         static_cast<quint16>(org.instanceUrl().port()));
    if (!socket.waitForConnected(5000))
        return "not connected";
    const QByteArray json = QJsonDocument(body).toJson(QJsonDocument::Compact);
    socket.write("POST " + org.dataPath(path).toLatin1() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
                 "Authorization: Bearer " + org.accessToken().toLatin1() +
                 "\r\nContent-Type: application/json\r\nContent-Length: " +
                 QByteArray::number(json.size()) + "\r\nConnection: close\r\n\r\n" + json);
    QByteArray received;
    while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(5000))
        received += socket.readAll();
    return received + socket.readAll();
}

TEST_F(FaultTest, ArmedMaintenancePageAndDrops)
{
    ASSERT_TRUE(org().armFault("GET", QStringLiteral("/limits$"), QStringLiteral("503")));
    const HttpReply maintenance = limits();
    EXPECT_EQ(maintenance.status, 503);
    EXPECT_TRUE(maintenance.header("Content-Type").startsWith("text/html"));
    EXPECT_TRUE(maintenance.body.contains("maintenance"));

    ASSERT_TRUE(org().armFault("POST", QStringLiteral("/sobjects/Student__c$"),
                               QStringLiteral("drop-before-response")));
    EXPECT_EQ(
        rawPost(org(), QStringLiteral("sobjects/Student__c"), student(QStringLiteral("Nunca"))),
        QByteArray());
    EXPECT_EQ(org().records(QStringLiteral("Student__c")).size(), 0);

    ASSERT_TRUE(org().armFault("POST", QStringLiteral("/sobjects/Student__c$"),
                               QStringLiteral("drop-after-commit")));
    EXPECT_EQ(
        rawPost(org(), QStringLiteral("sobjects/Student__c"), student(QStringLiteral("Guardado"))),
        QByteArray());
    EXPECT_EQ(org().records(QStringLiteral("Student__c")).size(), 1); // committed all the same
    EXPECT_TRUE(
        rawPost(org(), QStringLiteral("sobjects/Student__c"), student(QStringLiteral("Otro")))
            .startsWith("HTTP/1.1 201"));
    const QJsonArray log = org().requestLog();
    EXPECT_EQ(log.at(log.size() - 2).toObject().value(QStringLiteral("fault")).toString(),
              QStringLiteral("drop-after-commit"));
}

// A write sent inside a Composite request: a fault armed for it strikes the request that
// carries it, whose connection and reply are the write's. Reads inside a batch are not
// struck this way.
TEST_F(FaultTest, AnArmedWriteFaultStrikesTheCompositeThatCarriesTheWrite)
{
    const auto batch = [](const QString &last) {
        return QJsonObject{
            {QStringLiteral("compositeRequest"),
             QJsonArray{
                 QJsonObject{{QStringLiteral("method"), QStringLiteral("GET")},
                             {QStringLiteral("url"),
                              QStringLiteral("/services/data/v59.0/query?q=SELECT+Id+FROM+User")},
                             {QStringLiteral("referenceId"), QStringLiteral("read")}},
                 QJsonObject{{QStringLiteral("method"), QStringLiteral("POST")},
                             {QStringLiteral("url"),
                              QStringLiteral("/services/data/v59.0/composite/sobjects")},
                             {QStringLiteral("referenceId"), QStringLiteral("write")},
                             {QStringLiteral("body"),
                              QJsonObject{{QStringLiteral("records"),
                                           QJsonArray{typed(student(last),
                                                            QStringLiteral("Student__c"))}}}}}}}};
    };
    ASSERT_TRUE(
        org().armFault("GET", QStringLiteral("/query$"), QStringLiteral("drop-before-response")));
    ASSERT_TRUE(org().armFault("POST", QStringLiteral("/composite/sobjects$"),
                               QStringLiteral("drop-after-commit")));
    EXPECT_EQ(rawPost(org(), QStringLiteral("composite"), batch(QStringLiteral("Guardado"))),
              QByteArray())
        << "the write's reply is lost with its batch";
    EXPECT_EQ(org().records(QStringLiteral("Student__c")).size(), 1) << "committed all the same";
    const QJsonArray log = org().requestLog();
    EXPECT_EQ(log.last().toObject().value(QStringLiteral("fault")).toString(),
              QStringLiteral("drop-after-commit"));

    // Still armed, the read's fault lets this batch through too.
    ASSERT_TRUE(
        org().armFault("POST", QStringLiteral("/composite/sobjects$"), QStringLiteral("lock-row")));
    const HttpReply locked = org().api("POST", QStringLiteral("composite"),
                                       QJsonDocument(batch(QStringLiteral("Bloqueado"))));
    ASSERT_EQ(locked.status, 200) << locked.body.toStdString();
    const QJsonArray results = locked.object().value(QStringLiteral("compositeResponse")).toArray();
    ASSERT_EQ(results.size(), 2);
    EXPECT_EQ(results.at(0).toObject().value(QStringLiteral("httpStatusCode")).toInt(), 200)
        << "the read is answered";
    EXPECT_EQ(
        firstErrorStatus(results.at(1).toObject().value(QStringLiteral("body")).toArray().at(0)),
        QStringLiteral("UNABLE_TO_LOCK_ROW"));
    EXPECT_EQ(org().records(QStringLiteral("Student__c")).size(), 1);
    ASSERT_TRUE(org().clearFaults());
}

TEST_F(FaultTest, ArmedLockRowFailsEveryRecordOfTheRequest)
{
    ASSERT_TRUE(
        org().armFault("POST", QStringLiteral("composite/sobjects$"), QStringLiteral("lock-row")));
    const QJsonArray records{typed(student(QStringLiteral("a")), QStringLiteral("Student__c")),
                             typed(student(QStringLiteral("b")), QStringLiteral("Student__c"))};
    const QJsonArray results =
        org()
            .api("POST", QStringLiteral("composite/sobjects"),
                 QJsonDocument(QJsonObject{{QStringLiteral("records"), records}}))
            .array();
    ASSERT_EQ(results.size(), 2);
    for (const QJsonValue &result : results)
        EXPECT_EQ(firstErrorStatus(result), QStringLiteral("UNABLE_TO_LOCK_ROW"));
    EXPECT_EQ(org().records(QStringLiteral("Student__c")).size(), 0);
    EXPECT_EQ(org().setFaults({{QStringLiteral("arm"),
                                QJsonObject{{QStringLiteral("fault"), QStringLiteral("boom")}}}}),
              false);
}

} // namespace

namespace {

class MutationTest : public EmulatorFixture
{
protected:
    static QString studentsQuery()
    {
        return queryPath(QStringLiteral("SELECT Id, Last_Name__c, SystemModstamp FROM Student__c"));
    }

    HttpReply queryStudents()
    {
        return org().api("GET", studentsQuery(), {}, {{"Accept-Encoding", "identity"}});
    }

    QSet<QString> studentIds()
    {
        QSet<QString> ids;
        for (const QJsonValue &record : org().records(QStringLiteral("Student__c")))
            ids.insert(record.toObject().value(QStringLiteral("Id")).toString());
        return ids;
    }

    QJsonObject faultState() { return org().get(QStringLiteral("/__emulator/faults")).object(); }
};

} // namespace

TEST_F(MutationTest, ArmedJunkIdChangesOneRecordsId)
{
    org().generate({{QStringLiteral("students"), 20}});
    ASSERT_TRUE(org().armFault("GET", QStringLiteral("/query"), QStringLiteral("junk-id")));
    const QSet<QString> real = studentIds();
    const QJsonArray records = queryStudents().object().value(QStringLiteral("records")).toArray();
    ASSERT_EQ(records.size(), real.size());
    int foreign = 0;
    for (const QJsonValue &record : records)
        foreign += real.contains(record.toObject().value(QStringLiteral("Id")).toString()) ? 0 : 1;
    EXPECT_EQ(foreign, 1) << "one record's Id is junk";
    EXPECT_EQ(org().requestLog().last().toObject().value(QStringLiteral("fault")).toString(),
              QStringLiteral("mutate-junk-id"));
}

TEST_F(MutationTest, FutureStampAndSelfLoop)
{
    org().generate({{QStringLiteral("students"), 5}});
    ASSERT_TRUE(org().armFault("GET", QStringLiteral("/query"), QStringLiteral("future-stamp")));
    const QDateTime now = QDateTime::fromString(
        org().clock().value(QStringLiteral("now")).toString().left(19), Qt::ISODate);
    int future = 0;
    for (const QJsonValue &record :
         queryStudents().object().value(QStringLiteral("records")).toArray()) {
        const QDateTime stamp = QDateTime::fromString(
            record.toObject().value(QStringLiteral("SystemModstamp")).toString().left(19),
            Qt::ISODate);
        future += stamp > now.addDays(1) ? 1 : 0;
    }
    EXPECT_EQ(future, 1);

    ASSERT_TRUE(org().armFault("GET", QStringLiteral("/query"), QStringLiteral("self-loop")));
    const QJsonObject page = queryStudents().object();
    EXPECT_FALSE(page.value(QStringLiteral("done")).toBool(true));
    EXPECT_EQ(QUrl(page.value(QStringLiteral("nextRecordsUrl")).toString()),
              QUrl(org().dataPath(studentsQuery())))
        << "the page names itself as the next one";
}

TEST_F(MutationTest, RedirectPointsAtAnotherOriginThatCountsArrivingTokens)
{
    ASSERT_TRUE(org().armFault("GET", QStringLiteral("/limits"), QStringLiteral("redirect")));
    org().clearRequestLog();
    org().api("GET", QStringLiteral("limits"));
    const QJsonObject first = org().requestLog().first().toObject();
    EXPECT_EQ(first.value(QStringLiteral("status")).toInt(), 302);
    EXPECT_EQ(first.value(QStringLiteral("fault")).toString(), QStringLiteral("mutate-redirect"));
    // Whatever the test's HTTP stack did with the redirect, a token sent there is counted.
    const int before = faultState().value(QStringLiteral("tokensOffOrigin")).toInt();
    org().request("GET", org().baseUrl().toString() + QStringLiteral("/__redirected/x"), {},
                  {{"Authorization", "Bearer stolen"}});
    EXPECT_EQ(faultState().value(QStringLiteral("tokensOffOrigin")).toInt(), before + 1);
}

TEST_F(MutationTest, RateWithASeedMutatesTheSameRepliesTheSameWay)
{
    org().generate({{QStringLiteral("students"), 10}});
    const auto run = [this] {
        EXPECT_TRUE(
            org().setFaults({{QStringLiteral("mutateRate"), 0.5},
                             {QStringLiteral("mutateSeed"), 42},
                             {QStringLiteral("mutateKinds"),
                              QJsonArray{QStringLiteral("truncate"), QStringLiteral("retype"),
                                         QStringLiteral("null"), QStringLiteral("junk-date")}}}));
        QList<QByteArray> bodies;
        for (int i = 0; i < 12; ++i)
            bodies.append(queryStudents().body);
        EXPECT_TRUE(org().clearFaults());
        return bodies;
    };
    const QList<QByteArray> first = run();
    const QList<QByteArray> second = run();
    EXPECT_EQ(first, second);
    const QByteArray clean = queryStudents().body;
    EXPECT_GT(std::count_if(first.begin(), first.end(),
                            [&](const QByteArray &body) { return body != clean; }),
              2)
        << "about half are mutated";
}
