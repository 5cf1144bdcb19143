#include "logfile.h"

#include "applogging.h"
#include "privatefiles.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QMutexLocker>
#include <QRegularExpression>
#include <QStandardPaths>

#include <atomic>

namespace pasalista {

namespace {

std::atomic<LogFile *> s_installed{nullptr};
QtMessageHandler s_previous = nullptr;
thread_local bool t_inHandler = false;

QChar typeLetter(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return QLatin1Char('D');
    case QtInfoMsg:
        return QLatin1Char('I');
    case QtWarningMsg:
        return QLatin1Char('W');
    case QtCriticalMsg:
        return QLatin1Char('C');
    case QtFatalMsg:
        return QLatin1Char('F');
    }
    return QLatin1Char('?');
}

} // namespace

LogFile::LogFile(const QString &directory, const QString &name, qint64 maxBytes, int keep)
    : m_directory(directory), m_name(name), m_maxBytes(qMax<qint64>(maxBytes, 1024)),
      m_keep(qMax(keep, 1))
{
}

LogFile::~LogFile()
{
    uninstall();
}

QString LogFile::defaultDirectory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
        .filePath(QStringLiteral("logs"));
}

QString LogFile::installedFilePath()
{
    const LogFile *log = s_installed.load();
    return log ? log->filePath() : QString();
}

QString LogFile::redact(const QString &message)
{
    // key=value, key: value, "key":"value" for the names that carry secrets.
    static const QRegularExpression keyValue(
        QStringLiteral("(\\b(?:access_token|refresh_token|id_token|client_secret|code_verifier|"
                       "password|passwd|secret|token|session_?id|sid)\\b[\"']?\\s*[:=]\\s*[\"']?)"
                       "[^\\s\"'&,;}]+"),
        QRegularExpression::CaseInsensitiveOption);
    // An authorization code: only long values, so that "code: 404" stays readable.
    static const QRegularExpression authorizationCode(
        QStringLiteral("(\\bcode\\b[\"']?\\s*[:=]\\s*[\"']?)[^\\s\"'&,;}]{8,}"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression authorizationHeader(
        QStringLiteral("\\b(Bearer|OAuth|Basic)\\s+[^\\s\"',;]+"),
        QRegularExpression::CaseInsensitiveOption);
    // A Salesforce session id (the access token): org id, '!', the rest.
    static const QRegularExpression sessionId(
        QStringLiteral("\\b00D[A-Za-z0-9]{12,15}![A-Za-z0-9._\\-]+"));

    QString text = message;
    text.replace(keyValue, QStringLiteral("\\1***"));
    text.replace(authorizationCode, QStringLiteral("\\1***"));
    text.replace(authorizationHeader, QStringLiteral("\\1 ***"));
    text.replace(sessionId, QStringLiteral("***"));
    return text;
}

bool LogFile::install()
{
    {
        QMutexLocker locker(&m_mutex);
        if (!m_file.isOpen() && !openFile()) {
            return false;
        }
    }
    LogFile *expected = nullptr;
    if (!s_installed.compare_exchange_strong(expected, this)) {
        m_error = QStringLiteral("another log file is installed");
        return expected == this;
    }
    s_previous = qInstallMessageHandler(&LogFile::handle);
    m_installed = true;
    // Straight to the file: a command-line run keeps its console quiet.
    write(QtInfoMsg, QString::fromLatin1(lcApp().categoryName()),
          QStringLiteral("%1 %2 started (Qt %3)")
              .arg(QCoreApplication::applicationName(), QStringLiteral(PASALISTA_VERSION),
                   QString::fromLatin1(qVersion())));
    return true;
}

void LogFile::uninstall()
{
    if (!m_installed) {
        return;
    }
    qInstallMessageHandler(s_previous);
    s_previous = nullptr;
    s_installed.store(nullptr);
    m_installed = false;
    QMutexLocker locker(&m_mutex);
    m_file.close();
}

QString LogFile::filePath() const
{
    return rotatedPath(0);
}

QString LogFile::rotatedPath(int index) const
{
    QString fileName = m_name;
    if (index > 0) {
        fileName += QLatin1Char('.') + QString::number(index);
    }
    return QDir(m_directory).filePath(fileName + QStringLiteral(".log"));
}

void LogFile::write(QtMsgType type, const QString &category, const QString &message)
{
    const QString line = QDateTime::currentDateTime().toString(Qt::ISODateWithMs) +
                         QLatin1Char(' ') + typeLetter(type) + QLatin1Char(' ') + category +
                         QStringLiteral(": ") + redact(message) + QLatin1Char('\n');
    QMutexLocker locker(&m_mutex);
    if (!m_file.isOpen() && !openFile()) {
        return;
    }
    m_file.write(line.toUtf8());
    m_file.flush();
    if (m_file.size() >= m_maxBytes) {
        rotate();
    }
}

void LogFile::handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QString text = redact(message);
    if (!t_inHandler) {
        t_inHandler = true;
        if (LogFile *log = s_installed.load()) {
            log->write(type,
                       context.category ? QString::fromUtf8(context.category)
                                        : QStringLiteral("default"),
                       text);
        }
        t_inHandler = false;
    }
    if (s_previous) {
        s_previous(type, context, text);
    }
}

bool LogFile::openFile()
{
    if (!PrivateFiles::makeFolder(m_directory)) {
        m_error = QStringLiteral("cannot create ") + m_directory;
        return false;
    }
    m_file.setFileName(filePath());
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text)) {
        m_error = m_file.errorString();
        return false;
    }
    return true;
}

void LogFile::rotate()
{
    m_file.close();
    QFile::remove(rotatedPath(m_keep - 1));
    for (int index = m_keep - 2; index >= 0; --index) {
        if (QFile::exists(rotatedPath(index))) {
            QFile::rename(rotatedPath(index), rotatedPath(index + 1));
        }
    }
    openFile();
}

} // namespace pasalista
