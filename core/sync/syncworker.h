#pragma once

#include "auth/identity.h"
#include "mapping.h"
#include "sync/syncreport.h"

#include <QObject>

#include <atomic>

namespace pasalista {

class Session;
class SalesforceClient;

// Lives in the sync thread: opens its own connection to the store (SQLite connections
// are per thread) and its own REST client, runs one cycle per request.
class SyncWorker : public QObject
{
    Q_OBJECT

public:
    SyncWorker(const QString &databasePath, const Mapping &mapping, Session *session);
    ~SyncWorker() override;

    // Thread-safe: aborts the request in flight of the current cycle.
    void cancel();

public Q_SLOTS:
    // `manual` ("Sync now") queries every object at once; a background cycle asks the org
    // first what changed; `objects` (from change events) pulls just those objects.
    void runCycle(bool manual, const QStringList &objects);

Q_SIGNALS:
    void phaseChanged(const QString &phase);
    void cycleFinished(const pasalista::SyncReport &report, int apiUsed, int apiMax);

private:
    QString m_databasePath;
    Mapping m_mapping;
    Session *m_session;
    std::atomic<SalesforceClient *> m_client{nullptr};
};

} // namespace pasalista
