#pragma once

#include "queryengine.h"
#include "recordstore.h"
#include "saveautomations.h"
#include "schema.h"
#include "sferror.h"

#include <QJsonObject>

#include <functional>

namespace pasalista::emulator {

// The result of one record's write, as sObject Collections report it per record.
struct WriteOutcome
{
    QString id;
    bool created = false;
    QList<SfError> errors;
    QStringList matchingIds; // an upsert key that matched several records

    bool ok() const { return errors.isEmpty(); }
    QJsonObject toCollectionJson(bool withCreated) const;
};

// Validates and applies writes the way an org does: field names and types, lengths,
// required fields, restricted picklists, unique and external-ID values, lookups, and
// validation rules. Lookups may name their parent by external ID (Class__r: {Key: v}).
class RecordWriter
{
public:
    RecordWriter(const Schema &schema, RecordStore &store, const QueryEngine &queries);

    WriteOutcome create(const ObjectDef &object, const QJsonObject &body, const QString &userId);
    WriteOutcome update(const ObjectDef &object, const QString &id, const QJsonObject &body,
                        const QString &userId);
    WriteOutcome upsert(const ObjectDef &object, const FieldDef &key, const QString &keyValue,
                        const QJsonObject &body, const QString &userId);
    WriteOutcome remove(const QString &id, const QString &userId);

    // Field names in request bodies are case-insensitive, as in Salesforce.
    static QJsonValue bodyValue(const QJsonObject &body, const QString &field);
    static void removeFromBody(QJsonObject *body, const QString &field);

    // Asked before each record's write; a non-empty error is returned instead (used to
    // inject UNABLE_TO_LOCK_ROW).
    void setInterceptor(std::function<std::optional<SfError>(const QString &id)> interceptor)
    {
        m_interceptor = std::move(interceptor);
    }

private:
    bool convertFields(const ObjectDef &object, const QJsonObject &body, bool creating,
                       QJsonObject *converted, QList<SfError> *errors) const;
    bool convertField(const ObjectDef &object, const QString &name, const QJsonValue &value,
                      bool creating, QJsonObject *converted, QList<SfError> *errors) const;
    bool resolveRelationship(const FieldDef &lookup, const QJsonValue &value,
                             QJsonObject *converted, QList<SfError> *errors) const;
    std::optional<QJsonValue> convertValue(const FieldDef &field, const QJsonValue &value,
                                           QList<SfError> *errors) const;
    void validate(const ObjectDef &object, const QString &id, const QJsonObject &record,
                  const QJsonObject &changes, QList<SfError> *errors) const;
    void validateRequired(const ObjectDef &object, const QJsonObject &record,
                          QList<SfError> *errors) const;
    void validateValue(const FieldDef &field, const QJsonValue &value,
                       QList<SfError> *errors) const;
    void validateUnique(const ObjectDef &object, const FieldDef &field, const QString &id,
                        const QJsonValue &value, QList<SfError> *errors) const;
    void validateLookup(const FieldDef &field, const QString &value, QList<SfError> *errors) const;
    void validateRules(const ObjectDef &object, const QJsonObject &record,
                       QList<SfError> *errors) const;

    const Schema &m_schema;
    RecordStore &m_store;
    const QueryEngine &m_queries;
    SaveAutomations m_automations;
    std::function<std::optional<SfError>(const QString &id)> m_interceptor;
};

} // namespace pasalista::emulator
