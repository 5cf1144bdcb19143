#pragma once

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <optional>

namespace pasalista {

class LocalStore;

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
        QString field; // API name of the field at fault; empty for missing required fields
    };

    // What the describe says the signed-in user may do with one field (pasalista-cli doctor).
    struct Access
    {
        QString type; // picklist, double, string, ...
        bool createable = false;
        bool updateable = false;
        bool externalId = false;
        bool unique = false;
        QStringList picklistValues; // active values, restricted or not
    };

    DescribeRules() = default;
    // From a describe reply (`sobjects/X/describe`). Only the `mapped` fields are required
    // of a create: the org fills the others (owner, name, defaults) itself.
    static DescribeRules fromDescribe(const QJsonObject &describe, const QStringList &mapped);
    // Round trip through the store's cache, so the rules hold offline too.
    static DescribeRules fromCache(const QJsonObject &cached);
    QJsonObject toCache() const;
    // The rules the last describe of `objectName` left in the store's cache (what the sync
    // writes), so the screens can check a value as it is typed, offline too. Empty when the
    // org was never described.
    static DescribeRules cached(const LocalStore &store, const QString &objectName);
    bool isEmpty() const { return m_fields.isEmpty(); }

    // One field's rules (API name, any case): 0 for no length limit, empty for no
    // restricted values, the API name when the org gave no label.
    int maxLength(const QString &field) const;
    QStringList allowedValues(const QString &field) const;
    QString label(const QString &field) const;
    // Nullopt when the describe does not list the field: the org lacks it or the user may
    // not read it. Rules from the cache know no access.
    std::optional<Access> access(const QString &field) const;
    // Whether the describe says this user may neither create nor update the field (her
    // profile makes it read-only); kept in the cache, unlike the rest of the access.
    bool isLocked(const QString &field) const { return m_fields.value(field.toLower()).locked; }

    // `record`: the push payload (field -> value). A create must carry every required field.
    std::optional<Violation> check(const QJsonObject &record, bool isCreate) const;

private:
    struct Field
    {
        QString label;
        int length = 0;        // text fields; 0 for no limit
        bool required = false; // on create
        QStringList restrictedValues;
        Access access;
        bool locked = false;
    };
    QHash<QString, Field> m_fields; // by API name, lower-case (field names are case-insensitive)
};

} // namespace pasalista
