// Fault injection over HTTP: 5xx, drops, truncation, latency, bandwidth, lock errors,
// the daily API limit and forced session expiry, reproducible with a seed.
#include "emulatorfixture.h"

#include <QElapsedTimer>

using namespace pasalista::emulator::testing;
using pasalista::test::EmulatorProcess;
using pasalista::test::HttpReply;

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

TEST_F(FaultTest, LockErrorsPerRecord)
{
    ASSERT_TRUE(org().setFaults({{QStringLiteral("lockRowRate"), 1}}));
    const HttpReply collection = org().api(
        "POST", QStringLiteral("composite/sobjects"),
        QJsonDocument(QJsonObject{
            {QStringLiteral("records"),
             QJsonArray{typed(student(QStringLiteral("a")), QStringLiteral("Student__c"))}}}));
    EXPECT_EQ(collection.array()
                  .at(0)
                  .toObject()
                  .value(QStringLiteral("errors"))
                  .toArray()
                  .at(0)
                  .toObject()
                  .value(QStringLiteral("statusCode"))
                  .toString(),
              QStringLiteral("UNABLE_TO_LOCK_ROW"));
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
