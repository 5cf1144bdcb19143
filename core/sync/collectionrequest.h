#pragma once

#include "mapping.h"
#include "net/apiresponse.h"
#include "sync/pushoperation.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>

namespace pasalista {

class LocalStore;
class RecordCodec;
class SalesforceClient;
struct SyncReport;

// The push's requests to sObject Collections: a batch of operations as one upsert,
// update, create or delete call, each record's payload holding only fields the org has.
class CollectionRequest
{
public:
    // Ids a delete carries in its URI (ids=...): 80 of them take about 1,700 bytes, within the
    // 2,000 Salesforce Help article 000386264 recommends (the org refuses over 16,384).
    static constexpr int kDeleteBatchSize = 80;

    CollectionRequest(LocalStore &store, SalesforceClient &client, SyncReport &report)
        : m_store(store), m_client(client), m_report(report)
    {
    }

    void setAvailableFields(const QHash<QString, QSet<QString>> &fields) { m_available = fields; }
    QJsonObject payloadFor(const RecordCodec &codec, const PushOperation &operation,
                           PushBatchKind kind) const;
    ApiResponse send(Role role, PushBatchKind kind, const QList<PushOperation> &batch);
    // The fields of an operation that hold a value the org has no field for (an admin removed
    // or hid it): the payload would drop them, so the value would never reach the org. Values
    // the push derives (student name and Id on a mark) and the external ID are not counted.
    QStringList unavailableFields(const RecordCodec &codec, const PushOperation &operation) const;

private:
    LocalStore &m_store;
    SalesforceClient &m_client;
    SyncReport &m_report;
    QHash<QString, QSet<QString>> m_available;
};

} // namespace pasalista
