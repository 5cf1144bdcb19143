#pragma once

#include "mapping.h"
#include "sync/pushoperation.h"

#include <QList>
#include <QStringList>

namespace pasalista {

class LocalStore;
class PushLookup;
class SalesforceClient;
struct SyncReport;

// Twins in the org: without an external ID, a create whose connection dropped may have
// been committed and then sent again, so the org holds the record twice. After creating,
// the natural key is looked up again and any record beside ours goes; a check whose
// look-up failed is kept in the store for the next cycle.
class TwinCheck
{
public:
    TwinCheck(LocalStore &store, SalesforceClient &client, SyncReport &report, PushLookup &lookup)
        : m_store(store), m_client(client), m_report(report), m_lookup(lookup)
    {
    }

    // Checks the records `created` by this push, and those an earlier cycle left.
    void removeResentTwins(Role role, QList<PushOperation> created);
    // The org records with the operation's natural key other than its own.
    QStringList twinsOf(Role role, const PushOperation &operation) const;
    void deleteTwins(const QStringList &twins);

private:
    // Records whose twin check could not be done (its look-up failed), kept in the store.
    QString twinCheckKey(Role role) const;
    QList<qint64> twinChecksLeft(Role role) const;
    void keepTwinChecks(Role role, const QList<qint64> &recordIds);

    LocalStore &m_store;
    SalesforceClient &m_client;
    SyncReport &m_report;
    PushLookup &m_lookup;
};

} // namespace pasalista
