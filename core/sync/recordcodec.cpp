#include "recordcodec.h"

#include "store/localstore.h"

#include <QJsonDocument>
#include <QJsonValue>
#include <cmath>

namespace pasalista {

namespace {

QVariant toVariant(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return {};
    case QJsonValue::Bool:
        return value.toBool() ? 1 : 0;
    case QJsonValue::Double: {
        const double number = value.toDouble();
        double whole = 0;
        if (std::modf(number, &whole) == 0.0 && std::fabs(number) < 9e15) {
            return qint64(whole);
        }
        return number;
    }
    case QJsonValue::String:
        return value.toString();
    default:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
}

// The relationship name of a custom lookup: Class__c -> Class__r.
QString relationshipName(const QString &field)
{
    return field.endsWith(QLatin1String("__c")) ? field.chopped(1) + QLatin1Char('r') : field;
}

} // namespace

RecordCodec::RecordCodec(const Mapping &mapping, Role role)
    : m_role(role), m_mapping(mapping), m_object(&mapping.objectFor(role))
{
    for (const QString &field : m_object->fields) {
        const QString column = ObjectMapping::columnFor(field);
        m_columns.append(column);
        m_fieldByColumn.insert(column, field);
    }
    for (const QString &field : mapping.binding(role).fields) {
        m_writable.append(ObjectMapping::columnFor(field));
    }
    if (!m_object->upsertField.isEmpty()) {
        m_writable.append(ObjectMapping::columnFor(m_object->upsertField));
    }
    for (const auto &lookup : Mapping::lookupsOf(role)) {
        const QString column = mapping.column(role, lookup.first);
        if (!column.isEmpty()) {
            m_lookups.append({column, lookup.second});
        }
    }
}

QVariantMap RecordCodec::toColumns(const QJsonObject &record) const
{
    QVariantMap values;
    // Only the fields the query asked for: a field the org lacks must not blank the column.
    for (qsizetype i = 0; i < m_columns.size(); ++i) {
        const auto value = record.constFind(m_object->fields.at(i));
        if (value != record.constEnd()) {
            values.insert(m_columns.at(i), toVariant(*value));
        }
    }
    return values;
}

QJsonObject RecordCodec::toRecord(const QVariantMap &row, const QStringList &columns,
                                  const LocalStore &store) const
{
    QJsonObject record{{QStringLiteral("attributes"),
                        QJsonObject{{QStringLiteral("type"), m_object->objectName}}}};
    for (const QString &column : columns) {
        if (!isWritableColumn(column)) {
            continue;
        }
        const QString field = fieldForColumn(column);
        const QVariant value = row.value(column);
        const auto lookup = std::find_if(m_lookups.begin(), m_lookups.end(),
                                         [&](const auto &entry) { return entry.first == column; });
        if (lookup != m_lookups.end() && value.toString().isEmpty()) {
            const auto parent =
                store.row(lookup->second, row.value(LocalStore::refColumn(column)).toLongLong());
            const QString parentKey =
                parent ? parent->value(QStringLiteral("pasalista_id__c")).toString() : QString();
            const QString upsertField = m_mapping.objectFor(lookup->second).upsertField;
            if (parent && !parent->value(QStringLiteral("sfid")).toString().isEmpty()) {
                record.insert(field, parent->value(QStringLiteral("sfid")).toString());
            } else if (!parentKey.isEmpty() && !upsertField.isEmpty()) {
                record.insert(relationshipName(field), QJsonObject{{upsertField, parentKey}});
            } else {
                record.insert(field, QJsonValue::Null);
            }
            continue;
        }
        record.insert(field, value.isNull() ? QJsonValue(QJsonValue::Null)
                                            : QJsonValue::fromVariant(value));
    }
    return record;
}

} // namespace pasalista
