#include "accountmanager.h"

#include "blockingwait.h"
#include "identitycodec.h"
#include "logging.h"
#include "loginhost.h"
#include "orgsettings.h"
#include "privatefiles.h"
#include "session.h"
#include "sharedtokens.h"
#include "signinflow.h"
#include "store/outbox.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSettings>
#include <QSqlDatabase>
#include <QTimer>
#include <QUuid>

namespace pasalista {

namespace {

const QString kAccountsGroup = QStringLiteral("accounts");
const QString kCurrentKey = QStringLiteral("currentAccount");
// Sign-outs begun and not finished, by account: "keep" or "delete" (the local data).
const QString kSignOutsGroup = QStringLiteral("signOutsPending");
const QString kDeleteData = QStringLiteral("delete");

QString signOutSettingsKey(const QString &accountKey)
{
    return kSignOutsGroup + QLatin1Char('/') + accountKey;
}

QString identitySettingsKey(const QString &accountKey)
{
    return kAccountsGroup + QLatin1Char('/') + accountKey + QStringLiteral("/identity");
}

// Set as a sign-out begins, removed by the next sign-in of the same account.
QString lockedSettingsKey(const QString &accountKey)
{
    return kAccountsGroup + QLatin1Char('/') + accountKey + QStringLiteral("/signedOut");
}

std::optional<quint16> callbackPortSetting(const QSettings &settings)
{
    const QString key = QStringLiteral("oauth/callbackPort");
    if (!settings.contains(key))
        return std::nullopt;
    bool ok = false;
    const uint port = settings.value(key).toUInt(&ok);
    if (!ok || port > 65535) {
        qCWarning(lcAuth) << "Ignoring the setting" << key << "=" << settings.value(key)
                          << "(not a port number)";
        return std::nullopt;
    }
    return static_cast<quint16>(port);
}

// The consumer key the admin set for every user wins over the user's own; without either,
// the emulator's.
QString configuredClientId(QSettings *settings)
{
    const QString configured = OrgSettings(settings, OrgSettings::systemFile().get()).clientId();
    return configured.isEmpty() ? QStringLiteral("pasalista") : configured;
}

} // namespace

QUrl AccountManager::configuredLoginUrl() const
{
    return OrgSettings(m_settings, OrgSettings::systemFile().get()).loginUrl();
}

AccountManager::AccountManager(QSettings *settings, const QString &dataDir,
                               const QString &keychainService, QObject *parent)
    : QObject(parent), m_settings(settings), m_dataDir(dataDir),
      m_tokenStore(settings, keychainService), m_clientId(configuredClientId(settings)),
      m_callbackPort(callbackPortSetting(*settings)), m_revocations(&m_tokenStore, settings)
{
    PrivateFiles::makeFolder(m_dataDir);
}

QList<quint16> AccountManager::callbackPorts() const
{
    return m_callbackPort ? QList<quint16>{*m_callbackPort} : SignInFlow::defaultCallbackPorts();
}

AccountManager::~AccountManager() = default;

QList<Identity> AccountManager::accounts() const
{
    QList<Identity> result;
    m_settings->beginGroup(kAccountsGroup);
    const QStringList keys = m_settings->childGroups();
    m_settings->endGroup();
    for (const QString &key : keys)
        result.append(account(key));
    return result;
}

bool AccountManager::hasAccount(const QString &accountKey) const
{
    return !accountKey.isEmpty() && m_settings->contains(identitySettingsKey(accountKey));
}

Identity AccountManager::account(const QString &accountKey) const
{
    const QByteArray json = m_settings->value(identitySettingsKey(accountKey)).toByteArray();
    return IdentityCodec::fromJson(QJsonDocument::fromJson(json).object());
}

QString AccountManager::currentAccountKey() const
{
    return m_settings->value(kCurrentKey).toString();
}

void AccountManager::setCurrentAccount(const QString &accountKey)
{
    if (accountKey == currentAccountKey() || !hasAccount(accountKey))
        return;
    m_settings->setValue(kCurrentKey, accountKey);
    Q_EMIT currentAccountChanged(accountKey);
}

QString AccountManager::databasePath(const QString &accountKey) const
{
    return QDir(m_dataDir).filePath(resolve(accountKey) + QStringLiteral(".sqlite"));
}

std::shared_ptr<Session> AccountManager::session(const QString &accountKey) const
{
    return m_sessions.value(resolve(accountKey));
}

bool AccountManager::isSignedIn(const QString &accountKey) const
{
    const auto found = session(accountKey);
    return found && found->isValid();
}

AccountManager::RestoreResult AccountManager::restoreSession(const QString &accountKey)
{
    return waitForCallback<RestoreResult>(
        [&](std::function<void(RestoreResult)> done) { restoreSessionAsync(accountKey, done); });
}

void AccountManager::restoreSessionAsync(const QString &accountKey,
                                         std::function<void(RestoreResult)> done)
{
    const QString key = resolve(accountKey);
    auto finish = [done = std::move(done)](RestoreResult result) {
        if (done)
            done(result);
    };
    if (!hasAccount(key))
        return finish(RestoreResult::NoAccount);
    if (isSignedIn(key))
        return finish(RestoreResult::Restored);
    if (isSignOutPending(key)) {
        // The teacher signed out; the run that was doing it ended first. The token in the
        // keychain is on its way to being revoked, never a session again.
        qCInfo(lcAuth) << "Not restoring" << key << ": its sign-out is being finished";
        return finish(RestoreResult::NotStored);
    }
    m_tokenStore.loadAsync(
        key, [this, key, finish](TokenStore::Status status, const TokenStore::Saved &saved) {
            finish(restoreFrom(key, status, saved));
        });
}

AccountManager::RestoreResult AccountManager::restoreFrom(const QString &accountKey,
                                                          TokenStore::Status status,
                                                          const TokenStore::Saved &saved)
{
    if (isSignedIn(accountKey))
        return RestoreResult::Restored; // signed in again while the keychain answered
    noteKeychainStatus(status);
    if (status == TokenStore::Status::Unavailable)
        return RestoreResult::KeychainUnavailable;
    if (status != TokenStore::Status::Ok || saved.refreshToken.isEmpty())
        return RestoreResult::NotStored;
    // Without a kept access token the first request gets a 401 and refreshes once; a kept
    // one that has expired meanwhile does the same.
    auto restored = std::make_shared<Session>(
        saved.identity, m_keepAccessToken ? saved.accessToken : QByteArray(), saved.refreshToken);
    // A fallback token an older version kept is never sent again: under rotation it is ended.
    restored->setClientId(m_clientId);
    track(restored);
    qCInfo(lcAuth) << "Restored the session of" << accountKey << "from the keychain";
    Q_EMIT sessionRestored(accountKey);
    return RestoreResult::Restored;
}

TokenStore::Status AccountManager::adopt(std::unique_ptr<Session> session)
{
    return waitForCallback<TokenStore::Status>([&](std::function<void(TokenStore::Status)> done) {
        adoptAsync(std::move(session), done);
    });
}

void AccountManager::adoptAsync(std::unique_ptr<Session> session,
                                std::function<void(TokenStore::Status)> done)
{
    std::shared_ptr<Session> adopted(std::move(session));
    const Identity identity = adopted->identity();
    const QString key = identity.accountKey();
    remember(identity);
    noteSignOutFinished(key); // signed in again: an older sign-out must not end this one
    m_settings->remove(lockedSettingsKey(key));
    // The kept access token (CLI) is written before `done`: a command may end right after.
    const QByteArray accessToken = m_keepAccessToken ? adopted->accessToken() : QByteArray();
    m_tokenStore.saveAsync(
        identity, adopted->refreshToken(), {},
        [this, key, accessToken, done = std::move(done)](TokenStore::Status status) {
            const auto finish = [this, key, done](TokenStore::Status result) {
                noteKeychainStatus(result);
                if (result != TokenStore::Status::Ok)
                    qCWarning(lcAuth) << "Keeping the session of" << key << "in memory only";
                if (done)
                    done(result);
            };
            if (status != TokenStore::Status::Ok || accessToken.isEmpty())
                return finish(status);
            m_tokenStore.saveAccessTokenAsync(key, accessToken, finish);
        });
    track(adopted);
    m_settings->setValue(kCurrentKey, key);
    Q_EMIT accountsChanged();
    Q_EMIT currentAccountChanged(key);
}

AccountManager::SignOutResult AccountManager::signOut(const QString &accountKey,
                                                      LocalData localData)
{
    return waitForCallback<SignOutResult>([&](std::function<void(SignOutResult)> done) {
        signOutAsync(accountKey, localData, done);
    });
}

void AccountManager::signOutAsync(const QString &accountKey, LocalData localData,
                                  std::function<void(SignOutResult)> done)
{
    const QString key = resolve(accountKey);
    noteSignOutStarted(key, localData);
    Q_EMIT aboutToSignOut(key);
    std::shared_ptr<Session> active = m_sessions.take(key);
    if (active || !hasAccount(key))
        return finishSignOut(key, localData, active, std::move(done));
    // Not restored in this run: the keychain still holds a token worth revoking.
    m_tokenStore.loadAsync(key, [this, key, localData, done = std::move(done)](
                                    TokenStore::Status status, const TokenStore::Saved &saved) {
        std::shared_ptr<Session> stored;
        if (status == TokenStore::Status::Ok)
            stored = std::make_shared<Session>(saved.identity, QByteArray(), saved.refreshToken);
        finishSignOut(key, localData, stored, done);
    });
}

void AccountManager::finishSignOut(const QString &key, LocalData localData,
                                   std::shared_ptr<Session> active,
                                   std::function<void(SignOutResult)> done)
{
    auto removeEntries = [this, key, localData,
                          done = std::move(done)](SignOutResult result) mutable {
        if (m_sessions.contains(key)) {
            // Signed in again while the org answered: the new sign-in's entries stay.
            if (done)
                done(result);
            return;
        }
        m_tokenStore.removeAsync(key, [this, key, localData, result,
                                       done = std::move(done)](TokenStore::Status status) mutable {
            result.keychainCleared = status == TokenStore::Status::Ok;
            if (localData == LocalData::Delete) {
                result.dataDeleted = deleteDatabase(key);
                forget(key);
            }
            if (!result.revoked && !result.revokePending)
                result.message = revokeFailedMessage();
            if (!result.keychainCleared)
                result.message = m_tokenStore.errorString();
            qCInfo(lcAuth) << "Signed out" << key << "revoked:" << result.revoked
                           << "keychain cleared:" << result.keychainCleared;
            if (result.keychainCleared)
                noteSignOutFinished(key);
            Q_EMIT accountsChanged();
            Q_EMIT signedOut(key);
            if (done)
                done(result);
        });
    };
    SignOutResult result;
    if (!active)
        return removeEntries(result);
    if (m_revokeInBackground) {
        revoke(*active, [this, key](bool revoked) { Q_EMIT revokeFinished(key, revoked); });
        result.revokePending = true;
        active->invalidate(); // a sync still holding it stops refreshing at once
        return removeEntries(result);
    }
    // The CLI: the entries go once the org answered.
    revoke(*active, [result, removeEntries = std::move(removeEntries)](bool revoked) mutable {
        result.revoked = revoked;
        removeEntries(result);
    });
    active->invalidate();
}

void AccountManager::resumePendingRevocations()
{
    m_revocations.resume();
    m_settings->beginGroup(kSignOutsGroup);
    const QStringList interrupted = m_settings->childKeys();
    m_settings->endGroup();
    for (const QString &key : interrupted) {
        const bool deleteData = m_settings->value(signOutSettingsKey(key)) == kDeleteData;
        qCInfo(lcAuth) << "Finishing the sign-out of" << key << "an earlier run began";
        signOutAsync(key, deleteData ? LocalData::Delete : LocalData::Keep);
    }
}

bool AccountManager::isSignOutPending(const QString &accountKey) const
{
    return m_settings->contains(signOutSettingsKey(resolve(accountKey)));
}

bool AccountManager::isLocked(const QString &accountKey) const
{
    const QString key = resolve(accountKey);
    return m_settings->value(lockedSettingsKey(key)).toBool() && !isSignedIn(key);
}

QString AccountManager::lockedAccountOfStore(const QString &path) const
{
    const QFileInfo store(path);
    for (const Identity &identity : accounts()) {
        const QString key = identity.accountKey();
        if (isLocked(key) && QFileInfo(databasePath(key)) == store)
            return key;
    }
    return {};
}

// Written to disk at once: the run may be killed the next moment.
void AccountManager::noteSignOutStarted(const QString &accountKey, LocalData localData)
{
    // Locked first: from here on nothing opens the account's data until she signs in again.
    if (hasAccount(accountKey))
        m_settings->setValue(lockedSettingsKey(accountKey), true);
    const QString key = signOutSettingsKey(accountKey);
    // Asked once to delete the data, a resumed sign-out keeps asking it.
    if (localData == LocalData::Delete || !m_settings->contains(key))
        m_settings->setValue(key,
                             localData == LocalData::Delete ? kDeleteData : QStringLiteral("keep"));
    m_settings->sync();
}

void AccountManager::noteSignOutFinished(const QString &accountKey)
{
    if (!m_settings->contains(signOutSettingsKey(accountKey)))
        return;
    m_settings->remove(signOutSettingsKey(accountKey));
    m_settings->sync();
}

bool AccountManager::finishBackgroundWork(int timeoutMs)
{
    const auto finished = [this] { return m_revocations.isSettled() && m_tokenStore.isIdle(); };
    if (finished())
        return true;
    QEventLoop loop;
    QTimer poll; // quitting only: a few ticks, nothing else runs
    connect(&poll, &QTimer::timeout, &loop, [&] {
        if (finished())
            loop.quit();
    });
    poll.start(10);
    QTimer::singleShot(std::max(timeoutMs, 0), &loop, &QEventLoop::quit);
    loop.exec(QEventLoop::ExcludeUserInputEvents);
    if (!finished())
        qCInfo(lcAuth) << "Quitting with" << m_revocations.inFlightCount()
                       << "revoke(s) unanswered after" << timeoutMs
                       << "ms: kept in the keychain for the next start";
    return finished();
}

int AccountManager::unsyncedChangeCount(const QString &accountKey) const
{
    const QString path = databasePath(accountKey);
    if (!QFile::exists(path))
        return 0;
    const QString connection =
        QStringLiteral("pasalista-unsynced-") + QUuid::createUuid().toString();
    int count = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (db.open())
            count = Outbox::unsentCount(db);
    }
    QSqlDatabase::removeDatabase(connection);
    return count;
}

