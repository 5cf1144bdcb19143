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
// look-up failed is kept in the store for the next cycle. The same check removes the org's
// second mark for one (enrollment, date) once a pull has folded the two into one here
// (an office move that raced the push of the teacher's mark for that day).
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
    // Asks the next push to check `recordId` for twins: a pull found another org record on
    // its natural key and folded it into this one here; the org's copy goes at that check.
    // False on a store error (the caller's transaction then stops).
    static bool checkAtNextPush(LocalStore &store, Role role, qint64 recordId);

private:
    // Records whose twin check is still to be done (its look-up failed, or a pull asked for
    // it), kept in the store.
    static QString twinCheckKey(const LocalStore &store, Role role);
    static QList<qint64> twinChecksLeft(const LocalStore &store, Role role);
    static bool keepTwinChecks(LocalStore &store, Role role, const QList<qint64> &recordIds);

    LocalStore &m_store;
    SalesforceClient &m_client;
    SyncReport &m_report;
    PushLookup &m_lookup;
};

} // namespace pasalista
