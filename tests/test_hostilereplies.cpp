// The REST client against a hostile peer: a server on loopback that answers what an attacker
// on the path or a misbehaving proxy would (redirects to another host, page links to another
// host, replies dripped a byte at a time), and a second server that records whether the
// bearer token ever reached it.
#include "auth/session.h"
#include "net/salesforceclient.h"

#include <QHostAddress>
#include <QJsonObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

#include <gtest/gtest.h>

#include <functional>

using namespace pasalista;

namespace {

// Answers every request with what `reply` returns for it, and keeps every request it saw.
class HostileServer : public QTcpServer
{
public:
    using Reply = std::function<void(QTcpSocket *, const QByteArray &request)>;

    explicit HostileServer(Reply reply) : m_reply(std::move(reply))
    {
        connect(this, &QTcpServer::newConnection, this, &HostileServer::accept);
        listen(QHostAddress::LocalHost, 0);
    }

    QString origin() const { return QStringLiteral("http://127.0.0.1:%1").arg(serverPort()); }
    const QList<QByteArray> &requests() const { return m_requests; }
    bool sawToken(const QByteArray &token) const
    {
        for (const QByteArray &request : m_requests) {
            if (request.contains(token)) {
                return true;
            }
        }
        return false;
    }

private:
    void accept()
    {
        while (QTcpSocket *socket = nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
                const QByteArray request = socket->readAll();
                m_requests.append(request);
                m_reply(socket, request);
            });
        }
    }

    Reply m_reply;
    QList<QByteArray> m_requests;
};

void answer(QTcpSocket *socket, const QByteArray &status, const QByteArray &headers,
            const QByteArray &body)
{
    socket->write("HTTP/1.1 " + status + "\r\n" + headers + "Content-Length: " +
                  QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    socket->disconnectFromHost();
}

const QByteArray kToken = QByteArrayLiteral("00Dsecret!token-that-must-stay-home");

Session sessionFor(const QString &instance)
{
    Identity identity;
    identity.userId = QStringLiteral("005000000000001AAA");
    identity.organizationId = QStringLiteral("00D000000000001AAA");
    identity.instanceUrl = QUrl(instance);
    identity.loginUrl = QUrl(instance);
    return Session(identity, kToken, QByteArray());
}

} // namespace

TEST(HostileReplies, RedirectOnAWriteIsAnErrorAndTheTokenStaysHome)
{
    HostileServer elsewhere([](QTcpSocket *socket, const QByteArray &) {
        answer(socket, "200 OK", "Content-Type: application/json\r\n", "[]");
    });
    HostileServer instance([&elsewhere](QTcpSocket *socket, const QByteArray &) {
        answer(socket, "302 Found", "Location: " + elsewhere.origin().toUtf8() + "/steal\r\n", {});
    });
    Session session = sessionFor(instance.origin());
    SalesforceClient client(&session);

    const ApiResponse response = client.patch(QStringLiteral("composite/sobjects"),
                                              QJsonDocument(QJsonObject{{QStringLiteral("a"), 1}}));

    EXPECT_FALSE(response.ok());
    EXPECT_EQ(response.errorCode, QStringLiteral("REDIRECT_REFUSED"));
    EXPECT_TRUE(response.errorMessage.contains(elsewhere.origin())) << "names the target";
    EXPECT_EQ(instance.requests().size(), 1) << "not retried as a GET";
    EXPECT_TRUE(elsewhere.requests().isEmpty()) << "the redirect was not followed";
}

TEST(HostileReplies, PageLinksAndUrlsOnAnotherHostNeverReceiveTheToken)
{
    HostileServer elsewhere([](QTcpSocket *socket, const QByteArray &) {
        answer(socket, "200 OK", "Content-Type: application/json\r\n",
               R"({"totalSize":0,"done":true,"records":[]})");
    });
    HostileServer instance([](QTcpSocket *socket, const QByteArray &) {
        answer(socket, "200 OK", "Content-Type: application/json\r\n", "{}");
    });
    Session session = sessionFor(instance.origin());
    SalesforceClient client(&session);
    const QString foreignPage =
        elsewhere.origin() + QStringLiteral("/services/data/v60.0/query/01gX-2000");

    client.prefetch(foreignPage);
    const ApiResponse absolute = client.queryMore(foreignPage);
    EXPECT_EQ(absolute.errorCode, QStringLiteral("INVALID_NEXT_RECORDS_URL"));
    const ApiResponse protocolRelative = client.queryMore(
        QStringLiteral("//127.0.0.1:%1/services/data/v60.0/query/x").arg(elsewhere.serverPort()));
    EXPECT_EQ(protocolRelative.errorCode, QStringLiteral("INVALID_NEXT_RECORDS_URL"));
    const ApiResponse outside = client.queryMore(QStringLiteral("/services/data/../../admin"));
    EXPECT_EQ(outside.errorCode, QStringLiteral("INVALID_NEXT_RECORDS_URL"));
    const ApiResponse direct = client.get(foreignPage);
    EXPECT_EQ(direct.errorCode, QStringLiteral("FOREIGN_ORIGIN"));

    EXPECT_TRUE(elsewhere.requests().isEmpty());
    EXPECT_FALSE(elsewhere.sawToken(kToken));
    EXPECT_TRUE(instance.requests().isEmpty()) << "refused before anything was sent";

    const ApiResponse relative =
        client.queryMore(QStringLiteral("/services/data/v60.0/query/01gX-2000"));
    EXPECT_TRUE(relative.ok()) << relative.errorMessage.toStdString();
    EXPECT_TRUE(instance.sawToken(kToken)) << "the instance itself still gets the token";
}

