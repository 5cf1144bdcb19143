// `pasalista-cli logout` when the org does not answer the revoke: the real binary, its own
// settings, the session's real keychain. The token waits in the keychain and the next
// command revokes it in the background (issue 13).
#include "clibinary.h"
#include "laptop.h"
#include "revocationcheck.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
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

    // The first active course the sync brought and its first student, read from the store.
    void readCourseAndStudent(Course *course, Student *student)
    {
        LocalStore store(Mapping::dream());
        ASSERT_TRUE(store.open(cli.databasePath())) << store.errorString().toStdString();
        Repository repository(store);
        *course = test::firstActiveCourse(repository);
        ASSERT_FALSE(course->sfid.isEmpty());
        *student = repository.roster(course->id).value(0);
        ASSERT_FALSE(student->sfid.isEmpty());
    }

    EmulatorProcess org{{QStringLiteral("--demo"), QStringLiteral("--auto-approve"),
                         QStringLiteral("jose.pena@dream.demo")}};
    QTemporaryDir dir;
    Cli cli{dir};
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
    Course course;
    Student student;
    ASSERT_NO_FATAL_FAILURE(readCourseAndStudent(&course, &student));
    const QString exported = dir.filePath(QStringLiteral("course.csv"));
    ASSERT_EQ(cli.run({QStringLiteral("export"), course.sfid, QStringLiteral("--csv"), exported},
                      &output),
              0)
        << output.toStdString();

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
    for (const QString &suffix : {QStringLiteral("-wal"), QStringLiteral("-shm"),
                                  QStringLiteral("-journal"), QStringLiteral(".exports")})
        EXPECT_FALSE(QFile::exists(database + suffix)) << suffix.toStdString();
    EXPECT_FALSE(QFile::exists(exported)) << "the export the app made went with it (issue 24)";
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
    ASSERT_NO_FATAL_FAILURE(readCourseAndStudent(&course, &student));
    int pendingBefore = 0;
    {
        LocalStore store(Mapping::dream());
        ASSERT_TRUE(store.open(cli.databasePath())) << store.errorString().toStdString();
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

namespace {

constexpr QFileDevice::Permissions kModeBits =
    QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
    QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup |
    QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
constexpr QFileDevice::Permissions kPrivateFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions kPrivateFolder = kPrivateFile | QFileDevice::ExeOwner;

QFileDevice::Permissions modeOf(const QString &path)
{
    return QFileInfo(path).permissions() & kModeBits;
}

// Every file directly in `folder` is 0600, the folder 0700.
void expectPrivateFolder(const QString &folder)
{
    EXPECT_EQ(modeOf(folder), kPrivateFolder) << folder.toStdString();
    const QFileInfoList files = QDir(folder).entryInfoList(QDir::Files | QDir::Hidden);
    EXPECT_FALSE(files.isEmpty()) << folder.toStdString();
    for (const QFileInfo &file : files)
        EXPECT_EQ(modeOf(file.filePath()), kPrivateFile) << file.filePath().toStdString();
}

QString logsOf(const QTemporaryDir &dir)
{
    return dir.filePath(QStringLiteral("share/Pasalista/pasalista/logs"));
}

} // namespace

// Issue 24: removing her data with marks not sent yet is refused until they are exported
// (or discarded in so many words); the export asked for is kept, everything else goes: the
// store with its -wal, -shm and -journal files, and the exports the app made of it.
TEST_F(CliSignOut, RemovingHerDataKeepsTheUnsentMarksInTheFileAskedAndNothingElse)
{
    ASSERT_EQ(cli.run({QStringLiteral("sync")}, &output), 0) << output.toStdString();
    Course course;
    Student student;
    ASSERT_NO_FATAL_FAILURE(readCourseAndStudent(&course, &student));
    const QString database = cli.databasePath();
    const QString courseExport = dir.filePath(QStringLiteral("course.csv"));
    ASSERT_EQ(
        cli.run({QStringLiteral("export"), course.sfid, QStringLiteral("--csv"), courseExport},
                &output),
        0)
        << output.toStdString();
    const QString today = QDate::currentDate().toString(Qt::ISODate);
    ASSERT_EQ(cli.run({QStringLiteral("mark"), course.sfid, today, student.sfid,
                       QStringLiteral("1"), QStringLiteral("--note"), QStringLiteral("sin enviar")},
                      &output),
              0)
        << output.toStdString();

    output.clear();
    EXPECT_EQ(cli.run({QStringLiteral("logout"), QStringLiteral("--delete-local-data")}, &output),
              3)
        << output.toStdString();
    EXPECT_TRUE(output.contains(QStringLiteral("--export FILE"))) << output.toStdString();
    EXPECT_TRUE(QFile::exists(database)) << "refused: nothing removed";

    const QString unsent = dir.filePath(QStringLiteral("unsent.csv"));
    output.clear();
    EXPECT_EQ(cli.run({QStringLiteral("logout"), QStringLiteral("--delete-local-data"),
                       QStringLiteral("--export"), unsent},
                      &output),
              0)
        << output.toStdString();
    QFile kept(unsent);
    ASSERT_TRUE(kept.open(QIODevice::ReadOnly)) << "the unsent marks are kept";
    const QString csv = QString::fromUtf8(kept.readAll());
    EXPECT_TRUE(csv.contains(student.fullName())) << csv.toStdString();
    EXPECT_TRUE(csv.contains(today)) << csv.toStdString();
    EXPECT_TRUE(csv.contains(QStringLiteral("sin enviar"))) << csv.toStdString();
    EXPECT_EQ(csv.count(QStringLiteral("\r\n")), 2) << "the header and the one unsent mark";
    EXPECT_EQ(modeOf(unsent), kPrivateFile);
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"),
                                  QStringLiteral("-journal"), QStringLiteral(".exports")})
        EXPECT_FALSE(QFile::exists(database + suffix)) << suffix.toStdString();
    EXPECT_FALSE(QFile::exists(courseExport)) << "the app's export of her course went too";
}

