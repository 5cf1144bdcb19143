// Office changes reach the laptop's store through the Streaming API (Change Data Capture
// events over CometD) without waiting for the poll timer, across a dropped connect and a
// "403::Unknown client", with no event lost (replay from the last replayId).
#include "auth/session.h"
#include "authtesthelpers.h"
#include "emulatorprocess.h"
#include "mapping.h"
#include "repository.h"
#include "store/localstore.h"
#include "sync/streamingclient.h"
#include "sync/syncscheduler.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <gtest/gtest.h>

using namespace pasalista;
using pasalista::test::EmulatorProcess;

namespace {

const QString kTeacher = QStringLiteral("maria.rodriguez@dream.demo");

struct Fixture
{
    EmulatorProcess org{
        {QStringLiteral("--demo"), QStringLiteral("--cometd-timeout"), QStringLiteral("5000")}};
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("laptop.sqlite"));
    std::shared_ptr<Session> session = org.session(kTeacher, QStringLiteral("Maria-2024"));

    void streamingAdmin(const QJsonObject &body) const
    {
        org.sendJson("POST", QStringLiteral("/__emulator/streaming"), QJsonDocument(body));
    }
};

// The laptop's copy of one student's last name, read from the SQLite file.
QString storedLastName(const QString &path, const QString &sfid)
{
    LocalStore store(Mapping::dream());
    if (!store.open(path))
        return {};
    QSqlQuery query(store.database());
    query.prepare(QStringLiteral("SELECT last_name__c FROM student__c WHERE sfid = ?"));
    query.addBindValue(sfid);
    return query.exec() && query.next() ? query.value(0).toString() : QString();
}

QString anyStoredStudent(const QString &path)
{
    LocalStore store(Mapping::dream());
    if (!store.open(path))
        return {};
    QSqlQuery query(store.database());
    return query.exec(QStringLiteral("SELECT sfid FROM student__c ORDER BY sfid LIMIT 1")) &&
                   query.next()
               ? query.value(0).toString()
               : QString();
}

// Waits for the syncs that events trigger until the store holds the name (or a few cycles
// went by without it): no timing is asserted, only the content.
bool waitForStoredName(QSignalSpy &finished, const QString &path, const QString &sfid,
                       const QString &name)
{
    for (int cycle = 0; cycle < 5; ++cycle) {
        if (storedLastName(path, sfid) == name)
            return true;
        if (!finished.wait(30000))
            return false;
    }
    return storedLastName(path, sfid) == name;
}

// A first "Sync now", then the org's change events: the sync is clean and the channel up.
void syncThenStream(SyncScheduler &scheduler, QSignalSpy &finished, QSignalSpy &connected)
{
    scheduler.syncNow();
    ASSERT_TRUE(finished.wait(60000));
    ASSERT_EQ(finished.takeFirst().at(0).value<SyncReport>().result, SyncReport::Result::Clean);
    scheduler.startStreaming();
    ASSERT_TRUE(connected.wait(30000));
    ASSERT_TRUE(scheduler.isStreaming());
}

} // namespace

TEST(Streaming, ChannelNamesFollowSalesforce)
{
    EXPECT_EQ(StreamingClient::channelFor(QStringLiteral("Class__c")),
              QStringLiteral("/data/Class__ChangeEvent"));
    EXPECT_EQ(StreamingClient::channelFor(QStringLiteral("Account")),
              QStringLiteral("/data/AccountChangeEvent"));
}

