#pragma once

#include "mapping.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

namespace pasalista {

class LocalStore;

// A mapped field the signed-in user's profile keeps from her (issue 21): one she may not
// read (her describe lacks it: field-level security, or the admin removed it), or, of an
// object the laptop writes, one she may neither create nor update.
struct FieldAccessGap
{
    Role role = Role::Attendance;
    QString objectName;
    QString field; // API name
    bool readable = false;
};

// The gaps, read from the describes the last sync cached in the store, so Sync issues names
// each one once (not per record, not per sync) and the push keeps what the teacher types in
// such a field on the laptop, pending, instead of dropping it.
class FieldAccess
{
    Q_DECLARE_TR_FUNCTIONS(FieldAccess)

public:
    explicit FieldAccess(const LocalStore &store);

    const QList<FieldAccessGap> &gaps() const { return m_gaps; }
    // Local columns of `role` whose edits cannot reach the org.
    QSet<QString> heldColumns(Role role) const;
    // The gap in the teacher's words.
    QString message(const FieldAccessGap &gap) const;

private:
    QSet<QString> describedFields(const QString &objectName) const;

    const LocalStore &m_store;
    QList<FieldAccessGap> m_gaps;
};

} // namespace pasalista
