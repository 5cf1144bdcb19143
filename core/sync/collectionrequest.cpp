#include "collectionrequest.h"

#include "net/compositebatch.h"
#include "net/salesforceclient.h"
#include "store/localstore.h"
#include "sync/recordcodec.h"
#include "sync/syncreport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

namespace pasalista {

namespace {

const QString kKey = QStringLiteral("pasalista_id__c");

} // namespace

QJsonObject CollectionRequest::payloadFor(const RecordCodec &codec, const PushOperation &operation,
                                          PushBatchKind kind) const
{
    QStringList columns = operation.columns;
    if (kind == PushBatchKind::Upsert && !columns.contains(kKey)) {
        columns.append(kKey);
    }
    QJsonObject record = codec.toRecord(operation.row, columns, m_store);
    // Leave out fields this org does not have (e.g. no Pasalista_Id__c yet).
    const auto available = m_available.constFind(codec.objectName());
    if (available != m_available.constEnd()) {
        for (const QString &key : record.keys()) {
            if (key != QLatin1String("attributes") && !key.endsWith(QLatin1String("__r")) &&
                !available->contains(key)) {
                record.remove(key);
            }
        }
    }
    if (kind == PushBatchKind::Update) {
        record.insert(QStringLiteral("Id"), operation.sfid);
        if (operation.row.value(kKey).toString().isEmpty()) {
            record.remove(codec.fieldForColumn(kKey));
        }
    }
    return record;
}

QStringList CollectionRequest::unavailableFields(const RecordCodec &codec,
                                                 const PushOperation &operation) const
{
    const auto available = m_available.constFind(codec.objectName());
    if (available == m_available.constEnd()) {
        return {};
    }
    const Mapping &mapping = m_store.mapping();
    const QStringList derived = {
        codec.fieldForColumn(mapping.column(Role::Attendance, QStringLiteral("student_name"))),
        codec.fieldForColumn(mapping.column(Role::Attendance, QStringLiteral("student_id")))};
    QStringList unavailable;
    const QJsonObject record = codec.toRecord(operation.row, operation.columns, m_store);
    for (auto it = record.begin(); it != record.end(); ++it) {
        const bool empty = it.value().isNull() || it.value().isUndefined() ||
                           (it.value().isString() && it.value().toString().isEmpty());
        if (empty || it.key() == QLatin1String("attributes") ||
            it.key().endsWith(QLatin1String("__r")) || available->contains(it.key()) ||
            it.key() == codec.object().upsertField || derived.contains(it.key())) {
            continue;
        }
        unavailable.append(it.key());
    }
    return unavailable;
}

CollectionRequest::Request CollectionRequest::requestFor(Role role, PushBatchKind kind,
                                                         const QList<PushOperation> &batch) const
{
    const RecordCodec codec(m_store.mapping(), role);
    if (kind == PushBatchKind::Delete) {
        QStringList ids;
        for (const PushOperation &operation : batch) {
            ids.append(operation.sfid);
        }
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("ids"), ids.join(QLatin1Char(',')));
        query.addQueryItem(QStringLiteral("allOrNone"), QStringLiteral("false"));
        return {QStringLiteral("DELETE"), QStringLiteral("composite/sobjects"), query, {}};
    }
    QJsonArray records;
    for (const PushOperation &operation : batch) {
        records.append(payloadFor(codec, operation, kind));
    }
    const QJsonObject body{{QStringLiteral("allOrNone"), false},
                           {QStringLiteral("records"), records}};
    switch (kind) {
    case PushBatchKind::Upsert:
        return {QStringLiteral("PATCH"),
                QStringLiteral("composite/sobjects/%1/%2")
                    .arg(codec.objectName(), codec.object().upsertField),
                {},
                body};
    case PushBatchKind::Update:
        return {QStringLiteral("PATCH"), QStringLiteral("composite/sobjects"), {}, body};
    default:
        return {QStringLiteral("POST"), QStringLiteral("composite/sobjects"), {}, body};
    }
}

ApiResponse CollectionRequest::send(Role role, PushBatchKind kind,
                                    const QList<PushOperation> &batch)
{
    const Request request = requestFor(role, kind, batch);
    ++m_report.writeRequests;
    if (request.method == QLatin1String("DELETE")) {
        return m_client.del(request.path, request.query);
    }
    if (request.method == QLatin1String("PATCH")) {
        return m_client.patch(request.path, QJsonDocument(request.body));
    }
    return m_client.post(request.path, QJsonDocument(request.body));
}

CollectionRequest::Replies CollectionRequest::sendTogether(Role role, const QList<Batch> &batches,
                                                           const QStringList &queries)
{
    CompositeBatch composite(m_client);
    for (qsizetype i = 0; i < batches.size(); ++i) {
        const Request request = requestFor(role, batches.at(i).kind, batches.at(i).operations);
        composite.addCollectionWrite(referenceOf(i), request.method, request.path, request.query,
                                     request.body);
    }
    for (qsizetype i = 0; i < queries.size(); ++i) {
        composite.addQuery(queryReferenceOf(i), queries.at(i));
    }
    m_report.writeRequests += composite.send();
    Replies replies;
    for (qsizetype i = 0; i < batches.size(); ++i) {
        replies.batches.append(composite.result(referenceOf(i)));
    }
    for (qsizetype i = 0; i < queries.size(); ++i) {
        replies.queries.append(composite.result(queryReferenceOf(i)));
    }
    replies.orgClock = composite.replyDate(queryReferenceOf(0));
    return replies;
}

QString CollectionRequest::queryReferenceOf(qsizetype query)
{
    return QStringLiteral("readBack%1").arg(query);
}

QString CollectionRequest::referenceOf(qsizetype batch)
{
    return QStringLiteral("batch%1").arg(batch);
}

} // namespace pasalista