TEST(Streaming, OfficeWritesReachTheStoreThroughDropsAndUnknownClient)
{
    Fixture fixture;
    ASSERT_TRUE(fixture.org.isRunning());
    SyncScheduler scheduler(fixture.path, Mapping::dream(), fixture.session);
    QSignalSpy finished(&scheduler, &SyncScheduler::cycleFinished);
    StreamingClient *streaming = scheduler.streamingClient();
    QSignalSpy connected(streaming, &StreamingClient::connectedChanged);
    ASSERT_NO_FATAL_FAILURE(syncThenStream(scheduler, finished, connected));
    EXPECT_GE(scheduler.pollIntervalMs(), SyncScheduler::kStreamingPollFactor * 30000)
        << "polling is only the safety net while streaming";

    const QString student = anyStoredStudent(fixture.path);
    ASSERT_FALSE(student.isEmpty());
    const auto officeRenames = [&](const QString &name) {
        return fixture.org.adminUpdate(QStringLiteral("Student__c"), student,
                                       {{QStringLiteral("Last_Name__c"), name}});
    };

    // 1. A plain office edit.
    ASSERT_TRUE(officeRenames(QStringLiteral("Streaming-Uno")));
    EXPECT_TRUE(
        waitForStoredName(finished, fixture.path, student, QStringLiteral("Streaming-Uno")));
    // The event pulled that object alone, at once: the org's clock, the object's window and
    // its deletions, not the 13 calls of a whole "Sync now" (and not a background cycle's
    // probe, whose minute-wide windows would not show the edit yet).
    ASSERT_FALSE(finished.isEmpty());
    const SyncReport pulled = finished.last().at(0).value<SyncReport>();
    EXPECT_EQ(pulled.pulled, 1);
    EXPECT_LE(pulled.apiCalls, 3);
    const qint64 seen =
        streaming->replayId(StreamingClient::channelFor(QStringLiteral("Student__c")));
    EXPECT_GT(seen, 0);

    // 2. The org forgets the client (403::Unknown client on its held connect) and the office
    //    writes before the client has handshaken again: replay from the last replayId brings it.
    const int handshakes = streaming->handshakeCount();
    fixture.streamingAdmin({{QStringLiteral("forgetClients"), true}});
    ASSERT_TRUE(officeRenames(QStringLiteral("Streaming-Dos")));
    EXPECT_TRUE(
        waitForStoredName(finished, fixture.path, student, QStringLiteral("Streaming-Dos")));
    EXPECT_GT(streaming->handshakeCount(), handshakes);

    // 3. The held connect's connection is dropped; the next write still arrives.
    fixture.streamingAdmin({{QStringLiteral("dropWaitingConnects"), true}});
    ASSERT_TRUE(officeRenames(QStringLiteral("Streaming-Tres")));
    EXPECT_TRUE(
        waitForStoredName(finished, fixture.path, student, QStringLiteral("Streaming-Tres")));

    // The org and the laptop agree on the record.
    for (const QJsonValue &row : fixture.org.records(QStringLiteral("Student__c"))) {
        if (row.toObject().value(QStringLiteral("Id")).toString() == student) {
            EXPECT_EQ(row.toObject().value(QStringLiteral("Last_Name__c")).toString(),
                      storedLastName(fixture.path, student));
        }
    }
    scheduler.stopStreaming();
    EXPECT_FALSE(streaming->isRunning());
}

TEST(Streaming, RefusedTokenWaitsForARefreshAndReplaysWhatItMissed)
{
    QStringList arguments = pasalista::test::emulatorArguments();
    arguments << QStringLiteral("--cometd-timeout") << QStringLiteral("5000");
    EmulatorProcess org(arguments);
    ASSERT_TRUE(org.isRunning());
    std::unique_ptr<Session> session = pasalista::test::signIn(org);
    ASSERT_TRUE(session);
    ASSERT_FALSE(org.login().isEmpty()); // the office
    StreamingClient client(session.get(), {QStringLiteral("Student__c")});
    QSignalSpy connected(&client, &StreamingClient::connectedChanged);
    QSignalSpy refused(&client, &StreamingClient::sessionRefused);
    QSignalSpy changed(&client, &StreamingClient::changed);
    client.start();
    ASSERT_TRUE(connected.wait(30000));

    const QJsonObject student{
        {QStringLiteral("First_Name__c"), QStringLiteral("Yokasta")},
        {QStringLiteral("Last_Name__c"), QStringLiteral("Antes")},
        {QStringLiteral("Date_of_Birth__c"), QStringLiteral("2012-05-01")},
        {QStringLiteral("Phone_Number_1__c"), QStringLiteral("809-555-0101")}};
    const QString first = org.adminCreate(QStringLiteral("Student__c"), student);
    // Blocking admin calls spin the event loop: the event may already be in.
    ASSERT_TRUE(!changed.isEmpty() || changed.wait(30000));
    EXPECT_EQ(changed.takeFirst().at(1).toStringList(), QStringList{first});

    // Every token expires and the org forgets the client: the handshake gets 401.
    ASSERT_TRUE(org.setFaults({{QStringLiteral("expireSessions"), true}}));
    org.sendJson("POST", QStringLiteral("/__emulator/streaming"),
                 QJsonDocument(QJsonObject{{QStringLiteral("forgetClients"), true}}));
    ASSERT_TRUE(!refused.isEmpty() || refused.wait(30000));
    ASSERT_FALSE(org.login().isEmpty()); // the office signs in again
    const QString missed = org.adminCreate(QStringLiteral("Student__c"), student);
    // What a sync does when the scheduler hears sessionRefused: refresh the token.
    int generation = 0;
    session->accessToken(&generation);
    ASSERT_EQ(session->refreshAccessToken(generation), Session::RefreshResult::Refreshed);
    while (changed.isEmpty() && changed.wait(30000)) {
    }
    ASSERT_FALSE(changed.isEmpty());
    EXPECT_EQ(changed.takeFirst().at(1).toStringList(), QStringList{missed});
    client.stop();
    EXPECT_FALSE(client.isConnected());
}

