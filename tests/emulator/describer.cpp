#include "describer.h"

#include "permissions.h"

#include <QJsonArray>

namespace pasalista::emulator {

namespace {
QString soapType(FieldType type)
{
    switch (type) {
    case FieldType::Id:
    case FieldType::Reference:
        return QStringLiteral("tns:ID");
    case FieldType::Boolean:
        return QStringLiteral("xsd:boolean");
    case FieldType::Double:
        return QStringLiteral("xsd:double");
    case FieldType::Int:
        return QStringLiteral("xsd:int");
    case FieldType::Date:
        return QStringLiteral("xsd:date");
    case FieldType::DateTime:
        return QStringLiteral("xsd:dateTime");
    default:
        return QStringLiteral("xsd:string");
    }
}

QJsonArray picklistValues(const FieldDef &field)
{
    QJsonArray values;
    const auto append = [&](const QStringList &list, bool active) {
        for (const QString &value : list) {
            values.append(QJsonObject{{QStringLiteral("active"), active},
                                      {QStringLiteral("defaultValue"), false},
                                      {QStringLiteral("label"), value},
                                      {QStringLiteral("validFor"), QJsonValue::Null},
                                      {QStringLiteral("value"), value}});
        }
    };
    append(field.picklistValues, true);
    append(field.inactivePicklistValues, false);
    return values;
}

QJsonObject objectUrls(const ObjectDef &object, const QString &dataPath)
{
    const QString base = dataPath + QStringLiteral("/sobjects/") + object.name;
    return {{QStringLiteral("sobject"), base},
            {QStringLiteral("describe"), QString(base + QStringLiteral("/describe"))},
            {QStringLiteral("rowTemplate"), QString(base + QStringLiteral("/{ID}"))}};
}
} // namespace

QJsonObject Describer::globalDescribe(const QString &dataPath) const
{
    QJsonArray objects;
    for (const ObjectDef &object : m_schema.objects())
        objects.append(summary(object, dataPath));
    return {{QStringLiteral("encoding"), QStringLiteral("UTF-8")},
            {QStringLiteral("maxBatchSize"), 200},
            {QStringLiteral("sobjects"), objects}};
}

QJsonObject Describer::summary(const ObjectDef &object, const QString &dataPath) const
{
    return {{QStringLiteral("name"), object.name},
            {QStringLiteral("label"), object.label},
            {QStringLiteral("labelPlural"), object.labelPlural},
            {QStringLiteral("keyPrefix"), object.keyPrefix},
            {QStringLiteral("custom"), object.custom},
            {QStringLiteral("createable"), object.createable},
            {QStringLiteral("updateable"), object.updateable},
            {QStringLiteral("deletable"), object.deletable},
            {QStringLiteral("undeletable"), object.deletable},
            {QStringLiteral("queryable"), true},
            {QStringLiteral("retrieveable"), true},
            {QStringLiteral("searchable"), true},
            {QStringLiteral("layoutable"), true},
            {QStringLiteral("replicateable"), true},
            {QStringLiteral("triggerable"), object.custom},
            {QStringLiteral("urls"), objectUrls(object, dataPath)}};
}

QJsonObject Describer::describe(const ObjectDef &object, const QString &dataPath) const
{
    QJsonObject result = summary(object, dataPath);
    QJsonArray fields;
    for (const FieldDef &field : object.fields) {
        if (!Permissions::canRead(object, field))
            continue; // field-level security: the user's describe lacks it
        QJsonObject described = describeField(field);
        if (!Permissions::canEdit(object, field)) {
            described.insert(QStringLiteral("createable"), false);
            described.insert(QStringLiteral("updateable"), false);
        }
        fields.append(described);
    }
    result.insert(QStringLiteral("fields"), fields);
    result.insert(QStringLiteral("childRelationships"), childRelationships(object));
    result.insert(QStringLiteral("recordTypeInfos"), QJsonArray());
    return result;
}

QJsonObject Describer::describeField(const FieldDef &field) const
{
    const bool nillable = !field.required && field.type != FieldType::Boolean &&
                          field.type != FieldType::Id && field.createable;
    QJsonArray referenceTo;
    if (!field.referenceTo.isEmpty())
        referenceTo.append(field.referenceTo);
    return {{QStringLiteral("name"), field.name},
            {QStringLiteral("label"), field.label},
            {QStringLiteral("type"), fieldTypeName(field.type)},
            {QStringLiteral("soapType"), soapType(field.type)},
            {QStringLiteral("length"), field.length},
            {QStringLiteral("byteLength"), field.length * 3},
            {QStringLiteral("precision"), field.precision},
            {QStringLiteral("scale"), field.scale},
            {QStringLiteral("digits"), 0},
            {QStringLiteral("nillable"), nillable},
            {QStringLiteral("createable"), field.createable},
            {QStringLiteral("updateable"), field.updateable},
            {QStringLiteral("defaultedOnCreate"), !field.createable},
            {QStringLiteral("unique"), field.unique},
            {QStringLiteral("externalId"), field.externalId},
            {QStringLiteral("idLookup"), field.externalId || field.type == FieldType::Id},
            {QStringLiteral("caseSensitive"), field.caseSensitive},
            {QStringLiteral("calculated"), false},
            {QStringLiteral("autoNumber"), false},
            {QStringLiteral("custom"), field.name.endsWith(QLatin1String("__c"))},
            {QStringLiteral("filterable"), true},
            {QStringLiteral("sortable"), field.type != FieldType::TextArea},
            {QStringLiteral("groupable"), field.type != FieldType::TextArea},
            {QStringLiteral("nameField"), field.name == QLatin1String("Name")},
            {QStringLiteral("restrictedPicklist"), field.restrictedPicklist},
            {QStringLiteral("picklistValues"), picklistValues(field)},
            {QStringLiteral("referenceTo"), referenceTo},
            {QStringLiteral("relationshipName"),
             field.relationshipName.isEmpty() ? QJsonValue() : QJsonValue(field.relationshipName)},
            {QStringLiteral("cascadeDelete"), false},
            {QStringLiteral("defaultValue"), QJsonValue::Null},
            {QStringLiteral("inlineHelpText"), QJsonValue::Null}};
}

QJsonArray Describer::childRelationships(const ObjectDef &object) const
{
    QJsonArray relationships;
    for (const ObjectDef &child : m_schema.objects()) {
        for (const FieldDef &field : child.fields) {
            if (field.referenceTo != object.name || !field.createable)
                continue;
            QString plural = child.labelPlural;
            plural.remove(u' ');
            relationships.append(QJsonObject{
                {QStringLiteral("childSObject"), child.name},
                {QStringLiteral("field"), field.name},
                {QStringLiteral("relationshipName"), QString(plural + QStringLiteral("__r"))},
                {QStringLiteral("cascadeDelete"), false}});
        }
    }
    return relationships;
}

} // namespace pasalista::emulator
