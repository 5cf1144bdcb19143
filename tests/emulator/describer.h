#pragma once

#include "schema.h"

#include <QJsonObject>

namespace pasalista::emulator {

// Builds describe results (global and per object) in the REST API's shape.
class Describer
{
public:
    explicit Describer(const Schema &schema) : m_schema(schema) {}

    QJsonObject globalDescribe(const QString &dataPath) const;
    QJsonObject summary(const ObjectDef &object, const QString &dataPath) const;
    QJsonObject describe(const ObjectDef &object, const QString &dataPath) const;

private:
    QJsonObject describeField(const FieldDef &field) const;
    QJsonArray childRelationships(const ObjectDef &object) const;

    const Schema &m_schema;
};

} // namespace pasalista::emulator
