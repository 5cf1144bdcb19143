#include "schema.h"

#include <QFile>
#include <QJsonArray>

namespace pasalista::emulator {

namespace {

struct TypeName
{
    FieldType type;
    const char *name;
};

constexpr TypeName kTypeNames[] = {
    {FieldType::Id, "id"},
    {FieldType::String, "string"},
    {FieldType::TextArea, "textarea"},
    {FieldType::Email, "email"},
    {FieldType::Phone, "phone"},
    {FieldType::Url, "url"},
    {FieldType::Picklist, "picklist"},
    {FieldType::Boolean, "boolean"},
    {FieldType::Double, "double"},
    {FieldType::Int, "int"},
    {FieldType::Date, "date"},
    {FieldType::DateTime, "datetime"},
    {FieldType::Reference, "reference"},
};

std::optional<FieldType> fieldTypeFromName(const QString &name)
{
    for (const TypeName &entry : kTypeNames) {
        if (name.compare(QLatin1String(entry.name), Qt::CaseInsensitive) == 0)
            return entry.type;
    }
    return std::nullopt;
}

QString deriveRelationshipName(const QString &fieldName)
{
    if (fieldName.endsWith(QLatin1String("__c")))
        return fieldName.chopped(3) + QStringLiteral("__r");
    if (fieldName.endsWith(QLatin1String("Id")))
        return fieldName.chopped(2);
    return {};
}

FieldDef systemField(const QString &name, FieldType type, const QString &referenceTo = {})
{
    FieldDef field;
    field.name = name;
    field.label = name;
    field.type = type;
    field.createable = false;
    field.updateable = false;
    field.length = type == FieldType::Id || type == FieldType::Reference ? 18 : 0;
    field.referenceTo = referenceTo;
    if (type == FieldType::Reference)
        field.relationshipName = deriveRelationshipName(name);
    return field;
}

QList<FieldDef> systemFields()
{
    return {
        systemField(QStringLiteral("Id"), FieldType::Id),
        systemField(QStringLiteral("IsDeleted"), FieldType::Boolean),
        systemField(QStringLiteral("CreatedDate"), FieldType::DateTime),
        systemField(QStringLiteral("CreatedById"), FieldType::Reference, QStringLiteral("User")),
        systemField(QStringLiteral("LastModifiedDate"), FieldType::DateTime),
        systemField(QStringLiteral("LastModifiedById"), FieldType::Reference,
                    QStringLiteral("User")),
        systemField(QStringLiteral("SystemModstamp"), FieldType::DateTime),
        systemField(QStringLiteral("OwnerId"), FieldType::Reference, QStringLiteral("User"))};
}

std::optional<FieldDef> fieldFromJson(const QJsonObject &json, QString *error)
{
    FieldDef field;
    field.name = json.value(QStringLiteral("name")).toString();
    const auto type = fieldTypeFromName(json.value(QStringLiteral("type")).toString());
    if (field.name.isEmpty() || !type) {
        *error = QStringLiteral("field %1: missing name or unknown type").arg(field.name);
        return std::nullopt;
    }
    field.type = *type;
    field.label = json.value(QStringLiteral("label")).toString(field.name);
    field.length = json.value(QStringLiteral("length")).toInt(field.isText() ? 255 : 0);
    field.precision = json.value(QStringLiteral("precision")).toInt(18);
    field.scale = json.value(QStringLiteral("scale")).toInt(0);
    field.required = json.value(QStringLiteral("required")).toBool();
    field.externalId = json.value(QStringLiteral("externalId")).toBool();
    field.unique = json.value(QStringLiteral("unique")).toBool();
    field.caseSensitive = json.value(QStringLiteral("caseSensitive")).toBool();
    field.restrictedPicklist = json.value(QStringLiteral("restricted")).toBool();
    field.createable = json.value(QStringLiteral("createable")).toBool(true);
    field.updateable = json.value(QStringLiteral("updateable")).toBool(true);
    for (const QJsonValue &value : json.value(QStringLiteral("values")).toArray())
        field.picklistValues.append(value.toString());
    for (const QJsonValue &value : json.value(QStringLiteral("inactiveValues")).toArray())
        field.inactivePicklistValues.append(value.toString());
    field.referenceTo = json.value(QStringLiteral("referenceTo")).toString();
    field.relationshipName =
        json.value(QStringLiteral("relationshipName"))
            .toString(field.type == FieldType::Reference ? deriveRelationshipName(field.name)
                                                         : QString());
    return field;
}

QJsonObject fieldToJson(const FieldDef &field)
{
    QJsonObject json{{QStringLiteral("name"), field.name},
                     {QStringLiteral("label"), field.label},
                     {QStringLiteral("type"), fieldTypeName(field.type)}};
    if (field.isText())
        json.insert(QStringLiteral("length"), field.length);
    if (field.required)
        json.insert(QStringLiteral("required"), true);
    if (field.unique)
        json.insert(QStringLiteral("unique"), true);
    if (field.externalId)
        json.insert(QStringLiteral("externalId"), true);
    if (field.restrictedPicklist)
        json.insert(QStringLiteral("restricted"), true);
    if (!field.picklistValues.isEmpty())
        json.insert(QStringLiteral("values"), QJsonArray::fromStringList(field.picklistValues));
    if (!field.inactivePicklistValues.isEmpty())
        json.insert(QStringLiteral("inactiveValues"),
                    QJsonArray::fromStringList(field.inactivePicklistValues));
    if (!field.referenceTo.isEmpty())
        json.insert(QStringLiteral("referenceTo"), field.referenceTo);
    if (!field.createable)
        json.insert(QStringLiteral("createable"), false);
    if (!field.updateable)
        json.insert(QStringLiteral("updateable"), false);
    return json;
}

} // namespace

QString fieldTypeName(FieldType type)
{
    for (const TypeName &entry : kTypeNames) {
        if (entry.type == type)
            return QLatin1String(entry.name);
    }
    return QStringLiteral("string");
}

bool FieldDef::isText() const
{
    switch (type) {
    case FieldType::String:
    case FieldType::TextArea:
    case FieldType::Email:
    case FieldType::Phone:
    case FieldType::Url:
    case FieldType::Picklist:
        return true;
    default:
        return false;
    }
}

const FieldDef *ObjectDef::field(const QString &fieldName) const
{
    const auto it = m_fieldIndex.constFind(fieldName.toLower());
    return it == m_fieldIndex.constEnd() ? nullptr : &fields.at(*it);
}

const FieldDef *ObjectDef::relationship(const QString &relationshipName) const
{
    const auto it = m_relationshipIndex.constFind(relationshipName.toLower());
    return it == m_relationshipIndex.constEnd() ? nullptr : &fields.at(*it);
}

QList<const FieldDef *> ObjectDef::indexedFields() const
{
    QList<const FieldDef *> indexed;
    for (const FieldDef &candidate : fields) {
        if (candidate.isIndexed())
            indexed.append(&candidate);
    }
    return indexed;
}

void ObjectDef::reindex()
{
    m_fieldIndex.clear();
    m_relationshipIndex.clear();
    for (int i = 0; i < fields.size(); ++i) {
        m_fieldIndex.insert(fields.at(i).name.toLower(), i);
        if (!fields.at(i).relationshipName.isEmpty())
            m_relationshipIndex.insert(fields.at(i).relationshipName.toLower(), i);
    }
}

std::optional<Schema> Schema::fromJson(const QJsonDocument &document, QString *error)
{
    Schema schema;
    for (const QJsonValue &value : document.object().value(QStringLiteral("objects")).toArray()) {
        if (!schema.addObject(value.toObject(), error))
            return std::nullopt;
    }
    if (schema.m_objects.isEmpty()) {
        *error = QStringLiteral("the schema defines no objects");
        return std::nullopt;
    }
    schema.reindex();
    return schema;
}

std::optional<Schema> Schema::fromFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (document.isNull()) {
        *error = QStringLiteral("%1: %2").arg(path, parseError.errorString());
        return std::nullopt;
    }
    return fromJson(document, error);
}

