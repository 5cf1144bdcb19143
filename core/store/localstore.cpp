#include "store/localstore.h"

#include "logging.h"
#include "store/execstatement.h"
#include "store/outbox.h"
#include "store/sqlcipherdriver.h"
#include "store/sqltext.h"
#include "store/storeencryption.h"
#include "store/storekeyring.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUuid>

#include <algorithm>

namespace pasalista {

using sql::quoted;

namespace {

// Dates and times are stored as ISO text, the way the REST API sends them.
QVariant storable(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::QDate:
        return value.toDate().toString(Qt::ISODate);
    case QMetaType::QDateTime:
        return value.toDateTime().toUTC().toString(Qt::ISODateWithMs);
    default:
        return value;
    }
}

const QStringList &systemColumns()
{
    static const QStringList columns = {QStringLiteral("id"),
                                        QStringLiteral("sfid"),
                                        QStringLiteral("pasalista_id__c"),
                                        QStringLiteral("systemmodstamp"),
                                        QStringLiteral("isdeleted"),
                                        QStringLiteral("_hc_lastop"),
                                        QStringLiteral("_hc_err")};
    return columns;
}

// Issue 24: a store with a key is encrypted, a plain one (made before) encrypted in place
// first. An encrypted store without its key is left untouched, whatever happens. Returns
// the reason it cannot be opened, or nothing.
QString prepareEncryption(const QString &path, const QByteArray &key)
{
    switch (StoreEncryption::stateOf(path)) {
    case StoreEncryption::FileState::Missing:
        return {};
    case StoreEncryption::FileState::Plain: {
        QString reason;
        if (key.isEmpty() || StoreEncryption::encryptInPlace(path, key, &reason)) {
            return {};
        }
        return LocalStore::tr("Cannot encrypt the local database %1: %2. It was left as it was.")
            .arg(path, reason);
    }
    case StoreEncryption::FileState::Encrypted:
        if (!key.isEmpty()) {
            return {};
        }
        return LocalStore::tr("The local database %1 is encrypted, or is not a database at all, "
                              "and no key was given for it. Nothing was changed.")
            .arg(path);
    }
    return {};
}

} // namespace

LocalStore::LocalStore(const Mapping &mapping, QObject *parent)
    : QObject(parent), m_mapping(mapping),
      m_connectionName(QStringLiteral("pasalista-") + QUuid::createUuid().toString(QUuid::Id128))
{
}

LocalStore::~LocalStore()
{
    close();
}

QSqlDatabase LocalStore::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool LocalStore::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName) && database().isOpen();
}

bool LocalStore::fail(const QString &message)
{
    m_error = message;
    qCWarning(lcStore).noquote() << message;
    return false;
}

bool LocalStore::open(const QString &path)
{
    close();
    m_path = path;
    m_error.clear();
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath())) {
        return fail(tr("Cannot create the folder %1.").arg(info.absolutePath()));
    }
    const QByteArray key = StoreKeyRing::keyFor(path);
    if (const QString refused = prepareEncryption(path, key); !refused.isEmpty()) {
        return fail(refused);
    }
    QString reason;
    bool keyRefused = false;
    {
        // Scoped: close() removes the connection, which must have no handle left.
        QSqlDatabase db = QSqlDatabase::addDatabase(SqlCipherDriver::name(), m_connectionName);
        db.setDatabaseName(path);
        db.setPassword(key.isEmpty() ? QString() : StoreKeyRing::keyClause(key));
        db.setConnectOptions(QStringLiteral("BUSY_TIMEOUT=10000"));
        if (!db.open()) {
            // SQLITE_NOTADB: the keychain's key is not the one this file was encrypted with.
            keyRefused = db.lastError().nativeErrorCode() == QLatin1String("26");
            reason = db.lastError().text();
        }
    }
    if (!reason.isEmpty()) {
        close();
        return fail(keyRefused ? StoreEncryption::lostKeyMessage(path)
                               : tr("Cannot open the local database %1: %2").arg(path, reason));
    }
    if (!checkIntegrity()) {
        close();
        return false;
    }
    // WAL lets the UI read while a sync writes; FULL makes a committed edit survive a
    // power cut, not just a killed process: teachers' laptops run out of battery.
    if (!exec(QStringLiteral("PRAGMA journal_mode=WAL")) ||
        !exec(QStringLiteral("PRAGMA synchronous=FULL")) || !migrate() || !ensureMappedTables()) {
        close();
        return false;
    }
    qCInfo(lcStore) << "opened" << path << "schema" << schemaVersion();
    return true;
}

