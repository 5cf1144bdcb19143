#pragma once

// core/store owns the local SQLite store and every statement on it: LocalStore (the file,
// its schema and the mapped row tables), Outbox (_trigger_log), MetaStore (_meta),
// ConflictLog (_conflict_log), the row states (_hc_lastop) and execStatement, the one exec
// path that reports failures and can fail a chosen statement in tests. Nothing outside
// this folder writes SQL for the journal tables. It depends on nothing but the mapping.

#include "mapping.h"
#include "store/outboxentry.h"

#include <QHash>
#include <QMap>
#include <QObject>
#include <QSet>
#include <QSqlDatabase>
#include <QVariantMap>

#include <optional>

namespace pasalista {

// The local mirror of the org: one SQLite file per signed-in org user, laid out like
// Heroku Connect's tables (sfid, systemmodstamp, isdeleted, _hc_lastop, _hc_err) with
// _trigger_log as the outbox. Every local edit and its log row share one transaction.
//
// Lookups are kept twice: the mapped column holds the parent's Salesforce Id as Heroku
// Connect does, and _ref_<column> holds the parent's local id, so that records created
// offline can point at parents that have no Salesforce Id yet.
class LocalStore : public QObject
{
    Q_OBJECT

public:
    explicit LocalStore(const Mapping &mapping, QObject *parent = nullptr);
    ~LocalStore() override;

    // Opens (creating if needed) the database file, checks its integrity, applies the
    // numbered migrations and the mapping's tables. On failure nothing is written and
    // errorString() says why.
    bool open(const QString &path);
    void close();
    bool isOpen() const;
    QString path() const { return m_path; }
    QString errorString() const { return m_error; }
    const Mapping &mapping() const { return m_mapping; }
    QSqlDatabase database() const;
    int schemaVersion() const;
    static int latestSchemaVersion();

    // Local edits, each recorded in the outbox. Values are keyed by local column name.
    // insertLocal gives writable records a UUID in pasalista_id__c unless one is given.
    std::optional<qint64> insertLocal(Role role, const QVariantMap &values);
    bool updateLocal(Role role, qint64 id, const QVariantMap &changes);
    bool deleteLocal(Role role, qint64 id);

    // Writes a record as it is in the org (demo seed, pulled data): no outbox entry.
    std::optional<qint64> insertSynced(Role role, const QVariantMap &values);
    // Changes a record as the org has it (pulled data, push results): no outbox entry.
    bool writeSynced(Role role, qint64 id, const QVariantMap &values);
    // Queues the whole record for creation again (a record the org deleted, restored).
    bool logFullInsert(Role role, qint64 id);
    // Two rows turned out to be one org record (without the external ID): `twinId`'s
    // children move to `keepId` and the twin row goes. No outbox entry.
    bool foldTwin(Role role, qint64 keepId, qint64 twinId);

    std::optional<QVariantMap> row(Role role, qint64 id) const;
    // The rows of `ids` that exist, by id (nullopt when the store fails, saying why in *error).
    std::optional<QHash<qint64, QVariantMap>> rows(Role role, const QList<qint64> &ids,
                                                   QString *error = nullptr) const;
    std::optional<qint64> idByColumn(Role role, const QString &column, const QVariant &value) const;
    static QString refColumn(const QString &lookupColumn);

    // Changes waiting to reach the org (outbox rows NEW or PENDING).
    int pendingChangeCount() const;
    QList<OutboxEntry> outboxEntries(const QStringList &states) const;

    // Nested transactions: the outermost begins IMMEDIATE (so two processes never
    // deadlock upgrading a read lock), inner ones are savepoints.
    bool begin();
    bool commit();
    void rollback();

Q_SIGNALS:
    void recordChanged(pasalista::Role role, qint64 id);
    void pendingChangeCountChanged(int count);

private:
    bool checkIntegrity();
    bool migrate();
    bool ensureMappedTables();
    bool ensureTable(const ObjectMapping &object, Role role);
    bool ensureDayIndex(const ObjectMapping &object, Role role);
    bool exec(const QString &sql);
    bool fail(const QString &message);
    bool appendLog(const QString &action, const QString &table, qint64 recordId,
                   const QVariantMap &values, const QVariantMap &old);
    bool writeRow(Role role, qint64 id, const QVariantMap &values);
    std::optional<qint64> insertRow(Role role, const QVariantMap &values);
    bool isKnownColumn(Role role, const QString &column) const;
    bool checkColumns(Role role, const QVariantMap &values);
    QVariantMap prepareValues(Role role, const QVariantMap &values) const;
    bool refuseReadOnly(Role role);
    void notifyChange(Role role, qint64 id);
    // A local change to an existing record: begun with the record's row as it is (nullopt,
    // nothing open and goneMessage the error, when it cannot be changed), finished by
    // writing the row, logging the change for the org and committing.
    std::optional<QVariantMap> beginLocalChange(Role role, qint64 id, const QString &goneMessage);
    bool finishLocalChange(Role role, qint64 id, const QVariantMap &written, const QString &action,
                           const QVariantMap &values, const QVariantMap &old);

    Mapping m_mapping;
    QString m_connectionName;
    QString m_path;
    QString m_error;
    int m_transactionDepth = 0;
    mutable QMap<Role, QSet<QString>> m_knownColumns;
};

} // namespace pasalista
