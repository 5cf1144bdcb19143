#pragma once

// The real pasalista-cli as a child process with settings and data of its own (the keychain
// is the session's real one), signed in through the emulator as a teacher's browser would.
#include <QDir>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrl>

namespace pasalista::test {

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

    // A variable of the CLI's environment (a test hook, a quieter log).
    void setEnvironment(const QString &name, const QString &value)
    {
        m_environment.insert(name, value);
    }
    QString dataDir() const { return m_dataDir; }

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

} // namespace pasalista::test

// Signs `cli` in to `org`, or skips the test where there is no keychain (exit code 4): the CLI
// cannot stay signed in between runs there. A macro because GTEST_SKIP and ASSERT_* can only
// leave the test from its own body.
#define PASALISTA_CLI_LOGIN_OR_SKIP(cli, org, output)                                              \
    do {                                                                                           \
        const int loginCode = (cli).login((org).baseUrl(), &(output));                             \
        if (loginCode == 4) {                                                                      \
            GTEST_SKIP() << "no keychain here, so the CLI cannot stay signed in between runs: "    \
                         << (output).toStdString();                                                \
        }                                                                                          \
        ASSERT_EQ(loginCode, 0) << (output).toStdString();                                         \
    } while (false)