QString AccountManager::resolve(const QString &accountKey) const
{
    return accountKey.isEmpty() ? currentAccountKey() : accountKey;
}

void AccountManager::remember(const Identity &identity)
{
    m_settings->setValue(
        identitySettingsKey(identity.accountKey()),
        QJsonDocument(IdentityCodec::toJson(identity)).toJson(QJsonDocument::Compact));
}

void AccountManager::forget(const QString &accountKey)
{
    m_settings->remove(kAccountsGroup + QLatin1Char('/') + accountKey);
    if (currentAccountKey() == accountKey) {
        m_settings->remove(kCurrentKey);
        Q_EMIT currentAccountChanged(QString());
    }
}

void AccountManager::track(const std::shared_ptr<Session> &session)
{
    const QString key = session->identity().accountKey();
    m_sessions.insert(key, session);
    Session *raw = session.get();
    connect(raw, &Session::signInRequired, this, [this, key] { Q_EMIT signInRequired(key); });
    connect(raw, &Session::accessTokenRefreshed, this,
            [this, key, weak = std::weak_ptr<Session>(session)] {
                const std::shared_ptr<Session> refreshed = weak.lock();
                if (m_keepAccessToken && refreshed && refreshed->isValid())
                    m_tokenStore.saveAccessTokenAsync(
                        key, refreshed->accessToken(),
                        [this](TokenStore::Status status) { noteKeychainStatus(status); });
            });
    // A rotated refresh token is written by the refresh itself, before it is used.
    session->setSharedTokens(std::make_shared<SharedTokens>(
        &m_tokenStore, this, QDir(m_dataDir).filePath(key + QStringLiteral(".signin.lock")),
        m_keepAccessToken, [this, key] { return isSignedIn(key) && !isSignOutPending(key); }));
}

