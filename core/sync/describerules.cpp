#include "describerules.h"

#include "store/localstore.h"
#include "store/metastore.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace pasalista {

namespace {

bool isText(const QString &type)
{
    static const QStringList types = {QStringLiteral("string"), QStringLiteral("textarea"),
                                      QStringLiteral("email"),  QStringLiteral("phone"),
                                      QStringLiteral("url"),    QStringLiteral("picklist")};
    return types.contains(type);
}

} // namespace

DescribeRules DescribeRules::fromDescribe(const QJsonObject &describe, const QStringList &mapped)
{
    DescribeRules rules;
    for (const QJsonValue &value : describe.value(QLatin1String("fields")).toArray()) {
        const QJsonObject field = value.toObject();
        const QString type = field.value(QLatin1String("type")).toString();
        Field rule;
        rule.label = field.value(QLatin1String("label")).toString();
        if (isText(type)) {
            rule.length = field.value(QLatin1String("length")).toInt();
        }
        const QString name = field.value(QLatin1String("name")).toString();
        rule.required = mapped.contains(name, Qt::CaseInsensitive) &&
                        field.value(QLatin1String("createable")).toBool() &&
                        !field.value(QLatin1String("nillable")).toBool(true) &&
                        !field.value(QLatin1String("defaultedOnCreate")).toBool() &&
                        type != QLatin1String("boolean");
        rule.access = {type,
                       field.value(QLatin1String("createable")).toBool(),
                       field.value(QLatin1String("updateable")).toBool(),
                       field.value(QLatin1String("externalId")).toBool(),
                       field.value(QLatin1String("unique")).toBool(),
                       {}};
        for (const QJsonValue &entry : field.value(QLatin1String("picklistValues")).toArray()) {
            if (entry.toObject().value(QLatin1String("active")).toBool(true)) {
                rule.access.picklistValues.append(
                    entry.toObject().value(QLatin1String("value")).toString());
            }
        }
        rule.locked = !rule.access.createable && !rule.access.updateable;
        if (field.value(QLatin1String("restrictedPicklist")).toBool()) {
            rule.restrictedValues = rule.access.picklistValues;
        }
        rules.m_fields.insert(name.toLower(), rule);
    }
    return rules;
}

DescribeRules DescribeRules::fromCache(const QJsonObject &cached)
{
    DescribeRules rules;
    for (auto it = cached.begin(); it != cached.end(); ++it) {
        const QJsonObject entry = it.value().toObject();
        Field rule;
        rule.label = entry.value(QLatin1String("label")).toString();
        rule.length = entry.value(QLatin1String("length")).toInt();
        rule.required = entry.value(QLatin1String("required")).toBool();
        rule.locked = entry.value(QLatin1String("locked")).toBool();
        for (const QJsonValue &allowed : entry.value(QLatin1String("values")).toArray()) {
            rule.restrictedValues.append(allowed.toString());
        }
        rules.m_fields.insert(it.key(), rule);
    }
    return rules;
}

QJsonObject DescribeRules::toCache() const
{
    QJsonObject cached;
    for (auto it = m_fields.begin(); it != m_fields.end(); ++it) {
        QJsonObject entry{
            {QStringLiteral("label"), it->label},
            {QStringLiteral("length"), it->length},
            {QStringLiteral("required"), it->required},
            {QStringLiteral("values"), QJsonArray::fromStringList(it->restrictedValues)}};
        if (it->locked) {
            entry.insert(QStringLiteral("locked"), true);
        }
        cached.insert(it.key(), entry);
    }
    return cached;
}

DescribeRules DescribeRules::cached(const LocalStore &store, const QString &objectName)
{
    // The key SyncEngine::cacheRules writes.
    const QString cachedText = MetaStore(store).value(QStringLiteral("rules:") + objectName);
    if (cachedText.isEmpty()) {
        return {};
    }
    return fromCache(QJsonDocument::fromJson(cachedText.toUtf8()).object());
}

int DescribeRules::maxLength(const QString &field) const
{
    return m_fields.value(field.toLower()).length;
}

QStringList DescribeRules::allowedValues(const QString &field) const
{
    return m_fields.value(field.toLower()).restrictedValues;
}

QString DescribeRules::label(const QString &field) const
{
    const QString label = m_fields.value(field.toLower()).label;
    return label.isEmpty() ? field : label;
}

std::optional<DescribeRules::Access> DescribeRules::access(const QString &field) const
{
    const auto rule = m_fields.constFind(field.toLower());
    if (rule == m_fields.constEnd()) {
        return std::nullopt;
    }
    return rule->access;
}

std::optional<DescribeRules::Violation> DescribeRules::check(const QJsonObject &record,
                                                             bool isCreate) const
{
    if (isCreate) {
        QStringList missing;
        for (auto it = m_fields.begin(); it != m_fields.end(); ++it) {
            if (!it->required) {
                continue;
            }
            bool found = false;
            for (auto field = record.begin(); field != record.end(); ++field) {
                const QJsonValue v = field.value();
                const bool filled = v.isDouble() || v.isBool() || v.isObject() ||
                                    (v.isString() && !v.toString().isEmpty());
                if (filled &&
                    (field.key().toLower() == it.key() ||
                     (v.isObject() && field.key().endsWith(QLatin1String("__r")) &&
                      field.key().toLower().chopped(3) + QStringLiteral("__c") == it.key()))) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                missing.append(it->label.isEmpty() ? it.key() : it->label);
            }
        }
        if (!missing.isEmpty()) {
            missing.sort();
            return Violation{QStringLiteral("REQUIRED_FIELD_MISSING"),
                             QCoreApplication::translate("pasalista::DescribeRules",
                                                         "Required fields are missing: %1")
                                 .arg(missing.join(QStringLiteral(", "))),
                             QString()};
        }
    }
    for (auto field = record.begin(); field != record.end(); ++field) {
        const auto rule = m_fields.constFind(field.key().toLower());
        if (rule == m_fields.constEnd() || !field.value().isString()) {
            continue;
        }
        const QString text = field.value().toString();
        const QString label = rule->label.isEmpty() ? field.key() : rule->label;
        if (rule->length > 0 && text.size() > rule->length) {
            return Violation{
                QStringLiteral("STRING_TOO_LONG"),
                QCoreApplication::translate("pasalista::DescribeRules",
                                            "%1 is %2 characters long; the org takes at most %3.")
                    .arg(label)
                    .arg(text.size())
                    .arg(rule->length),
                field.key()};
        }
        if (!rule->restrictedValues.isEmpty() && !text.isEmpty() &&
            !rule->restrictedValues.contains(text)) {
            return Violation{
                QStringLiteral("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST"),
                QCoreApplication::translate("pasalista::DescribeRules",
                                            "%1: \"%2\" is not one of the org's values (%3).")
                    .arg(label, text, rule->restrictedValues.join(QStringLiteral(", "))),
                field.key()};
        }
    }
    return std::nullopt;
}

} // namespace pasalista
