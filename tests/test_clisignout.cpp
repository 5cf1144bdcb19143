// `pasalista-cli logout` when the org does not answer the revoke: the real binary, its own
// settings, the session's real keychain. The token waits in the keychain and the next
// command revokes it in the background (issue 13).
#include "clibinary.h"
#include "laptop.h"
#include "revocationcheck.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSettings>
#include <QThread>
#include <gtest/gtest.h>

using namespace pasalista;
using pasalista::test::Cli;
using pasalista::test::EmulatorProcess;

namespace {

// The real CLI signed in to an emulator of its own, its settings file and the keychain it
// wrote to. Not the teacher the other suites of the real binary sign in as: the CLI's
// keychain service is the session's own, and these logouts must not end their sign-in.
class CliSignOut : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(org.isRunning()) << org.startupOutput().toStdString();
        PASALISTA_CLI_LOGIN_OR_SKIP(cli, org, output);
        settings.sync(); // written by the CLI since it was opened
        account = settings.value(QStringLiteral("currentAccount")).toString();
        ASSERT_EQ(keychain.load(account, &saved), TokenStore::Status::Ok) << account.toStdString();
    }

    EmulatorProcess org{{QStringLiteral("--demo"), QStringLiteral("--auto-approve"),
                         QStringLiteral("jose.pena@dream.demo")}};
    QTemporaryDir dir;
    const Cli cli{dir};
    QString output;
    const QString settingsFile = dir.filePath(QStringLiteral("config/Pasalista/pasalista.conf"));
    QSettings settings{settingsFile, QSettings::IniFormat};
    TokenStore keychain{&settings, QStringLiteral("Pasalista")};
    QString account;
    TokenStore::Saved saved;
};

} // namespace

TEST_F(CliSignOut, ARevokeTheOrgDidNotTakeIsSentAgainByTheNextCommand)
{
    const QByteArray token = saved.refreshToken;

    // The org fails the revoke (500: not processed).
    ASSERT_TRUE(
        org.armFault("POST", QStringLiteral("^/services/oauth2/revoke$"), QStringLiteral("500")));
    output.clear();
    EXPECT_EQ(cli.run({QStringLiteral("logout")}, &output), 0) << output.toStdString();
    EXPECT_TRUE(output.contains(QStringLiteral("the next time it starts"))) << output.toStdString();
    EXPECT_EQ(test::refreshAtTheOrg(org, token), TokenResponse::Outcome::Granted);
    const QStringList pending = test::pendingRevocations(&settings, &keychain);
    ASSERT_EQ(pending.size(), 1) << "kept for the next start";
    EXPECT_TRUE(test::readKeychainEntry(&keychain, pending.first()).second.contains(token));

    // The next command, whatever it is, sends it again.
    cli.run({QStringLiteral("whoami")}, &output);
    EXPECT_EQ(test::refreshAtTheOrg(org, token), TokenResponse::Outcome::InvalidGrant)
        << output.toStdString();
    EXPECT_TRUE(test::pendingRevocations(&settings, &keychain).isEmpty());
    EXPECT_EQ(test::readKeychainEntry(&keychain, pending.first()).first,
              TokenStore::Status::NotFound);
}

