#pragma once

#include <QList>
#include <QStringList>
#include <QVariantMap>

namespace pasalista {

// One record's coalesced outbox entries as the push sends them, and what the org's
// look-ups found of it.
struct PushOperation
{
    qint64 recordId = 0;
    QList<qint64> entryIds;
    bool isDelete = false;
    QStringList columns;
    QVariantMap row;
    QString sfid;
    int attempts = 0;
    bool unverified = false; // its look-up failed: neither created nor deleted now
    QStringList sameKey;     // every org record with its natural key (look-ups only)
    QStringList heldColumns; // changed columns the org does not let this user write
};

// How a batch of operations goes to the org's sObject Collections.
enum class PushBatchKind
{
    Upsert,
    Update,
    Create,
    Delete
};

} // namespace pasalista
