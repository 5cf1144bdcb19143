// Stopping a sync: signing out (or switching accounts, or quitting) while a cycle runs stops
// it at once and the session outlives every user of it. Against the emulator with latency.
#include "authtesthelpers.h"
#include "localstore.h"
#include "mapping.h"
#include "net/salesforceclient.h"
#include "sync/syncscheduler.h"

#include <QElapsedTimer>
#include <QTcpServer>
#include <QTest>
#include <QThread>
#include <gtest/gtest.h>

#include <atomic>

using namespace pasalista;
using namespace pasalista::test;

namespace {

// A hang is a stop slower than this; the figure itself is printed.
constexpr qint64 kHangMs = 5000;

QJsonObject latency(int ms)
{
    return {{QStringLiteral("latencyMs"), ms}};
}

// A sync thread with a cycle in flight: its first request is on its way.
void startCycleAndLetItReachTheNetwork(SyncScheduler &scheduler)
{
    scheduler.syncNow();
    QTest::qWait(800);
    ASSERT_EQ(scheduler.state(), SyncScheduler::State::Syncing);
}

qint64 timeToStop(SyncScheduler &scheduler)
{
    QElapsedTimer timer;
    timer.start();
    scheduler.stop();
    return timer.elapsed();
}

} // namespace

TEST(SyncStop, SignOutKeepingDataWhileASyncWaitsOnTheNetworkStopsItBeforeTheSessionGoes)
{
    EmulatorProcess org(emulatorArguments() << QStringLiteral("--demo"));
    ASSERT_TRUE(org.isRunning());
    Scratch scratch;
    auto settings = scratch.settings();
    AccountManager accounts(settings.get(), scratch.dataDir, scratch.keychainService);
    accounts.setRevokeInBackground(true); // as the window does
    auto signedIn = signIn(org);
    ASSERT_TRUE(signedIn);
    const QString key = signedIn->identity().accountKey();
    accounts.adopt(std::move(signedIn)); // with or without a keychain: kept in memory
    const std::weak_ptr<Session> session = accounts.session();

    auto scheduler = std::make_unique<SyncScheduler>(accounts.databasePath(key), Mapping::dream(),
                                                     accounts.session());
    QObject::connect(
        &accounts, &AccountManager::aboutToSignOut, scheduler.get(),
        [&scheduler] { scheduler->stop(); }, Qt::DirectConnection);
    ASSERT_TRUE(org.setFaults(latency(20000)));
    startCycleAndLetItReachTheNetwork(*scheduler);

    QElapsedTimer timer;
    timer.start();
    const auto result = accounts.signOut(key, AccountManager::LocalData::Keep);
    const qint64 signOutMs = timer.elapsed();
    std::printf("[ figure ] sign-out during a sync with 20 s latency: %lld ms\n",
                static_cast<long long>(signOutMs));
    EXPECT_LT(signOutMs, kHangMs) << "the sync and the revoke must not hold the sign-out";
    EXPECT_TRUE(result.revokePending);
    EXPECT_TRUE(scheduler->isStopped());
    EXPECT_FALSE(accounts.isSignedIn(key));
    // The manager let go; the scheduler is the last owner, and the worker thread is gone.
    EXPECT_EQ(session.use_count(), 1);
    scheduler.reset();
    EXPECT_TRUE(session.expired());

    LocalStore store(Mapping::dream());
    EXPECT_TRUE(store.open(accounts.databasePath(key))) << "the data was kept";
}

TEST(SyncStop, StopEndsABackOffPauseAtOnce)
{
    EmulatorProcess org({QStringLiteral("--demo")});
    ASSERT_TRUE(org.isRunning());
    QTemporaryDir dir;
    std::shared_ptr<Session> session =
        org.session(QStringLiteral("maria.rodriguez@dream.demo"), QStringLiteral("Maria-2024"));
    SyncScheduler scheduler(dir.filePath(QStringLiteral("a.sqlite")), Mapping::dream(), session);
    // Every request answered 500/503: reads are retried with pauses growing to seconds.
    ASSERT_TRUE(org.setFaults({{QStringLiteral("errorRate"), 1.0}}));
    startCycleAndLetItReachTheNetwork(scheduler);
    const qint64 ms = timeToStop(scheduler);
    std::printf("[ figure ] stop during back-off: %lld ms\n", static_cast<long long>(ms));
    EXPECT_LT(ms, kHangMs);
}

TEST(SyncStop, CancelEndsATokenRefreshThatNeverAnswers)
{
    EmulatorProcess org({QStringLiteral("--demo")});
    ASSERT_TRUE(org.isRunning());
    // The login host takes the connection and never answers.
    QTcpServer silentLoginHost;
    ASSERT_TRUE(silentLoginHost.listen(QHostAddress::LocalHost));
    Identity identity;
    identity.instanceUrl = org.instanceUrl();
    identity.loginUrl =
        QUrl(QStringLiteral("http://127.0.0.1:%1").arg(silentLoginHost.serverPort()));
    Session session(identity, QByteArrayLiteral("expired"), QByteArrayLiteral("refresh"));

    std::atomic<SalesforceClient *> client{nullptr};
    ApiResponse response;
    QThread *worker = QThread::create([&] {
        SalesforceClient own(&session);
        own.setApiVersion(QStringLiteral("v59.0"));
        client = &own;
        response = own.query(QStringLiteral("SELECT Id FROM Class__c")); // 401, then refresh
        client = nullptr;
    });
    worker->start();
    QTest::qWait(1000); // the 401 came back; the refresh waits on the silent host
    EXPECT_GE(session.refreshRequestCount(), 1);
    QElapsedTimer timer;
    timer.start();
    ASSERT_TRUE(client.load());
    client.load()->cancel();
    EXPECT_TRUE(worker->wait(kHangMs));
    const qint64 ms = timer.elapsed();
    std::printf("[ figure ] cancel during a token refresh: %lld ms\n", static_cast<long long>(ms));
    delete worker;
    EXPECT_FALSE(response.ok());
    EXPECT_TRUE(session.isValid()) << "a cancelled refresh is not a refused one";
}
