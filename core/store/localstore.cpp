#include "store/localstore.h"

#include "logging.h"
#include "store/sqltext.h"
#include "store/outbox.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUuid>

namespace pasalista {

using sql::quoted;

namespace {

// Numbered migrations of the fixed schema; the mapped tables follow the mapping instead.
// Never edit a released step: append a new one.
const QList<QStringList> &migrations()
{
    static const QList<QStringList> steps = {
        {
            QStringLiteral("CREATE TABLE _trigger_log ("
                           " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                           " created_at TEXT NOT NULL, updated_at TEXT NOT NULL,"
                           " processed_at TEXT, action TEXT NOT NULL, table_name TEXT NOT NULL,"
                           " record_id INTEGER NOT NULL, \"values\" TEXT, old TEXT,"
                           " state TEXT NOT NULL DEFAULT 'NEW', sf_message TEXT,"
                           " attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at TEXT)"),
            QStringLiteral("CREATE INDEX _trigger_log_state ON _trigger_log(state)"),
            QStringLiteral(
                "CREATE INDEX _trigger_log_record ON _trigger_log(table_name, record_id)"),
            QStringLiteral("CREATE TABLE _sync_state (object_name TEXT PRIMARY KEY,"
                           " watermark TEXT, deleted_watermark TEXT, last_sync_at TEXT)"),
            QStringLiteral("CREATE TABLE _conflict_log (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                           " created_at TEXT NOT NULL, table_name TEXT NOT NULL,"
                           " record_id INTEGER NOT NULL, field TEXT NOT NULL, base_value TEXT,"
                           " local_value TEXT, remote_value TEXT, kept TEXT,"
                           " state TEXT NOT NULL DEFAULT 'OPEN')"),
            QStringLiteral("CREATE TABLE _meta (key TEXT PRIMARY KEY, value TEXT)"),
        },
        {
            // The pull as replication of a scope: per object the point up to which the org's
            // changes (and deletions) are known to be applied, a time the org vouched for.
            QStringLiteral("ALTER TABLE _sync_state ADD COLUMN covered_until TEXT"),
            QStringLiteral("ALTER TABLE _sync_state ADD COLUMN deleted_covered_until TEXT"),
            // Records that entered the scope and still wait for what hangs from them (a
            // course's enrollments and marks, an enrollment's student and marks): written in
            // the transaction of the record that caused it, removed when back-filled.
            QStringLiteral("CREATE TABLE _scope_backfill (object_name TEXT NOT NULL,"
                           " sfid TEXT NOT NULL, created_at TEXT NOT NULL,"
                           " PRIMARY KEY (object_name, sfid))"),
        },
    };
    return steps;
}

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

QVariantMap fromJson(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object().toVariantMap();
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
    QString reason;
    {
        // Scoped: close() removes the connection, which must have no handle left.
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
        if (!db.open()) {
            reason = db.lastError().text();
        }
    }
    if (!reason.isEmpty()) {
        close();
        return fail(tr("Cannot open the local database %1: %2").arg(path, reason));
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
    if (!query.exec(QStringLiteral("PRAGMA quick_check"))) {
        return fail(tr("The local database %1 is damaged or is not a Pasalista database (%2). "
                       "Nothing was changed; restore a backup or sign in again to download "
                       "your data.")
                        .arg(m_path, query.lastError().text()));
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
    if (!query.exec(sql)) {
        return fail(tr("Local database error: %1").arg(query.lastError().text()));
    }
    return true;
}

int LocalStore::schemaVersion() const
{
    QSqlQuery query(database());
    if (query.exec(QStringLiteral("PRAGMA user_version")) && query.next()) {
        return query.value(0).toInt();
    }
    return -1;
}

int LocalStore::latestSchemaVersion()
{
    return int(migrations().size());
}

bool LocalStore::migrate()
{
    const int current = schemaVersion();
    if (current < 0) {
        // Nothing Pasalista writes: a damaged or foreign file. Refuse it rather than guess.
        return fail(tr("The local database %1 has an unknown schema version (%2). Move it "
                       "aside and sync again to rebuild it.")
                        .arg(m_path)
                        .arg(current));
    }
    if (current > latestSchemaVersion()) {
        return fail(tr("The local database %1 was written by a newer Pasalista (schema %2). "
                       "Update Pasalista to open it.")
                        .arg(m_path)
                        .arg(current));
    }
    for (int version = current; version < latestSchemaVersion(); ++version) {
        if (!begin()) {
            return false;
        }
        for (const QString &statement : migrations().at(version)) {
            if (!exec(statement)) {
                rollback();
                return false;
            }
        }
        if (!exec(QStringLiteral("PRAGMA user_version=%1").arg(version + 1)) || !commit()) {
            rollback();
            return false;
        }
        qCInfo(lcStore) << "migrated to schema" << version + 1;
    }
    return true;
}

QString LocalStore::refColumn(const QString &lookupColumn)
{
    return QStringLiteral("_ref_") + lookupColumn;
}

bool LocalStore::ensureMappedTables()
{
    if (!begin()) {
        return false;
    }
    for (const ObjectMapping &object : m_mapping.objects()) {
        std::optional<Role> boundRole;
        for (Role role : allRoles()) {
            if (m_mapping.binding(role).objectName == object.objectName) {
                boundRole = role;
            }
        }
        if (!boundRole || !ensureTable(object, *boundRole)) {
            if (!boundRole) {
                continue; // mapped but unused by the app: no local table
            }
            rollback();
            return false;
        }
    }
    return commit();
}

bool LocalStore::ensureTable(const ObjectMapping &object, Role role)
{
    const QString table = quoted(object.tableName);
    if (!exec(
            QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                           " sfid TEXT, pasalista_id__c TEXT, systemmodstamp TEXT,"
                           " isdeleted INTEGER NOT NULL DEFAULT 0, _hc_lastop TEXT, _hc_err TEXT)")
                .arg(table))) {
        return false;
    }
    QStringList existing;
    QSqlQuery info(database());
    info.exec(QStringLiteral("PRAGMA table_info(%1)").arg(table));
    while (info.next()) {
        existing.append(info.value(1).toString());
    }
    QStringList wanted = object.columns();
    for (const auto &lookup : Mapping::lookupsOf(role)) {
        const QString column = m_mapping.column(role, lookup.first);
        if (!column.isEmpty()) {
            wanted.append(refColumn(column));
        }
    }
    for (const QString &column : std::as_const(wanted)) {
        // Mapped columns have no declared type, so SQLite keeps numbers as numbers and
        // text as text, as the API sent them.
        if (!existing.contains(column) &&
            !exec(QStringLiteral("ALTER TABLE %1 ADD COLUMN %2").arg(table, quoted(column)))) {
            return false;
        }
    }
    const QString prefix = object.tableName;
    bool ok = exec(QStringLiteral("CREATE UNIQUE INDEX IF NOT EXISTS %1 ON %2(sfid)")
                       .arg(quoted(prefix + QStringLiteral("_sfid")), table)) &&
              exec(QStringLiteral("CREATE UNIQUE INDEX IF NOT EXISTS %1 ON %2(pasalista_id__c)")
                       .arg(quoted(prefix + QStringLiteral("_pasalista_id")), table)) &&
              exec(QStringLiteral("CREATE INDEX IF NOT EXISTS %1 ON %2(systemmodstamp)")
                       .arg(quoted(prefix + QStringLiteral("_systemmodstamp")), table));
    for (const auto &lookup : Mapping::lookupsOf(role)) {
        const QString column = m_mapping.column(role, lookup.first);
        if (ok && !column.isEmpty()) {
            ok = exec(QStringLiteral("CREATE INDEX IF NOT EXISTS %1 ON %2(%3)")
                          .arg(quoted(prefix + QLatin1Char('_') + refColumn(column)), table,
                               quoted(refColumn(column))));
        }
    }
    return ok && ensureDayIndex(object, role);
}

// The sheet and the summary read a course's marks enrollment by enrollment, the sheet of one
// day: an index on (enrollment, date) answers each with one lookup. Mapped tables follow the
// mapping rather than the numbered migrations, so a store gets it at its next open.
bool LocalStore::ensureDayIndex(const ObjectMapping &object, Role role)
{
    const QString enrollment = m_mapping.column(role, QStringLiteral("enrollment"));
    const QString date = m_mapping.column(role, QStringLiteral("date"));
    if (role != Role::Attendance || enrollment.isEmpty() || date.isEmpty()) {
        return true;
    }
    return exec(QStringLiteral("CREATE INDEX IF NOT EXISTS %1 ON %2(%3, %4)")
                    .arg(quoted(object.tableName + QStringLiteral("_enrollment_date")),
                         quoted(object.tableName), quoted(refColumn(enrollment)), quoted(date)));
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
    // that caused the rollback is the one worth keeping, so failures here are only logged.
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

std::optional<QVariantMap> LocalStore::row(Role role, qint64 id) const
{
    QSqlQuery query(database());
    query.prepare(
        QStringLiteral("SELECT * FROM %1 WHERE id = ?").arg(quoted(m_mapping.table(role))));
    query.addBindValue(id);
    if (!query.exec() || !query.next()) {
        return std::nullopt;
    }
    QVariantMap values;
    const QSqlRecord record = query.record();
    for (int i = 0; i < record.count(); ++i) {
        values.insert(record.fieldName(i), query.value(i));
    }
    return values;
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
    if (!query.exec() || !query.next()) {
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
    if (!query.exec()) {
        fail(tr("Could not save to the local database: %1").arg(query.lastError().text()));
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
    if (!query.exec()) {
        return fail(tr("Could not save to the local database: %1").arg(query.lastError().text()));
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
    prepared.insert(QStringLiteral("_hc_lastop"), QStringLiteral("PENDING"));
    const auto id = insertRow(role, prepared);
    prepared.remove(QStringLiteral("_hc_lastop"));
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
    prepared.insert(QStringLiteral("_hc_lastop"), QStringLiteral("SYNCED"));
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
    if (!writeRow(role, id, {{QStringLiteral("_hc_lastop"), QStringLiteral("PENDING")}}) ||
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
    for (Role child : Mapping::dependencyOrder()) {
        for (const auto &[logical, parentRole] : Mapping::lookupsOf(child)) {
            const QString column = m_mapping.column(child, logical);
            if (parentRole != role || column.isEmpty()) {
                continue;
            }
            query.prepare(QStringLiteral("UPDATE %1 SET %2 = ? WHERE %2 = ?")
                              .arg(quoted(m_mapping.table(child)), quoted(refColumn(column))));
            query.addBindValue(keepId);
            query.addBindValue(twinId);
            if (!query.exec()) {
                return fail(
                    tr("Could not save to the local database: %1").arg(query.lastError().text()));
            }
        }
    }
    query.prepare(QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(quoted(m_mapping.table(role))));
    query.addBindValue(twinId);
    if (!query.exec()) {
        return fail(tr("Could not save to the local database: %1").arg(query.lastError().text()));
    }
    return true;
}

bool LocalStore::updateLocal(Role role, qint64 id, const QVariantMap &changes)
{
    if (refuseReadOnly(role) || !begin()) {
        return false;
    }
    const auto current = row(role, id);
    if (!current) {
        rollback();
        return fail(tr("The record to change no longer exists."));
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
    written.insert(QStringLiteral("_hc_lastop"), QStringLiteral("PENDING"));
    if (!writeRow(role, id, written) ||
        !appendLog(QStringLiteral("UPDATE"), m_mapping.table(role), id, changed, old) ||
        !commit()) {
        rollback();
        return false;
    }
    notifyChange(role, id);
    return true;
}

bool LocalStore::deleteLocal(Role role, qint64 id)
{
    if (refuseReadOnly(role) || !begin()) {
        return false;
    }
    const auto current = row(role, id);
    if (!current) {
        rollback();
        return fail(tr("The record to delete no longer exists."));
    }
    // Soft delete, as Heroku Connect does: the row stays until the org confirms.
    QVariantMap old;
    for (const QString &column : m_mapping.objectFor(role).columns()) {
        old.insert(column, current->value(column));
    }
    const QVariantMap written = {{QStringLiteral("isdeleted"), 1},
                                 {QStringLiteral("_hc_lastop"), QStringLiteral("PENDING")}};
    if (!writeRow(role, id, written) ||
        !appendLog(QStringLiteral("DELETE"), m_mapping.table(role), id, {}, old) || !commit()) {
        rollback();
        return false;
    }
    notifyChange(role, id);
    return true;
}

void LocalStore::notifyChange(Role role, qint64 id)
{
    Q_EMIT recordChanged(role, id);
    Q_EMIT pendingChangeCountChanged(pendingChangeCount());
}

int LocalStore::pendingChangeCount() const
{
    QSqlQuery query(database());
    if (query.exec(
            QStringLiteral("SELECT COUNT(*) FROM _trigger_log WHERE state IN ('NEW','PENDING')")) &&
        query.next()) {
        return query.value(0).toInt();
    }
    return 0;
}

QList<OutboxEntry> LocalStore::outboxEntries(const QStringList &states) const
{
    QList<OutboxEntry> entries;
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT id, action, table_name, record_id, \"values\", old, state,"
                                 " sf_message, created_at, updated_at FROM _trigger_log"
                                 " ORDER BY id"));
    if (!query.exec()) {
        return entries;
    }
    while (query.next()) {
        OutboxEntry entry;
        entry.state = query.value(6).toString();
        if (!states.isEmpty() && !states.contains(entry.state)) {
            continue;
        }
        entry.id = query.value(0).toLongLong();
        entry.action = query.value(1).toString();
        entry.tableName = query.value(2).toString();
        entry.recordId = query.value(3).toLongLong();
        entry.values = fromJson(query.value(4).toByteArray());
        entry.old = fromJson(query.value(5).toByteArray());
        entry.sfMessage = query.value(7).toString();
        entry.createdAt = QDateTime::fromString(query.value(8).toString(), Qt::ISODateWithMs);
        entry.updatedAt = QDateTime::fromString(query.value(9).toString(), Qt::ISODateWithMs);
        entries.append(entry);
    }
    return entries;
}

} // namespace pasalista
