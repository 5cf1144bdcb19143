#pragma once

#include "store/localstore.h"

#include <QVariantList>
#include <QVariantMap>

class QSqlQuery;

namespace pasalista {

// A role's local table seen through the mapping: quoted names to build SQL with, and rows
// read as maps keyed by logical field, so no caller spells an org's object or field names.
//
// Row maps hold "id", "sfid", "key" (pasalista_id__c, empty for read-only roles), every
// mapped logical field, and "ref:<logical>" (the parent's local id) for each lookup.
class RoleTable
{
public:
    RoleTable(const LocalStore &store, Role role);

    Role role() const { return m_role; }
    QString table() const; // quoted
    // Quoted column of a logical field (or of _ref_ for a lookup), empty when unmapped.
    QString column(const QString &logical) const;
    QString refColumn(const QString &logical) const;
    QString rawColumn(const QString &logical) const { return m_mapping.column(m_role, logical); }
    QString keyColumn() const; // quoted pasalista_id__c, empty for read-only roles

    // Live rows (not soft-deleted) matching `where`, an SQL condition over this table's
    // quoted columns with positional placeholders bound from `bindings`.
    QList<QVariantMap> select(const QString &where = {}, const QVariantList &bindings = {},
                              bool *ok = nullptr) const;
    std::optional<QVariantMap> selectOne(qint64 id) const;

    static QString quote(const QString &identifier);
    static QString liveCondition(); // isdeleted IS NOT 1
    static QString keyColumnName();

private:
    QStringList selectList() const;
    QVariantMap readRow(const QSqlQuery &query) const;

    const LocalStore &m_store;
    const Mapping &m_mapping;
    Role m_role;
    QStringList m_logicals; // mapped logical fields, in knownFields order
    QStringList m_lookups;  // mapped logical fields that are lookups
};

} // namespace pasalista
