#include "adminapi.h"

#include "emulator.h"
#include "fieldedit.h"
#include "mergeapi.h"
#include "saveautomations.h"
#include "sfid.h"
#include "sobjectapi.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace pasalista::emulator {

namespace {
const QString kAdminVersion = QStringLiteral("62.0");

HttpResponse badRequest(const QString &message)
{
    return HttpResponse::error(400, {QStringLiteral("BAD_REQUEST"), message, {}});
}

QJsonObject outcomeJson(const WriteOutcome &outcome)
{
    return outcome.toCollectionJson(false);
}
} // namespace

HttpResponse AdminApi::handle(const HttpRequest &request)
{
    const QStringList segments = request.path.split(u'/', Qt::SkipEmptyParts).mid(1);
    const QString resource = segments.value(0);
    if (resource == QLatin1String("faults"))
        return faults(request);
    if (resource == QLatin1String("records") && segments.size() >= 2)
        return records(request, segments);
    if (resource == QLatin1String("log"))
        return log(request);
    if (resource == QLatin1String("clock"))
        return clock(request);
    if (resource == QLatin1String("token-policy"))
        return tokenPolicy(request);
    if (resource == QLatin1String("refresh-token-state") && request.method == "POST")
        return HttpResponse::json(QJsonObject{
            {QStringLiteral("state"), m_emulator.oauth().refreshTokenState(
                                          request.formBody().value(QStringLiteral("token")))}});
    if (resource == QLatin1String("users") && segments.size() == 3 &&
        segments.at(2) == QLatin1String("permissions"))
        return userPermissions(request, segments.at(1));
    if (resource == QLatin1String("users"))
        return users(request);
    if (resource == QLatin1String("validation-rules"))
        return validationRules(request, segments);
    if (resource == QLatin1String("automations"))
        return automations(request, segments);
    if (resource == QLatin1String("generate") && request.method == "POST")
        return generate(request);
    if (resource == QLatin1String("streaming"))
        return m_emulator.cometd().admin(request);
    if (resource == QLatin1String("schema"))
        return schema(request, segments);
    if (resource == QLatin1String("state"))
        return state();
    if (resource == QLatin1String("merge") && segments.size() == 2)
        return MergeApi(m_emulator).handle(request, segments.at(1));
    if (request.method != "POST")
        return HttpResponse::notFound();
    if (resource == QLatin1String("reset")) {
        m_emulator.reset();
        return state();
    }
    if (resource == QLatin1String("revoke-all")) {
        m_emulator.oauth().revokeAll();
        return HttpResponse::noContent();
    }
    if (resource == QLatin1String("expire-sessions")) {
        m_emulator.oauth().expireAccessTokens();
        return HttpResponse::noContent();
    }
    if (resource == QLatin1String("save")) {
        QString error;
        return m_emulator.saveState(&error) ? HttpResponse::noContent() : badRequest(error);
    }
    return HttpResponse::notFound();
}

HttpResponse AdminApi::faults(const HttpRequest &request)
{
    if (request.method == "POST" || request.method == "PATCH") {
        QString error;
        const QJsonDocument document = QJsonDocument::fromJson(request.body);
        if (!document.isObject())
            return badRequest(QStringLiteral("expected a JSON object of faults"));
        if (!m_emulator.applyFaults(document.object(), &error))
            return badRequest(error);
    } else if (request.method == "DELETE") {
        m_emulator.faults().reset();
    }
    QJsonObject current = m_emulator.faults().toJson();
    current.insert(QStringLiteral("tokenLifetimeSeconds"),
                   m_emulator.oauth().tokenLifetimeSeconds());
    current.insert(QStringLiteral("apiUsage"), m_emulator.rest().apiUsage());
    return HttpResponse::json(current);
}

std::optional<RecordStore::WriteTiming> AdminApi::lateTiming(const HttpRequest &request) const
{
    const int stampAgo = request.queryValue(QStringLiteral("stampSecondsAgo")).toInt();
    const int visibleIn = request.queryValue(QStringLiteral("visibleInSeconds")).toInt();
    if (stampAgo <= 0 && visibleIn <= 0)
        return std::nullopt;
    const qint64 now = m_emulator.clock().nowMs();
    const qint64 stamp = now - qint64(std::max(stampAgo, 0)) * 1000;
    return RecordStore::WriteTiming{stamp - stamp % 1000,
                                    now + qint64(std::max(visibleIn, 0)) * 1000};
}

HttpResponse AdminApi::records(const HttpRequest &request, const QStringList &segments)
{
    const ObjectDef *object = m_emulator.schema().object(segments.at(1));
    if (!object)
        return HttpResponse::notFound();
    // A write of a long transaction: stamped when it began, visible when it commits.
    m_emulator.store().setWriteTiming(lateTiming(request));
    HttpResponse response = writeOrRead(request, *object, segments);
    m_emulator.store().setWriteTiming(std::nullopt);
    return response;
}

