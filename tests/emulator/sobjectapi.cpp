#include "sobjectapi.h"

#include <QLocale>

#include "permissions.h"
#include "sfid.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace pasalista::emulator {

namespace {
constexpr int kFirstVersionWithUpsertBody = 46; // before it, an upsert update answered 204

HttpResponse externalFieldNotFound(const QString &fieldName)
{
    return HttpResponse::error(
        404, {QStringLiteral("NOT_FOUND"),
              QStringLiteral("Provided external ID field does not exist or is not accessible: %1")
                  .arg(fieldName),
              {}});
}

// A record not shared with the user: what Salesforce answers a write to it.
HttpResponse insufficientAccess()
{
    return HttpResponse::error(400, {QStringLiteral("INSUFFICIENT_ACCESS_OR_READONLY"),
                                     QStringLiteral("insufficient access rights on object id"),
                                     {}});
}

QJsonObject successBody(const WriteOutcome &outcome, bool withCreated)
{
    QJsonObject body{{QStringLiteral("id"), outcome.id},
                     {QStringLiteral("success"), true},
                     {QStringLiteral("errors"), QJsonArray()}};
    if (withCreated)
        body.insert(QStringLiteral("created"), outcome.created);
    return body;
}
} // namespace

HttpResponse methodNotAllowed(const QByteArray &method, const QString &allowed)
{
    return HttpResponse::error(405, {QStringLiteral("METHOD_NOT_ALLOWED"),
                                     QStringLiteral("HTTP Method '%1' not allowed. Allowed are %2")
                                         .arg(QString::fromLatin1(method), allowed),
                                     {}});
}

HttpResponse jsonParseError(const QString &message)
{
    return HttpResponse::error(400, {QStringLiteral("JSON_PARSER_ERROR"), message, {}});
}

SObjectApi::SObjectApi(const Schema &schema, const RecordStore &store, RecordWriter &writer)
    : m_schema(schema), m_store(store), m_writer(writer), m_describer(schema)
{
}

int SObjectApi::statusFor(const QList<SfError> &errors)
{
    for (const SfError &error : errors) {
        if (error.errorCode == QLatin1String("ENTITY_IS_DELETED") && error.fields.isEmpty())
            return 404;
    }
    return 400;
}

HttpResponse SObjectApi::handle(const ApiContext &context)
{
    const QStringList &segments = context.segments;
    if (segments.size() == 1) {
        if (context.method() != "GET")
            return methodNotAllowed(context.method(), QStringLiteral("GET,HEAD"));
        return describeResponse(context, m_describer.globalDescribe(context.dataPath()));
    }
    const ObjectDef *object = m_schema.object(segments.at(1));
    if (!object)
        return HttpResponse::notFound();
    if (segments.size() == 2)
        return objectRoot(context, *object);
    if (segments.size() == 3 && segments.at(2) == QLatin1String("describe")) {
        if (context.method() != "GET")
            return methodNotAllowed(context.method(), QStringLiteral("GET,HEAD"));
        return describeResponse(context, m_describer.describe(*object, context.dataPath()));
    }
    if (segments.size() == 3)
        return byId(context, *object, segments.at(2));
    if (segments.size() == 4)
        return byExternalId(context, *object, segments.at(2), segments.at(3));
    return HttpResponse::notFound();
}

HttpResponse SObjectApi::describeResponse(const ApiContext &context,
                                          const QJsonObject &describe) const
{
    // The schema changes only when an admin deletes a field: until then a client's cached
    // describe stays valid.
    const QLocale c = QLocale::c();
    const QString format = QStringLiteral("ddd, dd MMM yyyy HH:mm:ss");
    const qint64 changedMs = std::max(m_store.createdMs(), m_schema.changedMs());
    const qint64 modifiedMs = changedMs - changedMs % 1000;
    const QString since = QString::fromLatin1(context.request->header("if-modified-since"));
    QDateTime sinceTime = c.toDateTime(since.section(u' ', 0, 4), format);
    sinceTime.setTimeSpec(Qt::UTC);
    HttpResponse response = sinceTime.isValid() && sinceTime.toMSecsSinceEpoch() >= modifiedMs
                                ? HttpResponse::notModified()
                                : HttpResponse::json(describe);
    response.setHeader(
        "Last-Modified",
        c.toString(QDateTime::fromMSecsSinceEpoch(modifiedMs, Qt::UTC), format).toLatin1() +
            " GMT");
    return response;
}

