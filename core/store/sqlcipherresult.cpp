#include "store/sqlcipherresult.h"

#include "store/sqlcipherdriver.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QSqlField>
#include <QTime>
#include <QUuid>

#include <sqlite3.h>

namespace pasalista {

namespace {

// Whether `value` means SQL NULL: Qt 6's QVariant::isNull() no longer looks inside, but a
// null QString or QByteArray has always been bound as NULL.
bool isNullValue(const QVariant &value)
{
    if (value.isNull()) {
        return true;
    }
    switch (value.typeId()) {
    case QMetaType::QString:
        return value.toString().isNull();
    case QMetaType::QByteArray:
        return value.toByteArray().isNull();
    case QMetaType::QDate:
        return value.toDate().isNull();
    case QMetaType::QTime:
        return value.toTime().isNull();
    case QMetaType::QDateTime:
        return value.toDateTime().isNull();
    default:
        return false;
    }
}

// The Qt type a column's declared SQL type reads as (SQLite's own affinity rules).
QMetaType typeOfDeclared(const char *declared)
{
    const QByteArray type = QByteArray(declared ? declared : "").toUpper();
    if (type.contains("INT")) {
        return QMetaType::fromType<qlonglong>();
    }
    if (type.contains("REAL") || type.contains("FLOA") || type.contains("DOUB")) {
        return QMetaType::fromType<double>();
    }
    if (type.contains("BLOB")) {
        return QMetaType::fromType<QByteArray>();
    }
    return QMetaType::fromType<QString>();
}

bool isBlank(const char *text)
{
    for (; *text; ++text) {
        if (!QChar::isSpace(static_cast<uchar>(*text))) {
            return false;
        }
    }
    return true;
}

} // namespace

SqlCipherResult::SqlCipherResult(const SqlCipherDriver *driver)
    : QSqlResult(driver), m_driver(driver)
{
    m_driver->attach(this);
}

SqlCipherResult::~SqlCipherResult()
{
    releaseStatement();
    if (driver()) { // the driver may be gone before its last query
        m_driver->detach(this);
    }
}

QVariant SqlCipherResult::handle() const
{
    return QVariant::fromValue(static_cast<void *>(m_statement));
}

void SqlCipherResult::releaseStatement()
{
    sqlite3_finalize(m_statement); // a no-op on null
    m_statement = nullptr;
    m_rowPending = false;
    clearRows();
    setActive(false);
}

bool SqlCipherResult::reset(const QString &query)
{
    return compile(query, true) && start();
}

bool SqlCipherResult::prepare(const QString &query)
{
    return compile(query, false);
}

// Compiles `query` into m_statement. A text of several statements runs all but the last
// one at once when `runLeading` (exec with text), and is refused when prepared.
bool SqlCipherResult::compile(const QString &query, bool runLeading)
{
    releaseStatement();
    m_positionalValues.clear();
    sqlite3 *connection = m_driver->connection();
    if (!connection) {
        setLastError(QSqlError(tr("Driver not loaded"), QString(), QSqlError::ConnectionError));
        return false;
    }
    const QByteArray text = query.toUtf8();
    const char *next = text.constData();
    while (true) {
        const char *tail = nullptr;
        if (sqlite3_prepare_v2(connection, next, -1, &m_statement, &tail) != SQLITE_OK) {
            return fail(tr("Unable to execute statement"), QSqlError::StatementError);
        }
        if (!tail || isBlank(tail)) {
            describeColumns();
            return true;
        }
        if (!runLeading) {
            return fail(tr("Unable to execute multiple statements at a time"),
                        QSqlError::StatementError);
        }
        if (m_statement) {
            const int result = sqlite3_step(m_statement);
            if (result != SQLITE_DONE && result != SQLITE_ROW) {
                return fail(tr("Unable to execute statement"), QSqlError::StatementError);
            }
            sqlite3_finalize(m_statement);
            m_statement = nullptr;
        }
        next = tail;
    }
}

bool SqlCipherResult::exec()
{
    if (!m_statement) {
        setLastError(QSqlError(tr("No statement prepared"), QString(), QSqlError::StatementError));
        return false;
    }
    stopStepping();
    sqlite3_clear_bindings(m_statement);
    return bindValues() && start();
}

void SqlCipherResult::bindValue(int index, const QVariant &value, QSql::ParamType type)
{
    if (type != QSql::In || index < 0) {
        QSqlResult::bindValue(index, value, type); // an output parameter: SQLite has none
        return;
    }
    if (m_positionalValues.size() <= index) {
        m_positionalValues.resize(index + 1);
    }
    m_positionalValues[index] = value;
}

bool SqlCipherResult::bindValues()
{
    // Named placeholders (":limit") stay with Qt, which turns them into positions.
    const QVariantList values = m_positionalValues.isEmpty() ? boundValues() : m_positionalValues;
    if (values.size() != sqlite3_bind_parameter_count(m_statement)) {
        setLastError(
            QSqlError(tr("Parameter count mismatch"), QString(), QSqlError::StatementError));
        return false;
    }
    for (int index = 0; index < values.size(); ++index) {
        if (!bindParameter(index + 1, values.at(index))) {
            return fail(tr("Unable to bind parameters"), QSqlError::StatementError);
        }
    }
    return true;
}

bool SqlCipherResult::bindParameter(int index, const QVariant &value)
{
    if (isNullValue(value)) {
        return sqlite3_bind_null(m_statement, index) == SQLITE_OK;
    }
    switch (value.typeId()) {
    case QMetaType::QByteArray: {
        const QByteArray bytes = value.toByteArray();
        return sqlite3_bind_blob64(m_statement, index, bytes.constData(),
                                   static_cast<sqlite3_uint64>(bytes.size()),
                                   SQLITE_TRANSIENT) == SQLITE_OK;
    }
    case QMetaType::Bool:
    case QMetaType::Char:
    case QMetaType::SChar:
    case QMetaType::UChar:
    case QMetaType::Short:
    case QMetaType::UShort:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::ULong:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        return sqlite3_bind_int64(m_statement, index, value.toLongLong()) == SQLITE_OK;
    case QMetaType::Double:
    case QMetaType::Float:
        return sqlite3_bind_double(m_statement, index, value.toDouble()) == SQLITE_OK;
    default: {
        // Text, and anything else as its text (dates as ISO 8601, as QVariant writes them).
        const QString text = value.toString();
        return sqlite3_bind_text16(m_statement, index, text.utf16(),
                                   static_cast<int>(text.size() * sizeof(char16_t)),
                                   SQLITE_TRANSIENT) == SQLITE_OK;
    }
    }
}

// Runs the statement up to its first row: a failing statement fails here, in exec().
bool SqlCipherResult::start()
{
    clearRows();
    m_readCount = 0;
    setActive(false);
    setAt(QSql::BeforeFirstRow);
    if (!step()) {
        return false;
    }
    const bool readOnly = sqlite3_stmt_readonly(m_statement) != 0;
    m_changes = readOnly ? 0 : sqlite3_changes(m_driver->connection());
    setSelect(sqlite3_column_count(m_statement) > 0);
    setActive(true);
    return true;
}

// One step: true when the statement stands on a row (m_rowPending) or has finished, in which
// case it is reset at once so that it holds no lock.
bool SqlCipherResult::step()
{
    const int result = sqlite3_step(m_statement);
    m_rowPending = result == SQLITE_ROW;
    if (result == SQLITE_ROW) {
        return true;
    }
    if (result == SQLITE_DONE) {
        sqlite3_reset(m_statement);
        return true;
    }
    const bool failed = fail(tr("Unable to fetch row"), QSqlError::StatementError);
    sqlite3_reset(m_statement);
    return failed;
}

bool SqlCipherResult::readPendingRow()
{
    if (!m_rowPending) {
        return false;
    }
    if (isForwardOnly()) {
        m_rows.clear();
        m_firstKeptIndex = m_readCount;
    }
    m_rows.append(currentRow());
    ++m_readCount;
    return step();
}

bool SqlCipherResult::fetch(int index)
{
    if (index < 0 || !isActive() || !isSelect()) {
        return false;
    }
    while (m_readCount <= index) {
        if (!readPendingRow()) {
            return false;
        }
    }
    if (!rowAt(index)) {
        return false; // forward-only: that row is gone
    }
    setAt(index);
    return true;
}

bool SqlCipherResult::fetchFirst()
{
    return fetch(0);
}

bool SqlCipherResult::fetchLast()
{
    if (!isActive() || !isSelect()) {
        return false;
    }
    while (m_rowPending) {
        if (!readPendingRow()) {
            return false;
        }
    }
    return m_readCount > 0 && fetch(m_readCount - 1);
}

const SqlCipherResult::Row *SqlCipherResult::rowAt(int index) const
{
    const int kept = index - m_firstKeptIndex;
    return kept >= 0 && kept < m_rows.size() ? &m_rows.at(kept) : nullptr;
}

QVariant SqlCipherResult::data(int column)
{
    const Row *row = rowAt(at());
    return row && column >= 0 && column < row->size() ? row->at(column) : QVariant();
}

bool SqlCipherResult::isNull(int column)
{
    return data(column).isNull();
}

int SqlCipherResult::size()
{
    return -1; // SQLite does not know before reading every row
}

int SqlCipherResult::numRowsAffected()
{
    return m_changes;
}

QVariant SqlCipherResult::lastInsertId() const
{
    if (!isActive() || !m_driver->connection()) {
        return {};
    }
    const qint64 id = sqlite3_last_insert_rowid(m_driver->connection());
    return id ? QVariant(qlonglong(id)) : QVariant();
}

QSqlRecord SqlCipherResult::record() const
{
    return isActive() && isSelect() ? m_record : QSqlRecord();
}

void SqlCipherResult::detachFromResultSet()
{
    stopStepping();
}

SqlCipherResult::Row SqlCipherResult::currentRow() const
{
    const int count = sqlite3_column_count(m_statement);
    Row row;
    row.reserve(count);
    for (int column = 0; column < count; ++column) {
        row.append(columnValue(column));
    }
    return row;
}

QVariant SqlCipherResult::columnValue(int column) const
{
    switch (sqlite3_column_type(m_statement, column)) {
    case SQLITE_INTEGER:
        return qlonglong(sqlite3_column_int64(m_statement, column));
    case SQLITE_FLOAT:
        return sqlite3_column_double(m_statement, column);
    case SQLITE_BLOB: {
        const auto *bytes = static_cast<const char *>(sqlite3_column_blob(m_statement, column));
        return QByteArray(bytes, sqlite3_column_bytes(m_statement, column));
    }
    case SQLITE_NULL:
        return QVariant(QMetaType::fromType<QString>()); // a null of the text type
    default: {
        const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
        return QString::fromUtf8(text, sqlite3_column_bytes(m_statement, column));
    }
    }
}

void SqlCipherResult::describeColumns()
{
    m_record.clear();
    const int count = sqlite3_column_count(m_statement);
    for (int column = 0; column < count; ++column) {
        const QString name = QString::fromUtf8(sqlite3_column_name(m_statement, column));
        m_record.append(
            QSqlField(name, typeOfDeclared(sqlite3_column_decltype(m_statement, column))));
    }
}

void SqlCipherResult::clearRows()
{
    m_rows.clear();
    m_firstKeptIndex = 0;
}

void SqlCipherResult::stopStepping()
{
    if (m_statement) {
        sqlite3_reset(m_statement);
    }
    m_rowPending = false;
    clearRows();
}

bool SqlCipherResult::fail(const QString &context, QSqlError::ErrorType type)
{
    setLastError(m_driver->errorOf(context, type));
    return false;
}

} // namespace pasalista
