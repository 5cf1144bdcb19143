#pragma once

#include <QByteArray>
#include <QString>

namespace pasalista {

// The keys of the stores this process has unlocked, by file, in memory only: whoever fetched
// an account's key from the keychain (StoreKeys) leaves it here, and every LocalStore that
// opens that file afterwards — the window's, the sync's, the course reader's, each in its
// own thread — finds it without asking the keychain again. Thread-safe.
class StoreKeyRing
{
public:
    // SQLCipher's raw key: 256 bits, used as the AES key without any derivation.
    static constexpr int kKeySize = 32;

    static void remember(const QString &databasePath, const QByteArray &key);
    static void forget(const QString &databasePath);
    // Empty when no key is known for the file.
    static QByteArray keyFor(const QString &databasePath);
    // The key as SQLCipher reads a raw key: x'<64 hex digits>'.
    static QString keyClause(const QByteArray &key);
};

} // namespace pasalista
