#include "tokenstore.h"

#include "identitycodec.h"
#include "logging.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QSettings>

#include <qt6keychain/keychain.h>

namespace pasalista {

namespace {

const QString kRefreshToken = QStringLiteral("refresh_token");
const QString kFallbackRefreshToken = QStringLiteral("fallback_refresh_token");
const QString kAccessToken = QStringLiteral("access_token");
const QString kInstanceUrl = QStringLiteral("instance_url");
const QString kIdentity = QStringLiteral("identity");
const QString kProbeKey = QStringLiteral("pasalista-keychain-probe");

QString entryKey(const QString &accountKey, const QString &item)
{
    return accountKey + QLatin1Char('/') + item;
}

} // namespace

TokenStore::TokenStore(QSettings *settings, const QString &service)
    : m_settings(settings), m_service(service)
{
}

TokenStore::Status TokenStore::save(const Identity &identity, const QByteArray &refreshToken,
                                    const QByteArray &fallbackRefreshToken)
{
    const QString account = identity.accountKey();
    const QString fallbackKey = entryKey(account, kFallbackRefreshToken);
    if (fallbackRefreshToken.isEmpty()) {
        if (writtenKeys(account).contains(fallbackKey) && erase(fallbackKey) == Status::Unavailable)
            return Status::Unavailable;
    } else {
        rememberKey(account, fallbackKey);
        const Status status = write(fallbackKey, fallbackRefreshToken);
        if (status != Status::Ok)
            return status;
    }
    const QByteArray identityJson =
        QJsonDocument(IdentityCodec::toJson(identity)).toJson(QJsonDocument::Compact);
    // The identity goes last: load() treats an account without it as not stored.
    for (const auto &[item, data] : {std::pair{kRefreshToken, refreshToken},
                                     std::pair{kInstanceUrl, identity.instanceUrl.toEncoded()},
                                     std::pair{kIdentity, identityJson}}) {
        const QString key = entryKey(account, item);
        rememberKey(account, key);
        const Status status = write(key, data);
        if (status != Status::Ok)
            return status;
    }
    qCInfo(lcAuth) << "Saved the credentials of" << account << "in the keychain";
    return Status::Ok;
}

TokenStore::Status TokenStore::load(const QString &accountKey, Saved *saved)
{
    QByteArray identityJson;
    Status status = read(entryKey(accountKey, kIdentity), &identityJson);
    if (status != Status::Ok)
        return status;
    QByteArray instanceUrl;
    status = read(entryKey(accountKey, kInstanceUrl), &instanceUrl);
    if (status != Status::Ok)
        return status;
    status = read(entryKey(accountKey, kRefreshToken), &saved->refreshToken);
    if (status != Status::Ok)
        return status;
    saved->fallbackRefreshToken.clear();
    if (writtenKeys(accountKey).contains(entryKey(accountKey, kFallbackRefreshToken)) &&
        read(entryKey(accountKey, kFallbackRefreshToken), &saved->fallbackRefreshToken) ==
            Status::Unavailable)
        return Status::Unavailable;
    saved->accessToken.clear();
    if (writtenKeys(accountKey).contains(entryKey(accountKey, kAccessToken)) &&
        read(entryKey(accountKey, kAccessToken), &saved->accessToken) == Status::Unavailable)
        return Status::Unavailable;
    saved->identity = IdentityCodec::fromJson(QJsonDocument::fromJson(identityJson).object());
    saved->identity.instanceUrl = QUrl::fromEncoded(instanceUrl);
    return Status::Ok;
}

TokenStore::Status TokenStore::saveAccessToken(const QString &accountKey,
                                               const QByteArray &accessToken)
{
    const QString key = entryKey(accountKey, kAccessToken);
    rememberKey(accountKey, key);
    return write(key, accessToken);
}

TokenStore::Status TokenStore::remove(const QString &accountKey)
{
    Status worst = Status::Ok;
    QStringList keys = writtenKeys(accountKey);
    // Also the names this version writes, in case the list was lost.
    for (const QString &item :
         {kRefreshToken, kFallbackRefreshToken, kAccessToken, kInstanceUrl, kIdentity}) {
        if (!keys.contains(entryKey(accountKey, item)))
            keys.append(entryKey(accountKey, item));
    }
    for (const QString &key : std::as_const(keys)) {
        const Status status = erase(key);
        if (status == Status::Unavailable)
            worst = status;
    }
    if (worst == Status::Ok)
        m_settings->remove(indexKey(accountKey));
    qCInfo(lcAuth) << "Removed" << keys.size() << "keychain entries of" << accountKey;
    return worst;
}

TokenStore::Status TokenStore::probe()
{
    Status status = write(kProbeKey, QByteArrayLiteral("probe"));
    if (status != Status::Ok)
        return status;
    QByteArray data;
    status = read(kProbeKey, &data);
    erase(kProbeKey);
    return status;
}

QStringList TokenStore::writtenKeys(const QString &accountKey) const
{
    return m_settings->value(indexKey(accountKey)).toStringList();
}

QString TokenStore::unavailableMessage()
{
#if defined(Q_OS_MACOS)
    return tr("Pasalista cannot use the macOS Keychain, so it cannot remember your sign-in. "
              "Unlock the login keychain in Keychain Access and sign in again.");
#elif defined(Q_OS_WIN)
    return tr("Pasalista cannot use the Windows Credential Manager, so it cannot remember "
              "your sign-in. Sign in to Windows with your own account and try again.");
#else
    return tr("Pasalista found no keychain (Secret Service), so it cannot remember your "
              "sign-in. Install and start GNOME Keyring or KWallet (for example: "
              "sudo apt install gnome-keyring), unlock it, and sign in again.");
#endif
}

TokenStore::Status TokenStore::write(const QString &key, const QByteArray &data)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setKey(key);
    job->setBinaryData(data);
    const Status status = runJob(job);
    job->deleteLater();
    return status;
}

TokenStore::Status TokenStore::read(const QString &key, QByteArray *data)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(key);
    const Status status = runJob(job);
    if (status == Status::Ok)
        *data = job->binaryData();
    job->deleteLater();
    return status;
}

TokenStore::Status TokenStore::erase(const QString &key)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setKey(key);
    const Status status = runJob(job);
    job->deleteLater();
    return status == Status::NotFound ? Status::Ok : status;
}

TokenStore::Status TokenStore::runJob(QKeychain::Job *job)
{
    // Never fall back to a plaintext file: no keychain means memory only.
    job->setInsecureFallback(false);
    // The caller reads the result after the job finished, then deletes it.
    job->setAutoDelete(false);
    bool finished = false;
    QEventLoop loop;
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&finished, &loop] {
        finished = true;
        loop.quit();
    });
    job->start();
    if (!finished)
        loop.exec(QEventLoop::ExcludeUserInputEvents);

    m_backendError = job->errorString();
    switch (job->error()) {
    case QKeychain::NoError:
        m_error.clear();
        return Status::Ok;
    case QKeychain::EntryNotFound:
        m_error.clear();
        return Status::NotFound;
    default:
        qCWarning(lcAuth) << "Keychain error" << job->error() << m_backendError;
        m_error = unavailableMessage();
        return Status::Unavailable;
    }
}

void TokenStore::rememberKey(const QString &accountKey, const QString &key)
{
    QStringList keys = writtenKeys(accountKey);
    if (keys.contains(key))
        return;
    keys.append(key);
    m_settings->setValue(indexKey(accountKey), keys);
}

QString TokenStore::indexKey(const QString &accountKey) const
{
    return QStringLiteral("keychain/") + accountKey + QStringLiteral("/entries");
}

} // namespace pasalista
