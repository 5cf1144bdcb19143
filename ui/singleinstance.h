#pragma once

#include <QLockFile>
#include <QObject>
#include <QStringList>

#include <memory>

class QLocalServer;

namespace pasalista {

// One `pasalista` per user (and per data folder): the first start claims a lock file and
// listens on a local socket; a later start finds the lock taken, asks the first one to raise
// its window and quits. A crashed first start leaves a stale lock that the next start
// takes over. Starts that only print (--help, --version) or take a screenshot are not
// counted.
class SingleInstance : public QObject
{
    Q_OBJECT

public:
    explicit SingleInstance(const QStringList &arguments, QObject *parent = nullptr);
    ~SingleInstance() override;

    // Whether these command-line arguments start an interactive window at all.
    static bool appliesTo(const QStringList &arguments);
    // The socket and lock name: the user and the data folder (the --data-dir value) hashed.
    static QString keyFor(const QStringList &arguments);

    // True when this process is the one to run: it now listens for later starts. False when
    // another one runs; it has been asked to raise its window.
    bool claim();
    QString key() const { return m_key; }
    bool isListening() const;

    // Asks the process listening on `key` to raise its window; true if it answered.
    static bool activateRunning(const QString &key, int timeoutMs = 2000);
    // Restores, raises and activates the application's visible main window.
    static void raiseMainWindow();

Q_SIGNALS:
    void activationRequested();

private:
    void onNewConnection();

    QString m_key;
    std::unique_ptr<QLockFile> m_lock;
    QLocalServer *m_server = nullptr;
};

} // namespace pasalista
