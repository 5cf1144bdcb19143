#include "recordwriter.h"

#include "permissions.h"
#include "sfid.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>

namespace pasalista::emulator {

namespace {
SfError error(const QString &code, const QString &message, const QStringList &fields = {})
{
    return {code, message, fields};
}

// No object permission, or a record not shared with the user.
SfError insufficientAccess()
{
    return error(QStringLiteral("INSUFFICIENT_ACCESS_OR_READONLY"),
                 QStringLiteral("insufficient access rights on object id"));
}

bool isEmptyValue(const QJsonValue &value)
{
    return value.isNull() || value.isUndefined() ||
           (value.isString() && value.toString().isEmpty());
}

QString jsonText(const QJsonValue &value)
{
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 17);
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return value.toString();
}

SfError deserializeError(const FieldDef &field, const QJsonValue &value)
{
    return error(QStringLiteral("JSON_PARSER_ERROR"),
                 QStringLiteral("Cannot deserialize instance of %1 from VALUE_STRING value %2 or "
                                "request may be missing a required field")
                     .arg(fieldTypeName(field.type), jsonText(value)),
                 {field.name});
}
} // namespace

QJsonObject WriteOutcome::toCollectionJson(bool withCreated) const
{
    QJsonArray errorArray;
    for (const SfError &e : errors)
        errorArray.append(e.toCollectionJson());
    QJsonObject json{{QStringLiteral("id"), id.isEmpty() ? QJsonValue() : QJsonValue(id)},
                     {QStringLiteral("success"), ok()},
                     {QStringLiteral("errors"), errorArray}};
    if (withCreated && ok())
        json.insert(QStringLiteral("created"), created);
    return json;
}

QJsonValue RecordWriter::bodyValue(const QJsonObject &body, const QString &field)
{
    const QJsonValue exact = body.value(field);
    if (!exact.isUndefined())
        return exact;
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (it.key().compare(field, Qt::CaseInsensitive) == 0)
            return it.value();
    }
    return QJsonValue::Undefined;
}

void RecordWriter::removeFromBody(QJsonObject *body, const QString &field)
{
    for (auto it = body->begin(); it != body->end();) {
        if (it.key().compare(field, Qt::CaseInsensitive) == 0)
            it = body->erase(it);
        else
            ++it;
    }
}

RecordWriter::RecordWriter(const Schema &schema, RecordStore &store, const QueryEngine &queries)
    : m_schema(schema), m_store(store), m_queries(queries), m_automations(schema, store)
{
}

WriteOutcome RecordWriter::create(const ObjectDef &object, const QJsonObject &body,
                                  const QString &userId)
{
    WriteOutcome outcome;
    outcome.created = true;
    if (!object.createable) {
        outcome.errors.append(insufficientAccess());
        return outcome;
    }
    QJsonObject fields;
    if (!convertFields(object, body, true, &fields, &outcome.errors))
        return outcome;
    QJsonObject rewritten; // a create writes the whole record: `fields` gets them already
    m_automations.apply(object, &fields, &rewritten);
    validate(object, {}, fields, fields, &outcome.errors);
    if (outcome.ok() && m_interceptor) {
        if (auto injected = m_interceptor({}))
            outcome.errors.append(*injected);
    }
    if (outcome.ok())
        outcome.id = m_store.insert(object.name, fields, userId);
    return outcome;
}

WriteOutcome RecordWriter::update(const ObjectDef &object, const QString &id,
                                  const QJsonObject &body, const QString &userId)
{
    WriteOutcome outcome;
    outcome.id = id;
    const QJsonObject *current = m_store.findLatest(object.name, id);
    if (!current) {
        outcome.errors.append(error(QStringLiteral("INVALID_CROSS_REFERENCE_KEY"),
                                    QStringLiteral("invalid cross reference id")));
        return outcome;
    }
    if (current->value(QStringLiteral("IsDeleted")).toBool()) {
        outcome.errors.append(
            error(QStringLiteral("ENTITY_IS_DELETED"), QStringLiteral("entity is deleted")));
        return outcome;
    }
    if (!Permissions::canSee(object, *current)) {
        outcome.errors.append(insufficientAccess());
        return outcome;
    }
    QJsonObject changes;
    if (!convertFields(object, body, false, &changes, &outcome.errors))
        return outcome;
    QJsonObject merged = *current;
    for (auto it = changes.begin(); it != changes.end(); ++it)
        merged.insert(it.key(), it.value());
    m_automations.apply(object, &merged, &changes);
    validate(object, id, merged, changes, &outcome.errors);
    if (outcome.ok() && m_interceptor) {
        if (auto injected = m_interceptor(id))
            outcome.errors.append(*injected);
    }
    if (outcome.ok())
        m_store.update(object.name, id, changes, userId);
    return outcome;
}