std::optional<QJsonObject> SObjectApi::parseBody(const ApiContext &context,
                                                 HttpResponse *error) const
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(context.request->body, &parseError);
    if (!document.isObject()) {
        *error = jsonParseError(document.isNull() ? parseError.errorString()
                                                  : QStringLiteral("Expected a JSON object"));
        return std::nullopt;
    }
    return document.object();
}

HttpResponse SObjectApi::objectRoot(const ApiContext &context, const ObjectDef &object)
{
    if (context.method() == "GET") {
        return HttpResponse::json(QJsonObject{
            {QStringLiteral("objectDescribe"), m_describer.summary(object, context.dataPath())},
            {QStringLiteral("recentItems"), QJsonArray()}});
    }
    if (context.method() != "POST")
        return methodNotAllowed(context.method(), QStringLiteral("GET,HEAD,POST"));
    HttpResponse error;
    const auto body = parseBody(context, &error);
    if (!body)
        return error;
    const WriteOutcome outcome = m_writer.create(object, *body, context.userId);
    if (!outcome.ok())
        return HttpResponse::errors(400, outcome.errors);
    HttpResponse response = HttpResponse::json(successBody(outcome, false), 201);
    response.setHeader("Location", (context.dataPath() +
                                    QStringLiteral("/sobjects/%1/%2").arg(object.name, outcome.id))
                                       .toUtf8());
    return response;
}

HttpResponse SObjectApi::byId(const ApiContext &context, const ObjectDef &object,
                              const QString &rawId)
{
    const auto id = SfId::normalize(rawId);
    // Writes wait for a running transaction's row lock, reads see the committed version.
    const QJsonObject *row = !id                         ? nullptr
                             : context.method() == "GET" ? m_store.find(object.name, *id)
                                                         : m_store.findLatest(object.name, *id);
    if (!row)
        return id ? HttpResponse::notFound() : externalFieldNotFound(rawId);
    if (!Permissions::canSee(object, *row))
        return context.method() == "GET" ? HttpResponse::notFound() : insufficientAccess();
    const bool deleted = row->value(QStringLiteral("IsDeleted")).toBool();
    if (deleted && context.method() != "GET")
        return HttpResponse::error(
            404, {QStringLiteral("ENTITY_IS_DELETED"), QStringLiteral("entity is deleted"), {}});
    if (context.method() == "GET")
        return deleted ? HttpResponse::notFound() : getRecord(context, object, *id);
    if (context.method() == "DELETE") {
        const WriteOutcome outcome = m_writer.remove(*id, context.userId);
        return outcome.ok() ? HttpResponse::noContent()
                            : HttpResponse::errors(statusFor(outcome.errors), outcome.errors);
    }
    if (context.method() != "PATCH")
        return methodNotAllowed(context.method(), QStringLiteral("GET,HEAD,PATCH,DELETE"));
    HttpResponse error;
    const auto body = parseBody(context, &error);
    if (!body)
        return error;
    const WriteOutcome outcome = m_writer.update(object, *id, *body, context.userId);
    return outcome.ok() ? HttpResponse::noContent()
                        : HttpResponse::errors(statusFor(outcome.errors), outcome.errors);
}

