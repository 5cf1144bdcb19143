// LocalStore's schema: the numbered migrations of the fixed tables and the mapped tables,
// which follow the mapping. Kept apart from localstore.cpp (rows, edits, transactions) so
// that each file stays short; one class, two files.
#include "store/localstore.h"

#include "logging.h"
#include "store/execstatement.h"
#include "store/sqltext.h"

#include <QSqlQuery>

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

} // namespace

int LocalStore::schemaVersion() const
{
    QSqlQuery query(database());
    if (execStatement(query, QStringLiteral("PRAGMA user_version")) && query.next()) {
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
    execStatement(info, QStringLiteral("PRAGMA table_info(%1)").arg(table));
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

} // namespace pasalista
