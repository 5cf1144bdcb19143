#pragma once

#include <QList>
#include <QSqlDriver>
#include <QSqlError>

struct sqlite3;

namespace pasalista {

class SqlCipherResult;

// The store's own Qt SQL driver over SQLCipher's C API. Qt's QSQLITE plugin links the
// system SQLite, which cannot encrypt; this one links SQLCipher 4, so the store code keeps
// using QtSql (QSqlDatabase, QSqlQuery) on an encrypted file.
//
// The connection's password, when set, is the SQLCipher key in its raw form
// ("x'<64 hex digits>'", see StoreKeyRing::keyClause): no key derivation runs. Connect
// options (semicolon-separated): OPEN_READONLY, BUSY_TIMEOUT=<ms> (default 10000).
class SqlCipherDriver : public QSqlDriver
{
    Q_OBJECT

public:
    explicit SqlCipherDriver(QObject *parent = nullptr);
    ~SqlCipherDriver() override;

    // The name to give QSqlDatabase::addDatabase; registers the driver on first use.
    static QString name();

    bool hasFeature(DriverFeature feature) const override;
    bool open(const QString &db, const QString &user, const QString &password, const QString &host,
              int port, const QString &connectOptions) override;
    void close() override;
    QSqlResult *createResult() const override;
    bool beginTransaction() override;
    bool commitTransaction() override;
    bool rollbackTransaction() override;
    QStringList tables(QSql::TableType type) const override;
    QString escapeIdentifier(const QString &identifier, IdentifierType type) const override;
    QVariant handle() const override;

    sqlite3 *connection() const { return m_connection; }
    // The results alive on this connection, finalized when it closes (SQLite cannot close a
    // connection with statements left).
    void attach(SqlCipherResult *result) const;
    void detach(SqlCipherResult *result) const;
    // The connection's last error as Qt reports it: `context` says what was being done.
    QSqlError errorOf(const QString &context, QSqlError::ErrorType type) const;

private:
    bool applyKey(const QString &password);
    bool execute(const char *sql, const QString &context, QSqlError::ErrorType type);
    bool failOpen(const QString &context);

    sqlite3 *m_connection = nullptr;
    mutable QList<SqlCipherResult *> m_results;
};

} // namespace pasalista
