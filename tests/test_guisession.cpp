// The whole window signed in to the emulator, started in-process as `pasalista` starts it
// (GuiLauncher, offscreen platform, the keychain of the test session): quitting during a
// slow sync, and a soak of typing marks, switching courses, signing out and in and quitting
// under faults. Real emulator process, real SQLite file, no mocks.
//
// PASALISTA_SOAK_ROUNDS sets the soak's rounds (default 2, a CI-sized run).
#include "accountswitcher.h"
#include "attendancesheet.h"
#include "attendancetableview.h"
#include "auth/accountmanager.h"
#include "auth/session.h"
#include "auth/signinflow.h"
#include "courselistmodel.h"
#include "guilauncher.h"
#include "mainwindow.h"
#include "orgscope.h"
#include "revocationcheck.h"
#include "signoutdialog.h"
#include "sync/syncscheduler.h"

#include <QAbstractEventDispatcher>
#include <QApplication>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>
#include <QTime>
#include <QTimer>
#include <QUuid>

#include <optional>

using namespace pasalista;
using namespace pasalista::test;

namespace {

// Quitting must end the process within this (the figure); printed as measured.
constexpr qint64 kQuitBoundMs = 2000;

// The browser side of a sign-in: fetching the authorization URL follows the emulator's
// redirect to the app's loopback listener (--auto-approve skips the login page).
std::unique_ptr<Session> signInThroughTheBrowser(const EmulatorProcess &org)
{
    for (int attempt = 0; attempt < 5; ++attempt) { // the org's faults hit sign-in too
        SignInFlow flow;
        flow.setCallbackPorts({0});
        QNetworkAccessManager browser;
        QObject::connect(
            &flow, &SignInFlow::authorizationUrlReady, &browser, [&browser](const QUrl &url) {
                QNetworkReply *reply = browser.get(QNetworkRequest(url));
                QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
            });
        QSignalSpy succeeded(&flow, &SignInFlow::succeeded);
        QSignalSpy failed(&flow, &SignInFlow::failed);
        if (!flow.start(org.baseUrl()))
            continue;
        QElapsedTimer timer;
        timer.start();
        while (succeeded.isEmpty() && failed.isEmpty() && timer.elapsed() < 30000)
            succeeded.wait(50);
        if (!succeeded.isEmpty())
            return flow.takeSession();
    }
    return nullptr;
}

// The event loop's longest stall: the largest gap between ticks of a 10 ms timer, beyond
// the 10 ms. Paused while the test itself does bookkeeping no teacher would cause.
class StallMeter
{
public:
    StallMeter()
    {
        m_timer.setInterval(kTickMs);
        QObject::connect(&m_timer, &QTimer::timeout, [this] { tick(); });
        m_clock.start();
        m_last = m_clock.elapsed();
        m_timer.start();
    }
    void pause() { m_paused = true; }
    void resume()
    {
        m_paused = false;
        m_last = m_clock.elapsed();
    }
    qint64 longestMs() const { return m_longest; }

private:
    static constexpr int kTickMs = 10;
    static constexpr int kReportedMs = 60;
    void tick()
    {
        const qint64 now = m_clock.elapsed();
        if (!m_paused) {
            const qint64 stall = now - m_last - kTickMs;
            m_longest = std::max(m_longest, stall);
            if (stall > kReportedMs) // when, to match with the app's log lines
                std::printf("[ stall ] %lld ms, ended %s\n", static_cast<long long>(stall),
                            qPrintable(QTime::currentTime().toString(Qt::ISODateWithMs)));
        }
        m_last = now;
    }

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_longest = 0;
    bool m_paused = false;
};

// Whether the GUI thread ran an event loop while watching: its dispatcher about to block
// (a nested QEventLoop waiting for a keychain job), or a posted event, a timer or a socket
// delivered (only an event loop delivers those) inside a call that should just return.
class NestedLoopWatch : public QObject
{
public:
    NestedLoopWatch()
    {
        connect(QAbstractEventDispatcher::instance(), &QAbstractEventDispatcher::aboutToBlock, this,
                [this] { m_blocks += m_watching ? 1 : 0; });
        qApp->installEventFilter(this);
    }
    void watch(bool on) { m_watching = on; }
    int blocks() const { return m_blocks; }
    int loopEvents() const { return m_loopEvents; }

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        const QEvent::Type type = event->type();
        if (m_watching && (type == QEvent::MetaCall || type == QEvent::Timer ||
                           type == QEvent::SockAct || type == QEvent::SockClose))
            ++m_loopEvents;
        return false;
    }

private:
    bool m_watching = false;
    int m_blocks = 0;
    int m_loopEvents = 0;
};