WriteOutcome RecordWriter::upsert(const ObjectDef &object, const FieldDef &key,
                                  const QString &keyValue, const QJsonObject &body,
                                  const QString &userId)
{
    QStringList matches;
    if (key.type == FieldType::Id) {
        const QString id = SfId::normalize(keyValue).value_or(QString());
        const QJsonObject *row = id.isEmpty() ? nullptr : m_store.findLatest(object.name, id);
        if (row && !row->value(QStringLiteral("IsDeleted")).toBool())
            matches.append(id);
    } else {
        matches = m_store.lookup(object.name, key, keyValue);
    }
    if (matches.size() > 1) {
        WriteOutcome outcome;
        outcome.matchingIds = matches;
        outcome.errors.append(error(QStringLiteral("DUPLICATE_EXTERNAL_ID"),
                                    QStringLiteral("%1: more than one record found for external "
                                                   "id field: %2")
                                        .arg(key.name, matches.join(QStringLiteral(", "))),
                                    {key.name}));
        return outcome;
    }
    QJsonObject fields = body;
    removeFromBody(&fields, QStringLiteral("Id"));
    if (matches.isEmpty()) {
        if (key.type != FieldType::Id) {
            removeFromBody(&fields, key.name);
            fields.insert(key.name, keyValue);
        }
        return create(object, fields, userId);
    }
    WriteOutcome outcome = update(object, matches.constFirst(), fields, userId);
    outcome.created = false;
    return outcome;
}

WriteOutcome RecordWriter::remove(const QString &id, const QString &userId)
{
    WriteOutcome outcome;
    outcome.id = id;
    const ObjectDef *object = m_schema.objectForId(id);
    const QJsonObject *row = object ? m_store.findLatest(object->name, id) : nullptr;
    if (!row) {
        outcome.errors.append(error(QStringLiteral("INVALID_CROSS_REFERENCE_KEY"),
                                    QStringLiteral("invalid cross reference id")));
    } else if (row->value(QStringLiteral("IsDeleted")).toBool()) {
        outcome.errors.append(
            error(QStringLiteral("ENTITY_IS_DELETED"), QStringLiteral("entity is deleted")));
    } else if (!object->deletable || !Permissions::canSee(*object, *row)) {
        outcome.errors.append(insufficientAccess());
    } else if (m_interceptor) {
        if (auto injected = m_interceptor(id))
            outcome.errors.append(*injected);
    }
    if (outcome.ok())
        m_store.markDeleted(object->name, id, userId);
    return outcome;
}

bool RecordWriter::convertFields(const ObjectDef &object, const QJsonObject &body, bool creating,
                                 QJsonObject *converted, QList<SfError> *errors) const
{
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (it.key().compare(QLatin1String("attributes"), Qt::CaseInsensitive) == 0)
            continue;
        if (!convertField(object, it.key(), it.value(), creating, converted, errors))
            return false;
    }
    return true;
}

bool RecordWriter::convertField(const ObjectDef &object, const QString &name,
                                const QJsonValue &value, bool creating, QJsonObject *converted,
                                QList<SfError> *errors) const
{
    if (value.isObject()) {
        const FieldDef *lookup = object.relationship(name);
        if (lookup && lookup->type == FieldType::Reference && Permissions::canRead(object, *lookup))
            return resolveRelationship(*lookup, value, converted, errors);
    }
    const FieldDef *field = object.field(name);
    if (field && !Permissions::canRead(object, *field))
        field = nullptr; // field-level security: the user's org has no such field
    if (!field) {
        errors->append(error(
            QStringLiteral("INVALID_FIELD"),
            QStringLiteral("No such column '%1' on sobject of type %2").arg(name, object.name)));
        return false;
    }
    if (field->type == FieldType::Id) {
        if (!creating)
            return true; // collections carry the Id of the record being updated
        errors->append(error(QStringLiteral("INVALID_FIELD"),
                             QStringLiteral("cannot specify Id in an insert call"), {field->name}));
        return false;
    }
    if ((creating ? !field->createable : !field->updateable) ||
        !Permissions::canEdit(object, *field)) {
        errors->append(error(QStringLiteral("INVALID_FIELD_FOR_INSERT_UPDATE"),
                             QStringLiteral("Unable to create/update fields: %1. Please check the "
                                            "security settings of this field and verify that it "
                                            "is read/write for your profile or permission set.")
                                 .arg(field->name),
                             {field->name}));
        return false;
    }
    const auto result = convertValue(*field, value, errors);
    if (!result)
        return false;
    converted->insert(field->name, *result);
    return true;
}