QString AccountManager::revokeFailedMessage()
{
    return tr("Signed out on this computer, but Salesforce could not be told yet. "
              "Pasalista tells it the next time it starts; until then the sign-in ends on its "
              "own when it expires.");
}

// Revoking the refresh token also revokes the access tokens issued from it. Kept in the
// keychain until the org answered: a revoke cut short goes again at the next start.
void AccountManager::revoke(const Session &session, std::function<void(bool)> done)
{
    if (session.refreshToken().isEmpty()) {
        QMetaObject::invokeMethod(
            this, [done = std::move(done)] { done(false); }, Qt::QueuedConnection);
        return;
    }
    const Identity identity = session.identity();
    m_revocations.revoke(identity.accountKey(),
                         LoginHost::revokeUrl(identity.loginUrl.isValid() ? identity.loginUrl
                                                                          : identity.instanceUrl),
                         session.refreshToken(), std::move(done));
}

bool AccountManager::deleteDatabase(const QString &accountKey)
{
    return PrivateFiles::removeStore(databasePath(accountKey));
}

void AccountManager::noteKeychainStatus(TokenStore::Status status)
{
    if (status != TokenStore::Status::Unavailable) {
        m_keychainMessage.clear();
        return;
    }
    m_keychainMessage = m_tokenStore.errorString();
    Q_EMIT keychainUnavailable(m_keychainMessage);
}

} // namespace pasalista
