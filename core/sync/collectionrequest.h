#pragma once

#include "mapping.h"
#include "net/apiresponse.h"
#include "sync/pushoperation.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QUrlQuery>

namespace pasalista {

class LocalStore;
class RecordCodec;
class SalesforceClient;
struct SyncReport;

// The push's requests to sObject Collections: a batch of operations as one upsert,
// update, create or delete request, each record's payload holding only fields the org has.
// Several batches travel together inside Composite requests, five to an API call.
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
    // One sObject Collections request's records and how they go.
    struct Batch
    {
        PushBatchKind kind;
        QList<PushOperation> operations;
    };
    // What the org answered a sendTogether(): each batch's reply and each query's, in the
    // order given (a call that failed whole: its failure), and the org's clock then.
    struct Replies
    {
        QList<ApiResponse> batches;
        QList<ApiResponse> queries;
        QDateTime orgClock;
    };
    // The batches as sObject Collections subrequests of as few Composite calls as Salesforce
    // allows, then the queries (in the last call, when they fit in it beside its batches).
    Replies sendTogether(Role role, const QList<Batch> &batches, const QStringList &queries = {});
    // The fields of an operation that hold a value the org has no field for (an admin removed
    // or hid it): the payload would drop them, so the value would never reach the org. Values
    // the push derives (student name and Id on a mark) and the external ID are not counted.
    QStringList unavailableFields(const RecordCodec &codec, const PushOperation &operation) const;

private:
    struct Request
    {
        QString method;
        QString path;
        QUrlQuery query;
        QJsonObject body;
    };
    Request requestFor(Role role, PushBatchKind kind, const QList<PushOperation> &batch) const;
    static QString referenceOf(qsizetype batch);
    static QString queryReferenceOf(qsizetype query);

    LocalStore &m_store;
    SalesforceClient &m_client;
    SyncReport &m_report;
    QHash<QString, QSet<QString>> m_available;
};

} // namespace pasalista
