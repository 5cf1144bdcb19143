#include "store/storeencryption.h"

#include "logging.h"
#include "store/execstatement.h"
#include "store/sqlcipherdriver.h"
#include "store/storekeyring.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <cstdlib>
#include <filesystem>
#include <system_error>

#ifdef Q_OS_WIN
#include <io.h>
#else
#include <fcntl.h>
#include <unistd.h>
#endif

namespace pasalista {

namespace {

// Every plain SQLite file starts so; an SQLCipher file starts with its random salt.
constexpr char kPlainHeader[] = "SQLite format 3";

// Test only (Debug builds): PASALISTA_TEST_ENCRYPT_ABORT_AT=N aborts the process after step
// N of encryptInPlace, for the kill test (tests/test_storecipher.cpp).
void abortAtStepForTest([[maybe_unused]] int step)
{
#ifdef PASALISTA_TEST_HOOKS
    static const int abortAt = qEnvironmentVariableIntValue("PASALISTA_TEST_ENCRYPT_ABORT_AT");
    if (abortAt == step) {
        std::abort();
    }
#endif
}

int userVersion(const QSqlDatabase &db)
{
    QSqlQuery query(db);
    return execStatement(query, QStringLiteral("PRAGMA main.user_version")) && query.next()
               ? query.value(0).toInt()
               : 0;
}

bool fail(const QString &message, QString *error)
{
    if (error) {
        *error = message;
    }
    return false;
}

} // namespace

StoreEncryption::FileState StoreEncryption::stateOf(const QString &databasePath)
{
    QFile file(databasePath);
    if (!file.exists() || file.size() == 0) {
        return FileState::Missing;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        return FileState::Encrypted; // unreadable: opening it will say why
    }
    const QByteArray header = file.read(sizeof(kPlainHeader));
    return header == QByteArray(kPlainHeader, sizeof(kPlainHeader)) ? FileState::Plain
                                                                    : FileState::Encrypted;
}

bool StoreEncryption::encryptInPlace(const QString &databasePath, const QByteArray &key,
                                     QString *error)
{
    const QString target = databasePath + QStringLiteral(".encrypting");
    // What a killed attempt left: never the store, only our own copy.
    QFile::remove(target);
    QFile::remove(target + QStringLiteral("-journal"));
    qCInfo(lcStore) << "encrypting the store" << databasePath;
    if (!exportEncrypted(databasePath, target, key, error)) {
        QFile::remove(target);
        return false;
    }
    abortAtStepForTest(2);
    if (!syncToDisk(target, error)) {
        QFile::remove(target);
        return false;
    }
    abortAtStepForTest(3);
    if (!replace(target, databasePath, error)) {
        QFile::remove(target);
        return false;
    }
    abortAtStepForTest(4);
    qCInfo(lcStore) << "store encrypted";
    return true;
}

// Step 1 leaves the old store in rollback-journal mode, its WAL folded in and gone: no
// plain WAL can ever sit beside the encrypted file. Step 2 writes the encrypted copy.
bool StoreEncryption::exportEncrypted(const QString &databasePath, const QString &target,
                                      const QByteArray &key, QString *error)
{
    const QString connection =
        QStringLiteral("pasalista-encrypt-") + QUuid::createUuid().toString();
    QString reason;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(SqlCipherDriver::name(), connection);
        db.setDatabaseName(databasePath);
        if (!db.open()) {
            reason = db.lastError().text();
        } else if (leaveWal(db, &reason)) {
            abortAtStepForTest(1);
            copyEncrypted(db, target, key, &reason);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return reason.isEmpty() || fail(reason, error);
}

// journal_mode answers with the mode it is in: still "wal" while another connection holds
// the store.
bool StoreEncryption::leaveWal(const QSqlDatabase &db, QString *reason)
{
    QSqlQuery query(db);
    if (!execStatement(query, QStringLiteral("PRAGMA journal_mode=DELETE"), reason)) {
        return false;
    }
    if (!query.next() || query.value(0).toString() != QLatin1String("delete")) {
        *reason = tr("another program has the local database open; close it and try again");
        return false;
    }
    return true;
}

// sqlcipher_export copies the tables and their rows, not the header's user_version, which
// holds the store's schema version.
bool StoreEncryption::copyEncrypted(const QSqlDatabase &db, const QString &target,
                                    const QByteArray &key, QString *reason)
{
    const int schemaVersion = userVersion(db);
    QSqlQuery query(db);
    query.prepare(QStringLiteral("ATTACH DATABASE ? AS pasalista_encrypted KEY ?"));
    query.addBindValue(target);
    query.addBindValue(StoreKeyRing::keyClause(key));
    return execStatement(query, reason) &&
           execStatement(query, QStringLiteral("SELECT sqlcipher_export('pasalista_encrypted')"),
                         reason) &&
           execStatement(
               query,
               QStringLiteral("PRAGMA pasalista_encrypted.user_version = %1").arg(schemaVersion),
               reason) &&
           execStatement(query, QStringLiteral("DETACH DATABASE pasalista_encrypted"), reason);
}

bool StoreEncryption::syncToDisk(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite)) {
        return fail(file.errorString(), error);
    }
#ifdef Q_OS_WIN
    const bool synced = _commit(file.handle()) == 0;
#else
    const bool synced = ::fsync(file.handle()) == 0;
#endif
    return synced || fail(tr("cannot write %1 to disk").arg(path), error);
}

// The atomic step: rename(2) (MoveFileEx on Windows) replaces the old file in one go; the
// folder is synced after it so that the rename itself survives a power cut.
bool StoreEncryption::replace(const QString &target, const QString &databasePath, QString *error)
{
    std::error_code code;
    std::filesystem::rename(std::filesystem::path(target.toStdU16String()),
                            std::filesystem::path(databasePath.toStdU16String()), code);
    if (code) {
        return fail(QString::fromLocal8Bit(code.message()), error);
    }
#ifndef Q_OS_WIN
    const QByteArray folder = QFile::encodeName(QFileInfo(databasePath).absolutePath());
    const int descriptor = ::open(folder.constData(), O_RDONLY);
    if (descriptor >= 0) {
        ::fsync(descriptor);
        ::close(descriptor);
    }
#endif
    return true;
}

QString StoreEncryption::lostKeyMessage(const QString &databasePath)
{
    return tr("The local data of this account (%1) is encrypted, and the key that unlocks it "
              "is no longer in this computer's keychain, so Pasalista cannot read it. Nothing "
              "was deleted: the file is left as it is. Marks that had not reached the org when "
              "you signed out can still be recovered from the file the sign-out exported them "
              "to; enter them again after signing in. To start afresh, move that database file "
              "elsewhere and sign in again: your courses come back from the org.")
        .arg(databasePath);
}

} // namespace pasalista
