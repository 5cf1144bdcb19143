#pragma once

#include "mapping.h"
#include "net/apiresponse.h"
#include "sync/collectionrequest.h"
#include "sync/pushoperation.h"
#include "sync/recordvalidator.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QStringList>

namespace pasalista {

class LocalStore;
struct SyncReport;

// The records a push writes, read back by a query that travels in the same Composite call
// as their write, after it (the org may rewrite what it saves: flows, triggers), so the
// laptop ends with the org's values without a pull of its own. Updates are found by Id,
// upserts by Pasalista_Id__c; each query's URI stays within the 2,000 bytes Salesforce Help
// article 000386264 recommends.
class PushReadBack
{
public:
    PushReadBack(LocalStore &store, SyncReport &report) : m_store(store), m_report(report) {}

    void setAvailableFields(const QHash<QString, QSet<QString>> &fields) { m_available = fields; }
    void setOrgShapes(const OrgShapes &shapes) { m_shapes = shapes; }
    // The queries that read back the records of `batches`; none when they would take more
    // than `room` queries (the caller reads the object back by a pull instead).
    QStringList queriesFor(Role role, const QList<CollectionRequest::Batch> &batches,
                           qsizetype room) const;
    // Applies, of one query's reply, the records whose write the org confirmed (`confirmed`
    // Ids), as the pull applies a page; how many, or -1 when the reply cannot vouch for them
    // (refused, a page of several, a record the checks refuse): a pull then reads them.
    // `orgClock` is the Date of the reply that carried it.
    int apply(Role role, const ApiResponse &reply, const QDateTime &orgClock,
              const QSet<QString> &confirmed);

private:
    QStringList queriesFor(Role role, PushBatchKind kind,
                           const QList<CollectionRequest::Batch> &batches) const;

    LocalStore &m_store;
    SyncReport &m_report;
    QHash<QString, QSet<QString>> m_available;
    OrgShapes m_shapes;
};

} // namespace pasalista
