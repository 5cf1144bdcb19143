#pragma once

#include "mapping.h"

#include <QDateTime>
#include <QString>

namespace pasalista {

// A record the org refused, or a field both sides changed: what the "Sync issues" view
// and `pasalista-cli issues` list until someone acts on it.
struct SyncIssue
{
    enum class Kind
    {
        Failed,
        Conflict,
        DeletedInOrg
    };

    Kind kind = Kind::Failed;
    qint64 conflictId = 0; // for conflicts
    Role role = Role::Student;
    QString objectName;
    qint64 recordId = 0;
    QString recordLabel; // "Ana Pérez", "Inglés 2 — 2026-11-20"
    QString field;       // API field name, for conflicts
    QString message;     // Salesforce's message for failures
    QString localValue;
    QString remoteValue;
    QString kept; // "local" or "remote" for conflicts
    QDateTime when;
};

} // namespace pasalista
