#include "store/sqlcipherdriver.h"

#include "store/sqlcipherresult.h"
#include "store/sqltext.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>

#include <sqlite3.h>

namespace pasalista {

namespace {

const QString kDriverName = QStringLiteral("PASALISTA_SQLCIPHER");
constexpr int kDefaultBusyTimeoutMs = 10000;

struct ConnectOptions
{
    bool readOnly = false;
    int busyTimeoutMs = kDefaultBusyTimeoutMs;
};

ConnectOptions parseOptions(const QString &text)
{
    ConnectOptions options;
    const QStringList parts = text.split(QLatin1Char(';'), Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        const QString option = part.trimmed();
        if (option == QLatin1String("OPEN_READONLY")) {
            options.readOnly = true;
        } else if (option.startsWith(QLatin1String("BUSY_TIMEOUT="))) {
            options.busyTimeoutMs = option.section(QLatin1Char('='), 1).toInt();
        }
    }
    return options;
}

} // namespace

SqlCipherDriver::SqlCipherDriver(QObject *parent) : QSqlDriver(parent) {}

SqlCipherDriver::~SqlCipherDriver()
{
    close();
}

QString SqlCipherDriver::name()
{
    // Static initialisation is thread-safe: worker threads open stores too.
    static const bool registered = [] {
        QSqlDatabase::registerSqlDriver(kDriverName, new QSqlDriverCreator<SqlCipherDriver>);
        return true;
    }();
    Q_UNUSED(registered)
    return kDriverName;
}

bool SqlCipherDriver::hasFeature(DriverFeature feature) const
{
    switch (feature) {
    case Transactions:
    case BLOB:
    case Unicode:
    case PreparedQueries:
    case PositionalPlaceholders:
    case LastInsertId:
    case SimpleLocking:
    case FinishQuery:
        return true;
    default:
        return false;
    }
}

bool SqlCipherDriver::open(const QString &db, const QString &, const QString &password,
                           const QString &, int, const QString &connectOptions)
{
    if (isOpen()) {
        close();
    }
    const ConnectOptions options = parseOptions(connectOptions);
    const int flags =
        options.readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    if (sqlite3_open_v2(db.toUtf8().constData(), &m_connection, flags, nullptr) != SQLITE_OK) {
        return failOpen(tr("Unable to open the database"));
    }
    sqlite3_busy_timeout(m_connection, options.busyTimeoutMs);
    sqlite3_extended_result_codes(m_connection, 1);
    if (!applyKey(password)) {
        return false;
    }
    setOpen(true);
    setOpenError(false);
    return true;
}

// The key goes first, before anything reads the file; then one read proves it is the
// right one (SQLCipher only finds out at the first page it decrypts).
bool SqlCipherDriver::applyKey(const QString &password)
{
    if (!password.isEmpty()) {
        const QByteArray pragma = "PRAGMA key = \"" + password.toLatin1() + '"';
        // Wiping memory on every free (SQLCipher's memory security, off by default since
        // 4.5) slows every statement and guards only against a reader of this process's
        // memory, who could read the key from the keychain anyway: kept off explicitly.
        if (!execute(pragma.constData(), tr("Unable to set the key"), QSqlError::ConnectionError) ||
            !execute("PRAGMA cipher_memory_security = OFF", tr("Unable to set the key"),
                     QSqlError::ConnectionError)) {
            return failOpen(tr("Unable to set the key"));
        }
    }
    if (!execute("SELECT count(*) FROM sqlite_master", tr("Unable to read the database"),
                 QSqlError::ConnectionError)) {
        return failOpen(tr("Unable to read the database"));
    }
    return true;
}

bool SqlCipherDriver::execute(const char *sql, const QString &context, QSqlError::ErrorType type)
{
    if (sqlite3_exec(m_connection, sql, nullptr, nullptr, nullptr) == SQLITE_OK) {
        return true;
    }
    setLastError(errorOf(context, type));
    return false;
}

bool SqlCipherDriver::failOpen(const QString &context)
{
    if (!lastError().isValid() || lastError().driverText() != context) {
        setLastError(errorOf(context, QSqlError::ConnectionError));
    }
    sqlite3_close_v2(m_connection);
    m_connection = nullptr;
    setOpenError(true);
    return false;
}

void SqlCipherDriver::close()
{
    if (!m_connection) {
        return;
    }
    const QList<SqlCipherResult *> results = m_results;
    for (SqlCipherResult *result : results) {
        result->releaseStatement();
    }
    m_results.clear();
    sqlite3_close_v2(m_connection);
    m_connection = nullptr;
    setOpen(false);
    setOpenError(false);
}

QSqlResult *SqlCipherDriver::createResult() const
{
    return new SqlCipherResult(this);
}

bool SqlCipherDriver::beginTransaction()
{
    return isOpen() &&
           execute("BEGIN", tr("Unable to begin transaction"), QSqlError::TransactionError);
}

bool SqlCipherDriver::commitTransaction()
{
    return isOpen() &&
           execute("COMMIT", tr("Unable to commit transaction"), QSqlError::TransactionError);
}

bool SqlCipherDriver::rollbackTransaction()
{
    return isOpen() &&
           execute("ROLLBACK", tr("Unable to roll back transaction"), QSqlError::TransactionError);
}

QStringList SqlCipherDriver::tables(QSql::TableType type) const
{
    QStringList kinds;
    if (type & QSql::Tables) {
        kinds.append(QStringLiteral("'table'"));
    }
    if (type & QSql::Views) {
        kinds.append(QStringLiteral("'view'"));
    }
    QStringList names;
    if (type & QSql::SystemTables) {
        names.append(QStringLiteral("sqlite_schema"));
    }
    if (!isOpen() || kinds.isEmpty()) {
        return names;
    }
    QSqlQuery query(createResult());
    query.setForwardOnly(true);
    if (query.exec(QStringLiteral("SELECT name FROM sqlite_schema WHERE type IN (%1) AND name "
                                  "NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")
                       .arg(kinds.join(QLatin1Char(','))))) {
        while (query.next()) {
            names.append(query.value(0).toString());
        }
    }
    return names;
}

QString SqlCipherDriver::escapeIdentifier(const QString &identifier, IdentifierType) const
{
    if (identifier.size() > 1 && identifier.startsWith(QLatin1Char('"')) &&
        identifier.endsWith(QLatin1Char('"'))) {
        return identifier; // already quoted
    }
    return sql::quoted(identifier);
}

QVariant SqlCipherDriver::handle() const
{
    return QVariant::fromValue(static_cast<void *>(m_connection));
}

QSqlError SqlCipherDriver::errorOf(const QString &context, QSqlError::ErrorType type) const
{
    const QString message = m_connection ? QString::fromUtf8(sqlite3_errmsg(m_connection))
                                         : QStringLiteral("out of memory");
    const int code = m_connection ? sqlite3_extended_errcode(m_connection) : SQLITE_NOMEM;
    return QSqlError(context, message, type, QString::number(code));
}

void SqlCipherDriver::attach(SqlCipherResult *result) const
{
    m_results.append(result);
}

void SqlCipherDriver::detach(SqlCipherResult *result) const
{
    m_results.removeOne(result);
}

} // namespace pasalista
