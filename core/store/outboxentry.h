#pragma once

#include <QDateTime>
#include <QString>
#include <QVariantMap>

namespace pasalista {

// One row of _trigger_log, the outbox: a local change waiting to reach the org.
struct OutboxEntry
{
    qint64 id = 0;
    QString action; // INSERT, UPDATE, DELETE
    QString tableName;
    qint64 recordId = 0;
    QVariantMap values; // changed columns and their new values
    QVariantMap old;    // the values the edit started from (base for merging)
    QString state;      // NEW, PENDING, SUCCESS, FAILED, MERGED, IGNORED
    QString sfMessage;
    QDateTime createdAt;
    QDateTime updatedAt;
};

namespace outbox {
inline const QString New = QStringLiteral("NEW");
inline const QString Pending = QStringLiteral("PENDING");
inline const QString Success = QStringLiteral("SUCCESS");
inline const QString Failed = QStringLiteral("FAILED");
inline const QString Merged = QStringLiteral("MERGED");
inline const QString Ignored = QStringLiteral("IGNORED");
} // namespace outbox

} // namespace pasalista
