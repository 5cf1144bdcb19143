#pragma once

#include "mapping.h"
#include "net/apiresponse.h"
#include "sync/recordcodec.h"
#include "sync/syncreport.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>
#include <QVariantMap>

namespace pasalista {

class LocalStore;
class SalesforceClient;

// Sends the outbox to the org: changes coalesced per record, parents before children,
// upserts by Pasalista_Id__c through sObject Collections (200 a call, allOrNone=false),
// so a retry after any failure or crash updates the same record instead of making a
// twin. Records already known by Salesforce Id are updated by Id. Per-record results
// mark the outbox: success, permanent failure (shown, blocks nothing else), or a
// transient one retried with backoff.
class Pusher
{
public:
    Pusher(LocalStore &store, SalesforceClient &client, SyncReport &report);

    void setAvailableFields(const QHash<QString, QSet<QString>> &fields) { m_available = fields; }
    // Automatic syncs wait out each record's backoff; "Sync now" retries at once.
    void setRespectBackoff(bool respect) { m_respectBackoff = respect; }
    bool run();

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
    bool setEntries(const Operation &operation, const QString &state, const QString &message);
    void findByNaturalKey(Role role, QList<Operation> &operations);
    void findByExternalId(Role role, QList<Operation> &operations);
    QJsonObject payloadFor(const RecordCodec &codec, const Operation &operation,
                           BatchKind kind) const;
    bool hasExternalId(Role role) const;
    bool stopWith(const ApiResponse &response);

    LocalStore &m_store;
    SalesforceClient &m_client;
    SyncReport &m_report;
    QHash<QString, QSet<QString>> m_available;
    bool m_respectBackoff = false;
};

} // namespace pasalista