bool RecordWriter::resolveRelationship(const FieldDef &lookup, const QJsonValue &value,
                                       QJsonObject *converted, QList<SfError> *errors) const
{
    const ObjectDef *parent = m_schema.object(lookup.referenceTo);
    QJsonObject reference = value.toObject();
    reference.remove(QStringLiteral("attributes"));
    const FieldDef *key = reference.size() == 1 ? parent->field(reference.begin().key()) : nullptr;
    if (!key || !(key->externalId || key->type == FieldType::Id)) {
        errors->append(
            error(QStringLiteral("INVALID_FIELD"),
                  QStringLiteral("The %1 field is not an External ID or indexed field for %2")
                      .arg(reference.isEmpty() ? QString() : reference.begin().key(), parent->name),
                  {lookup.name}));
        return false;
    }
    const QString keyValue = jsonText(reference.begin().value());
    QStringList matches;
    if (key->type == FieldType::Id) {
        const QString id = SfId::normalize(keyValue).value_or(QString());
        const QJsonObject *row = id.isEmpty() ? nullptr : m_store.findLatest(parent->name, id);
        if (row && !row->value(QStringLiteral("IsDeleted")).toBool())
            matches.append(id);
    } else {
        matches = m_store.lookup(parent->name, *key, keyValue);
    }
    if (matches.size() != 1) {
        errors->append(error(
            matches.isEmpty() ? QStringLiteral("INVALID_FIELD")
                              : QStringLiteral("DUPLICATE_EXTERNAL_ID"),
            matches.isEmpty()
                ? QStringLiteral("Foreign key external ID: %1 not found for field %2 in entity %3")
                      .arg(keyValue, key->name, parent->name)
                : QStringLiteral("Foreign key external ID: %1 matched more than 1 record for "
                                 "field %2 in entity %3")
                      .arg(keyValue, key->name, parent->name),
            {lookup.name}));
        return false;
    }
    converted->insert(lookup.name, matches.constFirst());
    return true;
}

std::optional<QJsonValue> RecordWriter::convertValue(const FieldDef &field, const QJsonValue &value,
                                                     QList<SfError> *errors) const
{
    if (isEmptyValue(value))
        return QJsonValue(QJsonValue::Null); // Salesforce stores empty text as null
    switch (field.type) {
    case FieldType::Boolean:
        if (value.isBool())
            return value;
        if (value.toString() == QLatin1String("true") || value.toString() == QLatin1String("false"))
            return QJsonValue(value.toString() == QLatin1String("true"));
        break;
    case FieldType::Double:
    case FieldType::Int: {
        bool ok = value.isDouble();
        const double number = ok ? value.toDouble() : value.toString().toDouble(&ok);
        if (ok)
            return QJsonValue(number);
        break;
    }
    case FieldType::Date: {
        const QDate date = QDate::fromString(value.toString().left(10), Qt::ISODate);
        if (date.isValid())
            return QJsonValue(date.toString(Qt::ISODate));
        break;
    }
    case FieldType::DateTime: {
        const QDateTime dateTime = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
        if (dateTime.isValid())
            return QJsonValue(RecordStore::formatDateTime(dateTime));
        break;
    }
    case FieldType::Reference:
        if (value.isString())
            return QJsonValue(SfId::normalize(value.toString()).value_or(value.toString()));
        break;
    default:
        if (!value.isObject() && !value.isArray())
            return QJsonValue(jsonText(value));
        break;
    }
    errors->append(deserializeError(field, value));
    return std::nullopt;
}

void RecordWriter::validate(const ObjectDef &object, const QString &id, const QJsonObject &record,
                            const QJsonObject &changes, QList<SfError> *errors) const
{
    validateRequired(object, record, errors);
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        const FieldDef *field = object.field(it.key());
        if (!field || it.value().isNull())
            continue;
        validateValue(*field, it.value(), errors);
        if (field->isIndexed())
            validateUnique(object, *field, id, it.value(), errors);
        if (field->type == FieldType::Reference)
            validateLookup(*field, it.value().toString(), errors);
    }
    if (errors->isEmpty())
        validateRules(object, record, errors);
}

