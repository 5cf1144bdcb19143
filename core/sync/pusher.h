#pragma once

#include "mapping.h"
#include "net/apiresponse.h"
#include "store/outbox.h"
#include "store/statementcache.h"
#include "sync/collectionrequest.h"
#include "sync/describerules.h"
#include "sync/pushlookup.h"
#include "sync/pushoperation.h"
#include "sync/pushreadback.h"
#include "sync/recordcodec.h"
#include "sync/syncreport.h"
#include "sync/twincheck.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>
#include <QVariantMap>

#include <memory>
#include <optional>

namespace pasalista {

class LocalStore;
class SalesforceClient;

// The push's flow: sends the outbox to the org, with the look-ups (PushLookup), the twin
// check (TwinCheck) and the request building (CollectionRequest) beside it: changes coalesced per
// record (Outbox), parents before children, upserts by Pasalista_Id__c through sObject Collections
// (200 a request, allOrNone=false; more than 200 go five requests to a Composite call), so a retry
// after any failure or crash updates the same record instead of making a twin. Records already
// known by Salesforce Id are updated by Id. Per-record results mark the outbox: success, permanent
// failure (shown; its children wait for it), or a transient one retried with backoff. A reply that
// cannot be read as the org's verdict leaves the records pending, never failed. Without the
// external ID a create is preceded by a natural-key look-up (every page, reply checked), repeated
// before resending a create whose reply was lost; a look-up that fails leaves the record for later.
class Pusher
{
public:
    Pusher(LocalStore &store, SalesforceClient &client, SyncReport &report);

    void setAvailableFields(const QHash<QString, QSet<QString>> &fields)
    {
        m_available = fields;
        m_requests.setAvailableFields(fields);
        m_readBack.setAvailableFields(fields);
    }
    // The org's rules per object (from describe): a record that breaks one is refused here.
    void setRules(const QHash<QString, DescribeRules> &rules) { m_rules = rules; }
    // Object -> key prefix (from describe): Ids in write replies and look-ups must have it.
    void setKeyPrefixes(const QHash<QString, QString> &prefixes)
    {
        m_lookup.setKeyPrefixes(prefixes);
    }
    // Automatic syncs wait out each record's backoff; "Sync now" retries at once.
    void setRespectBackoff(bool respect) { m_respectBackoff = respect; }
    // Columns per role whose fields this user's profile does not let her write (issue 21):
    // left out of what is sent and kept pending here, never dropped.
    void setHeldColumns(const QHash<Role, QSet<QString>> &columns) { m_heldColumns = columns; }
    bool run();
    // Offline: marks the pending records that break the cached rules, without sending.
    bool validatePending();
    // The objects this push created or updated records of: the org may have rewritten them.
    QSet<QString> writtenObjects() const { return m_written; }
    // Of those, the objects with a written record that was not read back in the Composite
    // call of its write: a pull reads them back.
    QSet<QString> objectsToReadBack() const;
    void setOrgShapes(const OrgShapes &shapes) { m_readBack.setOrgShapes(shapes); }
    // The org refused a record for a field's definition (length, required, picklist values)
    // that the rules held here allowed: its describe changed.
    bool refusedByFieldRules() const { return m_refusedByFieldRules; }

private:
    using Operation = PushOperation;
    using BatchKind = PushBatchKind;

    std::optional<QList<Operation>> collect(Role role, QString *error);
    bool pushChanges(Role role, QList<Operation> operations);
    bool pushDeletes(Role role, QList<Operation> operations);
    using Batch = CollectionRequest::Batch;
    // Operations that go the same way; a push sends several groups together.
    struct Group
    {
        BatchKind kind;
        QList<Operation> operations;
    };
    bool sendInBatches(Role role, QList<Group> groups);
    static QList<Batch> batchesOf(const QList<Group> &groups);
    CollectionRequest::Replies sendBatches(Role role, const QList<Batch> &batches);
    void readBack(Role role, const CollectionRequest::Replies &replies);
    bool applyResults(Role role, BatchKind kind, QList<Operation> &batch,
                      const ApiResponse &response, QList<Operation> *retry);
    // `editedSince`: the record has a newer unsent entry (edited again while on its way).
    bool markSuccess(Role role, const Operation &operation, const QString &sfid, bool created,
                     bool editedSince);
    // The entries of the records marked successful so far, marked sent in one statement.
    bool flushSent();
    // A statement prepared once for the whole push (the push writes thousands of rows).
    QSqlQuery &statement(const QString &sql);
    bool markFailed(Role role, const Operation &operation, const QString &code,
                    const QString &message);
    bool markRetryLater(const Operation &operation, const QString &message);
    bool storeFailed(const QString &reason);
    bool refuseInvalid(Role role, QList<Operation> &operations, bool externalId);
    std::optional<DescribeRules::Violation> unavailableField(const RecordCodec &codec,
                                                             const Operation &operation) const;
    bool leaveUnverified(QList<Operation> &operations);
    bool recoverLostCreates(Role role, QList<Operation> &retry);
    bool adoptTwinRow(Role role, qint64 keepId, const QString &sfid);
    bool parentsReady(Role role, const Operation &operation) const;
    void fillDerivedValues(QList<Operation> &operations);
    void fillDerivedValues(Operation &operation, const QVariantMap &derived);
    bool hasExternalId(Role role) const;
    // A refusal made on this side (redirect, foreign origin): no verdict on the records.
    static bool isNoVerdict(const ApiResponse &response);
    bool stopWith(const ApiResponse &response);

    LocalStore &m_store;
    SalesforceClient &m_client;
    SyncReport &m_report;
    Outbox m_outbox;
    PushLookup m_lookup;
    TwinCheck m_twins;
    CollectionRequest m_requests;
    PushReadBack m_readBack;
    QSet<QString> m_confirmed;           // Ids whose write the org confirmed in this call
    QHash<QString, int> m_writtenCount;  // per object: records created or updated
    QHash<QString, int> m_readBackCount; // per object: of those, read back with their write
    void holdUnwritable(Role role, QList<Operation> &operations);
    bool keepHeldChange(Role role, const Operation &operation);

    QHash<Role, QSet<QString>> m_heldColumns;
    QList<qint64> m_sentEntries;                 // confirmed by the org, marked sent by flushSent()
    QHash<QString, QList<qint64>> m_settledRows; // rows of m_settledTable by their new last op
    QString m_settledTable;
    std::unique_ptr<StatementCache> m_statements;
    int m_leftForLater = 0;     // records whose fate is unknown or that could not go now
    QList<Operation> m_created; // created by this push without an external ID
    QHash<QString, QSet<QString>> m_available;
    QHash<QString, DescribeRules> m_rules;
    bool m_respectBackoff = false;
    QSet<QString> m_written;
    bool m_refusedByFieldRules = false;
};

} // namespace pasalista