HttpResponse AdminApi::writeOrRead(const HttpRequest &request, const ObjectDef &definition,
                                   const QStringList &segments)
{
    const ObjectDef *object = &definition;
    if (segments.size() == 2 && request.method == "GET")
        return listRecords(request, object->name);
    if (segments.size() == 2 && request.method == "POST")
        return createRecords(request, object->name);
    if (segments.size() >= 3)
        return changeRecord(request, object->name, segments);
    return HttpResponse::notFound();
}

HttpResponse AdminApi::listRecords(const HttpRequest &request, const QString &object)
{
    const bool includeDeleted =
        request.queryValue(QStringLiteral("includeDeleted")) != QLatin1String("false");
    const ObjectDef &definition = *m_emulator.schema().object(object);
    QJsonArray records;
    for (const QString &id : m_emulator.store().ids(object)) {
        const QJsonObject *row = m_emulator.store().find(object, id);
        if (row && (includeDeleted || !row->value(QStringLiteral("IsDeleted")).toBool()))
            records.append(SObjectApi::renderRecord(definition, *row, {}, kAdminVersion));
    }
    return HttpResponse::json(records);
}

HttpResponse AdminApi::createRecords(const HttpRequest &request, const QString &object)
{
    const QJsonDocument document = QJsonDocument::fromJson(request.body);
    const ObjectDef &definition = *m_emulator.schema().object(object);
    if (document.isObject()) {
        const WriteOutcome outcome = m_emulator.adminWriter().create(definition, document.object(),
                                                                     m_emulator.officeUserId());
        return HttpResponse::json(outcomeJson(outcome), outcome.ok() ? 201 : 400);
    }
    if (!document.isArray())
        return badRequest(QStringLiteral("expected a record or an array of records"));
    QJsonArray results;
    for (const QJsonValue &record : document.array()) {
        results.append(outcomeJson(m_emulator.adminWriter().create(definition, record.toObject(),
                                                                   m_emulator.officeUserId())));
    }
    return HttpResponse::json(results);
}

HttpResponse AdminApi::changeRecord(const HttpRequest &request, const QString &object,
                                    const QStringList &segments)
{
    const auto id = SfId::normalize(segments.at(2));
    if (!id || !m_emulator.store().findLatest(object, *id))
        return HttpResponse::notFound();
    const QString user = m_emulator.officeUserId();
    WriteOutcome outcome;
    if (segments.size() == 4 && segments.at(3) == QLatin1String("undelete") &&
        request.method == "POST") {
        m_emulator.store().undelete(object, *id, user);
        outcome.id = *id;
    } else if (segments.size() == 3 && request.method == "PATCH") {
        const QJsonDocument document = QJsonDocument::fromJson(request.body);
        if (!document.isObject())
            return badRequest(QStringLiteral("expected a JSON object of fields"));
        outcome = m_emulator.adminWriter().update(*m_emulator.schema().object(object), *id,
                                                  document.object(), user);
    } else if (segments.size() == 3 && request.method == "DELETE") {
        outcome = m_emulator.adminWriter().remove(*id, user);
    } else if (segments.size() == 3 && request.method == "GET") {
        const QJsonObject *row = m_emulator.store().find(object, *id);
        return row ? HttpResponse::json(SObjectApi::renderRecord(
                         *m_emulator.schema().object(object), *row, {}, kAdminVersion))
                   : HttpResponse::notFound();
    } else {
        return HttpResponse::notFound();
    }
    return HttpResponse::json(outcomeJson(outcome), outcome.ok() ? 200 : 400);
}

// The org admin changing the connected app's OAuth policies; tokens already issued keep
// their family, their sign-in time and their last use.
HttpResponse AdminApi::tokenPolicy(const HttpRequest &request)
{
    TokenPolicy policy = m_emulator.oauth().tokenPolicy();
    if (request.method == "POST" || request.method == "PATCH") {
        const QJsonDocument document = QJsonDocument::fromJson(request.body);
        QString error;
        if (!document.isObject())
            return badRequest(QStringLiteral("expected a JSON object of token policies"));
        if (!policy.apply(document.object(), &error))
            return badRequest(error);
        m_emulator.oauth().setTokenPolicy(policy);
    }
    return HttpResponse::json(policy.toJson());
}

