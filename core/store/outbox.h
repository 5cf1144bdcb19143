#pragma once

#include "store/outboxentry.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantMap>

class QSqlQuery;

namespace pasalista {

class LocalStore;

// The one owner of the push side of _trigger_log (in the spirit of Nextcloud's
// SyncJournalDb): what is waiting per record, and what became of it. A record's entries
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

    explicit Outbox(LocalStore &store);

    // The records of `table` with a NEW or PENDING entry (due now, unless backoff is
    // ignored), each with all its unsettled entries.
    QList<Change> pending(const QString &table, bool respectBackoff);
    bool markSent(const QList<qint64> &entryIds);
    bool markFailed(const QList<qint64> &entryIds, const QString &message);
    // Left PENDING: transient trouble or a reply that could not be verified.
    bool retryLater(const QList<qint64> &entryIds, int attempts, const QString &message);
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
    QString errorString() const { return m_error; }

private:
    bool setState(const QList<qint64> &entryIds, const QString &state, const QString &message);
    bool exec(QSqlQuery &query);

    LocalStore &m_store;
    QString m_error;
};

} // namespace pasalista
