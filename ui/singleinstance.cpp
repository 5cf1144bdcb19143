#include "singleinstance.h"

#include "uilogging.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>
#include <QMainWindow>
#include <QThread>

namespace pasalista {

namespace {

const QByteArray kRaise = QByteArrayLiteral("raise\n");
const QByteArray kAnswer = QByteArrayLiteral("ok\n");

QString optionValue(const QStringList &arguments, const QString &option)
{
    const QString prefix = option + QLatin1Char('=');
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        if (arguments.at(i) == option && i + 1 < arguments.size()) {
            return arguments.at(i + 1);
        }
        if (arguments.at(i).startsWith(prefix)) {
            return arguments.at(i).mid(prefix.size());
        }
    }
    return {};
}

} // namespace

SingleInstance::SingleInstance(const QStringList &arguments, QObject *parent)
    : QObject(parent), m_key(keyFor(arguments))
{
}

SingleInstance::~SingleInstance()
{
    if (m_server) {
        m_server->close();
    }
}

bool SingleInstance::appliesTo(const QStringList &arguments)
{
    static const QStringList printing = {QStringLiteral("-h"),          QStringLiteral("--help"),
                                         QStringLiteral("--help-all"),  QStringLiteral("-v"),
                                         QStringLiteral("--version"),   QStringLiteral("-?"),
                                         QStringLiteral("--screenshot")};
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString option = arguments.at(i).section(QLatin1Char('='), 0, 0);
        if (printing.contains(option)) {
            return false;
        }
    }
    return true;
}

QString SingleInstance::keyFor(const QStringList &arguments)
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty()) {
        user = qEnvironmentVariable("USERNAME");
    }
    const QString dataDirectory = optionValue(arguments, QStringLiteral("--data-dir"));
    const QString identity =
        user + QLatin1Char('\n') +
        (dataDirectory.isEmpty() ? QString() : QDir(dataDirectory).absolutePath());
    const QByteArray hash =
        QCryptographicHash::hash(identity.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    return QStringLiteral("pasalista-") + QString::fromLatin1(hash);
}

bool SingleInstance::claim()
{
    m_lock = std::make_unique<QLockFile>(QDir::temp().filePath(m_key + QStringLiteral(".lock")));
    m_lock->setStaleLockTime(0); // stale only when its process is gone
    if (!m_lock->tryLock(0)) {
        if (m_lock->error() == QLockFile::LockFailedError && activateRunning(m_key)) {
            qCInfo(lcUi) << "Pasalista already runs; raised its window";
            return false;
        }
        qCWarning(lcUi) << "cannot tell whether Pasalista already runs; starting anyway";
        return true;
    }
    QLocalServer::removeServer(m_key); // a socket file left by a crash
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_key)) {
        qCWarning(lcUi) << "single instance: cannot listen on" << m_key << m_server->errorString();
        return true;
    }
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::onNewConnection);
    return true;
}

bool SingleInstance::isListening() const
{
    return m_server && m_server->isListening();
}

bool SingleInstance::activateRunning(const QString &key, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    // The first start may hold the lock but not listen yet: try until the deadline.
    while (!deadline.hasExpired()) {
        QLocalSocket socket;
        socket.connectToServer(key);
        if (socket.waitForConnected(int(qMax<qint64>(deadline.remainingTime(), 1)))) {
            socket.write(kRaise);
            socket.waitForBytesWritten(int(qMax<qint64>(deadline.remainingTime(), 1)));
            while (!socket.canReadLine() &&
                   socket.waitForReadyRead(int(qMax<qint64>(deadline.remainingTime(), 1)))) {
            }
            if (socket.canReadLine() && socket.readLine() == kAnswer) {
                return true;
            }
        }
        QThread::msleep(50);
    }
    return false;
}

void SingleInstance::raiseMainWindow()
{
    const QWidgetList windows = QApplication::topLevelWidgets();
    for (QWidget *widget : windows) {
        auto *window = qobject_cast<QMainWindow *>(widget);
        if (!window) {
            continue;
        }
        window->setWindowState((window->windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
        window->show();
        window->raise();
        window->activateWindow();
        QApplication::alert(window);
        return;
    }
}

void SingleInstance::onNewConnection()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            if (!socket->canReadLine()) {
                return;
            }
            if (socket->readLine() == kRaise) {
                socket->write(kAnswer);
                socket->flush();
                qCInfo(lcUi) << "another start asked to raise the window";
                Q_EMIT activationRequested();
                raiseMainWindow();
            }
            socket->disconnectFromServer();
        });
    }
}

} // namespace pasalista
