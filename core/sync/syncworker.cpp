#include "syncworker.h"

#include "auth/session.h"
#include "store/localstore.h"
#include "logging.h"
#include "net/salesforceclient.h"
#include "sync/syncengine.h"

namespace pasalista {

SyncWorker::SyncWorker(const QString &databasePath, const Mapping &mapping,
                       std::shared_ptr<Session> session)
    : m_databasePath(databasePath), m_mapping(mapping), m_session(std::move(session))
{
    qRegisterMetaType<pasalista::SyncReport>();
}

// Runs in the sync thread (deleteLater on QThread::finished): the store's SQLite connection
// closes in the thread that opened it.
SyncWorker::~SyncWorker()
{
    std::lock_guard lock(m_clientMutex);
    m_client.reset();
}

void SyncWorker::cancel()
{
    std::lock_guard lock(m_clientMutex);
    if (m_client) {
        m_client->cancel();
    }
}

void SyncWorker::stop()
{
    m_stopped = true;
    cancel();
}

bool SyncWorker::ensureConnections(SyncReport *report)
{
    if (!m_store) {
        auto store = std::make_unique<LocalStore>(m_mapping);
        if (!store->open(m_databasePath)) {
            report->result = SyncReport::Result::Error;
            report->message = store->errorString();
            return false;
        }
        m_store = std::move(store);
        ++m_connectionsOpened;
    }
    std::lock_guard lock(m_clientMutex);
    if (!m_client) {
        m_client = std::make_unique<SalesforceClient>(m_session.get());
        ++m_connectionsOpened;
    }
    if (m_stopped) {
        m_client->cancel(); // stop() came before the client existed
    } else {
        m_client->resetCancel(); // a cancelled cycle does not cancel the next one
    }
    return true;
}

void SyncWorker::runCycle(bool manual, const QStringList &objects)
{
    SyncReport report;
    if (m_stopped) {
        report.result = SyncReport::Result::Cancelled;
        Q_EMIT cycleFinished(report, -1, -1);
        return;
    }
    if (!ensureConnections(&report)) {
        Q_EMIT cycleFinished(report, -1, -1);
        return;
    }
    SyncEngine engine(*m_store, *m_client, m_session->identity());
    engine.setRespectBackoff(!manual);
    engine.setProbeChanges(!manual && objects.isEmpty());
    engine.setOnlyObjects(QSet<QString>(objects.begin(), objects.end()));
    connect(&engine, &SyncEngine::phaseChanged, this, &SyncWorker::phaseChanged);
    report = engine.run();
    if (report.result == SyncReport::Result::Error) {
        m_store.reset(); // whatever went wrong with it, the next cycle starts from a fresh open
    }
    Q_EMIT cycleFinished(report, m_client->apiUsed(), m_client->apiMax());
}

} // namespace pasalista
