// Issue 24: the store is encrypted at rest (SQLCipher 4 through the project's own Qt SQL
// driver), a plain store of an earlier version is encrypted in place, and a store whose key
// is lost is never touched.
#include "auth/accountmanager.h"
#include "auth/blockingwait.h"
#include "auth/session.h"
#include "auth/storekeys.h"
#include "auth/tokenstore.h"
#include "emulatorprocess.h"
#include "mapping.h"
#include "net/salesforceclient.h"
#include "store/localstore.h"
#include "store/storeencryption.h"
#include "store/storekeyring.h"
#include "sync/syncengine.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSettings>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUuid>
#include <gtest/gtest.h>

using namespace pasalista;
using pasalista::test::EmulatorProcess;

namespace {

const QByteArray kKey =
    QByteArray::fromHex("8f3a1c5e7b2d4f6a9c0e1b3d5f7a9c2e4b6d8f0a1c3e5b7d9f2a4c6e8b0d1f3a");

// Every row of every table, as text: what "all its rows" means in the tests below.
QStringList dump(LocalStore &store)
{
    QStringList rows;
    QSqlQuery tables(store.database());
    EXPECT_TRUE(tables.exec(
        QStringLiteral("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")));
    QStringList names;
    while (tables.next()) {
        names.append(tables.value(0).toString());
    }
    for (const QString &table : std::as_const(names)) {
        QSqlQuery query(store.database());
        EXPECT_TRUE(query.exec(QStringLiteral("SELECT * FROM \"%1\" ORDER BY rowid").arg(table)));
        while (query.next()) {
            QStringList values{table};
            for (int i = 0; i < query.record().count(); ++i) {
                values.append(query.value(i).toString());
            }
            rows.append(values.join(QLatin1Char('|')));
        }
    }
    return rows;
}

QByteArray bytesOfFolder(const QString &folder)
{
    QByteArray bytes;
    for (const QFileInfo &info : QDir(folder).entryInfoList(QDir::Files)) {
        QFile file(info.absoluteFilePath());
        EXPECT_TRUE(file.open(QIODevice::ReadOnly));
        bytes += file.readAll();
    }
    return bytes;
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << path.toStdString();
    return file.readAll();
}

// A store as every version before issue 24 left it: plain SQLite, its last writes still in
// the WAL (copied while the writer had it open, as after a crash). Returns its rows.
QStringList writePlainStoreWithWal(const QString &path)
{
    QTemporaryDir writerDir;
    const QString writerPath = writerDir.filePath(QStringLiteral("old.sqlite"));
    StoreKeyRing::forget(writerPath);
    LocalStore old(Mapping::dream());
    EXPECT_TRUE(old.open(writerPath)) << old.errorString().toStdString();
    for (int i = 0; i < 40; ++i) {
        EXPECT_TRUE(old.insertLocal(
            Role::Student, {{QStringLiteral("first_name__c"), QStringLiteral("Valentina")},
                            {QStringLiteral("last_name__c"), QStringLiteral("Quispe%1").arg(i)}}));
    }
    EXPECT_EQ(StoreEncryption::stateOf(writerPath), StoreEncryption::FileState::Plain);
    EXPECT_TRUE(QFile::exists(writerPath + QStringLiteral("-wal")));
    for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
        QFile::remove(path + suffix);
        EXPECT_TRUE(QFile::copy(writerPath + suffix, path + suffix));
    }
    return dump(old);
}

TokenStore::Status waitForErase(TokenStore &tokens, const QString &entry)
{
    return waitForCallback<TokenStore::Status>(
        [&](TokenStore::Done done) { tokens.eraseEntryAsync(entry, std::move(done)); });
}

void expectOpensEncryptedWith(const QString &path, const QStringList &rows)
{
    StoreKeyRing::remember(path, kKey);
    LocalStore store(Mapping::dream());
    ASSERT_TRUE(store.open(path)) << store.errorString().toStdString();
    EXPECT_EQ(dump(store), rows);
    EXPECT_EQ(StoreEncryption::stateOf(path), StoreEncryption::FileState::Encrypted);
    EXPECT_FALSE(QFile::exists(path + QStringLiteral(".encrypting")));
}

} // namespace

