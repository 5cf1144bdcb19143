#pragma once

#include "tokenstore.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

namespace pasalista {

class AccountManager;

// The key of each account's store (issue 24): 32 random bytes from the OS's generator,
// kept in the keychain beside the account's tokens and never written to a file. Its entry
// is not one of the account's token entries, so signing out and keeping the data keeps the
// key for the teacher's next sign-in.
class StoreKeys
{
    Q_DECLARE_TR_FUNCTIONS(pasalista::StoreKeys)

public:
    // Blocking (the CLI, the window as it opens a store): fetches the key of the account's
    // store, or creates and saves it when the store is new or still plain, and leaves it in
    // StoreKeyRing for `databasePath`. False with *error when the keychain cannot be used,
    // or when it has lost the key of a store already encrypted (that store is never touched
    // and never replaced).
    static bool unlock(TokenStore &tokens, const QString &accountKey, const QString &databasePath,
                       QString *error);
    // The same without waiting (the window): `done` runs from the event loop, or at once
    // when the key is known already, with the reason (translated) when it failed.
    using Done = std::function<void(bool unlocked, const QString &error)>;
    static void unlockAsync(TokenStore &tokens, const QString &accountKey,
                            const QString &databasePath, Done done);
    // The same for an account of `accounts`, at its databasePath().
    static bool unlock(AccountManager &accounts, const QString &accountKey, QString *error);
    // The keychain entry that holds the key of the account's store at `databasePath`: one
    // per file, so that two data folders (a test's, a second profile's) never share a key.
    static QString entryName(const QString &accountKey, const QString &databasePath);

private:
    static QByteArray newKey();
    static void saveNewKey(TokenStore &tokens, const QString &entry, const QString &databasePath,
                           Done done);
};

} // namespace pasalista