void LocalStore::close()
{
    if (!QSqlDatabase::contains(m_connectionName)) {
        return;
    }
    {
        QSqlDatabase db = database();
        if (db.isOpen()) {
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    m_transactionDepth = 0;
}

bool LocalStore::checkIntegrity()
{
    QSqlQuery query(database());
    QString reason;
    if (!execStatement(query, QStringLiteral("PRAGMA quick_check"), &reason)) {
        return fail(tr("The local database %1 is damaged or is not a Pasalista database (%2). "
                       "Nothing was changed; restore a backup or sign in again to download "
                       "your data.")
                        .arg(m_path, reason));
    }
    QStringList problems;
    while (query.next()) {
        const QString line = query.value(0).toString();
        if (line != QLatin1String("ok")) {
            problems.append(line);
        }
    }
    if (!problems.isEmpty()) {
        return fail(tr("The local database %1 failed its integrity check: %2. Nothing was "
                       "changed; restore a backup or sign in again to download your data.")
                        .arg(m_path, problems.mid(0, 3).join(QStringLiteral("; "))));
    }
    return true;
}

bool LocalStore::exec(const QString &sql)
{
    QSqlQuery query(database());
    QString reason;
    if (!execStatement(query, sql, &reason)) {
        return fail(tr("Local database error: %1").arg(reason));
    }
    return true;
}

QString LocalStore::refColumn(const QString &lookupColumn)
{
    return QStringLiteral("_ref_") + lookupColumn;
}

bool LocalStore::begin()
{
    const QString sql = m_transactionDepth == 0
                            ? QStringLiteral("BEGIN IMMEDIATE")
                            : QStringLiteral("SAVEPOINT sp%1").arg(m_transactionDepth);
    if (!exec(sql)) {
        return false;
    }
    ++m_transactionDepth;
    return true;
}

bool LocalStore::commit()
{
    if (m_transactionDepth <= 0) {
        return fail(tr("Internal error: commit without a transaction."));
    }
    const int depth = m_transactionDepth - 1;
    const QString sql =
        depth == 0 ? QStringLiteral("COMMIT") : QStringLiteral("RELEASE sp%1").arg(depth);
    if (!exec(sql)) {
        return false; // the caller rolls back
    }
    m_transactionDepth = depth;
    return true;
}

void LocalStore::rollback()
{
    if (m_transactionDepth <= 0) {
        return;
    }
    const int depth = m_transactionDepth - 1;
    m_transactionDepth = depth;
    // SQLite may already have rolled back by itself (SQLITE_FULL, SQLITE_IOERR); the error
    // that caused the rollback is the one worth keeping, so failures here are only logged
    // (and never injected: these statements bypass execStatement on purpose).
    QSqlQuery query(database());
    const QStringList statements = depth == 0
                                       ? QStringList{QStringLiteral("ROLLBACK")}
                                       : QStringList{QStringLiteral("ROLLBACK TO sp%1").arg(depth),
                                                     QStringLiteral("RELEASE sp%1").arg(depth)};
    for (const QString &statement : statements) {
        if (!query.exec(statement)) {
            qCDebug(lcStore) << statement << query.lastError().text();
        }
    }
}

namespace {

// A SELECT's columns by name, in name order: each row's map is then built by appending
// (a QMap keeps its keys in order), without a search per column.
QList<QPair<QString, int>> columnsByName(const QSqlRecord &record)
{
    QList<QPair<QString, int>> columns;
    for (int i = 0; i < record.count(); ++i) {
        columns.append({record.fieldName(i), i});
    }
    std::sort(columns.begin(), columns.end());
    return columns;
}

// The current row of `query` by column name.
QVariantMap valuesOf(const QSqlQuery &query, const QList<QPair<QString, int>> &columns)
{
    QVariantMap values;
    for (const auto &[name, index] : columns) {
        values.insert(values.cend(), name, query.value(index));
    }
    return values;
}

} // namespace

std::optional<QVariantMap> LocalStore::row(Role role, qint64 id) const
{
    QSqlQuery query(database());
    query.prepare(
        QStringLiteral("SELECT * FROM %1 WHERE id = ?").arg(quoted(m_mapping.table(role))));
    query.addBindValue(id);
    if (!execStatement(query) || !query.next()) {
        return std::nullopt;
    }
    return valuesOf(query, columnsByName(query.record()));
}

std::optional<QHash<qint64, QVariantMap>> LocalStore::rows(Role role, const QList<qint64> &ids,
                                                           QString *error) const
{
    // A push reads thousands of rows: a statement per few hundred of them, not per row.
    constexpr qsizetype kIdsPerStatement = 500;
    QHash<qint64, QVariantMap> rows;
    rows.reserve(ids.size());
    QSqlQuery query(database());
    query.setForwardOnly(true);
    for (qsizetype start = 0; start < ids.size(); start += kIdsPerStatement) {
        const QList<qint64> chunk = ids.mid(start, kIdsPerStatement);
        query.prepare(QStringLiteral("SELECT * FROM %1 WHERE id IN (%2)")
                          .arg(quoted(m_mapping.table(role)),
                               QStringList(chunk.size(), QStringLiteral("?")).join(u',')));
        for (qint64 id : chunk) {
            query.addBindValue(id);
        }
        if (!execStatement(query, error)) {
            return std::nullopt;
        }
        const QSqlRecord record = query.record();
        const int idColumn = record.indexOf(QStringLiteral("id"));
        const QList<QPair<QString, int>> columns = columnsByName(record);
        while (query.next()) {
            rows.insert(query.value(idColumn).toLongLong(), valuesOf(query, columns));
        }
    }
    return rows;
}

std::optional<qint64> LocalStore::idByColumn(Role role, const QString &column,
                                             const QVariant &value) const
{
    if (!isKnownColumn(role, column)) {
        return std::nullopt;
    }
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT id FROM %1 WHERE %2 = ? LIMIT 1")
                      .arg(quoted(m_mapping.table(role)), quoted(column)));
    query.addBindValue(value);
    if (!execStatement(query) || !query.next()) {
        return std::nullopt;
    }
    return query.value(0).toLongLong();
}

bool LocalStore::isKnownColumn(Role role, const QString &column) const
{
    // Asked for every column of every write: the sets are built once per role.
    auto known = m_knownColumns.constFind(role);
    if (known == m_knownColumns.constEnd()) {
        QSet<QString> columns(systemColumns().begin(), systemColumns().end());
        for (const QString &mapped : m_mapping.objectFor(role).columns()) {
            columns.insert(mapped);
        }
        for (const auto &lookup : Mapping::lookupsOf(role)) {
            const QString lookupColumn = m_mapping.column(role, lookup.first);
            if (!lookupColumn.isEmpty()) {
                columns.insert(refColumn(lookupColumn));
            }
        }
        known = m_knownColumns.insert(role, columns);
    }
    return known->contains(column);
}

QVariantMap LocalStore::prepareValues(Role role, const QVariantMap &values) const
{
    QVariantMap prepared;
    for (auto it = values.begin(); it != values.end(); ++it) {
        prepared.insert(it.key(), storable(it.value()));
    }
    // A lookup given by local id gets the parent's Salesforce Id too, when it has one.
    for (const auto &lookup : Mapping::lookupsOf(role)) {
        const QString column = m_mapping.column(role, lookup.first);
        const QString ref = refColumn(column);
        if (column.isEmpty() || !prepared.contains(ref) || prepared.contains(column)) {
            continue;
        }
        const auto parent = row(lookup.second, prepared.value(ref).toLongLong());
        prepared.insert(column, parent ? parent->value(QStringLiteral("sfid")) : QVariant());
    }
    return prepared;
}

bool LocalStore::checkColumns(Role role, const QVariantMap &values)
{
    for (auto it = values.begin(); it != values.end(); ++it) {
        if (!isKnownColumn(role, it.key())) {
            return fail(
                tr("Internal error: %1 has no column %2.").arg(m_mapping.table(role), it.key()));
        }
    }
    return true;
}

std::optional<qint64> LocalStore::insertRow(Role role, const QVariantMap &values)
{
    if (!checkColumns(role, values)) {
        return std::nullopt;
    }
    QStringList columns;
    QStringList placeholders;
    for (auto it = values.begin(); it != values.end(); ++it) {
        columns.append(quoted(it.key()));
        placeholders.append(QStringLiteral("?"));
    }
    QSqlQuery query(database());
    query.prepare(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                      .arg(quoted(m_mapping.table(role)), columns.join(QLatin1Char(',')),
                           placeholders.join(QLatin1Char(','))));
    for (const QVariant &value : values) {
        query.addBindValue(value);
    }
    QString reason;
    if (!execStatement(query, &reason)) {
        fail(tr("Could not save to the local database: %1").arg(reason));
        return std::nullopt;
    }
    return query.lastInsertId().toLongLong();
}

bool LocalStore::writeRow(Role role, qint64 id, const QVariantMap &values)
{
    if (!checkColumns(role, values)) {
        return false;
    }
    QStringList assignments;
    for (auto it = values.begin(); it != values.end(); ++it) {
        assignments.append(quoted(it.key()) + QStringLiteral(" = ?"));
    }
    QSqlQuery query(database());
    query.prepare(QStringLiteral("UPDATE %1 SET %2 WHERE id = ?")
                      .arg(quoted(m_mapping.table(role)), assignments.join(QLatin1Char(','))));
    for (const QVariant &value : values) {
        query.addBindValue(value);
    }
    query.addBindValue(id);
    QString reason;
    if (!execStatement(query, &reason)) {
        return fail(tr("Could not save to the local database: %1").arg(reason));
    }
    return true;
}

bool LocalStore::appendLog(const QString &action, const QString &table, qint64 recordId,
                           const QVariantMap &values, const QVariantMap &old)
{
    Outbox outbox(*this);
    if (!outbox.append(action, table, recordId, values, old)) {
        return fail(tr("Could not record the change for syncing: %1").arg(outbox.errorString()));
    }
    return true;
}

bool LocalStore::refuseReadOnly(Role role)
{
    if (m_mapping.objectFor(role).writable) {
        return false;
    }
    fail(tr("%1 records are read-only in this org's mapping.")
             .arg(m_mapping.objectFor(role).objectName));
    return true;
}

std::optional<qint64> LocalStore::insertLocal(Role role, const QVariantMap &values)
{
    if (refuseReadOnly(role) || !begin()) {
        return std::nullopt;
    }
    QVariantMap prepared = prepareValues(role, values);
    const QString keyColumn = QStringLiteral("pasalista_id__c");
    if (prepared.value(keyColumn).toString().isEmpty()) {
        prepared.insert(keyColumn, QUuid::createUuid().toString(QUuid::WithoutBraces));
    }
    prepared.insert(kLastOpColumn, lastOpName(LastOp::Pending));
    const auto id = insertRow(role, prepared);
    prepared.remove(kLastOpColumn);
    if (!id || !appendLog(QStringLiteral("INSERT"), m_mapping.table(role), *id, prepared, {}) ||
        !commit()) {
        rollback();
        return std::nullopt;
    }
    notifyChange(role, *id);
    return id;
}

std::optional<qint64> LocalStore::insertSynced(Role role, const QVariantMap &values)
{
    QVariantMap prepared = prepareValues(role, values);
    prepared.insert(kLastOpColumn, lastOpName(LastOp::Synced));
    const auto id = insertRow(role, prepared);
    if (id) {
        Q_EMIT recordChanged(role, *id);
    }
    return id;
}

bool LocalStore::writeSynced(Role role, qint64 id, const QVariantMap &values)
{
    return writeRow(role, id, prepareValues(role, values));
}

bool LocalStore::logFullInsert(Role role, qint64 id)
{
    const auto current = row(role, id);
    if (!current) {
        return fail(tr("The record to restore no longer exists."));
    }
    QVariantMap values;
    for (const QString &column : m_mapping.objectFor(role).columns()) {
        if (!systemColumns().contains(column) || column == QLatin1String("pasalista_id__c")) {
            values.insert(column, current->value(column));
        }
    }
    if (!begin()) {
        return false;
    }
    if (!writeRow(role, id, {{kLastOpColumn, lastOpName(LastOp::Pending)}}) ||
        !appendLog(QStringLiteral("INSERT"), m_mapping.table(role), id, values, {}) || !commit()) {
        rollback();
        return false;
    }
    notifyChange(role, id);
    return true;
}

bool LocalStore::foldTwin(Role role, qint64 keepId, qint64 twinId)
{
    QSqlQuery query(database());
    QString reason;
    for (const auto &[child, column] : m_mapping.columnsPointingAt(role)) {
        query.prepare(QStringLiteral("UPDATE %1 SET %2 = ? WHERE %2 = ?")
                          .arg(quoted(m_mapping.table(child)), quoted(refColumn(column))));
        query.addBindValue(keepId);
        query.addBindValue(twinId);
        if (!execStatement(query, &reason)) {
            return fail(tr("Could not save to the local database: %1").arg(reason));
        }
    }
    query.prepare(QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(quoted(m_mapping.table(role))));
    query.addBindValue(twinId);
    if (!execStatement(query, &reason)) {
        return fail(tr("Could not save to the local database: %1").arg(reason));
    }
    return true;
}

std::optional<QVariantMap> LocalStore::beginLocalChange(Role role, qint64 id,
                                                        const QString &goneMessage)
{
    if (refuseReadOnly(role) || !begin()) {
        return std::nullopt;
    }
    auto current = row(role, id);
    if (!current) {
        rollback();
        fail(goneMessage);
    }
    return current;
}

bool LocalStore::finishLocalChange(Role role, qint64 id, const QVariantMap &written,
                                   const QString &action, const QVariantMap &values,
                                   const QVariantMap &old)
{
    if (!writeRow(role, id, written) ||
        !appendLog(action, m_mapping.table(role), id, values, old) || !commit()) {
        rollback();
        return false;
    }
    notifyChange(role, id);
    return true;
}

bool LocalStore::updateLocal(Role role, qint64 id, const QVariantMap &changes)
{
    const auto current = beginLocalChange(role, id, tr("The record to change no longer exists."));
    if (!current) {
        return false;
    }
    QVariantMap changed;
    QVariantMap old;
    const QVariantMap prepared = prepareValues(role, changes);
    for (auto it = prepared.begin(); it != prepared.end(); ++it) {
        if (current->value(it.key()) != it.value()) {
            changed.insert(it.key(), it.value());
            old.insert(it.key(), current->value(it.key()));
        }
    }
    if (changed.isEmpty()) {
        return commit();
    }
    QVariantMap written = changed;
    written.insert(kLastOpColumn, lastOpName(LastOp::Pending));
    return finishLocalChange(role, id, written, QStringLiteral("UPDATE"), changed, old);
}

bool LocalStore::deleteLocal(Role role, qint64 id)
{
    const auto current = beginLocalChange(role, id, tr("The record to delete no longer exists."));
    if (!current) {
        return false;
    }
    // Soft delete, as Heroku Connect does: the row stays until the org confirms.
    QVariantMap old;
    for (const QString &column : m_mapping.objectFor(role).columns()) {
        old.insert(column, current->value(column));
    }
    const QVariantMap written = {{QStringLiteral("isdeleted"), 1},
                                 {kLastOpColumn, lastOpName(LastOp::Pending)}};
    return finishLocalChange(role, id, written, QStringLiteral("DELETE"), {}, old);
}

void LocalStore::notifyChange(Role role, qint64 id)
{
    Q_EMIT recordChanged(role, id);
    Q_EMIT pendingChangeCountChanged(pendingChangeCount());
}

int LocalStore::pendingChangeCount() const
{
    return Outbox::unsentCount(database());
}

QList<OutboxEntry> LocalStore::outboxEntries(const QStringList &states) const
{
    return Outbox(*this).entries(states);
}

} // namespace pasalista