// Issue 24: the store, its -wal and -shm files, the export and the log are the OS user's
// alone (0600 in 0700 folders); and a sync logged with every pasalista category at debug
// writes no student's name and no token.
TEST_F(CliSignOut, FilesArePrivateAndTheLogHoldsNoNamesNorTokens)
{
#ifndef Q_OS_UNIX
    GTEST_SKIP() << "Windows: the user profile's default ACLs keep the files to the user";
#endif
    cli.setEnvironment(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("pasalista.*=true"));
    ASSERT_EQ(cli.run({QStringLiteral("sync")}, &output), 0) << output.toStdString();
    Course course;
    Student student;
    ASSERT_NO_FATAL_FAILURE(readCourseAndStudent(&course, &student));
    const QString exported = dir.filePath(QStringLiteral("exports/course.csv"));
    ASSERT_TRUE(QDir().mkpath(QFileInfo(exported).path()));
    ASSERT_EQ(cli.run({QStringLiteral("export"), course.sfid, QStringLiteral("--csv"), exported},
                      &output),
              0)
        << output.toStdString();

    expectPrivateFolder(cli.dataDir());
    EXPECT_EQ(modeOf(exported), kPrivateFile);
    expectPrivateFolder(logsOf(dir));

    QString logs;
    for (const QFileInfo &file : QDir(logsOf(dir)).entryInfoList(QDir::Files)) {
        QFile log(file.filePath());
        ASSERT_TRUE(log.open(QIODevice::ReadOnly));
        logs += QString::fromUtf8(log.readAll());
    }
    ASSERT_TRUE(logs.contains(QStringLiteral("pasalista.sync"))) << "debug lines were logged";
    LocalStore store(Mapping::dream());
    ASSERT_TRUE(store.open(cli.databasePath()));
    const QList<Student> students = Repository(store).students();
    ASSERT_GT(students.size(), 10);
    for (const Student &each : students)
        EXPECT_FALSE(logs.contains(each.fullName())) << each.fullName().toStdString();
    settings.sync();
    TokenStore::Saved now;
    ASSERT_EQ(keychain.load(account, &now), TokenStore::Status::Ok);
    for (const QByteArray &token : {saved.refreshToken, now.refreshToken, now.accessToken}) {
        if (!token.isEmpty()) {
            EXPECT_FALSE(logs.contains(QString::fromUtf8(token))) << "a token is in the log";
        }
    }
}