TEST(HostileReplies, ADripFedReplyIsAbandonedAtTheWholeReplyDeadline)
{
    // Headers promise 10,000 bytes, then one byte every 100 ms: each byte restarts Qt's
    // transfer timeout, so only a deadline for the whole reply ends it.
    QList<QTimer *> drips;
    HostileServer instance([&drips](QTcpSocket *socket, const QByteArray &) {
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                      "Content-Length: 10000\r\n\r\n[");
        auto *drip = new QTimer(socket);
        QObject::connect(drip, &QTimer::timeout, socket, [socket] { socket->write(" "); });
        drip->start(100);
        drips.append(drip);
    });
    Session session = sessionFor(instance.origin());
    SalesforceClient client(&session);
    client.setTimeoutMs(1000);
    client.setReplyDeadlineMs(1500);

    const ApiResponse response =
        client.post(QStringLiteral("composite/sobjects"), QJsonDocument(QJsonObject{}));

    EXPECT_FALSE(response.ok());
    EXPECT_EQ(response.outcome, ApiResponse::Outcome::Transient) << "worth a retry later";
    EXPECT_EQ(response.errorCode, QStringLiteral("REPLY_DEADLINE"));
}

namespace {

// Plays a token endpoint that accepts only `valid` refresh tokens and, on the first
// refresh, hands out a refresh token nobody will ever accept and names another instance.
struct MisbehavingTokenEndpoint
{
    QList<QByteArray> valid;
    int refreshes = 0;

    void operator()(QTcpSocket *socket, const QByteArray &request)
    {
        ++refreshes;
        const QByteArray body = request.mid(request.indexOf("\r\n\r\n") + 4);
        const QByteArray token =
            QUrlQuery(QString::fromUtf8(body))
                .queryItemValue(QStringLiteral("refresh_token"), QUrl::FullyDecoded)
                .toUtf8();
        if (!valid.contains(token)) {
            answer(
                socket, "400 Bad Request", "Content-Type: application/json\r\n",
                R"({"error":"invalid_grant","error_description":"expired access/refresh token"})");
            return;
        }
        answer(
            socket, "200 OK", "Content-Type: application/json\r\n",
            QByteArrayLiteral(R"({"access_token":"access-)") + QByteArray::number(refreshes) +
                R"(","refresh_token":"rotated-by-a-proxy","instance_url":"http://127.0.0.1:9/","token_type":"Bearer"})");
    }
};

} // namespace

// Issue 23: under refresh token rotation the org ends the used token when it hands out a
// new one, and ends the whole sign-in when an ended one comes back. So a rotated token is
// the only one left: if the org refuses it, the teacher signs in again; the old one is never
// sent again (before issue 23 it was, as a fallback).
TEST(HostileReplies, ARefreshTokenTheOrgRotatedAwayIsNeverSentAgain)
{
    MisbehavingTokenEndpoint endpoint{{QByteArrayLiteral("the-real-refresh-token")}};
    HostileServer login(
        [&endpoint](QTcpSocket *socket, const QByteArray &request) { endpoint(socket, request); });
    Identity identity;
    identity.userId = QStringLiteral("005000000000001AAA");
    identity.organizationId = QStringLiteral("00D000000000001AAA");
    identity.instanceUrl = QUrl(QStringLiteral("http://127.0.0.1:8/"));
    identity.loginUrl = QUrl(login.origin());
    Session session(identity, QByteArray(), QByteArrayLiteral("the-real-refresh-token"));
    int rotations = 0;
    QObject::connect(&session, &Session::refreshTokenRotated, [&rotations] { ++rotations; });

    ASSERT_EQ(session.refreshAccessToken(0), Session::RefreshResult::Refreshed);
    EXPECT_EQ(session.instanceUrl(), identity.instanceUrl) << "a reply cannot move the instance";
    EXPECT_EQ(session.refreshToken(), QByteArrayLiteral("rotated-by-a-proxy"))
        << "the org ended the old one: only the new one is kept";
    EXPECT_EQ(rotations, 1);

    int generation = 0;
    session.accessToken(&generation);
    EXPECT_EQ(session.refreshAccessToken(generation), Session::RefreshResult::InvalidGrant)
        << "the rotated token is refused: sign in again";
    EXPECT_FALSE(session.isValid());
    EXPECT_EQ(endpoint.refreshes, 2) << "the old token was not sent again";
}

TEST(HostileReplies, ARotatedRefreshTokenThatWorksReplacesTheOldOne)
{
    MisbehavingTokenEndpoint endpoint{
        {QByteArrayLiteral("the-real-refresh-token"), QByteArrayLiteral("rotated-by-a-proxy")}};
    HostileServer login(
        [&endpoint](QTcpSocket *socket, const QByteArray &request) { endpoint(socket, request); });
    Identity identity;
    identity.instanceUrl = QUrl(QStringLiteral("http://127.0.0.1:8/"));
    identity.loginUrl = QUrl(login.origin());
    Session session(identity, QByteArray(), QByteArrayLiteral("the-real-refresh-token"));

    ASSERT_EQ(session.refreshAccessToken(0), Session::RefreshResult::Refreshed);
    int generation = 0;
    session.accessToken(&generation);
    ASSERT_EQ(session.refreshAccessToken(generation), Session::RefreshResult::Refreshed);
    EXPECT_EQ(session.refreshToken(), QByteArrayLiteral("rotated-by-a-proxy"));
}
