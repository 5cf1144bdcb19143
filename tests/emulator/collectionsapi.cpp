#include "collectionsapi.h"

#include "permissions.h"
#include "sfid.h"
#include "sobjectapi.h"

#include <QJsonDocument>
#include <QSet>

namespace pasalista::emulator {

namespace {
constexpr int kMaxRecords = 200;

SfError recordError(const QString &code, const QString &message)
{
    return {code, message, {}};
}

HttpResponse tooManyRecords()
{
    return HttpResponse::error(400, {QStringLiteral("EXCEEDED_ID_LIMIT"),
                                     QStringLiteral("record limit reached. cannot submit more "
                                                    "than 200 records into this call"),
                                     {}});
}

QString keyText(const QJsonValue &value)
{
    return value.isDouble() ? QString::number(value.toDouble()) : value.toString();
}
} // namespace

CollectionsApi::CollectionsApi(const Schema &schema, RecordStore &store, RecordWriter &writer)
    : m_schema(schema), m_store(store), m_writer(writer)
{
}

HttpResponse CollectionsApi::handle(const ApiContext &context)
{
    const QStringList &segments = context.segments; // composite, sobjects, ...
    const QByteArray &method = context.method();
    if (segments.size() == 2) {
        if (method == "POST")
            return write(context, Operation::Create, nullptr);
        if (method == "PATCH")
            return write(context, Operation::Update, nullptr);
        if (method == "DELETE")
            return remove(context);
        return methodNotAllowed(method, QStringLiteral("POST,PATCH,DELETE"));
    }
    const ObjectDef *object = m_schema.object(segments.at(2));
    if (!object)
        return HttpResponse::notFound();
    if (segments.size() == 3 && method == "GET")
        return retrieve(context, *object);
    if (segments.size() == 3 && method == "POST")
        return retrieveFromBody(context, *object);
    if (segments.size() == 4 && method == "PATCH") {
        const FieldDef *key = object->field(segments.at(3));
        if (!key || !(key->externalId || key->type == FieldType::Id))
            return HttpResponse::error(
                404, {QStringLiteral("NOT_FOUND"),
                      QStringLiteral("Provided external ID field does not exist or is not "
                                     "accessible: %1")
                          .arg(segments.at(3)),
                      {}});
        return write(context, Operation::Upsert, key);
    }
    if (segments.size() == 3)
        return methodNotAllowed(method, QStringLiteral("GET,POST"));
    return segments.size() == 4 ? methodNotAllowed(method, QStringLiteral("PATCH"))
                                : HttpResponse::notFound();
}

std::optional<CollectionsApi::Batch> CollectionsApi::parseBatch(const ApiContext &context,
                                                                HttpResponse *error) const
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(context.request->body, &parseError);
    const QJsonValue records = document.object().value(QStringLiteral("records"));
    if (!document.isObject() || !records.isArray()) {
        *error =
            jsonParseError(document.isNull() ? parseError.errorString()
                                             : QStringLiteral("Expected {\"records\": [...]}"));
        return std::nullopt;
    }
    if (records.toArray().size() > kMaxRecords) {
        *error = tooManyRecords();
        return std::nullopt;
    }
    return Batch{document.object().value(QStringLiteral("allOrNone")).toBool(), records.toArray()};
}

QSet<QString> CollectionsApi::duplicateKeys(const QJsonArray &records, const FieldDef &key) const
{
    QSet<QString> seen;
    QSet<QString> duplicates;
    for (const QJsonValue &record : records) {
        const QString value =
            keyText(RecordWriter::bodyValue(record.toObject(), key.name)).toLower();
        if (value.isEmpty())
            continue;
        if (seen.contains(value))
            duplicates.insert(value);
        seen.insert(value);
    }
    return duplicates;
}

HttpResponse CollectionsApi::write(const ApiContext &context, Operation operation,
                                   const FieldDef *upsertKey)
{
    HttpResponse error;
    const auto batch = parseBatch(context, &error);
    if (!batch)
        return error;
    const QSet<QString> duplicates =
        upsertKey ? duplicateKeys(batch->records, *upsertKey) : QSet<QString>();
    m_store.begin();
    QList<WriteOutcome> outcomes;
    for (const QJsonValue &record : batch->records)
        outcomes.append(writeOne(context, operation, upsertKey, record.toObject(), duplicates));
    return finish(outcomes, batch->allOrNone, operation == Operation::Upsert);
}