HttpResponse SObjectApi::getRecord(const ApiContext &context, const ObjectDef &object,
                                   const QString &id)
{
    const QString fields = context.request->queryValue(QStringLiteral("fields"));
    QStringList names = fields.split(u',', Qt::SkipEmptyParts);
    for (QString &name : names) {
        name = name.trimmed();
        const FieldDef *field = object.field(name);
        if (!field || !Permissions::canRead(object, *field))
            return HttpResponse::error(400, {QStringLiteral("INVALID_FIELD"),
                                             QStringLiteral("No such column '%1' on sobject of "
                                                            "type %2")
                                                 .arg(name, object.name),
                                             {}});
        name = field->name;
    }
    return HttpResponse::json(
        renderRecord(object, *m_store.find(object.name, id), names, context.version));
}

QJsonObject SObjectApi::renderRecord(const ObjectDef &object, const QJsonObject &row,
                                     const QStringList &fields, const QString &apiVersion)
{
    QJsonObject out{
        {QStringLiteral("attributes"),
         recordAttributes(object.name, row.value(QStringLiteral("Id")).toString(), apiVersion)}};
    for (const FieldDef &field : object.fields) {
        if ((!fields.isEmpty() && !fields.contains(field.name)) ||
            !Permissions::canRead(object, field))
            continue;
        const QJsonValue value = row.value(field.name);
        out.insert(field.name, value.isUndefined() ? QJsonValue::Null : value);
    }
    return out;
}

HttpResponse SObjectApi::byExternalId(const ApiContext &context, const ObjectDef &object,
                                      const QString &fieldName, const QString &value)
{
    const FieldDef *key = object.field(fieldName);
    if (!key || !(key->externalId || key->type == FieldType::Id))
        return externalFieldNotFound(fieldName);
    if (context.method() == "PATCH")
        return upsert(context, object, *key, value);
    if (context.method() != "GET" && context.method() != "DELETE")
        return methodNotAllowed(context.method(), QStringLiteral("GET,HEAD,PATCH,DELETE"));
    const QStringList matches = key->type == FieldType::Id
                                    ? QStringList{SfId::normalize(value).value_or(value)}
                                    : m_store.lookup(object.name, *key, value);
    if (matches.size() > 1) {
        QJsonArray urls;
        for (const QString &id : matches)
            urls.append(QString(context.dataPath() +
                                QStringLiteral("/sobjects/%1/%2").arg(object.name, id)));
        return HttpResponse::json(urls, 300);
    }
    const QJsonObject *row =
        matches.isEmpty() ? nullptr : m_store.find(object.name, matches.first());
    if (!row || row->value(QStringLiteral("IsDeleted")).toBool())
        return HttpResponse::notFound();
    if (!Permissions::canSee(object, *row))
        return context.method() == "GET" ? HttpResponse::notFound() : insufficientAccess();
    if (context.method() == "GET")
        return getRecord(context, object, matches.first());
    const WriteOutcome outcome = m_writer.remove(matches.first(), context.userId);
    return outcome.ok() ? HttpResponse::noContent()
                        : HttpResponse::errors(statusFor(outcome.errors), outcome.errors);
}

HttpResponse SObjectApi::upsert(const ApiContext &context, const ObjectDef &object,
                                const FieldDef &key, const QString &value)
{
    HttpResponse error;
    const auto body = parseBody(context, &error);
    if (!body)
        return error;
    const WriteOutcome outcome = m_writer.upsert(object, key, value, *body, context.userId);
    if (!outcome.matchingIds.isEmpty()) {
        QJsonArray urls;
        for (const QString &id : outcome.matchingIds)
            urls.append(QString(context.dataPath() +
                                QStringLiteral("/sobjects/%1/%2").arg(object.name, id)));
        return HttpResponse::json(urls, 300);
    }
    if (!outcome.ok())
        return HttpResponse::errors(statusFor(outcome.errors), outcome.errors);
    if (outcome.created)
        return HttpResponse::json(successBody(outcome, true), 201);
    if (context.majorVersion() < kFirstVersionWithUpsertBody)
        return HttpResponse::noContent();
    return HttpResponse::json(successBody(outcome, true), 200);
}

} // namespace pasalista::emulator