TEST(StoreCipher, SyncedStoreHoldsNoStudentNameAndPlainSqliteCannotOpenIt)
{
    EmulatorProcess org{{QStringLiteral("--demo")}};
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("teacher.sqlite"));
    StoreKeyRing::remember(path, kKey);
    QStringList names;
    {
        LocalStore store(Mapping::dream());
        ASSERT_TRUE(store.open(path)) << store.errorString().toStdString();
        const std::unique_ptr<Session> session =
            org.session(QStringLiteral("maria.rodriguez@dream.demo"), QStringLiteral("Maria-2024"));
        ASSERT_TRUE(session);
        SalesforceClient client(session.get());
        const SyncReport report = SyncEngine(store, client, session->identity()).run();
        ASSERT_EQ(report.result, SyncReport::Result::Clean) << report.message.toStdString();
        QSqlQuery query(store.database());
        ASSERT_TRUE(query.exec(QStringLiteral("SELECT first_name__c, last_name__c FROM %1")
                                   .arg(store.mapping().table(Role::Student))));
        while (query.next()) {
            names << query.value(0).toString() << query.value(1).toString();
        }
    }
    ASSERT_GT(names.size(), 20) << "the sync brought the teacher's students";
    const QByteArray bytes = bytesOfFolder(dir.path());
    for (const QString &name : std::as_const(names)) {
        if (name.size() >= 4) {
            EXPECT_EQ(bytes.indexOf(name.toUtf8()), -1) << name.toStdString() << " is readable";
        }
    }

    const QString sqlite3 = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
    ASSERT_FALSE(sqlite3.isEmpty()) << "the sqlite3 command (scripts/install-deps installs it)";
    QProcess cli;
    cli.start(sqlite3, {path, QStringLiteral("SELECT count(*) FROM sqlite_master;")});
    ASSERT_TRUE(cli.waitForFinished(30000));
    EXPECT_NE(cli.exitCode(), 0) << cli.readAllStandardOutput().toStdString();
    EXPECT_TRUE(cli.readAllStandardError().contains("not a database"));

    StoreKeyRing::forget(path); // the same driver without the key cannot read it either
    LocalStore keyless(Mapping::dream());
    EXPECT_FALSE(keyless.open(path));
}

TEST(StoreCipher, PlainStoreOfAnEarlierVersionOpensEncryptedWithAllRows)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("earlier.sqlite"));
    const QStringList rows = writePlainStoreWithWal(path);
    ASSERT_GE(rows.size(), 80) << "students and their outbox rows";
    ASSERT_NO_FATAL_FAILURE(expectOpensEncryptedWith(path, rows));
    EXPECT_EQ(bytesOfFolder(dir.path()).indexOf("Valentina"), -1);
    ASSERT_NO_FATAL_FAILURE(expectOpensEncryptedWith(path, rows)) << "and again, as it is now";
}

// The kill test: the process dies after each step of the migration (1: old store switched to
// a rollback journal, its WAL folded in; 2: encrypted copy written; 3: copy synced; 4: copy
// renamed over the store). Each time the file is the old store or the new one, and the next
// start opens it encrypted with every row.
TEST(StoreCipher, KilledEncryptionLeavesTheOldStoreOrTheNewOne)
{
    const QString tool = QStringLiteral(PASALISTA_TEST_TOOLS_DIR "/store-burst");
    for (int step = 1; step <= 4; ++step) {
        SCOPED_TRACE(step);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("killed.sqlite"));
        const QStringList rows = writePlainStoreWithWal(path);
        QProcess child;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("PASALISTA_TEST_ENCRYPT_ABORT_AT"),
                           QString::number(step));
        child.setProcessEnvironment(environment);
        child.start(tool, {path, QString::fromLatin1(kKey.toHex())});
        ASSERT_TRUE(child.waitForFinished(60000));
        ASSERT_EQ(child.exitStatus(), QProcess::CrashExit)
            << child.readAllStandardError().toStdString();
        const auto expected =
            step < 4 ? StoreEncryption::FileState::Plain : StoreEncryption::FileState::Encrypted;
        EXPECT_EQ(StoreEncryption::stateOf(path), expected);
        ASSERT_NO_FATAL_FAILURE(expectOpensEncryptedWith(path, rows));
    }
}

