// The scheduler runs real sync cycles against the emulator in its worker thread.
#include "laptop.h"
#include "sync/apibudget.h"
#include "sync/syncscheduler.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace pasalista;

namespace {

using Fixture = pasalista::test::SignedInOrg;

SyncReport waitForCycle(QSignalSpy &finished, int timeoutMs = 60000)
{
    EXPECT_TRUE(finished.wait(timeoutMs));
    return finished.isEmpty() ? SyncReport() : finished.takeFirst().at(0).value<SyncReport>();
}

// One "Sync now": its cycle ends with `result` and leaves the scheduler in `state`.
void expectSyncNowEndsIn(SyncScheduler &scheduler, QSignalSpy &finished, SyncReport::Result result,
                         SyncScheduler::State state)
{
    scheduler.syncNow();
    EXPECT_EQ(waitForCycle(finished).result, result);
    EXPECT_EQ(scheduler.state(), state);
}

} // namespace

TEST(SyncScheduler, SyncNowRunsOneCycleInTheWorker)
{
    Fixture fixture;
    ASSERT_TRUE(fixture.org.isRunning());
    SyncScheduler scheduler(fixture.path, Mapping::dream(), fixture.session);
    QSignalSpy finished(&scheduler, &SyncScheduler::cycleFinished);
    QSignalSpy states(&scheduler, &SyncScheduler::stateChanged);
    scheduler.syncNow();
    scheduler.syncNow(); // while one runs: queued, never two at once
    EXPECT_EQ(scheduler.state(), SyncScheduler::State::Syncing);
    EXPECT_EQ(waitForCycle(finished).result, SyncReport::Result::Clean);
    EXPECT_EQ(waitForCycle(finished).result, SyncReport::Result::Clean);
    EXPECT_EQ(scheduler.state(), SyncScheduler::State::Idle);
    EXPECT_TRUE(scheduler.lastSuccess().isValid());
    EXPECT_GE(scheduler.basePollIntervalMs(), 30000) << "from the mapping's sf_polling_seconds";
}

TEST(SyncScheduler, LocalEditTriggersADebouncedSync)
{
    Fixture fixture;
    SyncScheduler scheduler(fixture.path, Mapping::dream(), fixture.session);
    scheduler.setEditDebounceMs(50);
    QSignalSpy finished(&scheduler, &SyncScheduler::cycleFinished);
    scheduler.syncNow();
    ASSERT_EQ(waitForCycle(finished).result, SyncReport::Result::Clean);

    LocalStore store(Mapping::dream());
    ASSERT_TRUE(store.open(fixture.path));
    Repository repository(store);
    const Course course = repository.courses().first();
    const Student student = repository.roster(course.id).first();
    ASSERT_TRUE(
        repository
            .markAttendance(course.id, student.id, QDate::currentDate().addDays(-500), 1, {}, true)
            .ok());
    scheduler.localEditMade();
    scheduler.localEditMade(); // a burst of edits: one sync
    const SyncReport report = waitForCycle(finished);
    EXPECT_EQ(report.result, SyncReport::Result::Clean);
    EXPECT_EQ(report.pushed, 1);
    EXPECT_FALSE(finished.wait(300)) << "debounced into a single cycle";
}

TEST(SyncScheduler, UnreachableOrgMeansOfflineAndBacksOff)
{
    Fixture fixture;
    SyncScheduler scheduler(fixture.path, Mapping::dream(), fixture.session);
    QSignalSpy finished(&scheduler, &SyncScheduler::cycleFinished);
    ASSERT_TRUE(fixture.org.setFaults({{QStringLiteral("dropBeforeResponseRate"), 1.0}}));
    expectSyncNowEndsIn(scheduler, finished, SyncReport::Result::Unreachable,
                        SyncScheduler::State::Offline);
    EXPECT_LE(scheduler.pollIntervalMs(), 45000) << "first retry after ~30 s, with jitter";
    ASSERT_TRUE(fixture.org.clearFaults());
    expectSyncNowEndsIn(scheduler, finished, SyncReport::Result::Clean, SyncScheduler::State::Idle);
}

// Issue 25: the network coming back (QNetworkInformation's reachability turning Online calls
// orgReachableAgain) sends what waits at once, whatever backoff the failures had built; and
// out of reach, the tries never wait an hour.
TEST(SyncScheduler, NetworkBackSyncsAtOnceAfterMinutesOfBackoff)
{
    Fixture fixture;
    SyncScheduler scheduler(fixture.path, Mapping::dream(), fixture.session);
    QSignalSpy finished(&scheduler, &SyncScheduler::cycleFinished);
    ASSERT_TRUE(fixture.org.setFaults({{QStringLiteral("dropBeforeResponseRate"), 1.0}}));
    for (int attempt = 0; attempt < 4; ++attempt) {
        expectSyncNowEndsIn(scheduler, finished, SyncReport::Result::Unreachable,
                            SyncScheduler::State::Offline);
    }
    EXPECT_GE(scheduler.pollIntervalMs(), 120000) << "four failures: minutes of backoff";
    for (int attempt = 0; attempt < 3; ++attempt) {
        expectSyncNowEndsIn(scheduler, finished, SyncReport::Result::Unreachable,
                            SyncScheduler::State::Offline);
    }
    EXPECT_LE(scheduler.pollIntervalMs(), 6 * 60000)
        << "out of reach, the next try is minutes away, never an hour";
    ASSERT_TRUE(fixture.org.clearFaults());
    scheduler.orgReachableAgain();
    EXPECT_EQ(scheduler.state(), SyncScheduler::State::Syncing) << "at once, not after the backoff";
    EXPECT_EQ(waitForCycle(finished).result, SyncReport::Result::Clean);
    EXPECT_EQ(scheduler.state(), SyncScheduler::State::Idle);
}

