#include "collectionrequest.h"

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

ApiResponse CollectionRequest::send(Role role, PushBatchKind kind,
                                    const QList<PushOperation> &batch)
{
    const RecordCodec codec(m_store.mapping(), role);
    ++m_report.writeRequests;
    if (kind == PushBatchKind::Delete) {
        QStringList ids;
        for (const PushOperation &operation : batch) {
            ids.append(operation.sfid);
        }
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("ids"), ids.join(QLatin1Char(',')));
        query.addQueryItem(QStringLiteral("allOrNone"), QStringLiteral("false"));
        return m_client.del(QStringLiteral("composite/sobjects"), query);
    }
    QJsonArray records;
    for (const PushOperation &operation : batch) {
        records.append(payloadFor(codec, operation, kind));
    }
    const QJsonDocument body(
        QJsonObject{{QStringLiteral("allOrNone"), false}, {QStringLiteral("records"), records}});
    switch (kind) {
    case PushBatchKind::Upsert:
        return m_client.patch(QStringLiteral("composite/sobjects/%1/%2")
                                  .arg(codec.objectName(), codec.object().upsertField),
                              body);
    case PushBatchKind::Update:
        return m_client.patch(QStringLiteral("composite/sobjects"), body);
    default:
        return m_client.post(QStringLiteral("composite/sobjects"), body);
    }
}

} // namespace pasalista
