// Native behaviour outside the windows' content: the log file (rotation, no secrets),
// "Copy diagnostics" (useful, no secrets), one instance per user, the remembered window.
#include "coursefilterproxymodel.h"
#include "courselistmodel.h"
#include "demodata.h"
#include "diagnostics.h"
#include "logfile.h"
#include "mainwindow.h"
#include "mapping.h"
#include "repository.h"
#include "singleinstance.h"
#include "store/localstore.h"
#include "windowstatekeeper.h"

#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <gtest/gtest.h>

#include <memory>

using namespace pasalista;

namespace {

Q_LOGGING_CATEGORY(lcDesktopTest, "pasalista.desktoptest", QtInfoMsg)

QString readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

const QString kRefreshToken = QStringLiteral("5Aep861TSESvWeug_xvFHRBTTbf_YrTWgEyjBJoTTh");
const QString kSessionId =
    QStringLiteral("00D5g000004XyZa!AQ4AQFakeAccessTokenValue.abcdefghijklmnop1234");

} // namespace

TEST(LogFile, RedactsTokensCodesPasswordsAndSessionIds)
{
    const QString message =
        QStringLiteral("token reply {\"access_token\":\"%1\",\"refresh_token\":\"%2\"} "
                       "Authorization: Bearer %1 code=aPrxYXyxzkuBzbiiAMg4tg9xH3Q "
                       "password=hunter2 client_secret=ABCDEF123 code: 404")
            .arg(kSessionId, kRefreshToken);
    const QString redacted = LogFile::redact(message);
    EXPECT_FALSE(redacted.contains(kSessionId)) << redacted.toStdString();
    EXPECT_FALSE(redacted.contains(kRefreshToken)) << redacted.toStdString();
    EXPECT_FALSE(redacted.contains(QStringLiteral("aPrxYXyxzkuBzbiiAMg4tg9xH3Q")));
    EXPECT_FALSE(redacted.contains(QStringLiteral("hunter2")));
    EXPECT_FALSE(redacted.contains(QStringLiteral("ABCDEF123")));
    EXPECT_TRUE(redacted.contains(QStringLiteral("code: 404"))) << redacted.toStdString();
    EXPECT_TRUE(redacted.contains(QStringLiteral("token reply")));
    EXPECT_EQ(LogFile::redact(QStringLiteral("pushed 12 records")),
              QStringLiteral("pushed 12 records"));
}

TEST(LogFile, WritesMessagesWithoutSecretsAndChainsTheConsole)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    LogFile log(dir.filePath(QStringLiteral("logs")));
    ASSERT_TRUE(log.install()) << log.errorString().toStdString();
    EXPECT_EQ(LogFile::installedFilePath(), log.filePath());
    qCWarning(lcDesktopTest) << QStringLiteral("refresh failed for token=") + kRefreshToken;
    qCInfo(lcDesktopTest).noquote() << "sync done, 3 pushed";
    log.uninstall();
    EXPECT_TRUE(LogFile::installedFilePath().isEmpty());

    const QString text = readAll(log.filePath());
    EXPECT_TRUE(text.contains(QStringLiteral(" W pasalista.desktoptest: "))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("sync done, 3 pushed")));
    EXPECT_FALSE(text.contains(kRefreshToken)) << text.toStdString();
    EXPECT_TRUE(log.filePath().endsWith(QStringLiteral("logs/pasalista.log")));
}