TEST(SyncScheduler, RefusedSessionNeedsSignIn)
{
    Fixture fixture;
    SyncScheduler scheduler(fixture.path, Mapping::dream(), fixture.session);
    QSignalSpy finished(&scheduler, &SyncScheduler::cycleFinished);
    ASSERT_TRUE(fixture.org.revokeAll());
    ASSERT_TRUE(fixture.org.setFaults({{QStringLiteral("expireSessions"), true}}));
    expectSyncNowEndsIn(scheduler, finished, SyncReport::Result::SignInRequired,
                        SyncScheduler::State::NeedsSignIn);
}

TEST(SyncScheduler, PollsLessNearTheDailyApiLimit)
{
    Fixture fixture;
    SyncScheduler scheduler(fixture.path, Mapping::dream(), fixture.session);
    QSignalSpy finished(&scheduler, &SyncScheduler::cycleFinished);
    scheduler.syncNow();
    ASSERT_EQ(waitForCycle(finished).result, SyncReport::Result::Clean);
    EXPECT_EQ(scheduler.pollIntervalMs(), scheduler.basePollIntervalMs());

    ASSERT_TRUE(fixture.org.setFaults(
        {{QStringLiteral("dailyApiLimit"), 1000}, {QStringLiteral("apiUsage"), 900}}));
    scheduler.syncNow();
    ASSERT_EQ(waitForCycle(finished).result, SyncReport::Result::Clean);
    EXPECT_EQ(scheduler.pollIntervalMs(), 4 * scheduler.basePollIntervalMs())
        << "past 80 % of the limit";
}

TEST(SyncScheduler, WorkerKeepsItsStoreAndClientAcrossCycles)
{
    Fixture fixture;
    SyncScheduler scheduler(fixture.path, Mapping::dream(), fixture.session);
    QSignalSpy finished(&scheduler, &SyncScheduler::cycleFinished);
    for (int cycle = 0; cycle < 3; ++cycle) {
        scheduler.syncNow();
        ASSERT_EQ(waitForCycle(finished).result, SyncReport::Result::Clean);
    }
    // One store connection (one integrity check, one migration pass) and one REST client
    // with its network manager, not one of each per cycle.
    EXPECT_EQ(scheduler.workerConnectionsOpened(), 2);
}

// The mapping's sf_max_daily_api_calls caps what this laptop spends: once the next poll
// would eat into the reserve, polling and other background cycles stop until tomorrow;
// "Sync now" still syncs.
TEST(SyncScheduler, StopsPollingBeforeTheLaptopsDailyBudget)
{
    Fixture fixture;
    Mapping::dream(); // loads the resources
    QFile file(QStringLiteral(":/mappings/dream.json"));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    QByteArray json = file.readAll();
    // Small enough that a second sync like the first would pass 95 % of it (a first sync
    // costs 3 calls since issue 26, 15 before).
    constexpr int kCap = 5;
    json.replace(QByteArray("\"sf_max_daily_api_calls\": 30000"),
                 QByteArray(QByteArray("\"sf_max_daily_api_calls\": ") + QByteArray::number(kCap)));
    QString error;
    const std::optional<Mapping> capped = Mapping::fromJson(json, &error);
    ASSERT_TRUE(capped) << error.toStdString();
    ASSERT_EQ(ApiBudget::capOf(*capped), kCap);

    SyncScheduler scheduler(fixture.path, *capped, fixture.session);
    scheduler.setEditDebounceMs(50);
    QSignalSpy finished(&scheduler, &SyncScheduler::cycleFinished);
    scheduler.syncNow();
    const SyncReport first = waitForCycle(finished);
    ASSERT_EQ(first.result, SyncReport::Result::Clean);
    ASSERT_GT(2 * first.apiCalls * 100, kCap * 95) << "another sync like it would pass 95 %";
    EXPECT_EQ(first.apiCallsToday, first.apiCalls);
    EXPECT_FALSE(scheduler.isPolling()) << first.apiCalls << " spent, another sync would pass 95 %";
    EXPECT_GT(scheduler.pollIntervalMs(), scheduler.basePollIntervalMs())
        << "the next poll is tomorrow's";

    scheduler.localEditMade();
    EXPECT_FALSE(finished.wait(500)) << "a background cycle would pass the cap";

    scheduler.syncNow();
    const SyncReport manual = waitForCycle(finished);
    EXPECT_EQ(manual.result, SyncReport::Result::Clean) << "Sync now always works";
    EXPECT_EQ(manual.apiCallsToday, first.apiCalls + manual.apiCalls);
}

TEST(ApiBudget, PollingSlowsThenStopsBeforeTheCap)
{
    EXPECT_EQ(ApiBudget::pollFactor(5000, 0, 1), 1.0) << "no cap";
    EXPECT_EQ(ApiBudget::pollFactor(10, 1000, 1), 1.0);
    EXPECT_EQ(ApiBudget::pollFactor(850, 1000, 1), 4.0) << "past 80 %";
    EXPECT_EQ(ApiBudget::pollFactor(950, 1000, 1), 0.0) << "the next poll would reach 95 %";
    EXPECT_EQ(ApiBudget::pollFactor(900, 1000, 60), 0.0) << "a costly sync stops sooner";
}