WriteOutcome CollectionsApi::writeOne(const ApiContext &context, Operation operation,
                                      const FieldDef *upsertKey, const QJsonObject &record,
                                      const QSet<QString> &duplicates)
{
    const QString type = record.value(QStringLiteral("attributes"))
                             .toObject()
                             .value(QStringLiteral("type"))
                             .toString();
    const ObjectDef *object = m_schema.object(
        type.isEmpty() && operation == Operation::Upsert ? context.segments.at(2) : type);
    WriteOutcome failed;
    if (!object) {
        failed.errors.append(recordError(QStringLiteral("INVALID_TYPE"),
                                         type.isEmpty()
                                             ? QStringLiteral("sObject type must be specified "
                                                              "in attributes.type")
                                             : QStringLiteral("sObject type '%1' is not "
                                                              "supported.")
                                                   .arg(type)));
        return failed;
    }
    if (operation == Operation::Create)
        return m_writer.create(*object, record, context.userId);
    if (operation == Operation::Update) {
        const auto id =
            SfId::normalize(RecordWriter::bodyValue(record, QStringLiteral("Id")).toString());
        if (!id) {
            failed.errors.append(recordError(QStringLiteral("MISSING_ARGUMENT"),
                                             QStringLiteral("Id not specified in an update call")));
            return failed;
        }
        return m_writer.update(*object, *id, record, context.userId);
    }
    const QString key = keyText(RecordWriter::bodyValue(record, upsertKey->name));
    if (key.isEmpty() || duplicates.contains(key.toLower())) {
        failed.errors.append(recordError(
            key.isEmpty() ? QStringLiteral("MISSING_ARGUMENT")
                          : QStringLiteral("DUPLICATE_EXTERNAL_ID"),
            key.isEmpty() ? QStringLiteral("%1 not specified").arg(upsertKey->name)
                          : QStringLiteral("Duplicate external id specified: %1").arg(key)));
        return failed;
    }
    return m_writer.upsert(*object, *upsertKey, key, record, context.userId);
}

HttpResponse CollectionsApi::finish(const QList<WriteOutcome> &outcomes, bool allOrNone,
                                    bool withCreated)
{
    const bool anyFailed = std::any_of(outcomes.begin(), outcomes.end(),
                                       [](const WriteOutcome &outcome) { return !outcome.ok(); });
    const bool rollBack = allOrNone && anyFailed;
    if (rollBack)
        m_store.rollback();
    else
        m_store.commit();
    QJsonArray results;
    for (WriteOutcome outcome : outcomes) {
        if (rollBack && outcome.ok()) {
            outcome.id.clear();
            outcome.errors.append(recordError(
                QStringLiteral("ALL_OR_NONE_OPERATION_ROLLED_BACK"),
                QStringLiteral("Record rolled back because not all records were valid and the "
                               "request was using AllOrNone header")));
        }
        if (!outcome.ok())
            outcome.id.clear();
        results.append(outcome.toCollectionJson(withCreated));
    }
    return HttpResponse::json(results);
}

HttpResponse CollectionsApi::remove(const ApiContext &context)
{
    const QStringList ids =
        context.request->queryValue(QStringLiteral("ids")).split(u',', Qt::SkipEmptyParts);
    if (ids.size() > kMaxRecords)
        return tooManyRecords();
    const bool allOrNone =
        context.request->queryValue(QStringLiteral("allOrNone")) == QLatin1String("true");
    m_store.begin();
    QList<WriteOutcome> outcomes;
    for (const QString &rawId : ids) {
        const auto id = SfId::normalize(rawId.trimmed());
        WriteOutcome outcome = id ? m_writer.remove(*id, context.userId) : WriteOutcome{};
        if (!id) {
            outcome.errors.append(recordError(QStringLiteral("MALFORMED_ID"),
                                              QStringLiteral("malformed id %1").arg(rawId)));
        }
        outcomes.append(outcome);
    }
    return finish(outcomes, allOrNone, false);
}

HttpResponse CollectionsApi::retrieve(const ApiContext &context, const ObjectDef &object)
{
    return retrieveRecords(
        context, object,
        context.request->queryValue(QStringLiteral("ids")).split(u',', Qt::SkipEmptyParts),
        context.request->queryValue(QStringLiteral("fields")).split(u',', Qt::SkipEmptyParts));
}

// Salesforce's "retrieve multiple records" also takes POST {"ids":[...],"fields":[...]}, for
// lists too long for a URL; jsforce always retrieves this way.
HttpResponse CollectionsApi::retrieveFromBody(const ApiContext &context, const ObjectDef &object)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(context.request->body, &parseError);
    const QJsonValue ids = document.object().value(QStringLiteral("ids"));
    const QJsonValue fields = document.object().value(QStringLiteral("fields"));
    if (!document.isObject() || !ids.isArray() || !fields.isArray())
        return jsonParseError(document.isNull()
                                  ? parseError.errorString()
                                  : QStringLiteral("Expected {\"ids\": [...], \"fields\": [...]}"));
    return retrieveRecords(context, object, ids.toVariant().toStringList(),
                           fields.toVariant().toStringList());
}

HttpResponse CollectionsApi::retrieveRecords(const ApiContext &context, const ObjectDef &object,
                                             const QStringList &ids, const QStringList &fields)
{
    if (ids.size() > 2000)
        return tooManyRecords();
    QJsonArray records;
    for (const QString &rawId : ids) {
        const auto id = SfId::normalize(rawId.trimmed());
        const QJsonObject *row = id ? m_store.find(object.name, *id) : nullptr;
        if (!row || row->value(QStringLiteral("IsDeleted")).toBool() ||
            !Permissions::canSee(object, *row))
            records.append(QJsonValue::Null);
        else
            records.append(SObjectApi::renderRecord(object, *row, fields, context.version));
    }
    return HttpResponse::json(records);
}

} // namespace pasalista::emulator
