#pragma once

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>

namespace pasalista {

// What the org's describe says a record must satisfy before it is sent: text lengths,
// required fields, restricted picklists. Checked before a push, so a value the org would
// refuse is shown on the record at once, with the org's own wording of the error code.
class DescribeRules
{
public:
    struct Violation
    {
        QString code; // STRING_TOO_LONG, REQUIRED_FIELD_MISSING, ...
        QString message;
    };

    DescribeRules() = default;
    // From a describe reply (`sobjects/X/describe`). Only the `mapped` fields are required
    // of a create: the org fills the others (owner, name, defaults) itself.
    static DescribeRules fromDescribe(const QJsonObject &describe, const QStringList &mapped);
    // Round trip through the store's cache, so the rules hold offline too.
    static DescribeRules fromCache(const QJsonObject &cached);
    QJsonObject toCache() const;
    bool isEmpty() const { return m_fields.isEmpty(); }

    // `record`: the push payload (field -> value). A create must carry every required field.
    std::optional<Violation> check(const QJsonObject &record, bool isCreate) const;

private:
    struct Field
    {
        QString label;
        int length = 0;        // text fields; 0 for no limit
        bool required = false; // on create
        QStringList restrictedValues;
    };
    QHash<QString, Field> m_fields; // by API name, lower-case (field names are case-insensitive)
};

} // namespace pasalista
