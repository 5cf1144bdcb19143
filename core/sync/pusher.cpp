#include "pusher.h"

#include "localstore.h"
#include "logging.h"
#include "net/salesforceclient.h"
#include "sqltext.h"
#include "sync/backoff.h"
#include "sync/soql.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

namespace pasalista {

using sql::nowUtc;
using sql::quoted;

namespace {

constexpr int kBatchSize = 200; // sObject Collections' limit
constexpr int kAttempts = 4;    // tries within one cycle before leaving it for later

const QString kSfid = QStringLiteral("sfid");
const QString kKey = QStringLiteral("pasalista_id__c");

// Errors that say "not now" rather than "not this record".
bool isTransientRecordError(const QString &code)
{
    return code == QLatin1String("UNABLE_TO_LOCK_ROW") ||
           code == QLatin1String("REQUEST_LIMIT_EXCEEDED") ||
           code == QLatin1String("SERVER_UNAVAILABLE");
}

// A delete that finds the record already gone did its job.
bool isAlreadyDeleted(const QString &code)
{
    return code == QLatin1String("ENTITY_IS_DELETED") || code == QLatin1String("NOT_FOUND") ||
           code == QLatin1String("INVALID_CROSS_REFERENCE_KEY");
}

} // namespace

Pusher::Pusher(LocalStore &store, SalesforceClient &client, SyncReport &report)
    : m_store(store), m_client(client), m_report(report)
{
}

bool Pusher::stopWith(const ApiResponse &response)
{
    if (response.outcome == ApiResponse::Outcome::SignInRequired) {
        m_report.result = SyncReport::Result::SignInRequired;
    } else if (response.errorCode == QLatin1String("CANCELLED")) {
        m_report.result = SyncReport::Result::Cancelled;
    } else {
        m_report.result = SyncReport::Result::Unreachable;
    }
    m_report.message = response.errorMessage;
    return false;
}

bool Pusher::hasExternalId(Role role) const
{
    const ObjectMapping &object = m_store.mapping().objectFor(role);
    const auto available = m_available.constFind(object.objectName);
    return !object.upsertField.isEmpty() &&
           (available == m_available.constEnd() || available->contains(object.upsertField));
}

QList<Pusher::Operation> Pusher::collect(Role role)
{
    QList<Operation> operations;
    QHash<qint64, int> indexByRecord;
    QSqlQuery query(m_store.database());
    query.prepare(
        QStringLiteral("SELECT id, action, \"values\", record_id, attempts FROM _trigger_log"
                       " WHERE table_name = ? AND state IN ('NEW','PENDING')"
                       " AND (? OR next_attempt_at IS NULL OR next_attempt_at <= ?)"
                       " ORDER BY id"));
    query.addBindValue(m_store.mapping().table(role));
    query.addBindValue(!m_respectBackoff);
    query.addBindValue(nowUtc());
    query.exec();
    while (query.next()) {
        const qint64 recordId = query.value(3).toLongLong();
        auto found = indexByRecord.constFind(recordId);
        if (found == indexByRecord.constEnd()) {
            found = indexByRecord.insert(recordId, int(operations.size()));
            operations.append(Operation{});
            operations.last().recordId = recordId;
        }
        Operation &operation = operations[*found];
        operation.entryIds.append(query.value(0).toLongLong());
        operation.attempts = std::max(operation.attempts, query.value(4).toInt());
        operation.isDelete =
            operation.isDelete || query.value(1).toString() == QLatin1String("DELETE");
        const QVariantMap values =
            QJsonDocument::fromJson(query.value(2).toByteArray()).object().toVariantMap();
        for (auto it = values.begin(); it != values.end(); ++it) {
            if (!operation.columns.contains(it.key())) {
                operation.columns.append(it.key());
            }
        }
    }
    for (Operation &operation : operations) {
        operation.row = m_store.row(role, operation.recordId).value_or(QVariantMap());
        operation.sfid = operation.row.value(kSfid).toString();
    }
    return operations;
}

bool Pusher::run()
{
    const Mapping &mapping = m_store.mapping();
    QHash<Role, QList<Operation>> deletes;
    for (Role role : Mapping::dependencyOrder()) {
        if (!mapping.objectFor(role).writable) {
            continue;
        }
        QList<Operation> changes;
        for (Operation &operation : collect(role)) {
            (operation.isDelete ? deletes[role] : changes).append(operation);
        }
        if (!changes.isEmpty() && !pushChanges(role, changes)) {
            return false;
        }
    }
    // Children go before their parents when deleting.
    QList<Role> reversed = Mapping::dependencyOrder();
    std::reverse(reversed.begin(), reversed.end());
    for (Role role : reversed) {
        if (deletes.contains(role) && !pushDeletes(role, deletes.value(role))) {
            return false;
        }
    }
    return true;
}

bool Pusher::pushChanges(Role role, QList<Operation> operations)
{
    const bool externalId = hasExternalId(role);
    if (!externalId) {
        findByNaturalKey(role, operations);
    }
    QList<Operation> updates;
    QList<Operation> inserts;
    for (Operation &operation : operations) {
        (operation.sfid.isEmpty() ? inserts : updates).append(operation);
    }
    return sendInBatches(role, BatchKind::Update, updates) &&
           sendInBatches(role, externalId ? BatchKind::Upsert : BatchKind::Create, inserts);
}

bool Pusher::pushDeletes(Role role, QList<Operation> operations)
{
    if (hasExternalId(role)) {
        findByExternalId(role, operations); // created by a push whose reply was lost
    }
    QList<Operation> remote;
    for (const Operation &operation : std::as_const(operations)) {
        if (operation.sfid.isEmpty()) {
            // Never reached the org: nothing to delete there.
            if (!setEntries(operation, QStringLiteral("SUCCESS"), {})) {
                return false;
            }
        } else {
            remote.append(operation);
        }
    }
    return sendInBatches(role, BatchKind::Delete, remote);
}

bool Pusher::sendInBatches(Role role, BatchKind kind, QList<Operation> operations)
{
    for (int attempt = 0; !operations.isEmpty(); ++attempt) {
        QList<Operation> retry;
        for (qsizetype start = 0; start < operations.size(); start += kBatchSize) {
            QList<Operation> batch = operations.mid(start, kBatchSize);
            const ApiResponse response = sendBatch(role, kind, batch);
            if (response.outcome == ApiResponse::Outcome::Transient ||
                response.outcome == ApiResponse::Outcome::SignInRequired) {
                retry.append(batch);
                if (response.outcome == ApiResponse::Outcome::SignInRequired ||
                    m_client.isCancelled()) {
                    return stopWith(response);
                }
                continue;
            }
            if (!applyResults(role, kind, batch, response, &retry)) {
                return false;
            }
        }
        if (retry.isEmpty()) {
            return true;
        }
        if (attempt + 1 >= kAttempts) {
            for (const Operation &operation : std::as_const(retry)) {
                if (!markRetryLater(operation,
                                    QCoreApplication::translate("pasalista::Pusher",
                                                                "The org was busy; will retry."))) {
                    return false;
                }
            }
            m_report.retrying += int(retry.size());
            m_report.result = SyncReport::Result::Unreachable;
            m_report.message = QCoreApplication::translate(
                "pasalista::Pusher",
                "The org did not take every change; the rest will be retried.");
            return false;
        }
        QThread::msleep(Backoff::withinCycle(attempt));
        operations = retry;
    }
    return true;
}

QJsonObject Pusher::payloadFor(const RecordCodec &codec, const Operation &operation,
                               BatchKind kind) const
{
    QStringList columns = operation.columns;
    if (kind == BatchKind::Upsert && !columns.contains(kKey)) {
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
    if (kind == BatchKind::Update) {
        record.insert(QStringLiteral("Id"), operation.sfid);
        if (operation.row.value(kKey).toString().isEmpty()) {
            record.remove(codec.fieldForColumn(kKey));
        }
    }
    return record;
}

ApiResponse Pusher::sendBatch(Role role, BatchKind kind, const QList<Operation> &batch)
{
    const RecordCodec codec(m_store.mapping(), role);
    ++m_report.writeRequests;
    if (kind == BatchKind::Delete) {
        QStringList ids;
        for (const Operation &operation : batch) {
            ids.append(operation.sfid);
        }
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("ids"), ids.join(QLatin1Char(',')));
        query.addQueryItem(QStringLiteral("allOrNone"), QStringLiteral("false"));
        return m_client.del(QStringLiteral("composite/sobjects"), query);
    }
    QJsonArray records;
    for (const Operation &operation : batch) {
        records.append(payloadFor(codec, operation, kind));
    }
    const QJsonDocument body(
        QJsonObject{{QStringLiteral("allOrNone"), false}, {QStringLiteral("records"), records}});
    switch (kind) {
    case BatchKind::Upsert:
        return m_client.patch(QStringLiteral("composite/sobjects/%1/%2")
                                  .arg(codec.objectName(), codec.object().upsertField),
                              body);
    case BatchKind::Update:
        return m_client.patch(QStringLiteral("composite/sobjects"), body);
    default:
        return m_client.post(QStringLiteral("composite/sobjects"), body);
    }
}

bool Pusher::applyResults(Role role, BatchKind kind, QList<Operation> &batch,
                          const ApiResponse &response, QList<Operation> *retry)
{
    const QJsonArray results = response.json.array();
    if (!response.ok() || results.size() != batch.size()) {
        // The whole call was refused (say, a field the org lacks): every record says so.
        const QString message =
            response.ok() ? QCoreApplication::translate(
                                "pasalista::Pusher", "The org's reply did not match the request.")
                          : response.errorMessage;
        for (const Operation &operation : std::as_const(batch)) {
            if (!markFailed(role, operation, response.errorCode, message)) {
                return false;
            }
        }
        return true;
    }
    if (!m_store.begin()) {
        return false;
    }
    for (qsizetype i = 0; i < batch.size(); ++i) {
        const QJsonObject result = results.at(i).toObject();
        const QJsonObject error =
            result.value(QLatin1String("errors")).toArray().first().toObject();
        const QString code = error.value(QLatin1String("statusCode")).toString();
        const QString sfid = result.value(QLatin1String("id")).toString();
        bool ok = true;
        if (result.value(QLatin1String("success")).toBool() ||
            (kind == BatchKind::Delete && isAlreadyDeleted(code))) {
            ok = markSuccess(
                role, batch[i], sfid.isEmpty() ? batch[i].sfid : sfid,
                result.value(QLatin1String("created")).toBool(kind == BatchKind::Create));
        } else if (isTransientRecordError(code)) {
            retry->append(batch[i]);
        } else {
            ok = markFailed(role, batch[i], code, error.value(QLatin1String("message")).toString());
        }
        if (!ok) {
            m_store.rollback();
            return false;
        }
    }
    return m_store.commit();
}

bool Pusher::setEntries(const Operation &operation, const QString &state, const QString &message)
{
    QSqlQuery query(m_store.database());
    QStringList marks;
    for (int i = 0; i < operation.entryIds.size(); ++i) {
        marks.append(QStringLiteral("?"));
    }
    query.prepare(
        QStringLiteral("UPDATE _trigger_log SET state = ?, sf_message = ?, updated_at = ?,"
                       " processed_at = ? WHERE id IN (%1)")
            .arg(marks.join(QLatin1Char(','))));
    query.addBindValue(state);
    query.addBindValue(message.isEmpty() ? QVariant() : QVariant(message));
    const QString now = nowUtc();
    query.addBindValue(now);
    query.addBindValue(now);
    for (qint64 id : operation.entryIds) {
        query.addBindValue(id);
    }
    if (!query.exec()) {
        m_report.result = SyncReport::Result::Error;
        m_report.message = query.lastError().text();
        return false;
    }
    return true;
}

bool Pusher::markSuccess(Role role, const Operation &operation, const QString &sfid, bool created)
{
    const Mapping &mapping = m_store.mapping();
    if (operation.isDelete) {
        ++m_report.deleted;
    } else {
        ++m_report.pushed;
    }
    // Still PENDING if the teacher edited the record again while this push was under way.
    QSqlQuery row(m_store.database());
    row.prepare(QStringLiteral("UPDATE %1 SET sfid = ?, _hc_err = NULL, _hc_lastop ="
                               " CASE WHEN EXISTS (SELECT 1 FROM _trigger_log WHERE table_name = ?"
                               " AND record_id = ? AND state IN ('NEW','PENDING') AND id > ?)"
                               " THEN 'PENDING' ELSE ? END WHERE id = ?")
                    .arg(quoted(mapping.table(role))));
    row.addBindValue(sfid);
    row.addBindValue(mapping.table(role));
    row.addBindValue(operation.recordId);
    row.addBindValue(operation.entryIds.last());
    row.addBindValue(operation.isDelete
                         ? QStringLiteral("SYNCED")
                         : (created ? QStringLiteral("INSERTED") : QStringLiteral("UPDATED")));
    row.addBindValue(operation.recordId);
    if (!row.exec()) {
        m_report.message = row.lastError().text();
        return false;
    }
    // Children created offline point at this record by local id; now they get its Id.
    for (Role child : Mapping::dependencyOrder()) {
        for (const auto &[logical, parentRole] : Mapping::lookupsOf(child)) {
            const QString column = mapping.column(child, logical);
            if (parentRole != role || column.isEmpty()) {
                continue;
            }
            QSqlQuery children(m_store.database());
            children.prepare(QStringLiteral("UPDATE %1 SET %2 = ? WHERE %3 = ? AND %2 IS NULL")
                                 .arg(quoted(mapping.table(child)), quoted(column),
                                      quoted(LocalStore::refColumn(column))));
            children.addBindValue(sfid);
            children.addBindValue(operation.recordId);
            children.exec();
        }
    }
    return setEntries(operation, QStringLiteral("SUCCESS"), {});
}

bool Pusher::markFailed(Role role, const Operation &operation, const QString &code,
                        const QString &message)
{
    ++m_report.failed;
    qCInfo(lcSync) << "org refused" << m_store.mapping().table(role) << operation.recordId << code;
    const QJsonObject error{{QStringLiteral("errorCode"), code},
                            {QStringLiteral("message"), message}};
    if (!m_store.writeSynced(
            role, operation.recordId,
            {{QStringLiteral("_hc_lastop"), QStringLiteral("FAILED")},
             {QStringLiteral("_hc_err"),
              QString::fromUtf8(QJsonDocument(error).toJson(QJsonDocument::Compact))}})) {
        return false;
    }
    return setEntries(operation, QStringLiteral("FAILED"),
                      code.isEmpty() ? message : code + QStringLiteral(": ") + message);
}

bool Pusher::markRetryLater(const Operation &operation, const QString &message)
{
    QSqlQuery query(m_store.database());
    QStringList marks;
    for (int i = 0; i < operation.entryIds.size(); ++i) {
        marks.append(QStringLiteral("?"));
    }
    query.prepare(QStringLiteral("UPDATE _trigger_log SET state = 'PENDING', sf_message = ?,"
                                 " attempts = attempts + 1, next_attempt_at = ?, updated_at = ?"
                                 " WHERE id IN (%1)")
                      .arg(marks.join(QLatin1Char(','))));
    query.addBindValue(message);
    query.addBindValue(QDateTime::currentDateTimeUtc()
                           .addMSecs(Backoff::betweenCycles(operation.attempts))
                           .toString(Qt::ISODateWithMs));
    query.addBindValue(nowUtc());
    for (qint64 id : operation.entryIds) {
        query.addBindValue(id);
    }
    return query.exec();
}

void Pusher::findByExternalId(Role role, QList<Operation> &operations)
{
    const ObjectMapping &object = m_store.mapping().objectFor(role);
    QHash<QString, Operation *> byKey;
    QStringList literals;
    for (Operation &operation : operations) {
        const QString key = operation.row.value(kKey).toString();
        if (operation.sfid.isEmpty() && !key.isEmpty()) {
            byKey.insert(key, &operation);
            literals.append(Soql::stringLiteral(key));
        }
    }
    for (qsizetype start = 0; start < literals.size(); start += kBatchSize) {
        const QString soql = Soql::select(
            {QStringLiteral("Id"), object.upsertField}, object.objectName,
            {object.upsertField + QStringLiteral(" IN (") +
             literals.mid(start, kBatchSize).join(QLatin1Char(',')) + QLatin1Char(')')});
        const ApiResponse response = m_client.query(soql);
        for (const QJsonValue &value :
             response.json.object().value(QLatin1String("records")).toArray()) {
            const QJsonObject record = value.toObject();
            if (Operation *operation = byKey.value(record.value(object.upsertField).toString())) {
                operation->sfid = record.value(QLatin1String("Id")).toString();
            }
        }
    }
}

void Pusher::findByNaturalKey(Role role, QList<Operation> &operations)
{
    // Without an external ID, a record already created by a push whose reply was lost
    // can only be recognised by its natural key: enrollment (course, student) or
    // attendance (enrollment, date). Other objects have none.
    const Mapping &mapping = m_store.mapping();
    QStringList keyFields;
    if (role == Role::Enrollment) {
        keyFields = {mapping.field(role, QStringLiteral("course")),
                     mapping.field(role, QStringLiteral("student"))};
    } else if (role == Role::Attendance) {
        keyFields = {mapping.field(role, QStringLiteral("enrollment")),
                     mapping.field(role, QStringLiteral("date"))};
    } else {
        return;
    }
    const QString first = ObjectMapping::columnFor(keyFields[0]);
    const QString second = ObjectMapping::columnFor(keyFields[1]);
    QHash<QString, Operation *> byKey;
    QStringList parents;
    for (Operation &operation : operations) {
        if (!operation.sfid.isEmpty()) {
            continue;
        }
        // The parent's Id may have arrived in this very cycle.
        operation.row = m_store.row(role, operation.recordId).value_or(operation.row);
        const QString parent = operation.row.value(first).toString();
        byKey.insert(parent + QLatin1Char('|') + operation.row.value(second).toString(),
                     &operation);
        parents.append(parent);
    }
    parents.removeDuplicates();
    for (qsizetype start = 0; start < parents.size(); start += kBatchSize) {
        const QString soql = Soql::select(
            {QStringLiteral("Id"), keyFields[0], keyFields[1]}, mapping.objectFor(role).objectName,
            {keyFields[0] + QStringLiteral(" IN ") + Soql::idList(parents.mid(start, kBatchSize))});
        const ApiResponse response = m_client.query(soql);
        for (const QJsonValue &value :
             response.json.object().value(QLatin1String("records")).toArray()) {
            const QJsonObject record = value.toObject();
            const QString key = record.value(keyFields[0]).toString() + QLatin1Char('|') +
                                record.value(keyFields[1]).toVariant().toString();
            if (Operation *operation = byKey.value(key)) {
                operation->sfid = record.value(QLatin1String("Id")).toString();
            }
        }
    }
}

} // namespace pasalista
