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

// The digits of text[from, from + count) as a number; -1 if any is not an ASCII digit.
int digitsAt(QStringView text, qsizetype from, qsizetype count)
{
    int number = 0;
    for (qsizetype i = from; i < from + count; ++i) {
        const char16_t c = text[i].unicode();
        if (c < u'0' || c > u'9') {
            return -1;
        }
        number = number * 10 + (c - u'0');
    }
    return number;
}

// The form the org writes every stamp in, UTC with milliseconds (2024-03-15T10:00:00.000+0000
// or ...Z), read without a regular expression or QDateTime::fromString: a pull reads three
// stamps a record. Nothing for any other form, which parseDateTime() reads the long way.
std::optional<QDateTime> parseUtcDateTime(QStringView text)
{
    const qsizetype size = text.size();
    const bool zulu = size == 24 && text[23] == u'Z';
    if ((!zulu && (size != 28 || text.right(5) != u"+0000")) || text[4] != u'-' ||
        text[7] != u'-' || text[10] != u'T' || text[13] != u':' || text[16] != u':' ||
        text[19] != u'.') {
        return std::nullopt;
    }
    const QDate date(digitsAt(text, 0, 4), digitsAt(text, 5, 2), digitsAt(text, 8, 2));
    const QTime time(digitsAt(text, 11, 2), digitsAt(text, 14, 2), digitsAt(text, 17, 2),
                     digitsAt(text, 20, 3));
    if (!date.isValid() || !time.isValid() || date.year() < 1700) {
        return std::nullopt; // 24:00:00 and the like: left to the long way
    }
    return QDateTime(date, time, Qt::UTC);
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
    for (const QString &field : codec.queryFields()) {
        m_checks.append(fieldCheck(field));
    }
}

