#pragma once

#include "recordstore.h"
#include "schema.h"
#include "sferror.h"
#include "soqlast.h"

#include <QJsonValue>

#include <optional>

namespace pasalista::emulator {

// A field path bound to the schema: the lookups to follow, then the field to read.
struct ResolvedField
{
    QList<const FieldDef *> hops;
    const ObjectDef *object = nullptr; // the object that holds the field
    const FieldDef *field = nullptr;
};

// Binds field paths such as Student__r.First_Name__c to the schema and reads their
// values by following lookups through the store.
class FieldResolver
{
public:
    FieldResolver(const Schema &schema, const RecordStore &store);

    std::optional<ResolvedField> resolve(const ObjectDef &root, const FieldPath &path,
                                         const QString &soql, SfError *error) const;
    QJsonValue value(const ResolvedField &resolved, const QJsonObject &record) const;
    const RecordStore &store() const { return m_store; }
    const Schema &schema() const { return m_schema; }

private:
    const Schema &m_schema;
    const RecordStore &m_store;
};

} // namespace pasalista::emulator
