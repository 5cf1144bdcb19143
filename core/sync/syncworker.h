#pragma once

#include "auth/identity.h"
#include "mapping.h"
#include "sync/syncreport.h"

#include <QObject>

#include <atomic>
#include <memory>
#include <mutex>

namespace pasalista {

class LocalStore;
class Session;
class SalesforceClient;

// Lives in the sync thread: opens its own connection to the store (SQLite connections
// are per thread) and its own REST client on the first cycle and keeps both for the next
// ones (no integrity check, migration or new network manager per cycle). It shares the
// session with the account manager, so signing out never pulls it from under a cycle.
class SyncWorker : public QObject
{
    Q_OBJECT

public:
    SyncWorker(const QString &databasePath, const Mapping &mapping,
               std::shared_ptr<Session> session);
    ~SyncWorker() override;

    // Thread-safe: ends the current cycle at once: the request in flight is aborted, a
    // back-off pause or a token refresh stops waiting.
    void cancel();
    // Thread-safe: cancels and refuses every later cycle (the scheduler is stopping).
    void stop();
    // Store connections opened plus REST clients made (tests: once each per worker).
    int connectionsOpened() const { return m_connectionsOpened.load(); }

public Q_SLOTS:
    // `manual` ("Sync now") asks the org what changed and reads the windows' last seconds
    // in the same call; a background cycle asks first and queries only what changed, up to
    // the minute the org vouches for; `objects` (from change events) pulls just those.
    void runCycle(bool manual, const QStringList &objects);

Q_SIGNALS:
    void phaseChanged(const QString &phase);
    void cycleFinished(const pasalista::SyncReport &report, int apiUsed, int apiMax);

private:
    bool ensureConnections(SyncReport *report);

    QString m_databasePath;
    Mapping m_mapping;
    std::shared_ptr<Session> m_session;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<SalesforceClient> m_client;
    std::mutex m_clientMutex; // cancel() comes from the GUI thread while the client changes
    std::atomic_bool m_stopped{false};
    std::atomic_int m_connectionsOpened{0};
};

} // namespace pasalista
