// Stopping a sync: signing out (or switching accounts, or quitting) while a cycle runs stops
// it at once and the session outlives every user of it. Against the emulator with latency.
#include "auth/loginhost.h"
#include "auth/oauthhttp.h"
#include "authtesthelpers.h"
#include "store/localstore.h"
#include "mapping.h"
#include "net/salesforceclient.h"
#include "sync/syncscheduler.h"

#include <QElapsedTimer>
#include <QTcpServer>
#include <QTest>
#include <QThread>
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>

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

// Qt's warnings while alive (from any thread).
class QtWarnings
{
public:
    QtWarnings() { s_previous = qInstallMessageHandler(&QtWarnings::handle); }
    ~QtWarnings() { qInstallMessageHandler(s_previous); }
    QStringList containing(const QString &text) const
    {
        std::lock_guard lock(s_mutex);
        return s_seen.filter(text);
    }

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        if (type == QtWarningMsg) {
            std::lock_guard lock(s_mutex);
            s_seen.append(message);
        }
        s_previous(type, context, message);
    }
    static inline std::mutex s_mutex;
    static inline QStringList s_seen;
    static inline QtMessageHandler s_previous = nullptr;
};

// Makes a cancel land where a stop from another thread may land by chance: after Qt handed a
// failed reply its error, before the reply's end (a second event). Calls `cancel` from each
// reply's errorOccurred.
class CancelWhenAReplyFails : public QObject
{
public:
    explicit CancelWhenAReplyFails(std::function<void()> cancel) : m_cancel(std::move(cancel))
    {
        qApp->installEventFilter(this);
    }
    ~CancelWhenAReplyFails() override { qApp->removeEventFilter(this); }
    int cancels() const { return m_cancels; }

protected:
    bool eventFilter(QObject *watched, QEvent *) override
    {
        auto *reply = qobject_cast<QNetworkReply *>(watched);
        if (reply && !m_watched.contains(reply)) {
            m_watched.insert(reply);
            connect(
                reply, &QNetworkReply::errorOccurred, this,
                [this] {
                    ++m_cancels;
                    m_cancel();
                },
                Qt::DirectConnection);
        }
        return false;
    }

private:
    std::function<void()> m_cancel;
    QSet<QObject *> m_watched;
    int m_cancels = 0;
};

const QString kSecondError = QStringLiteral("must only be called once");

} // namespace

// Issue 13: Qt warned "QNetworkReplyImplPrivate::error: Internal problem, this method must
// only be called once" in the soak: a cancel (or the reply deadline) aborting a reply that had
// already failed. A failed reply is left to end on its own.
TEST(SyncStop, ACancelReachingAReplyThatAlreadyFailedIsNoSecondError)
{
    EmulatorProcess org({QStringLiteral("--demo")});
    ASSERT_TRUE(org.isRunning());
    std::shared_ptr<Session> session =
        org.session(QStringLiteral("maria.rodriguez@dream.demo"), QStringLiteral("Maria-2024"));
    ASSERT_TRUE(session);
    QtWarnings warnings;

    // A query the org answers 500, cancelled as its failure comes in.
    ASSERT_TRUE(org.armFault("GET", QStringLiteral("/query$"), QStringLiteral("500")));
    SalesforceClient client(session.get());
    client.setApiVersion(QStringLiteral("v%1").arg(QLatin1String(EmulatorProcess::kApiVersion)));
    {
        CancelWhenAReplyFails cancelling([&client] { client.cancel(); });
        const ApiResponse response = client.query(QStringLiteral("SELECT Id FROM Class__c"));
        EXPECT_EQ(cancelling.cancels(), 1) << "the race was provoked";
        EXPECT_FALSE(response.ok());
    }
    EXPECT_TRUE(warnings.containing(kSecondError).isEmpty())
        << warnings.containing(kSecondError).join(QLatin1Char('\n')).toStdString();

    // A token refresh the login host answers 500, stopped as its failure comes in.
    ASSERT_TRUE(
        org.armFault("POST", QStringLiteral("/services/oauth2/token$"), QStringLiteral("500")));
    Cancellation stop;
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("refresh_token"));
    form.addQueryItem(QStringLiteral("refresh_token"), QString::fromUtf8(session->refreshToken()));
    {
        CancelWhenAReplyFails cancelling([&stop] { stop.cancel(); });
        const OAuthHttp::Reply reply =
            OAuthHttp::postForm(LoginHost::tokenUrl(org.baseUrl()), form, 10000, {&stop});
        EXPECT_EQ(cancelling.cancels(), 1) << "the race was provoked";
        EXPECT_EQ(reply.httpStatus, 500);
    }
    EXPECT_TRUE(warnings.containing(kSecondError).isEmpty())
        << warnings.containing(kSecondError).join(QLatin1Char('\n')).toStdString();
}

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
