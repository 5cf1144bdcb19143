#pragma once

#include <QCoreApplication>
#include <QList>
#include <QSqlError>
#include <QSqlRecord>
#include <QSqlResult>
#include <QVariant>

struct sqlite3_stmt;

namespace pasalista {

class SqlCipherDriver;

// One statement of SqlCipherDriver. exec() runs the statement up to its first row (so that
// errors are known at once); rows are then stepped on demand. A scrollable query keeps the
// rows already read, a forward-only one only the current row. The statement is reset as soon
// as its last row is read, so a finished SELECT holds no read lock on the WAL.
class SqlCipherResult : public QSqlResult
{
    Q_DECLARE_TR_FUNCTIONS(pasalista::SqlCipherResult)

public:
    explicit SqlCipherResult(const SqlCipherDriver *driver);
    ~SqlCipherResult() override;

    QVariant handle() const override;
    // The connection closes: the statement goes now, the result stays inactive.
    void releaseStatement();

protected:
    bool reset(const QString &query) override;
    bool prepare(const QString &query) override;
    bool exec() override;
    bool fetch(int index) override;
    bool fetchFirst() override;
    bool fetchLast() override;
    QVariant data(int column) override;
    bool isNull(int column) override;
    int size() override;
    int numRowsAffected() override;
    QVariant lastInsertId() const override;
    QSqlRecord record() const override;
    void detachFromResultSet() override;
    // Positional values are kept here: Qt's own bookkeeping names every index (":0", ":1"...)
    // anew at each bind, which costs more than the bind itself on a pull's thousands of rows.
    void bindValue(int index, const QVariant &value, QSql::ParamType type) override;
    using QSqlResult::bindValue; // by name: left to Qt

private:
    using Row = QList<QVariant>;

    bool compile(const QString &query, bool runLeading);
    bool bindValues();
    bool bindParameter(int index, const QVariant &value);
    bool start();
    bool step();
    bool readPendingRow();
    Row currentRow() const;
    QVariant columnValue(int column) const;
    void describeColumns();
    void clearRows();
    void stopStepping();
    bool fail(const QString &context, QSqlError::ErrorType type);
    const Row *rowAt(int index) const;

    const SqlCipherDriver *m_driver;
    sqlite3_stmt *m_statement = nullptr;
    QSqlRecord m_record;
    QList<Row> m_rows;         // the rows read and kept; forward-only: the current one alone
    int m_firstKeptIndex = 0;  // the index of m_rows.first()
    int m_readCount = 0;       // rows read out of the statement so far
    bool m_rowPending = false; // the statement stands on a row not read yet
    int m_changes = 0;
    QVariantList m_positionalValues; // bound by index since the statement was compiled
};

} // namespace pasalista
