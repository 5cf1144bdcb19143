#include "syncworker.h"

#include "auth/session.h"
#include "localstore.h"
#include "logging.h"
#include "net/salesforceclient.h"
#include "sync/syncengine.h"

namespace pasalista {

SyncWorker::SyncWorker(const QString &databasePath, const Mapping &mapping, Session *session)
    : m_databasePath(databasePath), m_mapping(mapping), m_session(session)
{
    qRegisterMetaType<pasalista::SyncReport>();
}

SyncWorker::~SyncWorker() = default;

void SyncWorker::cancel()
{
    if (SalesforceClient *client = m_client.load()) {
        client->cancel();
    }
}

void SyncWorker::runCycle(bool manual, const QStringList &objects)
{
    SyncReport report;
    LocalStore store(m_mapping);
    if (!store.open(m_databasePath)) {
        report.result = SyncReport::Result::Error;
        report.message = store.errorString();
        Q_EMIT cycleFinished(report, -1, -1);
        return;
    }
    SalesforceClient client(m_session);
    m_client = &client;
    SyncEngine engine(store, client, m_session->identity());
    engine.setRespectBackoff(!manual);
    engine.setProbeChanges(!manual && objects.isEmpty());
    engine.setOnlyObjects(QSet<QString>(objects.begin(), objects.end()));
    connect(&engine, &SyncEngine::phaseChanged, this, &SyncWorker::phaseChanged);
    report = engine.run();
    m_client = nullptr;
    Q_EMIT cycleFinished(report, client.apiUsed(), client.apiMax());
}

} // namespace pasalista