// Main windows shown while alive.
class WindowShows : public QObject
{
public:
    WindowShows() { qApp->installEventFilter(this); }
    ~WindowShows() override { qApp->removeEventFilter(this); }
    int count() const { return m_count; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Show && qobject_cast<MainWindow *>(watched))
            ++m_count;
        return false;
    }

private:
    int m_count = 0;
};

class GuiSession : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_org.isRunning());
        // The app's settings in this test's folder, never the user's.
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                           m_dir.filePath(QStringLiteral("config")));
        GuiLauncher::setApplicationNames();
        m_settings = std::make_unique<QSettings>();
        m_settings->clear();
        AccountManager accounts(m_settings.get(), dataDir(), m_keychainService);
        if (accounts.tokenStore().probe() != TokenStore::Status::Ok)
            GTEST_SKIP() << "no keychain: run under scripts/test's D-Bus session";
        std::unique_ptr<Session> session = signInThroughTheBrowser(m_org);
        ASSERT_TRUE(session);
        m_accountKey = session->identity().accountKey();
        ASSERT_EQ(accounts.adopt(std::move(session)), TokenStore::Status::Ok);
        m_settings->sync();
    }

    void TearDown() override
    {
        m_launcher.reset();
        if (m_settings) {
            AccountManager accounts(m_settings.get(), dataDir(), m_keychainService);
            accounts.tokenStore().remove(m_accountKey); // nothing left in the test keychain
        }
    }

    QString dataDir() const { return m_dir.filePath(QStringLiteral("data")); }

    // `pasalista --data-dir DIR`, signed in from the keychain; returns after its first sync.
    void startTheApp()
    {
        m_launcher = std::make_unique<GuiLauncher>();
        m_launcher->setKeychainService(m_keychainService);
        ASSERT_TRUE(m_launcher->start(
            *qobject_cast<QApplication *>(QCoreApplication::instance()),
            {QStringLiteral("pasalista"), QStringLiteral("--data-dir"), dataDir()}));
        ASSERT_TRUE(QTest::qWaitFor([this] { return m_launcher->scheduler() != nullptr; }, 10000))
            << "signed in from the keychain";
        ASSERT_TRUE(waitForASuccessfulSync(180000));
        openProbe();
    }

    bool waitForASuccessfulSync(int timeoutMs)
    {
        return QTest::qWaitFor(
            [this] {
                SyncScheduler *scheduler = m_launcher->scheduler();
                return scheduler && scheduler->lastSuccess().isValid() &&
                       scheduler->state() == SyncScheduler::State::Idle;
            },
            timeoutMs);
    }

    // The test's own connection to the account's store, to read what the window wrote.
    void openProbe()
    {
        m_probe = std::make_unique<LocalStore>(Mapping::dream());
        ASSERT_TRUE(m_probe->open(m_launcher->accounts()->databasePath(m_accountKey)));
        m_probeRepository = std::make_unique<Repository>(*m_probe);
    }

    QList<Course> activeCourses() const
    {
        QList<Course> active;
        for (const Course &course : m_probeRepository->courses()) {
            if (course.isActiveOn(QDate::currentDate()) && !course.sfid.isEmpty())
                active.append(course);
        }
        return active;
    }

    // Types `count` marks in the open window's sheet for `course`, as a teacher does.
    void typeMarks(const Course &course, int count, int seed)
    {
        ASSERT_TRUE(QTest::qWaitFor([this] { return m_launcher->window() != nullptr; }, 10000));
        MainWindow *window = m_launcher->window();
        ASSERT_TRUE(window->selectCourse(course.id));
        window->showTab(MainWindow::AttendanceTab);
        auto *sheet = window->findChild<AttendanceSheet *>();
        ASSERT_TRUE(sheet);
        sheet->setConfirmationHandler([](const QString &) { return true; });
        sheet->view()->setFocus();
        const Qt::Key keys[] = {Qt::Key_0, Qt::Key_1, Qt::Key_0, Qt::Key_3};
        for (int i = 0; i < count; ++i)
            QTest::keyClick(sheet->view(), keys[(seed + i) % 4]);
        // The rows are read in the background: keys typed before they come wait for them.
        ASSERT_TRUE(QTest::qWaitFor([window] { return !window->isLoading(); }, 30000));
        m_typed.insert(course.id, m_probeRepository->attendanceOn(course.id, QDate::currentDate()));
        ASSERT_FALSE(m_typed.value(course.id).isEmpty()) << "the keys wrote no mark";
    }

    // Every mark typed is in the store, with the status last typed.
    void expectNoMarkLost()
    {
        for (auto course = m_typed.cbegin(); course != m_typed.cend(); ++course) {
            const auto now = m_probeRepository->attendanceOn(course.key(), QDate::currentDate());
            for (const AttendanceMark &typed : course.value()) {
                ASSERT_TRUE(now.contains(typed.studentId)) << "lost: student " << typed.studentId;
                EXPECT_EQ(now.value(typed.studentId).status, typed.status);
            }
        }
    }

    // Closes the window and ends the app as main() does after the event loop; returns ms.
    qint64 quitTheApp()
    {
        QElapsedTimer timer;
        timer.start();
        m_launcher->window()->close();
        EXPECT_FALSE(m_launcher->window()->isVisible()) << "the window closes at once";
        m_launcher.reset();
        return timer.elapsed();
    }

    // Sign-out through the switcher, the teacher answering its dialog: keep the data,
    // Sign out. Returns once the switcher handed it to the accounts.
    void signOutThroughTheSwitcher()
    {
        auto *switcher = m_launcher->window()->findChild<AccountSwitcher *>();
        ASSERT_TRUE(switcher);
        QTimer answer;
        QObject::connect(&answer, &QTimer::timeout, [] {
            if (auto *dialog = qobject_cast<SignOutDialog *>(QApplication::activeModalWidget())) {
                dialog->findChild<QRadioButton *>(QStringLiteral("keep-data"))->setChecked(true);
                dialog->accept();
            }
        });
        answer.start(20);
        switcher->signOut();
    }

    void signOutKeepingData()
    {
        ASSERT_NO_FATAL_FAILURE(signOutThroughTheSwitcher());
        ASSERT_TRUE(QTest::qWaitFor([this] { return !m_launcher->scheduler(); }, 10000))
            << "signed out: no sync";
        // Issue 24: her data stays on the laptop, locked: the window shows none of it.
        ASSERT_TRUE(QTest::qWaitFor(
            [this] {
                MainWindow *window = m_launcher->window();
                return window && !window->isLoading() && window->courseModel()->rowCount() == 0;
            },
            10000))
            << "signed out: her courses are not shown";
    }

    void signInAgain()
    {
        std::unique_ptr<Session> session = signInThroughTheBrowser(m_org);
        ASSERT_TRUE(session);
        m_launcher->accounts()->adopt(std::move(session));
        ASSERT_TRUE(QTest::qWaitFor([this] { return m_launcher->scheduler() != nullptr; }, 10000));
    }

    EmulatorProcess m_org{{QStringLiteral("--demo"), QStringLiteral("--auto-approve"),
                           QStringLiteral("maria.rodriguez@dream.demo")}};
    QTemporaryDir m_dir;
    QString m_keychainService =
        QStringLiteral("Pasalista-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    QString m_accountKey;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<GuiLauncher> m_launcher;
    std::unique_ptr<LocalStore> m_probe;
    std::unique_ptr<Repository> m_probeRepository;
    QHash<qint64, QHash<qint64, AttendanceMark>> m_typed; // course → student → last typed
};

} // namespace