// Issue 23: `logout --delete-local-data` killed while the org answers the revoke. The next
// command finishes the sign-out (revoke, then delete the data) and never restores the token
// as a session. Before issue 23 the next run revoked the token and then restored it: whoami
// said she was signed in, and the data she asked to delete stayed on disk.
TEST_F(CliSignOut, ASignOutKilledWhileTheOrgAnswersIsFinishedByTheNextCommand)
{
    ASSERT_EQ(cli.run({QStringLiteral("sync")}, &output), 0) << output.toStdString();
    const QString database = cli.databasePath();
    ASSERT_TRUE(QFile::exists(database));

    // The org takes its time; the logout is killed once its revoke is on the way.
    ASSERT_TRUE(org.setFaults({{QStringLiteral("latencyMs"), 20000}}));
    QProcess logout;
    cli.start(logout, {QStringLiteral("logout"), QStringLiteral("--delete-local-data")});
    QElapsedTimer waited;
    waited.start();
    const auto revokeSent = [this] {
        QFile file(settingsFile);
        return file.open(QIODevice::ReadOnly) && file.readAll().contains("revocations");
    };
    while (!revokeSent() && waited.elapsed() < 15000)
        QThread::msleep(50);
    ASSERT_TRUE(revokeSent()) << "the logout sent its revoke";
    logout.kill();
    logout.waitForFinished(5000);
    ASSERT_TRUE(org.clearFaults());

    // The next command, whatever it is, finishes the sign-out and is not signed in.
    output.clear();
    EXPECT_EQ(cli.run({QStringLiteral("whoami")}, &output), 4) << output.toStdString();
    EXPECT_EQ(test::refreshAtTheOrg(org, saved.refreshToken), TokenResponse::Outcome::InvalidGrant);
    EXPECT_FALSE(QFile::exists(database)) << "the data she asked to delete is gone";
    output.clear();
    EXPECT_EQ(cli.run({QStringLiteral("whoami")}, &output), 4) << output.toStdString();
    settings.sync();
    TokenStore::Saved left;
    EXPECT_EQ(keychain.load(account, &left), TokenStore::Status::NotFound)
        << "the keychain entries went too";
    EXPECT_TRUE(test::pendingRevocations(&settings, &keychain).isEmpty());
}

// Issue 24, the shared school laptop: after `logout` keeping her data, whoever sits down next
// reads none of the teacher's students and writes nothing into her account. Every command
// over her store refuses with exit 4 until she signs in again. Before issue 24 roster printed
// her students and mark succeeded (exit 0), to reach the org under her name later.
TEST_F(CliSignOut, AfterSignOutHerDataStaysLockedUntilSheSignsInAgain)
{
    ASSERT_EQ(cli.run({QStringLiteral("sync")}, &output), 0) << output.toStdString();
    Course course;
    Student student;
    int pendingBefore = 0;
    {
        LocalStore store(Mapping::dream());
        ASSERT_TRUE(store.open(cli.databasePath())) << store.errorString().toStdString();
        Repository repository(store);
        course = test::firstActiveCourse(repository);
        ASSERT_FALSE(course.sfid.isEmpty());
        student = repository.roster(course.id).value(0);
        ASSERT_FALSE(student.sfid.isEmpty());
        pendingBefore = store.pendingChangeCount();
    }
    ASSERT_EQ(cli.run({QStringLiteral("logout")}, &output), 0) << output.toStdString();

    const QString exported = dir.filePath(QStringLiteral("taken.csv"));
    const QString today = QDate::currentDate().toString(Qt::ISODate);
    const QList<QStringList> commands = {
        {QStringLiteral("roster"), course.sfid},
        {QStringLiteral("report"), course.sfid},
        {QStringLiteral("export"), course.sfid, QStringLiteral("--csv"), exported},
        {QStringLiteral("mark"), course.sfid, today, student.sfid, QStringLiteral("1")},
        {QStringLiteral("courses")},
        {QStringLiteral("pending")},
        {QStringLiteral("status")},
        {QStringLiteral("--db"), cli.databasePath(), QStringLiteral("roster"), course.sfid},
    };
    for (const QStringList &command : commands) {
        output.clear();
        EXPECT_EQ(cli.run(command, &output), 4)
            << command.join(u' ').toStdString() << ": " << output.toStdString();
        EXPECT_TRUE(output.contains(QStringLiteral("signed out"))) << output.toStdString();
        EXPECT_FALSE(output.contains(student.lastName)) << output.toStdString();
    }
    EXPECT_FALSE(QFile::exists(exported));
    {
        LocalStore store(Mapping::dream());
        ASSERT_TRUE(store.open(cli.databasePath())) << "her data is kept, locked";
        EXPECT_EQ(store.pendingChangeCount(), pendingBefore) << "no mark was written for her";
    }

    // She signs in again: her data opens as she left it.
    output.clear();
    ASSERT_EQ(cli.login(org.baseUrl(), &output), 0) << output.toStdString();
    output.clear();
    EXPECT_EQ(cli.run({QStringLiteral("roster"), course.sfid}, &output), 0) << output.toStdString();
    EXPECT_TRUE(output.contains(student.lastName)) << output.toStdString();
}