HttpResponse AdminApi::clock(const HttpRequest &request)
{
    if (request.method == "POST") {
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        const double seconds = body.value(QStringLiteral("advanceSeconds")).toDouble() +
                               body.value(QStringLiteral("advanceDays")).toDouble() * 86400;
        if (seconds < 0)
            return badRequest(QStringLiteral("the org's clock only moves forward"));
        m_emulator.advanceClock(static_cast<qint64>(seconds * 1000));
    } else if (request.method != "GET") {
        return HttpResponse::notFound();
    }
    const OrgClock &clock = m_emulator.clock();
    return HttpResponse::json(QJsonObject{
        {QStringLiteral("now"), RecordStore::formatMs(clock.nowMs())},
        {QStringLiteral("nowMs"), static_cast<double>(clock.nowMs())},
        {QStringLiteral("offsetSeconds"), static_cast<double>(clock.offsetMs()) / 1000}});
}

HttpResponse AdminApi::log(const HttpRequest &request)
{
    if (request.method == "DELETE") {
        m_emulator.log().clear();
        return HttpResponse::noContent();
    }
    return HttpResponse::json(m_emulator.log().toJson());
}

HttpResponse AdminApi::users(const HttpRequest &request)
{
    if (request.method == "POST") {
        const QJsonObject user = QJsonDocument::fromJson(request.body).object();
        const QString username = user.value(QStringLiteral("username")).toString();
        if (username.isEmpty() || m_emulator.oauth().userByName(username))
            return badRequest(QStringLiteral("username missing or taken"));
        m_emulator.oauth().addUser(username, user.value(QStringLiteral("password")).toString(),
                                   user.value(QStringLiteral("email")).toString(username),
                                   user.value(QStringLiteral("firstName")).toString(),
                                   user.value(QStringLiteral("lastName")).toString(username));
    }
    QJsonArray list;
    for (const OrgUser &user : m_emulator.oauth().users()) {
        list.append(QJsonObject{{QStringLiteral("id"), user.id},
                                {QStringLiteral("username"), user.username},
                                {QStringLiteral("password"), user.password},
                                {QStringLiteral("email"), user.email},
                                {QStringLiteral("name"), user.name()}});
    }
    return HttpResponse::json(list, request.method == "POST" ? 201 : 200);
}

// A user's field-level security and sharing: GET reads it, PATCH changes the keys given,
// DELETE gives the user the schema's access again.
HttpResponse AdminApi::userPermissions(const HttpRequest &request, const QString &username)
{
    Permissions &permissions = m_emulator.rest().permissions();
    if (request.method == "DELETE")
        return permissions.clear(username) ? HttpResponse::noContent() : HttpResponse::notFound();
    if (request.method == "GET") {
        const auto access = permissions.describe(username);
        return access ? HttpResponse::json(*access) : HttpResponse::notFound();
    }
    if (request.method != "PATCH" && request.method != "POST")
        return HttpResponse::notFound();
    QString error;
    const auto access =
        permissions.change(username, QJsonDocument::fromJson(request.body).object(), &error);
    return access ? HttpResponse::json(*access) : badRequest(error);
}

HttpResponse AdminApi::validationRules(const HttpRequest &request, const QStringList &segments)
{
    if (request.method == "POST") {
        const QJsonObject rule = QJsonDocument::fromJson(request.body).object();
        ObjectDef *object =
            m_emulator.schema().mutableObject(rule.value(QStringLiteral("object")).toString());
        if (!object)
            return badRequest(QStringLiteral("unknown object"));
        object->validationRules.removeIf([&](const ValidationRule &existing) {
            return existing.name == rule.value(QStringLiteral("name")).toString();
        });
        object->validationRules.append({rule.value(QStringLiteral("name")).toString(),
                                        rule.value(QStringLiteral("condition")).toString(),
                                        rule.value(QStringLiteral("message")).toString(),
                                        rule.value(QStringLiteral("field")).toString(),
                                        rule.value(QStringLiteral("active")).toBool(true)});
        return HttpResponse::noContent();
    }
    if (request.method == "DELETE" && segments.size() == 3) {
        ObjectDef *object = m_emulator.schema().mutableObject(segments.at(1));
        if (!object)
            return HttpResponse::notFound();
        object->validationRules.removeIf(
            [&](const ValidationRule &rule) { return rule.name == segments.at(2); });
        return HttpResponse::noContent();
    }
    return HttpResponse::notFound();
}

// An admin adds a before-save flow that rewrites a field on every save (or replaces the one of
// that name), or removes it.
HttpResponse AdminApi::automations(const HttpRequest &request, const QStringList &segments)
{
    if (request.method == "POST") {
        const QJsonObject json = QJsonDocument::fromJson(request.body).object();
        QString error;
        const auto automation = SaveAutomations::fromJson(
            FieldResolver(m_emulator.schema(), m_emulator.store()), json, &error);
        if (!automation)
            return badRequest(error);
        ObjectDef *object =
            m_emulator.schema().mutableObject(json.value(QStringLiteral("object")).toString());
        object->automations.removeIf(
            [&](const SaveAutomation &existing) { return existing.name == automation->name; });
        object->automations.append(*automation);
        return HttpResponse::noContent();
    }
    ObjectDef *object =
        segments.size() == 3 ? m_emulator.schema().mutableObject(segments.at(1)) : nullptr;
    if (request.method != "DELETE" || !object)
        return HttpResponse::notFound();
    object->automations.removeIf(
        [&](const SaveAutomation &automation) { return automation.name == segments.at(2); });
    return HttpResponse::noContent();
}