// Issue 13: restoring the session at start-up, saving after a sign-in and removing the
// entries at sign-out start the keychain jobs and return; the GUI thread never waits in a
// nested event loop, and the tokens are still restored, saved and removed.
TEST_F(GuiSession, KeychainJobsRunWithoutANestedEventLoopOnTheGuiThread)
{
    NestedLoopWatch watch;
    TokenStore keychain(m_settings.get(), m_keychainService); // the test's own look
    TokenStore::Saved stored;
    ASSERT_EQ(keychain.load(m_accountKey, &stored), TokenStore::Status::Ok);

    m_launcher = std::make_unique<GuiLauncher>();
    m_launcher->setKeychainService(m_keychainService);
    watch.watch(true);
    ASSERT_TRUE(
        m_launcher->start(*qobject_cast<QApplication *>(QCoreApplication::instance()),
                          {QStringLiteral("pasalista"), QStringLiteral("--data-dir"), dataDir()}));
    watch.watch(false);
    EXPECT_EQ(watch.blocks(), 0) << "start-up waited for the keychain";
    EXPECT_EQ(watch.loopEvents(), 0) << "start-up ran an event loop";
    EXPECT_FALSE(m_launcher->accounts()->isSignedIn()) << "restored only when the job finished";
    ASSERT_TRUE(QTest::qWaitFor([this] { return m_launcher->scheduler() != nullptr; }, 10000))
        << "signed in from the keychain";
    EXPECT_EQ(m_launcher->accounts()->session()->refreshToken(), stored.refreshToken);

    // Sign-out through the switcher: watched from the moment it reaches the accounts.
    QSignalSpy signedOut(m_launcher->accounts(), &AccountManager::signedOut);
    QObject::connect(
        m_launcher->accounts(), &AccountManager::aboutToSignOut, &watch,
        [&watch] { watch.watch(true); }, Qt::DirectConnection);
    ASSERT_NO_FATAL_FAILURE(signOutThroughTheSwitcher());
    watch.watch(false);
    EXPECT_EQ(watch.blocks(), 0) << "sign-out waited for the keychain";
    EXPECT_EQ(watch.loopEvents(), 0) << "sign-out ran an event loop";
    EXPECT_TRUE(signedOut.isEmpty()) << "the entries go when the jobs finished, later";
    ASSERT_TRUE(QTest::qWaitFor([&signedOut] { return !signedOut.isEmpty(); }, 10000));
    EXPECT_EQ(keychain.load(m_accountKey, &stored), TokenStore::Status::NotFound);
    EXPECT_TRUE(keychain.writtenKeys(m_accountKey).isEmpty());
    ASSERT_TRUE(QTest::qWaitFor([this] { return m_launcher->window() != nullptr; }, 10000));

    // Sign-in: the switcher hands the dialog's session to adoptAsync.
    std::unique_ptr<Session> session = signInThroughTheBrowser(m_org);
    ASSERT_TRUE(session);
    const QByteArray refreshToken = session->refreshToken();
    std::optional<TokenStore::Status> saved;
    watch.watch(true);
    m_launcher->accounts()->adoptAsync(std::move(session),
                                       [&saved](TokenStore::Status status) { saved = status; });
    watch.watch(false);
    EXPECT_EQ(watch.blocks(), 0) << "the sign-in waited for the keychain";
    EXPECT_EQ(watch.loopEvents(), 0) << "the sign-in ran an event loop";
    EXPECT_FALSE(saved) << "saved when the jobs finished, later";
    EXPECT_TRUE(m_launcher->accounts()->isSignedIn()) << "signed in at once";
    ASSERT_TRUE(QTest::qWaitFor([&saved] { return saved.has_value(); }, 10000));
    EXPECT_EQ(*saved, TokenStore::Status::Ok);
    ASSERT_EQ(keychain.load(m_accountKey, &stored), TokenStore::Status::Ok);
    EXPECT_EQ(stored.refreshToken, refreshToken);
    ASSERT_TRUE(QTest::qWaitFor([this] { return m_launcher->scheduler() != nullptr; }, 10000));
}

