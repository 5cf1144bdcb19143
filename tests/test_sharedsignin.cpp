// Issue 23: one sign-in shared by the window and the CLI under refresh token rotation (the
// emulator's default, as a production org's External Client App). The real pasalista-cli and
// an in-process session of the window's kind restore the same keychain entry and refresh at the
// same moment; then the CLI is killed right after a refresh. Neither ends signed out, and every
// mark reaches the org (compared record by record).
#include "auth/accountmanager.h"
#include "auth/session.h"
#include "clibinary.h"
#include "orgscope.h"
#include "repository.h"
#include "revocationcheck.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QSettings>
#include <QTest>
#include <QThread>
#include <gtest/gtest.h>

#include <atomic>

using namespace pasalista;
using pasalista::test::Cli;
using pasalista::test::EmulatorProcess;
using pasalista::test::expectStoreHoldsExactlyTheScope;
using pasalista::test::firstActiveCourse;
using pasalista::test::kTeacher;

namespace {

class SharedSignIn : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_org.isRunning()) << m_org.startupOutput().toStdString();
        QString output;
        PASALISTA_CLI_LOGIN_OR_SKIP(m_cli, m_org, output);
        ASSERT_EQ(m_cli.run({QStringLiteral("sync")}, &output), 0) << output.toStdString();
        ASSERT_TRUE(m_store.open(m_cli.databasePath())) << m_store.errorString().toStdString();
    }

    // The teacher's offline work before a sync: one more day of marks for a course.
    void markADay(int daysAgo)
    {
        Repository repository(m_store);
        const Course course = firstActiveCourse(repository);
        ASSERT_FALSE(course.sfid.isEmpty());
        const QDate date = QDate::currentDate().addDays(-daysAgo);
        for (const Student &student : repository.roster(course.id))
            ASSERT_TRUE(repository.markAttendance(course.id, student.id, date, 1, {}, true).ok());
    }

    // The CLI's own settings, data folder and keychain: a window of the same OS user.
    std::unique_ptr<AccountManager> window()
    {
        m_settings = std::make_unique<QSettings>(
            m_dir.filePath(QStringLiteral("config/Pasalista/pasalista.conf")),
            QSettings::IniFormat);
        auto accounts = std::make_unique<AccountManager>(m_settings.get(),
                                                         m_dir.filePath(QStringLiteral("data")));
        EXPECT_EQ(accounts->restoreSession(), AccountManager::RestoreResult::Restored);
        return accounts;
    }

    QByteArray keychainRefreshToken()
    {
        m_settings->sync();
        TokenStore keychain(m_settings.get());
        TokenStore::Saved saved;
        keychain.load(m_settings->value(QStringLiteral("currentAccount")).toString(), &saved);
        return saved.refreshToken;
    }

    // Ends the sync session's access tokens at the org: the next request of each refreshes.
    void expireSessions()
    {
        ASSERT_TRUE(m_org.setFaults({{QStringLiteral("expireSessions"), true}}));
    }

    void expectEverythingSynced()
    {
        QString output;
        EXPECT_EQ(m_cli.run({QStringLiteral("sync")}, &output), 0) << output.toStdString();
        // The next sync, as the teacher's would, learns the org's stamps of its own pushes.
        EXPECT_EQ(m_cli.run({QStringLiteral("sync")}, &output), 0) << output.toStdString();
        EXPECT_EQ(m_cli.run({QStringLiteral("whoami")}, &output), 0)
            << "still signed in: " << output.toStdString();
        expectStoreHoldsExactlyTheScope(m_org, m_store);
    }

    EmulatorProcess m_org{{QStringLiteral("--demo"), QStringLiteral("--auto-approve"), kTeacher}};
    QTemporaryDir m_dir;
    Cli m_cli{m_dir};
    LocalStore m_store{Mapping::dream()};
    std::unique_ptr<QSettings> m_settings;
};

// Whether the org has answered a token refresh and, after it, a request of the data API
// (the new access token in use).
bool refreshedAndUsed(const EmulatorProcess &org)
{
    bool refreshed = false;
    for (const QJsonValue &value : org.requestLog()) {
        const QJsonObject entry = value.toObject();
        const QString path = entry.value(QStringLiteral("path")).toString();
        if (path.startsWith(QLatin1String("/services/oauth2/token")) &&
            entry.value(QStringLiteral("status")).toInt() == 200)
            refreshed = true;
        else if (refreshed && path.startsWith(QLatin1String("/services/data/")))
            return true;
    }
    return false;
}

} // namespace

