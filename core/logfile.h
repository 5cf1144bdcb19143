#pragma once

#include <QFile>
#include <QMutex>
#include <QString>
#include <QtGlobal>

namespace pasalista {

// The app's log: a Qt message handler that appends every message, one line each, to
// <directory>/<name>.log and rotates it when it passes maxBytes, keeping `keep` files in
// all (<name>.log, <name>.1.log … <name>.<keep-1>.log, oldest last). Messages still reach
// the previous handler (the console). Tokens, codes, passwords and Salesforce session ids
// are masked before anything is written (redact()).
//
// Install one from the app's main(); it stays the handler until it is destroyed.
class LogFile
{
public:
    static constexpr qint64 kDefaultMaxBytes = 1024 * 1024;
    static constexpr int kDefaultKeep = 5;

    explicit LogFile(const QString &directory, const QString &name = QStringLiteral("pasalista"),
                     qint64 maxBytes = kDefaultMaxBytes, int keep = kDefaultKeep);
    ~LogFile();
    LogFile(const LogFile &) = delete;
    LogFile &operator=(const LogFile &) = delete;

    // QStandardPaths::AppLocalDataLocation/logs: the platform's per-user log folder
    // (~/.local/share/Pasalista/pasalista/logs on Linux, %LOCALAPPDATA%\Pasalista\pasalista\logs
    // on Windows, ~/Library/Application Support/Pasalista/pasalista/logs on macOS).
    static QString defaultDirectory();
    // The file the installed LogFile writes, empty when none is installed.
    static QString installedFilePath();
    // Masks secrets: OAuth tokens and codes, PKCE verifiers, client secrets, passwords,
    // Authorization headers and Salesforce session ids.
    static QString redact(const QString &message);

    bool install();
    void uninstall();
    QString filePath() const;
    QString errorString() const { return m_error; }

    // Writes one formatted, redacted line (what the handler does for each message).
    void write(QtMsgType type, const QString &category, const QString &message);

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &message);
    bool openFile();
    void rotate();
    QString rotatedPath(int index) const;

    QString m_directory;
    QString m_name;
    qint64 m_maxBytes;
    int m_keep;
    QString m_error;
    QMutex m_mutex;
    QFile m_file;
    QtMessageHandler m_previous = nullptr;
    bool m_installed = false;
};

} // namespace pasalista