TEST_F(GuiSession, QuittingDuringASyncThatWaits20sClosesAtOnceAndKeepsEveryMark)
{
    startTheApp();
    const QList<Course> courses = activeCourses();
    ASSERT_FALSE(courses.isEmpty());
    typeMarks(courses.first(), 2, 0);
    ASSERT_TRUE(m_org.setFaults({{QStringLiteral("latencyMs"), 20000}}));
    m_launcher->scheduler()->syncNow();
    QTest::qWait(500);
    ASSERT_EQ(m_launcher->scheduler()->state(), SyncScheduler::State::Syncing);
    typeMarks(courses.first(), 2, 1); // while the sync waits on the network

    const qint64 quitMs = quitTheApp();
    std::printf("[ figure ] quit during a sync with 20 s latency: %lld ms\n",
                static_cast<long long>(quitMs));
    EXPECT_LT(quitMs, kQuitBoundMs);
    expectNoMarkLost();
}

// Issue 13: switching to another account while a sync waits 20 s on the network stops that
// sync at once, before the window changes stores; the first account's session outlives it
// (the accounts still hold it, the stopped sync let go) and no mark is lost.
TEST_F(GuiSession, SwitchingAccountsDuringASyncThatWaits20sStopsItAtOnce)
{
    startTheApp();
    const QList<Course> courses = activeCourses();
    ASSERT_FALSE(courses.isEmpty());
    typeMarks(courses.first(), 2, 0);
    // Another teacher of the same org, about to sign in on this laptop (before the org slows).
    QString otherId;
    for (const QJsonValue &user : m_org.users()) {
        if (user[QStringLiteral("username")].toString() == QLatin1String("jose.pena@dream.demo"))
            otherId = user[QStringLiteral("id")].toString();
    }
    ASSERT_FALSE(otherId.isEmpty());
    Identity other = m_launcher->accounts()->session()->identity();
    other.userId = otherId;
    other.username = other.email = QStringLiteral("jose.pena@dream.demo");
    const QByteArray accessToken =
        m_org.login(QStringLiteral("jose.pena@dream.demo"), QStringLiteral("Jose-2024")).toUtf8();
    ASSERT_TRUE(m_org.setFaults({{QStringLiteral("latencyMs"), 20000}}));
    m_launcher->scheduler()->syncNow();
    QTest::qWait(500);
    ASSERT_EQ(m_launcher->scheduler()->state(), SyncScheduler::State::Syncing);
    typeMarks(courses.first(), 2, 1); // while the sync waits on the network
    const std::weak_ptr<Session> first = m_launcher->accounts()->session();
    QSignalSpy stopped(m_launcher->scheduler(), &QObject::destroyed);

    QElapsedTimer switching;
    switching.start();
    m_launcher->accounts()->adoptAsync(std::make_unique<Session>(other, accessToken, QByteArray()));
    ASSERT_TRUE(QTest::qWaitFor([&stopped] { return !stopped.isEmpty(); }, 10000))
        << "the sync stopped";
    const qint64 switchMs = switching.elapsed();
    std::printf("[ figure ] account switch during a sync with 20 s latency: %lld ms\n",
                static_cast<long long>(switchMs));
    EXPECT_LT(switchMs, kQuitBoundMs);
    EXPECT_EQ(m_launcher->accounts()->currentAccountKey(), other.accountKey());
    ASSERT_FALSE(first.expired());
    EXPECT_TRUE(first.lock()->isValid()) << "still signed in, only not current";
    EXPECT_EQ(first.use_count(), 1) << "held by the accounts alone";
    expectNoMarkLost();
    ASSERT_TRUE(m_org.clearFaults());
    ASSERT_TRUE(QTest::qWaitFor([this] { return m_launcher->window() != nullptr; }, 10000));
}

