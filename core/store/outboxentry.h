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

// The values of a row's _hc_lastop column, as Heroku Connect writes them: PENDING while
// an edit waits in the outbox, FAILED when the org refused it, SYNCED (or INSERTED /
// UPDATED) when the row is as the org has it.
enum class LastOp
{
    Pending,
    Synced,
    Inserted,
    Updated,
    Failed
};

inline const QString kLastOpColumn = QStringLiteral("_hc_lastop");

inline QString lastOpName(LastOp op)
{
    static const QString names[] = {QStringLiteral("PENDING"), QStringLiteral("SYNCED"),
                                    QStringLiteral("INSERTED"), QStringLiteral("UPDATED"),
                                    QStringLiteral("FAILED")};
    return names[int(op)];
}

} // namespace pasalista
