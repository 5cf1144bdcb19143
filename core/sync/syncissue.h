#pragma once

#include "mapping.h"

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace pasalista {

// A record the org refused, or a field both sides changed: what the "Sync issues" view
// and `pasalista-cli issues` list until someone acts on it.
struct SyncIssue
{
    enum class Kind
    {
        Failed,
        Conflict,
        DeletedInOrg,
        // A mapped field this user's profile does not let her read or change (issue 21): one
        // issue per field, not per record; `message` says what becomes of what she types.
        FieldAccess
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
    // Which class a mark (or an enrollment) belongs to and whose it is, for the screens.
    QString courseName;
    qint64 courseId = 0;
    qint64 studentId = 0;
    QDate classDate;
    // Refused, then corrected here: the correction goes out with the next sync.
    bool correctionWaiting = false;
};

// The value the org refused in a refused record, as the record holds it now, with what the
// org takes instead: what the "Sync issues" view edits in place.
struct RefusedValue
{
    QString column; // local column
    QString field;  // API name
    QString value;
    int maxLength = 0;         // text: at most this many characters (0: no limit)
    QStringList allowedValues; // restricted picklist: one of these
    QString reason;            // why it is refused, in the org's rules' words
};

} // namespace pasalista