// Issue 13: a sign-out's revoke the org has not answered when the teacher quits is not
// dropped. Quitting still ends within 2 s; the token waits in the keychain (never on disk);
// the next start revokes it in the background and removes it from the keychain.
TEST_F(GuiSession, QuittingRightAfterSignOutKeepsTheRevokeForTheNextStart)
{
    startTheApp();
    const QByteArray token = m_launcher->accounts()->session()->refreshToken();
    const QString clientId = m_launcher->accounts()->clientId();
    // The revoke is held 20 s, then its connection closes unanswered: it never reached the org.
    ASSERT_TRUE(m_org.setFaults({{QStringLiteral("latencyMs"), 20000}}));
    ASSERT_TRUE(m_org.armFault("POST", QStringLiteral("^/services/oauth2/revoke$"),
                               QStringLiteral("drop-before-response")));
    ASSERT_NO_FATAL_FAILURE(signOutThroughTheSwitcher());

    QElapsedTimer quitting; // and quits at once
    quitting.start();
    WindowShows shows; // the sign-out ending during the quit opens no window
    if (MainWindow *window = m_launcher->window())
        window->close();
    m_launcher.reset();
    const qint64 quitMs = quitting.elapsed();
    EXPECT_EQ(shows.count(), 0) << "a window opened while quitting";
    std::printf("[ figure ] quit right after signing out, the revoke held 20 s: %lld ms\n",
                static_cast<long long>(quitMs));
    EXPECT_LT(quitMs, kQuitBoundMs);

    ASSERT_TRUE(m_org.clearFaults());
    ASSERT_EQ(refreshAtTheOrg(m_org, token, clientId), TokenResponse::Outcome::Granted)
        << "the revoke was dropped";
    TokenStore keychain(m_settings.get(), m_keychainService);
    const QStringList pending = pendingRevocations(m_settings.get(), &keychain);
    ASSERT_EQ(pending.size(), 1) << "the token to revoke is kept";
    const auto [kept, entry] = readKeychainEntry(&keychain, pending.first());
    ASSERT_EQ(kept, TokenStore::Status::Ok);
    EXPECT_TRUE(entry.contains(token)) << "in the keychain";
    for (QDirIterator files(m_dir.path(), QDir::Files, QDirIterator::Subdirectories);
         files.hasNext();) {
        QFile file(files.next());
        ASSERT_TRUE(file.open(QIODevice::ReadOnly));
        EXPECT_FALSE(file.readAll().contains(token))
            << "on disk: " << file.fileName().toStdString();
    }

    // The next start: signed out, the window opens offline and tells the org in the background.
    m_launcher = std::make_unique<GuiLauncher>();
    m_launcher->setKeychainService(m_keychainService);
    ASSERT_TRUE(
        m_launcher->start(*qobject_cast<QApplication *>(QCoreApplication::instance()),
                          {QStringLiteral("pasalista"), QStringLiteral("--data-dir"), dataDir()}));
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return pendingRevocations(m_settings.get(), &keychain).isEmpty(); }, 20000))
        << "revoked and forgotten at the next start";
    EXPECT_EQ(refreshAtTheOrg(m_org, token, clientId), TokenResponse::Outcome::InvalidGrant)
        << "revoked at the org";
    EXPECT_EQ(readKeychainEntry(&keychain, pending.first()).first, TokenStore::Status::NotFound)
        << "no longer in the keychain";
    const qint64 secondQuitMs = quitTheApp();
    EXPECT_LT(secondQuitMs, kQuitBoundMs);
}

