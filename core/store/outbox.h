#pragma once

#include "store/outboxentry.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <optional>

class QSqlDatabase;
class QSqlQuery;

namespace pasalista {

class LocalStore;

// The one owner of _trigger_log (in the spirit of Nextcloud's SyncJournalDb): what is
// waiting per record, and what became of it. A record's entries
// are coalesced across FAILED and NEW/PENDING ones, so a later edit supersedes a failed one
// and the record's whole pending change goes out together; sent rows are pruned.
class Outbox
{
public:
    // Everything one record is waiting to send, coalesced.
    struct Change
    {
        qint64 recordId = 0;
        QList<qint64> entryIds; // oldest first, FAILED ones included
        QStringList columns;    // every column any entry changed
        bool isDelete = false;
        int attempts = 0;
    };

    // A record whose entries the org refused, as Sync issues lists it.
    struct FailedRecord
    {
        QString table;
        qint64 recordId = 0;
        QString message;
        QString updatedAt;
        bool correctionWaiting = false; // a newer change of the record waits to go out
    };

    explicit Outbox(const LocalStore &store);

    // Reads. Each reports a store error in errorString() and answers as if the outbox
    // were empty, unless it returns std::optional (then nullopt).
    // Changes waiting to reach the org (entries NEW or PENDING); `database` may be a
    // read-only connection of its own.
    static int unsentCount(const QSqlDatabase &database);
    int unsentCount() const;
    bool isEmpty() const;
    // Every entry in one of `states` (all when empty), oldest first.
    QList<OutboxEntry> entries(const QStringList &states) const;
    // The record's unsettled entries (NEW, PENDING, FAILED), oldest first.
    bool unsettledEntries(const QString &table, qint64 recordId, QList<OutboxEntry> *entries) const;
    // Whether the record has unsettled entries (of `action` only, when given).
    std::optional<bool> hasUnsettled(const QString &table, qint64 recordId,
                                     const QString &action = {}) const;
    // Whether an entry newer than `entryId` waits to go out (the teacher edited the record
    // again while it was being pushed).
    std::optional<bool> hasNewerUnsent(const QString &table, qint64 recordId, qint64 entryId) const;
    // The same for many records at once: the newest NEW or PENDING entry of each of
    // `recordIds` that has one.
    std::optional<QHash<qint64, qint64>> newestUnsent(const QString &table,
                                                      const QList<qint64> &recordIds) const;
    // The Salesforce Ids of rows of `table` with an entry NEW or PENDING, all of them.
    QStringList sfidsWithUnsentEdits(const QString &table) const;
    int failedRecordCount() const;
    QList<FailedRecord> failedRecords() const;
    // Entries per state, by state name.
    QList<QPair<QString, int>> stateCounts() const;
    // SQL condition for statements on a row table: the row `rowIdSql` (e.g. "t.id") of
    // `table` has unsettled entries.
    static QString unsettledCondition(const QString &table, const QString &rowIdSql);

    // The records of `table` with a NEW or PENDING entry (due now, unless backoff is
    // ignored), each with all its unsettled entries.
    QList<Change> pending(const QString &table, bool respectBackoff);
    bool markSent(const QList<qint64> &entryIds);
    bool markFailed(const QList<qint64> &entryIds, const QString &message);
    // Left PENDING until `nextTry`: transient trouble or a reply that could not be verified.
    bool retryLater(const QList<qint64> &entryIds, const QDateTime &nextTry,
                    const QString &message);
    // Sent entries older than `days` days are history nobody reads: removed.
    bool pruneSent(int days = 7);

    // The writes of everyone else who changes the outbox, so that its states stay here.
    // A local change to send, as the store saves it.
    bool append(const QString &action, const QString &table, qint64 recordId,
                const QVariantMap &values, const QVariantMap &old);
    // The record's unsettled entries (NEW, PENDING, FAILED), or only those of `action`,
    // are settled as `state` (done, merged away, ignored, or failed with `message`).
    bool settleRecord(const QString &table, qint64 recordId, const QString &state,
                      const QString &message = {}, const QString &action = {});
    // What the pull left of one entry to send; an entry left with nothing to send is MERGED.
    bool rewrite(qint64 entryId, const QVariantMap &values, const QVariantMap &old);
    // Sync issues: the refused entries of a record go out again, or are dismissed.
    bool retryFailed(const QString &table, qint64 recordId);
    bool dismissFailed(const QString &table, qint64 recordId);
    // Waiting edits of the records `recordIdsSql` selects are held as FAILED with `message`.
    bool holdRecords(const QString &table, const QString &recordIdsSql, const QString &message);
    // Unenrolled and enrolled again before the delete went out: the record's pending delete
    // is withdrawn (IGNORED). *stillUnsent says whether other unsettled entries remain.
    bool withdrawDelete(const QString &table, qint64 recordId, bool *stillUnsent);
    QString errorString() const { return m_error; }

private:
    bool setState(const QList<qint64> &entryIds, const QString &state, const QString &message);
    // The record's FAILED entries become `state`; alsoSet holds more SQL assignments, each
    // followed by a comma.
    bool moveFailed(const QString &table, qint64 recordId, const QString &state,
                    const QString &alsoSet);
    bool exec(QSqlQuery &query) const;
    std::optional<bool> exists(QSqlQuery &query) const;

    const LocalStore &m_store;
    mutable QString m_error;
};

} // namespace pasalista