TEST(LogFile, RotatesAtTheLimitKeepingFiveFiles)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const qint64 limit = 4096;
    LogFile log(dir.path(), QStringLiteral("pasalista"), limit, 5);
    const QString line(200, QLatin1Char('x'));
    for (int i = 0; i < 200; ++i) {
        log.write(QtInfoMsg, QStringLiteral("pasalista.test"),
                  QStringLiteral("line %1 ").arg(i) + line);
    }
    const QStringList files =
        QDir(dir.path()).entryList({QStringLiteral("pasalista*.log")}, QDir::Files, QDir::Name);
    EXPECT_EQ(files,
              QStringList({QStringLiteral("pasalista.1.log"), QStringLiteral("pasalista.2.log"),
                           QStringLiteral("pasalista.3.log"), QStringLiteral("pasalista.4.log"),
                           QStringLiteral("pasalista.log")}));
    for (const QString &file : files) {
        EXPECT_LE(QFileInfo(dir.filePath(file)).size(), limit + 512) << file.toStdString();
    }
    // The newest line is in pasalista.log, older ones in .1, .2 …
    EXPECT_TRUE(readAll(dir.filePath(QStringLiteral("pasalista.log")))
                    .contains(QStringLiteral("line 199 ")));
    EXPECT_FALSE(readAll(dir.filePath(QStringLiteral("pasalista.4.log")))
                     .contains(QStringLiteral("line 199 ")));
}

TEST(LogFile, DefaultDirectoryIsTheAppLocalDataLogsFolder)
{
    EXPECT_TRUE(LogFile::defaultDirectory().endsWith(QStringLiteral("/logs")));
}

TEST(Diagnostics, DescribesVersionPathsAndStoreWithoutSecrets)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    LocalStore store(Mapping::dream());
    ASSERT_TRUE(store.open(dir.filePath(QStringLiteral("local.sqlite"))));
    DemoData demo(store);
    ASSERT_TRUE(demo.populate(QDate::currentDate()));
    Repository repository(store);
    const QString title = store.mapping().column(Role::Student, QStringLiteral("first_name"));
    const auto student = store.insertLocal(
        Role::Student, {{store.mapping().column(Role::Student, QStringLiteral("last_name")),
                         QStringLiteral("Peña")},
                        {title, QStringLiteral("Ana")}});
    ASSERT_TRUE(student.has_value()) << store.errorString().toStdString();

    const QString text =
        Diagnostics::text(&store, {{QStringLiteral("platform"), QStringLiteral("offscreen")}});
    EXPECT_TRUE(text.contains(QStringLiteral("version: " PASALISTA_VERSION))) << text.toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("Qt: ") + QString::fromLatin1(qVersion())));
    EXPECT_TRUE(text.contains(QStringLiteral("operating system: ")));
    EXPECT_TRUE(text.contains(QStringLiteral("platform: offscreen")));
    EXPECT_TRUE(text.contains(QStringLiteral("file: ") + store.path()));
    EXPECT_TRUE(text.contains(
        QStringLiteral("changes waiting to sync: %1").arg(store.pendingChangeCount())));
    EXPECT_GE(store.pendingChangeCount(), 1);
    EXPECT_TRUE(text.contains(store.mapping().table(Role::Attendance) + QStringLiteral(": ")));
    // No record content and nothing that looks like a credential.
    EXPECT_FALSE(text.contains(QStringLiteral("Peña")));
    for (const char *secret : {"token", "secret", "password", "Bearer", "instance_url"}) {
        EXPECT_FALSE(text.contains(QLatin1String(secret), Qt::CaseInsensitive)) << secret;
    }
    EXPECT_TRUE(Diagnostics::text(nullptr).contains(QStringLiteral("open: no")));
}

TEST(SingleInstance, PrintingAndScreenshotStartsAreNotCounted)
{
    const QString program = QStringLiteral("pasalista");
    EXPECT_TRUE(SingleInstance::appliesTo({program}));
    EXPECT_TRUE(SingleInstance::appliesTo({program, QStringLiteral("--demo")}));
    EXPECT_FALSE(SingleInstance::appliesTo({program, QStringLiteral("--version")}));
    EXPECT_FALSE(SingleInstance::appliesTo({program, QStringLiteral("-h")}));
    EXPECT_FALSE(SingleInstance::appliesTo({program, QStringLiteral("--screenshot=x.png")}));
    EXPECT_FALSE(
        SingleInstance::appliesTo({program, QStringLiteral("--screenshot"), QStringLiteral("x")}));
}