bool Schema::addObject(const QJsonObject &json, QString *error)
{
    ObjectDef object;
    object.name = json.value(QStringLiteral("name")).toString();
    object.keyPrefix = json.value(QStringLiteral("keyPrefix")).toString();
    if (object.name.isEmpty() || object.keyPrefix.size() != 3) {
        *error =
            QStringLiteral("object %1: needs a name and a 3-character keyPrefix").arg(object.name);
        return false;
    }
    object.label = json.value(QStringLiteral("label")).toString(object.name);
    object.labelPlural = json.value(QStringLiteral("labelPlural")).toString(object.label);
    object.custom = object.name.endsWith(QLatin1String("__c"));
    object.createable = json.value(QStringLiteral("createable")).toBool(true);
    object.updateable = json.value(QStringLiteral("updateable")).toBool(object.createable);
    object.deletable = json.value(QStringLiteral("deletable")).toBool(object.createable);
    object.fields = systemFields();
    for (const QJsonValue &value : json.value(QStringLiteral("fields")).toArray()) {
        const auto field = fieldFromJson(value.toObject(), error);
        if (!field)
            return false;
        // A schema written by toJson() lists the system fields too; keep the built-in ones.
        object.reindex();
        if (!object.field(field->name))
            object.fields.append(*field);
    }
    for (const QJsonValue &value : json.value(QStringLiteral("validationRules")).toArray()) {
        const QJsonObject rule = value.toObject();
        object.validationRules.append({rule.value(QStringLiteral("name")).toString(),
                                       rule.value(QStringLiteral("condition")).toString(),
                                       rule.value(QStringLiteral("message")).toString(),
                                       rule.value(QStringLiteral("field")).toString(),
                                       rule.value(QStringLiteral("active")).toBool(true)});
    }
    object.reindex();
    m_objects.append(object);
    return true;
}

