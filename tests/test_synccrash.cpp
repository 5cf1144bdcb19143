// Kills `pasalista-cli sync` with SIGKILL at random moments while it pushes 1,000 changes,
// restarts it each time, and checks that the org ends with exactly the expected records:
// none missing, none doubled. The CLI signs in for real (OAuth against the emulator,
// refresh token in the keychain), so each run restores its session as a teacher's would.
#include "emulatorprocess.h"
#include "localstore.h"
#include "mapping.h"
#include "repository.h"

#include <QDir>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <gtest/gtest.h>

using namespace pasalista;
using pasalista::test::EmulatorProcess;

namespace {

const QString kTeacher = QStringLiteral("maria.rodriguez@dream.demo");

class Cli
{
public:
    explicit Cli(const QTemporaryDir &dir) : m_dataDir(dir.filePath(QStringLiteral("data")))
    {
        // Settings of its own; the keychain is the session's real one.
        m_environment = QProcessEnvironment::systemEnvironment();
        m_environment.insert(QStringLiteral("XDG_CONFIG_HOME"),
                             dir.filePath(QStringLiteral("config")));
        m_environment.insert(QStringLiteral("XDG_DATA_HOME"),
                             dir.filePath(QStringLiteral("share")));
    }

    void start(QProcess &process, const QStringList &arguments) const
    {
        process.setProcessEnvironment(m_environment);
        process.start(QStringLiteral(PASALISTA_CLI_PATH),
                      QStringList{QStringLiteral("--data-dir"), m_dataDir} + arguments);
        process.waitForStarted(10000);
    }

    int run(const QStringList &arguments, QString *output = nullptr) const
    {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        start(process, arguments);
        process.waitForFinished(120000);
        if (output) {
            *output = QString::fromUtf8(process.readAll());
        }
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }

    // Plays the teacher's browser: follows the printed address to the emulator, which
    // approves and redirects to the CLI's loopback listener.
    int login(const QUrl &org, QString *output) const
    {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        start(process, {QStringLiteral("login"), QStringLiteral("--login-url"), org.toString(),
                        QStringLiteral("--no-browser")});
        QNetworkAccessManager browser;
        const QRegularExpression address(
            QStringLiteral("(http://\\S+/services/oauth2/authorize\\S+)"));
        while (process.state() == QProcess::Running && process.waitForReadyRead(15000)) {
            *output += QString::fromUtf8(process.readAll());
            const auto match = address.match(*output);
            if (match.hasMatch()) {
                QNetworkReply *reply = browser.get(QNetworkRequest(QUrl(match.captured(1))));
                QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
                break;
            }
        }
        // The browser's request needs the event loop while the CLI finishes.
        QEventLoop loop;
        QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(30000, &loop, &QEventLoop::quit);
        if (process.state() == QProcess::Running) {
            loop.exec();
        }
        *output += QString::fromUtf8(process.readAll());
        return process.state() == QProcess::NotRunning ? process.exitCode() : -1;
    }

    QString databasePath() const
    {
        const QStringList files =
            QDir(m_dataDir).entryList({QStringLiteral("*.sqlite")}, QDir::Files);
        for (const QString &file : files) {
            if (file != QLatin1String("local.sqlite")) {
                return QDir(m_dataDir).filePath(file);
            }
        }
        return {};
    }

private:
    QString m_dataDir;
    QProcessEnvironment m_environment;
};

int crashRuns()
{
    const int fromEnvironment = qEnvironmentVariableIntValue("PASALISTA_CRASH_RUNS");
    return fromEnvironment > 0 ? fromEnvironment : 100;
}

// Writes 1,000 attendance marks offline and returns their Pasalista_Id__c keys.
QSet<QString> markThousand(const QString &databasePath)
{
    LocalStore store(Mapping::dream());
    EXPECT_TRUE(store.open(databasePath)) << store.errorString().toStdString();
    Repository repository(store);
    QSet<QString> keys;
    QList<QPair<qint64, qint64>> pairs; // (course, student)
    for (const Course &course : repository.courses()) {
        for (const Student &student : repository.roster(course.id)) {
            pairs.append({course.id, student.id});
        }
    }
    EXPECT_FALSE(pairs.isEmpty());
    for (int day = 0; keys.size() < 1000 && !pairs.isEmpty(); ++day) {
        const QDate date = QDate::currentDate().addDays(-400 - day);
        for (const auto &[course, student] : pairs) {
            if (keys.size() == 1000) {
                break;
            }
            EXPECT_TRUE(repository.markAttendance(course, student, date, day % 5, {}, true).ok());
            keys.insert(repository.attendanceOn(course, date).value(student).key);
        }
    }
    return keys;
}

} // namespace

TEST(SyncCrash, KilledPushesLeaveNoRecordMissingOrDoubled)
{
    EmulatorProcess org({QStringLiteral("--demo"), QStringLiteral("--auto-approve"), kTeacher});
    ASSERT_TRUE(org.isRunning());
    QTemporaryDir dir;
    const Cli cli(dir);
    QString output;
    const int login = cli.login(org.baseUrl(), &output);
    if (login == 4) {
        GTEST_SKIP() << "no keychain here, so the CLI cannot stay signed in between runs: "
                     << output.toStdString();
    }
    ASSERT_EQ(login, 0) << output.toStdString();
    ASSERT_EQ(cli.run({QStringLiteral("sync")}, &output), 0) << output.toStdString();

    const QString databasePath = cli.databasePath();
    ASSERT_FALSE(databasePath.isEmpty());
    const QSet<QString> expected = markThousand(databasePath);
    ASSERT_EQ(expected.size(), 1000);
    const auto liveAttendance = [&] {
        QJsonArray live;
        for (const QJsonValue &value : org.records(QStringLiteral("Attendance__c"))) {
            if (!value.toObject().value(QStringLiteral("IsDeleted")).toBool()) {
                live.append(value);
            }
        }
        return live;
    };
    const int before = int(liveAttendance().size());

    QRandomGenerator random(4242);
    const int runs = crashRuns();
    for (int run = 0; run < runs; ++run) {
        QProcess sync;
        cli.start(sync, {QStringLiteral("sync")});
        sync.waitForFinished(int(random.bounded(40, 1500)));
        sync.kill(); // SIGKILL, at whatever point it reached
        sync.waitForFinished(10000);
    }
    int exitCode = -1;
    for (int attempt = 0; attempt < 5 && exitCode != 0; ++attempt) {
        exitCode = cli.run({QStringLiteral("sync")}, &output);
    }
    ASSERT_EQ(exitCode, 0) << output.toStdString();

    const QJsonArray live = liveAttendance();
    QHash<QString, int> seen;
    for (const QJsonValue &value : live) {
        const QString key = value.toObject().value(QStringLiteral("Pasalista_Id__c")).toString();
        if (expected.contains(key)) {
            ++seen[key];
        }
    }
    EXPECT_EQ(seen.size(), expected.size()) << "records missing in the org";
    for (auto it = seen.begin(); it != seen.end(); ++it) {
        EXPECT_EQ(it.value(), 1) << "record " << it.key().toStdString() << " doubled";
    }
    EXPECT_EQ(live.size(), before + expected.size());
    EXPECT_EQ(cli.run({QStringLiteral("logout")}), 0);
}
