#pragma once

#include "mapping.h"
#include "net/apiresponse.h"
#include "sync/describerules.h"
#include "store/outbox.h"
#include "sync/recordcodec.h"
#include "sync/syncreport.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>
#include <QVariantMap>

#include <optional>

namespace pasalista {

class LocalStore;
class SalesforceClient;

// Sends the outbox to the org: changes coalesced per record (Outbox), parents before
// children, upserts by Pasalista_Id__c through sObject Collections (200 a call,
// allOrNone=false), so a retry after any failure or crash updates the same record instead
// of making a twin. Records already known by Salesforce Id are updated by Id. Per-record
// results mark the outbox: success, permanent failure (shown; its children wait for it),
// or a transient one retried with backoff. A reply that cannot be read as the org's
// verdict leaves the records pending, never failed. Without the external ID a create is
// preceded by a natural-key look-up (every page, reply checked), repeated before resending
// a create whose reply was lost; a look-up that fails leaves the record for later.
class Pusher
{
public:
    Pusher(LocalStore &store, SalesforceClient &client, SyncReport &report);

    void setAvailableFields(const QHash<QString, QSet<QString>> &fields) { m_available = fields; }
    // The org's rules per object (from describe): a record that breaks one is refused here.
    void setRules(const QHash<QString, DescribeRules> &rules) { m_rules = rules; }
    // Object -> key prefix (from describe): Ids in write replies and look-ups must have it.
    void setKeyPrefixes(const QHash<QString, QString> &prefixes) { m_keyPrefixes = prefixes; }
    // Automatic syncs wait out each record's backoff; "Sync now" retries at once.
    void setRespectBackoff(bool respect) { m_respectBackoff = respect; }
    bool run();
    // Offline: marks the pending records that break the cached rules, without sending.
    bool validatePending();

private:
    struct Operation
    {
        qint64 recordId = 0;
        QList<qint64> entryIds;
        bool isDelete = false;
        QStringList columns;
        QVariantMap row;
        QString sfid;
        int attempts = 0;
        bool unverified = false; // its look-up failed: neither created nor deleted now
        QStringList sameKey;     // every org record with its natural key (look-ups only)
    };
    enum class BatchKind
    {
        Upsert,
        Update,
        Create,
        Delete
    };

    QList<Operation> collect(Role role);
    bool pushChanges(Role role, QList<Operation> operations);
    bool pushDeletes(Role role, QList<Operation> operations);
    bool sendInBatches(Role role, BatchKind kind, QList<Operation> operations);
    ApiResponse sendBatch(Role role, BatchKind kind, const QList<Operation> &batch);
    bool applyResults(Role role, BatchKind kind, QList<Operation> &batch,
                      const ApiResponse &response, QList<Operation> *retry);
    bool markSuccess(Role role, const Operation &operation, const QString &sfid, bool created);
    bool markFailed(Role role, const Operation &operation, const QString &code,
                    const QString &message);
    bool markRetryLater(const Operation &operation, const QString &message);
    bool storeFailed(const QString &reason);
    bool refuseInvalid(Role role, QList<Operation> &operations, bool externalId);
    bool leaveUnverified(QList<Operation> &operations);
    bool recoverLostCreates(Role role, QList<Operation> &retry);
    void removeResentTwins(Role role, QList<Operation> created);
    // Records whose twin check could not be done (its look-up failed), kept in the store.
    QString twinCheckKey(Role role) const;
    QList<qint64> twinChecksLeft(Role role) const;
    void keepTwinChecks(Role role, const QList<qint64> &recordIds);
    QStringList twinsOf(Role role, const Operation &operation) const;
    void deleteTwins(const QStringList &twins);
    bool adoptTwinRow(Role role, qint64 keepId, const QString &sfid);
    bool parentsReady(Role role, const Operation &operation) const;
    void fillStudentId(Operation &operation);
    // Every page of a look-up, each record's Id checked (a well-formed Id of `objectName`'s
    // key prefix) and given in its 18-character form; nothing when any of it is not sound.
    std::optional<QJsonArray> readAllPages(const QString &soql, const QString &objectName);
    // The 18-character form of an Id the org sent for `objectName`, or nothing if junk.
    std::optional<QString> checkedId(const QJsonValue &id, const QString &objectName) const;
    QStringList naturalKeyFields(Role role) const;
    void findByNaturalKey(Role role, QList<Operation> &operations);
    void findByExternalId(Role role, QList<Operation> &operations);
    QJsonObject payloadFor(const RecordCodec &codec, const Operation &operation,
                           BatchKind kind) const;
    bool hasExternalId(Role role) const;
    // A refusal made on this side (redirect, foreign origin): no verdict on the records.
    static bool isNoVerdict(const ApiResponse &response);
    bool stopWith(const ApiResponse &response);

    LocalStore &m_store;
    SalesforceClient &m_client;
    SyncReport &m_report;
    Outbox m_outbox;
    int m_leftForLater = 0;     // records whose fate is unknown or that could not go now
    QList<Operation> m_created; // created by this push without an external ID
    QHash<QString, QSet<QString>> m_available;
    QHash<QString, DescribeRules> m_rules;
    QHash<QString, QString> m_keyPrefixes;
    bool m_respectBackoff = false;
};

} // namespace pasalista