QDateTime RecordValidator::parseDateTime(const QString &text)
{
    if (const auto quick = parseUtcDateTime(text)) {
        return *quick;
    }
    // yyyy-MM-ddTHH:mm:ss[.zzz](Z|+hhmm|+hh:mm): the API's form and nothing looser. One per
    // thread: a pull checks its records on a worker (PreparedPage).
    static thread_local const QRegularExpression shape(QStringLiteral(
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
                                                  const QString &text, QString *reason)
{
    const auto normalized = SalesforceId::normalized(text);
    if (!id.isString() || !normalized) {
        *reason = QCoreApplication::translate("pasalista::RecordValidator",
                                              "the Id %1 is not a Salesforce Id")
                      .arg(shown(id));
        return std::nullopt;
    }
    // The key prefix from describe; without it, from the first Id of the object seen.
    const auto prefix = m_prefixes.constFind(object);
    if (prefix == m_prefixes.constEnd() || prefix->isEmpty()) {
        m_prefixes.insert(object, SalesforceId::keyPrefix(*normalized));
    } else if (QStringView(*normalized).left(3) != *prefix) {
        *reason = QCoreApplication::translate("pasalista::RecordValidator",
                                              "the Id %1 is not of a %2 record")
                      .arg(*normalized, object);
        return std::nullopt;
    }
    return normalized;
}

std::optional<QString> RecordValidator::checkId(const QJsonValue &id, QString *reason)
{
    return checkIdOf(m_codec.objectName(), id, id.toString(), reason);
}

RecordValidator::FieldCheck RecordValidator::fieldCheck(const QString &field) const
{
    FieldCheck check{field, shapeOf(field), Kind::Untyped, QString(), isStamp(field)};
    const QString &type = check.shape.type;
    if (type == QLatin1String("id")) {
        check.kind = Kind::Id;
        check.idObject = m_codec.objectName();
    } else if (type == QLatin1String("reference")) {
        check.kind = Kind::Reference;
        check.idObject = m_parentObject.value(field);
    } else if (type == QLatin1String("boolean")) {
        check.kind = Kind::Boolean;
    } else if (isNumberType(type)) {
        check.kind = Kind::Number;
    } else if (type == QLatin1String("date")) {
        check.kind = Kind::Date;
    } else if (type == QLatin1String("datetime")) {
        check.kind = Kind::DateTime;
    } else if (!type.isEmpty()) {
        check.kind = Kind::Text;
    }
    return check;
}

void RecordValidator::setOrgClock(const QDateTime &now)
{
    m_orgNow = now;
    m_latestStamp = now.isValid() ? now.addSecs(kClockSkewSeconds) : QDateTime();
}

bool RecordValidator::hasType(const FieldCheck &check, const QJsonValue &value, const QString &text,
                              QDateTime *stamp) const
{
    switch (check.kind) {
    case Kind::Boolean:
        return value.isBool();
    case Kind::Number:
        return value.isDouble();
    case Kind::Date:
        return value.isString() && isDate(text);
    case Kind::DateTime:
        *stamp = value.isString() ? parseDateTime(text) : QDateTime();
        return stamp->isValid();
    case Kind::Text:
        return value.isString();
    case Kind::Id:
    case Kind::Reference:
    case Kind::Untyped:
        break;
    }
    return !value.isObject() && !value.isArray();
}

bool RecordValidator::checkValue(const FieldCheck &check, const QJsonValue &value,
                                 QString *normalized, QString *reason)
{
    const QString &field = check.field;
    const FieldShape &shape = check.shape;
    if (value.isNull() || value.isUndefined()) {
        if (!shape.nillable) {
            *reason = QCoreApplication::translate("pasalista::RecordValidator",
                                                  "%1 is empty, which the org never allows")
                          .arg(field);
            return false;
        }
        return true;
    }
    // The text once: a JSON string is decoded anew at every toString().
    const QString text = value.toString();
    if (check.kind == Kind::Id || check.kind == Kind::Reference) {
        const auto id = checkIdOf(check.idObject, value, text, reason);
        if (!id) {
            reason->prepend(field + QStringLiteral(": "));
            return false;
        }
        if (*id != text) {
            *normalized = *id;
        }
        return true;
    }
    QDateTime stamp;
    if (!hasType(check, value, text, &stamp)) {
        const QString &type = shape.type;
        *reason = QCoreApplication::translate("pasalista::RecordValidator",
                                              "%1 holds %2, not a value of type %3")
                      .arg(field, shown(value),
                           type.isEmpty()
                               ? QCoreApplication::translate("pasalista::RecordValidator", "text")
                               : type);
        return false;
    }
    if (value.isString() && shape.length > 0 && text.size() > shape.length) {
        // The org never holds it, and a push of it would be refused again and again.
        *reason = QCoreApplication::translate("pasalista::RecordValidator",
                                              "%1 holds %2 characters, more than the %3 the "
                                              "org's field takes")
                      .arg(field)
                      .arg(text.size())
                      .arg(shape.length);
        return false;
    }
    if (check.stamp && m_orgNow.isValid()) {
        if (check.kind != Kind::DateTime) {
            stamp = parseDateTime(text);
        }
        if (stamp > m_latestStamp) {
            *reason = QCoreApplication::translate("pasalista::RecordValidator",
                                                  "%1 %2 is after the org's own clock (%3)")
                          .arg(field, text, m_orgNow.toString(Qt::ISODate));
            return false;
        }
    }
    return true;
}

std::optional<QJsonObject> RecordValidator::check(const QJsonObject &record, QString *reason)
{
    if (!record.contains(kId)) {
        *reason =
            QCoreApplication::translate("pasalista::RecordValidator", "a record without an Id");
        return std::nullopt;
    }
    // Written only where an Id is not in its full form: a copy of the record that nothing
    // changes shares the reply's data instead of being copied.
    QJsonObject checked = record;
    for (const FieldCheck &fieldCheck : std::as_const(m_checks)) {
        const auto value = record.constFind(fieldCheck.field);
        if (value == record.constEnd()) {
            continue; // not asked for (the org lacks it): left alone
        }
        QString normalized; // stays null when the value is right as it is
        if (!checkValue(fieldCheck, *value, &normalized, reason)) {
            return std::nullopt;
        }
        if (!normalized.isNull()) {
            checked.insert(fieldCheck.field, normalized);
        }
    }
    return checked;
}

} // namespace pasalista
