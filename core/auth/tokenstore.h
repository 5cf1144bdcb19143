#pragma once

#include "identity.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class QObject;
class QSettings;

namespace QKeychain {
class Job;
}

namespace pasalista {

// The OS keychain (QtKeychain: Secret Service, macOS Keychain, Windows Credential Manager)
// holding, per org user, the refresh token, the instance URL and the identity. Nothing is
// ever written anywhere else: with no keychain the caller keeps the session in memory.
//
// Entries are named "<accountKey>/<item>" under the service "Pasalista". The names written
// for an account are listed in the settings (names only, nothing secret) so that remove()
// deletes every one of them, including items older versions may have written.
//
// Asynchronous (the window): saveAsync/loadAsync/removeAsync start the keychain jobs and
// return at once; the callback runs from the event loop when the last job finished. The
// operations run one after the other, in the order they were asked for, so that a rotated
// token saved later never ends up under an older one.
// Blocking (the CLI, worker threads): save/load/remove/probe wait in a local event loop of
// the calling thread; never call them on the GUI thread.
class TokenStore
{
    Q_DECLARE_TR_FUNCTIONS(pasalista::TokenStore)

public:
    enum class Status
    {
        Ok,
        NotFound,    // nothing stored for this account
        Unavailable, // no keychain service (no Secret Service on the bus), locked, or denied
    };

    struct Saved
    {
        Identity identity;
        QByteArray refreshToken;
        // The token that last worked, while a rotated refreshToken has not proven itself.
        QByteArray fallbackRefreshToken;
        // The last access token, when the caller keeps one (the CLI: one process per
        // command, so that each does not spend a 401 and a refresh). Empty otherwise.
        QByteArray accessToken;
    };

    // `settings` keeps the list of entry names; it must outlive the store.
    using Done = std::function<void(Status)>;
    using Loaded = std::function<void(Status, const Saved &)>;

    explicit TokenStore(QSettings *settings, const QString &service = QStringLiteral("Pasalista"));
    ~TokenStore();

    // The callbacks never run after the store is destroyed.
    void saveAsync(const Identity &identity, const QByteArray &refreshToken,
                   const QByteArray &fallbackRefreshToken, Done done);
    void loadAsync(const QString &accountKey, Loaded done);
    void removeAsync(const QString &accountKey, Done done);

    Status save(const Identity &identity, const QByteArray &refreshToken,
                const QByteArray &fallbackRefreshToken = {});
    Status load(const QString &accountKey, Saved *saved);
    // The access token beside the refresh token, in the keychain only (never on disk).
    Status saveAccessToken(const QString &accountKey, const QByteArray &accessToken);
    void saveAccessTokenAsync(const QString &accountKey, const QByteArray &accessToken, Done done);
    Status remove(const QString &accountKey);
    // A secret entry of its own, outside any account (a token waiting to be revoked): same
    // keychain, same order of operations, never a file.
    void writeEntryAsync(const QString &name, const QByteArray &data, Done done);
    void readEntryAsync(const QString &name, std::function<void(Status, const QByteArray &)> done);
    void eraseEntryAsync(const QString &name, Done done);
    // Writes, reads back and deletes a probe entry: whether a keychain is usable right now.
    Status probe();

    // No keychain operation queued or running.
    bool isIdle() const { return !m_busy; }

    // The last failure in words a teacher can act on (translated), and the backend's own.
    QString errorString() const { return m_error; }
    QString backendError() const { return m_backendError; }
    QStringList writtenKeys(const QString &accountKey) const;
    // What to tell the user when the keychain is missing, for the platform in use.
    static QString unavailableMessage();

private:
    struct Step;
    using Results = QHash<QString, QByteArray>;
    using StepsDone = std::function<void(Status, const Results &)>;
    enum class OnFailure
    {
        Stop,    // the first failure ends the sequence (save, load)
        Continue // every step runs; the worst status is reported (remove)
    };

    void enqueue(std::function<void()> operation);
    void operationFinished();
    void runSteps(QList<Step> steps, OnFailure onFailure, StepsDone done);
    void runStep(const std::shared_ptr<QList<Step>> &steps, int index, OnFailure onFailure,
                 Status worst, const std::shared_ptr<Results> &results, StepsDone done);
    void startJob(QKeychain::Job *job, std::function<void(Status, QKeychain::Job *)> finished);
    Status statusOf(QKeychain::Job *job);
    static Status wait(const std::function<void(Done)> &start);
    void rememberKey(const QString &accountKey, const QString &key);
    QString indexKey(const QString &accountKey) const;

    QSettings *m_settings;
    QString m_service;
    QString m_error;
    QString m_backendError;
    std::unique_ptr<QObject> m_context; // the jobs' callbacks die with the store
    QList<std::function<void()>> m_queue;
    bool m_busy = false;
};

} // namespace pasalista
