#pragma once

#include "fieldresolver.h"
#include "schema.h"

#include <QJsonObject>

#include <optional>

namespace pasalista::emulator {

// Runs an object's automations (before-save record-triggered flows an admin added) on a
// record being saved. They run before validation and are part of the save itself: the
// values they set are stored with the save's SystemModstamp and LastModifiedDate.
class SaveAutomations
{
public:
    SaveAutomations(const Schema &schema, const RecordStore &store) : m_resolver(schema, store) {}

    // `record`: the whole record as it will be stored; `changes`: what the save writes. A
    // rewritten field goes into both.
    void apply(const ObjectDef &object, QJsonObject *record, QJsonObject *changes) const;

    // From `{object,name,field,source,upperCase}`, checked against the object's fields.
    static std::optional<SaveAutomation> fromJson(const FieldResolver &resolver,
                                                  const QJsonObject &json, QString *error);

private:
    FieldResolver m_resolver;
};

} // namespace pasalista::emulator
