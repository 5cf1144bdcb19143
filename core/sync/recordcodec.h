#pragma once

#include "mapping.h"

#include <QJsonObject>
#include <QStringList>
#include <QVariantMap>

namespace pasalista {

class LocalStore;

// Translates one role's records between the org's JSON and the local columns: which
// fields to ask for, which ones a teacher may write, and how lookups travel (a parent's
// Salesforce Id when it has one, otherwise its Pasalista_Id__c through the relationship).
class RecordCodec
{
public:
    RecordCodec(const Mapping &mapping, Role role);

    Role role() const { return m_role; }
    const ObjectMapping &object() const { return *m_object; }
    QString objectName() const { return m_object->objectName; }
    QString table() const { return m_object->tableName; }
    // Fields requested by pull queries: every mapped field.
    QStringList queryFields() const { return m_object->fields; }
    // Local columns the pull writes (mapped columns; lookups' _ref_ columns separately).
    const QStringList &columns() const { return m_columns; }
    // Lookup column -> the role it points at.
    const QList<QPair<QString, Role>> &lookupColumns() const { return m_lookups; }
    // Columns a local edit may push: the role's bound fields, never system fields.
    bool isWritableColumn(const QString &column) const { return m_writable.contains(column); }
    QString fieldForColumn(const QString &column) const { return m_fieldByColumn.value(column); }

    // The JSON record's mapped fields as local column values (numbers that are whole
    // become integers, booleans 0/1, nulls null).
    QVariantMap toColumns(const QJsonObject &record) const;
    // The push payload for the given columns of a local row. Lookups without a parent
    // Salesforce Id go through the relationship and the parent's key.
    QJsonObject toRecord(const QVariantMap &row, const QStringList &columns,
                         const LocalStore &store) const;

private:
    Role m_role;
    const Mapping &m_mapping;
    const ObjectMapping *m_object;
    QStringList m_columns;
    QStringList m_writable;
    QHash<QString, QString> m_fieldByColumn;
    QList<QPair<QString, Role>> m_lookups;
};

} // namespace pasalista
