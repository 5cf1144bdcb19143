#include "recordvalidator.h"

#include "sync/recordcodec.h"
#include "sync/salesforceid.h"

#include <QCoreApplication>
#include <QDate>
#include <QRegularExpression>

namespace pasalista {

namespace {

const QString kId = QStringLiteral("Id");

bool isNumberType(const QString &type)
{
    return type == QLatin1String("double") || type == QLatin1String("int") ||
           type == QLatin1String("currency") || type == QLatin1String("percent") ||
           type == QLatin1String("long");
}

bool isStamp(const QString &field)
{
    return field == QLatin1String("SystemModstamp") || field == QLatin1String("LastModifiedDate") ||
           field == QLatin1String("CreatedDate");
}

QString shown(const QJsonValue &value)
{
    return value.isString() ? value.toString().left(40) : QStringLiteral("(not text)");
}

} // namespace

RecordValidator::RecordValidator(const Mapping &mapping, const RecordCodec &codec,
                                 const OrgShapes &shapes)
    : m_codec(codec), m_shapes(shapes.fields.value(codec.objectName())),
      m_prefixes(shapes.keyPrefixes)
{
    for (const auto &[column, parentRole] : codec.lookupColumns()) {
        m_parentObject.insert(codec.fieldForColumn(column),
                              mapping.objectFor(parentRole).objectName);
    }
}

QDateTime RecordValidator::parseDateTime(const QString &text)
{
    // yyyy-MM-ddTHH:mm:ss[.zzz](Z|+hhmm|+hh:mm): the API's form and nothing looser.
    static const QRegularExpression shape(QStringLiteral(
        "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?(Z|[+-]\\d{2}:?\\d{2})$"));
    if (!shape.match(text).hasMatch()) {
        return {};
    }
    QString withColon = text;
    if (!text.endsWith(QLatin1Char('Z')) && text.at(text.size() - 3) != QLatin1Char(':')) {
        withColon.insert(withColon.size() - 2, QLatin1Char(':'));
    }
    const QDateTime parsed = QDateTime::fromString(withColon, Qt::ISODateWithMs);
    return parsed.isValid() && parsed.date().year() >= 1700 ? parsed.toUTC() : QDateTime();
}

bool RecordValidator::isDate(const QString &text)
{
    const QDate date = QDate::fromString(text, Qt::ISODate);
    return text.size() == 10 && date.isValid() && date.year() >= 1700;
}

FieldShape RecordValidator::shapeOf(const QString &field) const
{
    const auto described = m_shapes.constFind(field);
    if (described != m_shapes.constEnd()) {
        return *described;
    }
    // Not described (an org without the field's describe): the system fields' shapes.
    if (field == kId) {
        return {QStringLiteral("id"), false};
    }
    if (isStamp(field)) {
        return {QStringLiteral("datetime"), field != QLatin1String("SystemModstamp")};
    }
    if (m_parentObject.contains(field)) {
        return {QStringLiteral("reference"), true};
    }
    return {};
}

std::optional<QString> RecordValidator::checkIdOf(const QString &object, const QJsonValue &id,
                                                  QString *reason)
{
    const auto normalized = SalesforceId::normalized(id.toString());
    if (!id.isString() || !normalized) {
        *reason = QCoreApplication::translate("pasalista::RecordValidator",
                                              "the Id %1 is not a Salesforce Id")
                      .arg(shown(id));
        return std::nullopt;
    }
    // The key prefix from describe; without it, from the first Id of the object seen.
    const QString prefix = m_prefixes.value(object);
    if (prefix.isEmpty()) {
        m_prefixes.insert(object, SalesforceId::keyPrefix(*normalized));
    } else if (SalesforceId::keyPrefix(*normalized) != prefix) {
        *reason = QCoreApplication::translate("pasalista::RecordValidator",
                                              "the Id %1 is not of a %2 record")
                      .arg(*normalized, object);
        return std::nullopt;
    }
    return normalized;
}

std::optional<QString> RecordValidator::checkId(const QJsonValue &id, QString *reason)
{
    return checkIdOf(m_codec.objectName(), id, reason);
}

bool RecordValidator::checkValue(const QString &field, QJsonValue &value, QString *reason)
{
    const FieldShape shape = shapeOf(field);
    if (value.isNull() || value.isUndefined()) {
        if (!shape.nillable) {
            *reason = QCoreApplication::translate("pasalista::RecordValidator",
                                                  "%1 is empty, which the org never allows")
                          .arg(field);
            return false;
        }
        return true;
    }
    const QString &type = shape.type;
    if (type == QLatin1String("id") || type == QLatin1String("reference")) {
        const auto id = checkIdOf(type == QLatin1String("id") ? m_codec.objectName()
                                                              : m_parentObject.value(field),
                                  value, reason);
        if (!id) {
            reason->prepend(field + QStringLiteral(": "));
            return false;
        }
        value = *id;
        return true;
    }
    bool ok = true;
    if (type == QLatin1String("boolean")) {
        ok = value.isBool();
    } else if (isNumberType(type)) {
        ok = value.isDouble();
    } else if (type == QLatin1String("date")) {
        ok = value.isString() && isDate(value.toString());
    } else if (type == QLatin1String("datetime")) {
        ok = value.isString() && parseDateTime(value.toString()).isValid();
    } else if (!type.isEmpty()) {
        ok = value.isString(); // text of every kind: string, picklist, email, phone...
    } else {
        ok = !value.isObject() && !value.isArray();
    }
    if (!ok) {
        *reason = QCoreApplication::translate("pasalista::RecordValidator",
                                              "%1 holds %2, not a value of type %3")
                      .arg(field, shown(value),
                           type.isEmpty()
                               ? QCoreApplication::translate("pasalista::RecordValidator", "text")
                               : type);
        return false;
    }
    if (value.isString() && shape.length > 0 && value.toString().size() > shape.length) {
        // The org never holds it, and a push of it would be refused again and again.
        *reason = QCoreApplication::translate("pasalista::RecordValidator",
                                              "%1 holds %2 characters, more than the %3 the "
                                              "org's field takes")
                      .arg(field)
                      .arg(value.toString().size())
                      .arg(shape.length);
        return false;
    }
    if (isStamp(field) && m_orgNow.isValid() &&
        parseDateTime(value.toString()) > m_orgNow.addSecs(kClockSkewSeconds)) {
        *reason = QCoreApplication::translate("pasalista::RecordValidator",
                                              "%1 %2 is after the org's own clock (%3)")
                      .arg(field, value.toString(), m_orgNow.toString(Qt::ISODate));
        return false;
    }
    return true;
}

std::optional<QJsonObject> RecordValidator::check(const QJsonObject &record, QString *reason)
{
    QJsonObject checked = record;
    if (!record.contains(kId)) {
        *reason =
            QCoreApplication::translate("pasalista::RecordValidator", "a record without an Id");
        return std::nullopt;
    }
    for (const QString &field : m_codec.queryFields()) {
        auto value = checked.find(field);
        if (value == checked.end()) {
            continue; // not asked for (the org lacks it): left alone
        }
        QJsonValue copy = *value;
        if (!checkValue(field, copy, reason)) {
            return std::nullopt;
        }
        *value = copy;
    }
    return checked;
}

} // namespace pasalista