void Schema::reindex()
{
    m_objectIndex.clear();
    m_prefixIndex.clear();
    for (int i = 0; i < m_objects.size(); ++i) {
        m_objectIndex.insert(m_objects.at(i).name.toLower(), i);
        m_prefixIndex.insert(m_objects.at(i).keyPrefix, i);
    }
}

const ObjectDef *Schema::object(const QString &name) const
{
    const auto it = m_objectIndex.constFind(name.toLower());
    return it == m_objectIndex.constEnd() ? nullptr : &m_objects.at(*it);
}

ObjectDef *Schema::mutableObject(const QString &name)
{
    const auto it = m_objectIndex.constFind(name.toLower());
    return it == m_objectIndex.constEnd() ? nullptr : &m_objects[*it];
}

const ObjectDef *Schema::objectForId(const QString &id) const
{
    const auto it = m_prefixIndex.constFind(id.left(3));
    return it == m_prefixIndex.constEnd() ? nullptr : &m_objects.at(*it);
}

void Schema::removeField(const QString &fieldName)
{
    for (ObjectDef &object : m_objects) {
        object.fields.removeIf([&](const FieldDef &field) {
            return field.name.compare(fieldName, Qt::CaseInsensitive) == 0;
        });
        object.reindex();
    }
}

QJsonDocument Schema::toJson() const
{
    QJsonArray objects;
    for (const ObjectDef &object : m_objects) {
        QJsonArray fields;
        for (const FieldDef &field : object.fields)
            fields.append(fieldToJson(field));
        QJsonArray rules;
        for (const ValidationRule &rule : object.validationRules) {
            rules.append(QJsonObject{{QStringLiteral("name"), rule.name},
                                     {QStringLiteral("condition"), rule.condition},
                                     {QStringLiteral("message"), rule.message},
                                     {QStringLiteral("field"), rule.field},
                                     {QStringLiteral("active"), rule.active}});
        }
        objects.append(QJsonObject{{QStringLiteral("name"), object.name},
                                   {QStringLiteral("label"), object.label},
                                   {QStringLiteral("labelPlural"), object.labelPlural},
                                   {QStringLiteral("keyPrefix"), object.keyPrefix},
                                   {QStringLiteral("createable"), object.createable},
                                   {QStringLiteral("fields"), fields},
                                   {QStringLiteral("validationRules"), rules}});
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("objects"), objects}});
}

} // namespace pasalista::emulator