void RecordWriter::validateRequired(const ObjectDef &object, const QJsonObject &record,
                                    QList<SfError> *errors) const
{
    QStringList missing;
    for (const FieldDef &field : object.fields) {
        if (field.required && isEmptyValue(record.value(field.name)))
            missing.append(field.name);
    }
    if (!missing.isEmpty()) {
        errors->append(error(QStringLiteral("REQUIRED_FIELD_MISSING"),
                             QStringLiteral("Required fields are missing: [%1]")
                                 .arg(missing.join(QStringLiteral(", "))),
                             missing));
    }
}

void RecordWriter::validateValue(const FieldDef &field, const QJsonValue &value,
                                 QList<SfError> *errors) const
{
    const QString text = value.toString();
    if (field.isText() && field.length > 0 && text.size() > field.length) {
        errors->append(error(QStringLiteral("STRING_TOO_LONG"),
                             QStringLiteral("%1: data value too large: %2 (max length=%3)")
                                 .arg(field.label, text.left(80), QString::number(field.length)),
                             {field.name}));
    }
    if (field.type == FieldType::Picklist && field.restrictedPicklist &&
        !field.picklistValues.contains(text)) {
        errors->append(error(QStringLiteral("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST"),
                             QStringLiteral("%1: bad value for restricted picklist field: %2")
                                 .arg(field.label, text),
                             {field.name}));
    }
    static const QRegularExpression emailPattern(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    if (field.type == FieldType::Email && !emailPattern.match(text).hasMatch()) {
        errors->append(error(QStringLiteral("INVALID_EMAIL_ADDRESS"),
                             QStringLiteral("%1: invalid email address: %2").arg(field.label, text),
                             {field.name}));
    }
}

void RecordWriter::validateUnique(const ObjectDef &object, const FieldDef &field, const QString &id,
                                  const QJsonValue &value, QList<SfError> *errors) const
{
    if (!field.unique)
        return;
    for (const QString &other : m_store.lookup(object.name, field, jsonText(value))) {
        if (other == id)
            continue;
        errors->append(error(QStringLiteral("DUPLICATE_VALUE"),
                             QStringLiteral("duplicate value found: %1 duplicates value on record "
                                            "with id: %2")
                                 .arg(field.name, other)));
        return;
    }
}

void RecordWriter::validateLookup(const FieldDef &field, const QString &value,
                                  QList<SfError> *errors) const
{
    const auto id = SfId::normalize(value);
    const ObjectDef *target = m_schema.object(field.referenceTo);
    if (!id || !target || !id->startsWith(target->keyPrefix)) {
        errors->append(
            error(id ? QStringLiteral("FIELD_INTEGRITY_EXCEPTION") : QStringLiteral("MALFORMED_ID"),
                  QStringLiteral("%1: id value of incorrect type: %2").arg(field.label, value),
                  {field.name}));
        return;
    }
    const QJsonObject *row = m_store.findLatest(target->name, *id);
    if (!row) {
        errors->append(error(QStringLiteral("INVALID_CROSS_REFERENCE_KEY"),
                             QStringLiteral("invalid cross reference id"), {field.name}));
    } else if (row->value(QStringLiteral("IsDeleted")).toBool()) {
        errors->append(error(QStringLiteral("ENTITY_IS_DELETED"),
                             QStringLiteral("entity is deleted"), {field.name}));
    } else if (!Permissions::canSee(*target, *row)) {
        errors->append(error(QStringLiteral("INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY"),
                             QStringLiteral("insufficient access rights on cross-reference id"),
                             {field.name}));
    }
}

void RecordWriter::validateRules(const ObjectDef &object, const QJsonObject &record,
                                 QList<SfError> *errors) const
{
    for (const ValidationRule &rule : object.validationRules) {
        if (!rule.active)
            continue;
        SfError ruleError;
        const auto holds = m_queries.conditionHolds(object, rule.condition, record, &ruleError);
        if (holds.value_or(false)) {
            errors->append(error(QStringLiteral("FIELD_CUSTOM_VALIDATION_EXCEPTION"), rule.message,
                                 rule.field.isEmpty() ? QStringList() : QStringList{rule.field}));
        }
    }
}

} // namespace pasalista::emulator