TEST_F(SharedSignIn, TheWindowAndTheCliRefreshingAtOnceStaySignedIn)
{
    const std::unique_ptr<AccountManager> accounts = window();
    const std::shared_ptr<Session> session = accounts->session();
    ASSERT_TRUE(session);
    for (int round = 0; round < 3; ++round) {
        markADay(round + 1);
        expireSessions();
        QProcess sync;
        sync.setProcessChannelMode(QProcess::MergedChannels);
        m_cli.start(sync, {QStringLiteral("sync")});
        int generation = 0;
        session->accessToken(&generation);
        std::atomic<Session::RefreshResult> result{Session::RefreshResult::Failed};
        std::unique_ptr<QThread> refresh(
            QThread::create([&] { result = session->refreshAccessToken(generation); }));
        refresh->start();
        // The window's GUI thread keeps its event loop running meanwhile (the keychain's
        // jobs are delivered there).
        ASSERT_TRUE(QTest::qWaitFor(
            [&] { return sync.state() == QProcess::NotRunning && refresh->isFinished(); }, 120000));
        EXPECT_EQ(sync.exitCode(), 0) << "round " << round << ": " << sync.readAll().toStdString();
        EXPECT_EQ(result.load(), Session::RefreshResult::Refreshed) << "round " << round;
        ASSERT_TRUE(session->isValid()) << "round " << round;
    }
    EXPECT_EQ(test::refreshAtTheOrg(m_org, keychainRefreshToken()), TokenResponse::Outcome::Granted)
        << "the keychain holds the family's current token";
    expectEverythingSynced();
}

TEST_F(SharedSignIn, ACliKilledRightAfterARefreshStaysSignedIn)
{
    window(); // the settings the keychain check reads
    for (int round = 0; round < 3; ++round) {
        markADay(round + 1);
        expireSessions();
        m_org.clearRequestLog();
        QProcess sync;
        m_cli.start(sync, {QStringLiteral("sync")});
        QElapsedTimer waited;
        waited.start();
        while (!refreshedAndUsed(m_org) && sync.state() == QProcess::Running &&
               waited.elapsed() < 60000)
            QThread::msleep(5);
        ASSERT_EQ(sync.state(), QProcess::Running) << "round " << round << ": ended unkilled";
        ASSERT_TRUE(refreshedAndUsed(m_org)) << "round " << round;
        sync.kill();
        sync.waitForFinished(10000);
        EXPECT_EQ(test::refreshAtTheOrg(m_org, keychainRefreshToken()),
                  TokenResponse::Outcome::Granted)
            << "round " << round << ": the rotated token was saved before it was used";
    }
    expectEverythingSynced();
}

// A sign-in the org ends (revoked, expired by policy) keeps every unsent change on the
// laptop and asks the teacher to sign in again.
TEST_F(SharedSignIn, ASignInTheOrgEndsKeepsEveryUnsentChange)
{
    const std::unique_ptr<AccountManager> accounts = window();
    markADay(1);
    const QString account = accounts->currentAccountKey();
    const int unsent = accounts->unsyncedChangeCount(account);
    ASSERT_GT(unsent, 0);
    ASSERT_TRUE(m_org.revokeAll());
    QString output;
    EXPECT_NE(m_cli.run({QStringLiteral("sync")}, &output), 0) << output.toStdString();
    EXPECT_TRUE(output.contains(QStringLiteral("sign in"), Qt::CaseInsensitive))
        << output.toStdString();
    EXPECT_EQ(accounts->unsyncedChangeCount(account), unsent) << "nothing lost";
    EXPECT_TRUE(QFile::exists(accounts->databasePath(account)));
}

// An org that refuses the app itself (not installed since September 2025's restriction):
// the teacher cannot fix it, her admin can; she stays signed in for when it is fixed.
TEST_F(SharedSignIn, AnAppTheOrgRefusesIsExplainedForTheAdmin)
{
    const std::unique_ptr<AccountManager> accounts = window();
    const std::shared_ptr<Session> session = accounts->session();
    ASSERT_TRUE(session);
    ASSERT_TRUE(m_org.setTokenPolicy({{QStringLiteral("appInstalled"), false}}));
    int generation = 0;
    session->accessToken(&generation);
    QString error;
    EXPECT_EQ(session->refreshAccessToken(generation, &error), Session::RefreshResult::Failed);
    EXPECT_TRUE(error.contains(QStringLiteral("administrator"))) << error.toStdString();
    EXPECT_TRUE(error.contains(QStringLiteral("app must be installed into org")))
        << error.toStdString();
    EXPECT_TRUE(session->isValid());
}