namespace {

// Every mark of the laptop, by its org Id, with its status; marks the org has not got yet
// are counted under an empty Id.
QMap<QString, int> storedMarks(const QString &path)
{
    LocalStore store(Mapping::dream());
    QMap<QString, int> marks;
    if (!store.open(path))
        return marks;
    QSqlQuery query(store.database());
    query.exec(QStringLiteral("SELECT COALESCE(sfid, ''), attendance_type__c FROM attendance__c"));
    while (query.next())
        marks.insert(query.value(0).toString(), query.value(1).toInt());
    return marks;
}

QMap<QString, int> orgMarks(const EmulatorProcess &org)
{
    QMap<QString, int> marks;
    for (const QJsonValue &value : org.records(QStringLiteral("Attendance__c"))) {
        const QJsonObject record = value.toObject();
        if (!record.value(QStringLiteral("IsDeleted")).toBool())
            marks.insert(record.value(QStringLiteral("Id")).toString(),
                         record.value(QStringLiteral("Attendance_Type__c")).toInt());
    }
    return marks;
}

} // namespace

// Issue 25: after an outage the marks waited up to 40 minutes (the backoff, then the slow poll
// that streaming allows) and went only with Ctrl+R. Now the streaming channel reconnecting
// is the org answering again: the marks go at once. Several failed attempts make the backoff
// minutes long, so only the reconnect can bring the cycle the test waits for.
TEST(Streaming, MarksGoAsSoonAsTheChannelReconnectsAfterAnOutage)
{
    Fixture fixture;
    ASSERT_TRUE(fixture.org.isRunning());
    SyncScheduler scheduler(fixture.path, Mapping::dream(), fixture.session);
    scheduler.setEditDebounceMs(50);
    QSignalSpy finished(&scheduler, &SyncScheduler::cycleFinished);
    StreamingClient *streaming = scheduler.streamingClient();
    QSignalSpy connected(streaming, &StreamingClient::connectedChanged);
    ASSERT_NO_FATAL_FAILURE(syncThenStream(scheduler, finished, connected));

    // The outage: nothing reaches the org, the held connect included.
    ASSERT_TRUE(fixture.org.setFaults({{QStringLiteral("dropBeforeResponseRate"), 1.0}}));
    fixture.streamingAdmin({{QStringLiteral("dropWaitingConnects"), true}});
    ASSERT_TRUE(QTest::qWaitFor([&] { return !scheduler.isStreaming(); }, 60000));

    {
        LocalStore store(Mapping::dream());
        ASSERT_TRUE(store.open(fixture.path));
        Repository repository(store);
        const Course course = repository.courses().constFirst();
        const QList<Student> roster = repository.roster(course.id);
        ASSERT_GE(roster.size(), 3);
        for (int i = 0; i < 3; ++i) {
            ASSERT_TRUE(repository
                            .markAttendance(course.id, roster.at(i).id,
                                            QDate::currentDate().addDays(-400), 2, {}, true)
                            .ok());
        }
    }
    scheduler.localEditMade();
    ASSERT_TRUE(finished.wait(120000));
    ASSERT_EQ(finished.takeFirst().at(0).value<SyncReport>().result,
              SyncReport::Result::Unreachable);
    for (int attempt = 0; attempt < 3; ++attempt) { // the backoff grows to minutes
        scheduler.syncNow();
        ASSERT_TRUE(finished.wait(120000));
        ASSERT_EQ(finished.takeFirst().at(0).value<SyncReport>().result,
                  SyncReport::Result::Unreachable);
    }
    EXPECT_EQ(scheduler.state(), SyncScheduler::State::Offline);
    EXPECT_GE(scheduler.pollIntervalMs(), 120000) << "four failures: minutes of backoff";

    // The org answers again: the channel reconnects, and the marks go without "Sync now".
    ASSERT_TRUE(fixture.org.clearFaults());
    connected.clear();
    ASSERT_TRUE(QTest::qWaitFor([&] { return scheduler.isStreaming(); }, 180000));
    ASSERT_TRUE(finished.wait(60000)) << "no sync after the reconnect";
    const SyncReport report = finished.takeFirst().at(0).value<SyncReport>();
    EXPECT_EQ(report.result, SyncReport::Result::Clean) << report.message.toStdString();
    EXPECT_EQ(report.pushed, 3);
    EXPECT_NE(scheduler.state(), SyncScheduler::State::Offline);

    // Record by record, the laptop's marks are the org's.
    const QMap<QString, int> laptop = storedMarks(fixture.path);
    EXPECT_FALSE(laptop.contains(QString())) << "a mark never reached the org";
    const QMap<QString, int> org = orgMarks(fixture.org);
    for (auto mark = laptop.cbegin(); mark != laptop.cend(); ++mark) {
        EXPECT_TRUE(org.contains(mark.key())) << mark.key().toStdString();
        EXPECT_EQ(org.value(mark.key(), -1), mark.value()) << mark.key().toStdString();
    }
    scheduler.stopStreaming();
}