TEST(SingleInstance, KeyDependsOnTheDataFolder)
{
    const QString program = QStringLiteral("pasalista");
    const QString plain = SingleInstance::keyFor({program});
    EXPECT_TRUE(plain.startsWith(QStringLiteral("pasalista-")));
    EXPECT_EQ(plain, SingleInstance::keyFor({program, QStringLiteral("--demo")}));
    EXPECT_NE(plain, SingleInstance::keyFor(
                         {program, QStringLiteral("--data-dir"), QStringLiteral("/tmp/a")}));
    EXPECT_EQ(
        SingleInstance::keyFor({program, QStringLiteral("--data-dir=/tmp/a")}),
        SingleInstance::keyFor({program, QStringLiteral("--data-dir"), QStringLiteral("/tmp/a")}));
}

TEST(SingleInstance, SecondStartRaisesTheFirstWindow)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QStringList arguments = {QStringLiteral("pasalista"), QStringLiteral("--data-dir"),
                                   dir.path()};
    SingleInstance first(arguments);
    ASSERT_TRUE(first.claim());
    ASSERT_TRUE(first.isListening());
    QSignalSpy raised(&first, &SingleInstance::activationRequested);

    // The second start runs in another process in real life; here a thread stands in for
    // it, so that this thread's event loop can answer.
    bool answered = false;
    std::unique_ptr<QThread> second(QThread::create(
        [&answered, key = first.key()] { answered = SingleInstance::activateRunning(key, 5000); }));
    second->start();
    EXPECT_TRUE(raised.wait(5000));
    QTRY_VERIFY_WITH_TIMEOUT(second->isFinished(), 5000);
    EXPECT_TRUE(answered);
}

TEST(SingleInstance, NobodyListeningMeansNoActivation)
{
    EXPECT_FALSE(SingleInstance::activateRunning(QStringLiteral("pasalista-nobody-listens"), 200));
}

TEST(WindowStateKeeper, RemembersGeometryAndLastCoursePerStore)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    LocalStore store(Mapping::dream());
    const QString path = dir.filePath(QStringLiteral("local.sqlite"));
    ASSERT_TRUE(store.open(path));
    DemoData demo(store);
    ASSERT_TRUE(demo.populate(QDate::currentDate()));
    Repository repository(store);
    QSettings().remove(WindowStateKeeper::lastCourseKey(path));
    QSettings().remove(WindowStateKeeper::geometryKey());

    qint64 chosen = 0;
    {
        MainWindow window(repository);
        auto *keeper = new WindowStateKeeper(window, path);
        window.show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
        if (window.courseFilter()->rowCount() < 2) { // a day few demo courses meet
            window.activeTodayCheck()->setChecked(false);
        }
        ASSERT_GE(window.courseFilter()->rowCount(), 2);
        const QModelIndex last =
            window.courseFilter()->index(window.courseFilter()->rowCount() - 1, 0);
        chosen = last.data(CourseListModel::CourseIdRole).toLongLong();
        ASSERT_TRUE(window.selectCourse(chosen));
        ASSERT_NE(
            chosen,
            window.courseFilter()->index(0, 0).data(CourseListModel::CourseIdRole).toLongLong());
        window.resize(900, 640);
        window.close(); // saves
        Q_UNUSED(keeper);
    }
    EXPECT_EQ(QSettings().value(WindowStateKeeper::lastCourseKey(path)).toLongLong(), chosen);
    EXPECT_NE(WindowStateKeeper::lastCourseKey(path),
              WindowStateKeeper::lastCourseKey(dir.filePath(QStringLiteral("other.sqlite"))));

    MainWindow again(repository);
    new WindowStateKeeper(again, path);
    EXPECT_EQ(again.currentCourseId(), chosen);
    EXPECT_EQ(again.size(), QSize(900, 640));
    QSettings().remove(WindowStateKeeper::lastCourseKey(path));
    QSettings().remove(WindowStateKeeper::geometryKey());
    QSettings().remove(WindowStateKeeper::stateKey());
}
