#pragma once

#include <QCoreApplication>
#include <QString>

class QSqlDatabase;

namespace pasalista {

// What the store file on disk is, and turning a plain one (every version before issue 24)
// into an encrypted one in place.
class StoreEncryption
{
    Q_DECLARE_TR_FUNCTIONS(pasalista::StoreEncryption)

public:
    enum class FileState
    {
        Missing, // no file, or an empty one: SQLCipher creates it encrypted
        Plain,   // an SQLite file anyone can read
        Encrypted,
    };

    static FileState stateOf(const QString &databasePath);

    // Copies the plain store at `databasePath` into a new file encrypted with `key`
    // (sqlcipher_export), syncs it to disk and renames it over the old one. A kill at any
    // point leaves the old store or the new one whole: until the rename the old file is
    // untouched but for its journal mode, and the rename is atomic. Fails, changing
    // nothing, while another connection has the store open.
    static bool encryptInPlace(const QString &databasePath, const QByteArray &key, QString *error);

    // The teacher's explanation when the keychain no longer has the key of an encrypted store.
    static QString lostKeyMessage(const QString &databasePath);

private:
    static bool exportEncrypted(const QString &databasePath, const QString &target,
                                const QByteArray &key, QString *error);
    static bool leaveWal(const QSqlDatabase &db, QString *reason);
    static bool copyEncrypted(const QSqlDatabase &db, const QString &target, const QByteArray &key,
                              QString *reason);
    static bool syncToDisk(const QString &path, QString *error);
    static bool replace(const QString &target, const QString &databasePath, QString *error);
};

} // namespace pasalista