HttpResponse AdminApi::schema(const HttpRequest &request, const QStringList &segments)
{
    if (request.method == "GET" && segments.size() == 1)
        return HttpResponse::json(m_emulator.schema().toJson());
    if (request.method == "PATCH" && segments.size() == 3)
        return changeField(request, segments.at(1), segments.at(2));
    if (request.method != "DELETE" || segments.size() != 3)
        return HttpResponse::notFound();
    // An admin deletes a field: queries naming it fail with INVALID_FIELD from now on, and
    // the describes say they changed (Last-Modified moves, If-Modified-Since answers 200).
    ObjectDef *object = m_emulator.schema().mutableObject(segments.at(1));
    if (!object || !object->field(segments.at(2)))
        return HttpResponse::notFound();
    object->fields.removeIf([&](const FieldDef &field) {
        return field.name.compare(segments.at(2), Qt::CaseInsensitive) == 0;
    });
    object->reindex();
    // Open cursors name fields by position: they end, as a stale locator does.
    m_emulator.rest().dropCursors();
    m_emulator.schema().setChangedMs(m_emulator.clock().nowMs());
    return HttpResponse::noContent();
}

// An admin edits a field's properties, or the teachers' field permissions: the describe
// says so from now on and writes obey it (a field that is not createable or updateable is
// refused, an upsert on a field that is no external ID too). Takes any of createable,
// updateable, externalId and unique (the last two only switched off).
HttpResponse AdminApi::changeField(const HttpRequest &request, const QString &objectName,
                                   const QString &fieldName)
{
    ObjectDef *object = m_emulator.schema().mutableObject(objectName);
    const FieldDef *found = object ? object->field(fieldName) : nullptr;
    if (!found)
        return HttpResponse::notFound();
    FieldDef &field = object->fields[static_cast<int>(found - object->fields.constData())];
    const QJsonObject change = QJsonDocument::fromJson(request.body).object();
    // The store indexes external IDs and unique fields as the schema was loaded: it can
    // drop them, not add them to records it already holds.
    if ((change.value(QStringLiteral("externalId")).toBool() && !field.externalId) ||
        (change.value(QStringLiteral("unique")).toBool() && !field.unique))
        return badRequest(QStringLiteral("externalId and unique can only be switched off"));
    QString editError;
    if (!FieldEdit::apply(change, &field, &editError))
        return badRequest(editError);
    const QList<QPair<QString, bool *>> flags = {{QStringLiteral("createable"), &field.createable},
                                                 {QStringLiteral("updateable"), &field.updateable},
                                                 {QStringLiteral("externalId"), &field.externalId},
                                                 {QStringLiteral("unique"), &field.unique}};
    for (const auto &[name, flag] : flags) {
        if (change.contains(name))
            *flag = change.value(name).toBool();
    }
    object->reindex();
    m_emulator.schema().setChangedMs(m_emulator.clock().nowMs());
    return HttpResponse::noContent();
}

HttpResponse AdminApi::generate(const HttpRequest &request)
{
    const QJsonObject spec = QJsonDocument::fromJson(request.body).object();
    QHash<QString, int> counts;
    for (auto it = spec.begin(); it != spec.end(); ++it)
        counts.insert(it.key(), it.value().toInt());
    if (!m_emulator.schema().object(QStringLiteral("Attendance__c")))
        return badRequest(QStringLiteral("generate needs the Dream schema"));
    // Bulk volume data for benchmarks is not published as change events.
    m_emulator.store().setPublishingChanges(false);
    const QJsonObject generated = m_emulator.seeder().generate(counts, m_emulator.clock().today());
    m_emulator.store().setPublishingChanges(true);
    return HttpResponse::json(generated, 201);
}

HttpResponse AdminApi::state() const
{
    QJsonObject counts;
    for (const ObjectDef &object : m_emulator.schema().objects())
        counts.insert(object.name, m_emulator.store().count(object.name));
    return HttpResponse::json(
        QJsonObject{{QStringLiteral("records"), counts},
                    {QStringLiteral("apiUsage"), m_emulator.rest().apiUsage()},
                    {QStringLiteral("dailyApiLimit"), m_emulator.faults().dailyApiLimit()},
                    {QStringLiteral("requestsLogged"), m_emulator.log().size()}});
}

} // namespace pasalista::emulator
