#pragma once

#include "mapping.h"
#include "sync/recordcodec.h"
#include "sync/statementcache.h"
#include "sync/syncreport.h"

#include <QHash>
#include <QJsonObject>
#include <QSqlQuery>

namespace pasalista {

class LocalStore;

// Writes records received from the org into the local store without logging them, and
// merges them field by field with the teacher's pending edits: a field only one side
// changed keeps that side's value; a field both changed is settled by the mapping's
// policy and the losing value goes to _conflict_log. Nothing is overwritten silently.
// The caller owns the transaction (one per page).
class RemoteApplier
{
public:
    RemoteApplier(LocalStore &store, const RecordCodec &codec, ConflictPolicy policy,
                  SyncReport &report);

    bool apply(const QJsonObject &record);
    bool applyDeletion(const QString &sfid);
    QString errorString() const { return m_error; }

private:
    struct PendingEntry
    {
        qint64 id = 0;
        QString action;
        QVariantMap values;
        QVariantMap old;
    };

    std::optional<qint64> findLocal(const QString &sfid, const QString &key, QString *lastOp);
    QList<PendingEntry> pendingEntries(qint64 recordId);
    enum class Statement
    {
        InsertUnlessKnown,
        Insert,
        Update,
        Count
    };
    // `kind` is one of the two inserts; *inserted says whether a row was added.
    bool insertNew(QVariantMap values, Statement kind, bool *inserted);
    bool updateSynced(qint64 id, const QVariantMap &values);
    const QString &sqlFor(Statement kind, const QStringList &columns);
    bool merge(qint64 id, const QVariantMap &remote, QList<PendingEntry> entries);
    bool rewriteEntry(const PendingEntry &entry);
    bool logConflict(qint64 recordId, const QString &column, const QVariant &base,
                     const QVariant &local, const QVariant &remote, const QString &kept);
    void resolveLookups(QVariantMap &values);
    qint64 parentId(Role role, const QString &sfid);
    bool exec(QSqlQuery &query);

    LocalStore &m_store;
    const RecordCodec &m_codec;
    ConflictPolicy m_policy;
    SyncReport &m_report;
    QString m_error;
    StatementCache m_statements;
    const QString m_findSql;
    QHash<QStringList, QString> m_sql[int(Statement::Count)]; // per kind: columns -> text
    QHash<Role, QHash<QString, qint64>> m_parentIds;          // role -> sfid -> local id
};

} // namespace pasalista
