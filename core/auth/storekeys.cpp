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

namespace {

using Read = std::pair<TokenStore::Status, QByteArray>;

} // namespace

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
    if (!StoreKeyRing::keyFor(databasePath).isEmpty()) {
        return true;
    }
    const QString entry = entryName(accountKey, databasePath);
    const auto [status, stored] = waitForCallback<Read>([&](std::function<void(Read)> done) {
        tokens.readEntryAsync(entry, [done](TokenStore::Status read, const QByteArray &data) {
            done({read, data});
        });
    });
    if (status == TokenStore::Status::Ok && stored.size() == StoreKeyRing::kKeySize) {
        StoreKeyRing::remember(databasePath, stored);
        return true;
    }
    if (status == TokenStore::Status::Unavailable) {
        *error = TokenStore::unavailableMessage();
        return false;
    }
    if (StoreEncryption::stateOf(databasePath) == StoreEncryption::FileState::Encrypted) {
        qCWarning(lcStore) << "the keychain has no key for the encrypted store of" << accountKey;
        *error = StoreEncryption::lostKeyMessage(databasePath);
        return false;
    }
    const QByteArray key = newKey();
    const TokenStore::Status saved = waitForCallback<TokenStore::Status>(
        [&](TokenStore::Done done) { tokens.writeEntryAsync(entry, key, std::move(done)); });
    if (saved != TokenStore::Status::Ok) {
        *error = TokenStore::unavailableMessage();
        return false;
    }
    qCInfo(lcStore) << "made a new store key for" << accountKey;
    StoreKeyRing::remember(databasePath, key);
    return true;
}

} // namespace pasalista