TEST_F(GuiSession, SoakTypingSwitchingSigningOutAndInUnderFaultsLosesNothing)
{
    const int rounds = qEnvironmentVariableIsSet("PASALISTA_SOAK_ROUNDS")
                           ? qEnvironmentVariableIntValue("PASALISTA_SOAK_ROUNDS")
                           : 2;
    startTheApp();
    const QList<Course> courses = activeCourses();
    ASSERT_FALSE(courses.isEmpty());
    // 20 % of requests fail, each waits 2 s; the window polls every few seconds.
    ASSERT_TRUE(
        m_org.setFaults({{QStringLiteral("errorRate"), 0.2}, {QStringLiteral("latencyMs"), 2000}}));
    const auto pollOften = [this] {
        m_launcher->scheduler()->setBasePollIntervalMs(3000);
        m_launcher->scheduler()->setEditDebounceMs(500);
    };
    pollOften();
    StallMeter stalls;
    for (int round = 0; round < rounds; ++round) {
        for (int i = 0; i < 2; ++i) { // two courses a round: switching between them
            typeMarks(courses.at((round * 2 + i) % courses.size()), 3, round + i);
            QTest::qWait(1500);
        }
        signOutKeepingData(); // issue 24: nothing of hers can be typed into until she is back
        QTest::qWait(500);
        stalls.pause(); // the test plays the browser here
        signInAgain();
        stalls.resume();
        pollOften();
        typeMarks(courses.at(round % courses.size()), 1, round); // right after signing in
        QTest::qWait(3000);
        std::printf("[ soak ] round %d of %d done, longest stall so far %lld ms\n", round + 1,
                    rounds, static_cast<long long>(stalls.longestMs()));
    }
    const qint64 longestStall = stalls.longestMs();

    // Final clean syncs (the last one with nothing left to push, so the laptop has read its
    // own pushes back), then the org and the store compared record by record.
    ASSERT_TRUE(m_org.clearFaults());
    bool clean = false;
    for (int attempt = 0; attempt < 6 && !clean; ++attempt) {
        QSignalSpy finished(m_launcher->scheduler(), &SyncScheduler::cycleFinished);
        m_launcher->scheduler()->syncNow();
        ASSERT_TRUE(QTest::qWaitFor([&finished] { return !finished.isEmpty(); }, 120000));
        const auto report = finished.last().at(0).value<SyncReport>();
        clean = report.result == SyncReport::Result::Clean && report.pushed == 0 &&
                m_probe->pendingChangeCount() == 0;
    }
    EXPECT_TRUE(clean) << "a clean sync after the faults end";
    expectNoMarkLost();
    expectStoreHoldsExactlyTheScope(m_org, *m_probe);

    const qint64 quitMs = quitTheApp();
    std::printf("[ figure ] soak: %d rounds, longest event-loop stall %lld ms (target 200 ms), "
                "quit %lld ms\n",
                rounds, static_cast<long long>(longestStall), static_cast<long long>(quitMs));
    EXPECT_LT(quitMs, kQuitBoundMs);
}