TEST(StoreCipher, EncryptedStoreWithoutItsKeyIsRefusedAndLeftAsItIs)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("locked.sqlite"));
    const QStringList rows = writePlainStoreWithWal(path);
    ASSERT_NO_FATAL_FAILURE(expectOpensEncryptedWith(path, rows));
    const QByteArray before = fileBytes(path);

    StoreKeyRing::forget(path);
    LocalStore keyless(Mapping::dream());
    EXPECT_FALSE(keyless.open(path));
    EXPECT_TRUE(keyless.errorString().contains(path)) << keyless.errorString().toStdString();

    StoreKeyRing::remember(path, QByteArray(StoreKeyRing::kKeySize, '\x11'));
    LocalStore wrongKey(Mapping::dream());
    EXPECT_FALSE(wrongKey.open(path));
    EXPECT_EQ(wrongKey.errorString(), StoreEncryption::lostKeyMessage(path));
    EXPECT_EQ(fileBytes(path), before) << "never rewritten, never deleted";
    ASSERT_NO_FATAL_FAILURE(expectOpensEncryptedWith(path, rows));
}

// The key lives in the keychain only: made once, read back by the next process, never in a
// file; once the keychain has lost it, the encrypted store is refused, not replaced.
TEST(StoreKeys, KeyIsKeptInTheKeychainAndALostOneNeverReplacesTheStore)
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    const QString service = QStringLiteral("PasalistaTest-") + QUuid::createUuid().toString();
    TokenStore tokens(&settings, service);
    if (tokens.probe() != TokenStore::Status::Ok) {
        GTEST_SKIP() << "no keychain: run under scripts/test's D-Bus session";
    }
    const QString account = QStringLiteral("00Dorg-005teacher");
    const QString path = dir.filePath(account + QStringLiteral(".sqlite")); // databasePath()
    const QStringList rows = writePlainStoreWithWal(path);
    StoreKeyRing::forget(path);
    QString error;
    ASSERT_TRUE(StoreKeys::unlock(tokens, account, path, &error)) << error.toStdString();
    const QByteArray key = StoreKeyRing::keyFor(path);
    ASSERT_EQ(key.size(), StoreKeyRing::kKeySize);
    int unsent = 0;
    {
        LocalStore store(Mapping::dream());
        ASSERT_TRUE(store.open(path)) << store.errorString().toStdString();
        EXPECT_EQ(dump(store), rows);
        unsent = store.pendingChangeCount();
    }
    settings.sync();
    const QByteArray files = bytesOfFolder(dir.path());
    EXPECT_EQ(files.indexOf(key), -1);
    EXPECT_EQ(files.indexOf(key.toHex()), -1);

    StoreKeyRing::forget(path); // the next process
    ASSERT_TRUE(StoreKeys::unlock(tokens, account, path, &error)) << error.toStdString();
    EXPECT_EQ(StoreKeyRing::keyFor(path), key) << "the same key, from the keychain";

    StoreKeyRing::forget(path); // a sign-out that asks what deleting the data would lose
    AccountManager accounts(&settings, dir.path(), service);
    EXPECT_EQ(accounts.unsyncedChangeCount(account), unsent) << "read with the keychain's key";
    ASSERT_GT(unsent, 0);

    StoreKeyRing::forget(path);
    const TokenStore::Status erased = waitForErase(tokens, StoreKeys::entryName(account, path));
    ASSERT_EQ(erased, TokenStore::Status::Ok);
    const QByteArray before = fileBytes(path);
    EXPECT_FALSE(StoreKeys::unlock(tokens, account, path, &error));
    EXPECT_EQ(error, StoreEncryption::lostKeyMessage(path));
    EXPECT_TRUE(StoreKeyRing::keyFor(path).isEmpty()) << "no new key for an existing store";
    EXPECT_EQ(fileBytes(path), before);
}
