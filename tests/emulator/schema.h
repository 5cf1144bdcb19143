#pragma once

#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace pasalista::emulator {

enum class FieldType
{
    Id,
    String,
    TextArea,
    Email,
    Phone,
    Url,
    Picklist,
    Boolean,
    Double,
    Int,
    Date,
    DateTime,
    Reference
};

struct FieldDef
{
    QString name;
    QString label;
    FieldType type = FieldType::String;
    int length = 0;
    int precision = 0;
    int scale = 0;
    bool required = false;
    bool unique = false;
    bool externalId = false;
    bool caseSensitive = false;
    bool restrictedPicklist = false;
    bool createable = true;
    bool updateable = true;
    QStringList picklistValues;         // active values
    QStringList inactivePicklistValues; // deactivated by an admin: kept, no longer offered
    QString referenceTo;                // target object of a Reference field
    QString relationshipName;           // Class__c -> Class__r, OwnerId -> Owner

    bool isText() const;
    // Fields whose values the store indexes in a hash map.
    bool isIndexed() const { return unique || externalId; }
};

// A rule like an org's validation rule: when the condition (a SOQL WHERE expression
// over the record being saved) holds, the save fails with the message.
struct ValidationRule
{
    QString name;
    QString condition;
    QString message;
    QString field;
    bool active = true;
};

// An automation an admin adds (a before-save record-triggered flow): on every save of the
// object it sets `field` to the value of `source` (a field path, Student__r.Last_Name__c),
// upper-cased when asked.
struct SaveAutomation
{
    QString name;
    QString field;
    QString source;
    bool upperCase = false;
};

struct ObjectDef
{
    QString name;
    QString label;
    QString labelPlural;
    QString keyPrefix;
    bool custom = false;
    bool createable = true;
    bool updateable = true;
    bool deletable = true;
    QList<FieldDef> fields;
    QList<ValidationRule> validationRules;
    QList<SaveAutomation> automations;

    const FieldDef *field(const QString &fieldName) const;
    const FieldDef *relationship(const QString &relationshipName) const;
    QList<const FieldDef *> indexedFields() const;
    void reindex();

private:
    QHash<QString, int> m_fieldIndex;        // lower-case name -> position
    QHash<QString, int> m_relationshipIndex; // lower-case relationship name -> position
};

// The org's objects, loaded from a schema file. Standard system fields are added to
// every object so schema files only list what an admin would define.
class Schema
{
public:
    static std::optional<Schema> fromJson(const QJsonDocument &document, QString *error);
    static std::optional<Schema> fromFile(const QString &path, QString *error);

    const ObjectDef *object(const QString &name) const;
    ObjectDef *mutableObject(const QString &name);
    const ObjectDef *objectForId(const QString &id) const;
    const QList<ObjectDef> &objects() const { return m_objects; }

    // Drops a field from every object, as in an org whose admin never added it.
    void removeField(const QString &fieldName);
    QJsonDocument toJson() const;
    // When an admin last changed the schema (ms since the epoch; 0: as loaded).
    qint64 changedMs() const { return m_changedMs; }
    void setChangedMs(qint64 ms) { m_changedMs = ms; }

private:
    bool addObject(const QJsonObject &json, QString *error);
    void reindex();

    QList<ObjectDef> m_objects;
    QHash<QString, int> m_objectIndex; // lower-case name -> position
    QHash<QString, int> m_prefixIndex;
    qint64 m_changedMs = 0;
};

QString fieldTypeName(FieldType type);

} // namespace pasalista::emulator
