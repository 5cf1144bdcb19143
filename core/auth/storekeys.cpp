#include "storekeys.h"

#include "accountmanager.h"
#include "blockingwait.h"
#include "logging.h"
#include "store/storeencryption.h"
#include "store/storekeyring.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QRandomGenerator>

#include <utility>

namespace pasalista {

QString StoreKeys::entryName(const QString &accountKey, const QString &databasePath)
{
    const QByteArray file = QFileInfo(databasePath).absoluteFilePath().toUtf8();
    const QByteArray hash = QCryptographicHash::hash(file, QCryptographicHash::Sha256).toHex();
    return QStringLiteral("store-key/") + accountKey + QLatin1Char('/') +
           QString::fromLatin1(hash.left(16));
}

QByteArray StoreKeys::newKey()
{
    QByteArray key(StoreKeyRing::kKeySize, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(key.data()),
                                          StoreKeyRing::kKeySize / sizeof(quint32));
    return key;
}

bool StoreKeys::unlock(AccountManager &accounts, const QString &accountKey, QString *error)
{
    return unlock(accounts.tokenStore(), accountKey, accounts.databasePath(accountKey), error);
}

bool StoreKeys::unlock(TokenStore &tokens, const QString &accountKey, const QString &databasePath,
                       QString *error)
{
    using Result = std::pair<bool, QString>;
    const auto [unlocked, message] =
        waitForCallback<Result>([&](std::function<void(Result)> finished) {
            unlockAsync(tokens, accountKey, databasePath, [finished](bool ok, const QString &why) {
                finished({ok, why});
            });
        });
    if (!unlocked) {
        *error = message;
    }
    return unlocked;
}

void StoreKeys::unlockAsync(TokenStore &tokens, const QString &accountKey,
                            const QString &databasePath, Done done)
{
    if (!StoreKeyRing::keyFor(databasePath).isEmpty()) {
        done(true, {});
        return;
    }
    const QString entry = entryName(accountKey, databasePath);
    tokens.readEntryAsync(entry, [&tokens, accountKey, databasePath, entry,
                                  done](TokenStore::Status status, const QByteArray &stored) {
        if (status == TokenStore::Status::Ok && stored.size() == StoreKeyRing::kKeySize) {
            StoreKeyRing::remember(databasePath, stored);
            done(true, {});
        } else if (status == TokenStore::Status::Unavailable) {
            done(false, TokenStore::unavailableMessage());
        } else if (StoreEncryption::stateOf(databasePath) ==
                   StoreEncryption::FileState::Encrypted) {
            qCWarning(lcStore) << "the keychain has no key for the encrypted store of"
                               << accountKey;
            done(false, StoreEncryption::lostKeyMessage(databasePath));
        } else {
            saveNewKey(tokens, entry, databasePath, done);
        }
    });
}

void StoreKeys::saveNewKey(TokenStore &tokens, const QString &entry, const QString &databasePath,
                           Done done)
{
    const QByteArray key = newKey();
    tokens.writeEntryAsync(entry, key, [databasePath, key, done](TokenStore::Status saved) {
        if (saved != TokenStore::Status::Ok) {
            done(false, TokenStore::unavailableMessage());
            return;
        }
        qCInfo(lcStore) << "made a new store key";
        StoreKeyRing::remember(databasePath, key);
        done(true, {});
    });
}

} // namespace pasalista
