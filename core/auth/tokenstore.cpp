#include "tokenstore.h"

#include "blockingwait.h"
#include "identitycodec.h"
#include "logging.h"

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

struct TokenStore::Step
{
    enum Kind
    {
        Write,
        Read,
        Erase
    } kind;
    QString key;
    QByteArray data;       // Write
    bool optional = false; // Read: an entry not found is not a failure
};

TokenStore::TokenStore(QSettings *settings, const QString &service)
    : m_settings(settings), m_service(service), m_context(std::make_unique<QObject>())
{
}

TokenStore::~TokenStore() = default;

void TokenStore::saveAsync(const Identity &identity, const QByteArray &refreshToken,
                           const QByteArray &fallbackRefreshToken, Done done)
{
    enqueue([this, identity, refreshToken, fallbackRefreshToken, done = std::move(done)] {
        const QString account = identity.accountKey();
        const QString fallbackKey = entryKey(account, kFallbackRefreshToken);
        QList<Step> steps;
        if (fallbackRefreshToken.isEmpty()) {
            if (writtenKeys(account).contains(fallbackKey))
                steps.append({Step::Erase, fallbackKey, {}});
        } else {
            rememberKey(account, fallbackKey);
            steps.append({Step::Write, fallbackKey, fallbackRefreshToken});
        }
        const QByteArray identityJson =
            QJsonDocument(IdentityCodec::toJson(identity)).toJson(QJsonDocument::Compact);
        // The identity goes last: load() treats an account without it as not stored.
        for (const auto &[item, data] : {std::pair{kRefreshToken, refreshToken},
                                         std::pair{kInstanceUrl, identity.instanceUrl.toEncoded()},
                                         std::pair{kIdentity, identityJson}}) {
            rememberKey(account, entryKey(account, item));
            steps.append({Step::Write, entryKey(account, item), data});
        }
        runSteps(steps, OnFailure::Stop, [account, done](Status status, const Results &) {
            if (status == Status::Ok)
                qCInfo(lcAuth) << "Saved the credentials of" << account << "in the keychain";
            done(status);
        });
    });
}

void TokenStore::loadAsync(const QString &accountKey, Loaded done)
{
    enqueue([this, accountKey, done = std::move(done)] {
        const QString identityKey = entryKey(accountKey, kIdentity);
        const QString urlKey = entryKey(accountKey, kInstanceUrl);
        const QString tokenKey = entryKey(accountKey, kRefreshToken);
        const QString fallbackKey = entryKey(accountKey, kFallbackRefreshToken);
        QList<Step> steps{
            {Step::Read, identityKey, {}}, {Step::Read, urlKey, {}}, {Step::Read, tokenKey, {}}};
        if (writtenKeys(accountKey).contains(fallbackKey))
            steps.append({Step::Read, fallbackKey, {}, true});
        const QString accessKey = entryKey(accountKey, kAccessToken);
        if (writtenKeys(accountKey).contains(accessKey))
            steps.append({Step::Read, accessKey, {}, true});
        runSteps(steps, OnFailure::Stop, [=](Status status, const Results &results) {
            Saved saved;
            if (status == Status::Ok) {
                saved.identity = IdentityCodec::fromJson(
                    QJsonDocument::fromJson(results.value(identityKey)).object());
                saved.identity.instanceUrl = QUrl::fromEncoded(results.value(urlKey));
                saved.refreshToken = results.value(tokenKey);
                saved.fallbackRefreshToken = results.value(fallbackKey);
                saved.accessToken = results.value(accessKey);
            }
            done(status, saved);
        });
    });
}

void TokenStore::removeAsync(const QString &accountKey, Done done)
{
    enqueue([this, accountKey, done = std::move(done)] {
        QStringList keys = writtenKeys(accountKey);
        // Also the names this version writes, in case the list was lost.
        for (const QString &item :
             {kRefreshToken, kFallbackRefreshToken, kAccessToken, kInstanceUrl, kIdentity}) {
            if (!keys.contains(entryKey(accountKey, item)))
                keys.append(entryKey(accountKey, item));
        }
        QList<Step> steps;
        for (const QString &key : std::as_const(keys))
            steps.append({Step::Erase, key, {}});
        runSteps(steps, OnFailure::Continue,
                 [this, accountKey, count = keys.size(), done](Status worst, const Results &) {
                     if (worst == Status::Ok)
                         m_settings->remove(indexKey(accountKey));
                     qCInfo(lcAuth) << "Removed" << count << "keychain entries of" << accountKey;
                     done(worst);
                 });
    });
}

TokenStore::Status TokenStore::save(const Identity &identity, const QByteArray &refreshToken,
                                    const QByteArray &fallbackRefreshToken)
{
    return wait([&](Done done) {
        saveAsync(identity, refreshToken, fallbackRefreshToken, std::move(done));
    });
}

TokenStore::Status TokenStore::load(const QString &accountKey, Saved *saved)
{
    return wait([&](Done done) {
        loadAsync(accountKey, [saved, done](Status status, const Saved &loaded) {
            if (status == Status::Ok)
                *saved = loaded;
            done(status);
        });
    });
}

void TokenStore::saveAccessTokenAsync(const QString &accountKey, const QByteArray &accessToken,
                                      Done done)
{
    enqueue([this, accountKey, accessToken, done = std::move(done)] {
        const QString key = entryKey(accountKey, kAccessToken);
        rememberKey(accountKey, key);
        runSteps({{Step::Write, key, accessToken}}, OnFailure::Stop,
                 [done](Status status, const Results &) { done(status); });
    });
}

TokenStore::Status TokenStore::saveAccessToken(const QString &accountKey,
                                               const QByteArray &accessToken)
{
    return wait([&](Done done) { saveAccessTokenAsync(accountKey, accessToken, std::move(done)); });
}

TokenStore::Status TokenStore::remove(const QString &accountKey)
{
    return wait([&](Done done) { removeAsync(accountKey, std::move(done)); });
}

void TokenStore::writeEntryAsync(const QString &name, const QByteArray &data, Done done)
{
    enqueue([this, name, data, done = std::move(done)] {
        runSteps({{Step::Write, name, data}}, OnFailure::Stop,
                 [done](Status status, const Results &) { done(status); });
    });
}

void TokenStore::readEntryAsync(const QString &name,
                                std::function<void(Status, const QByteArray &)> done)
{
    enqueue([this, name, done = std::move(done)] {
        runSteps({{Step::Read, name, {}}}, OnFailure::Stop,
                 [name, done](Status status, const Results &results) {
                     done(status, results.value(name));
                 });
    });
}

void TokenStore::eraseEntryAsync(const QString &name, Done done)
{
    enqueue([this, name, done = std::move(done)] {
        runSteps({{Step::Erase, name, {}}}, OnFailure::Stop,
                 [done](Status status, const Results &) { done(status); });
    });
}

TokenStore::Status TokenStore::probe()
{
    return wait([this](Done done) {
        enqueue([this, done] {
            runSteps({{Step::Write, kProbeKey, QByteArrayLiteral("probe")},
                      {Step::Read, kProbeKey, {}},
                      {Step::Erase, kProbeKey, {}}},
                     OnFailure::Stop, [done](Status status, const Results &) { done(status); });
        });
    });
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

void TokenStore::enqueue(std::function<void()> operation)
{
    m_queue.append(std::move(operation));
    if (!m_busy)
        operationFinished();
}

void TokenStore::operationFinished()
{
    m_busy = !m_queue.isEmpty();
    if (m_busy)
        m_queue.takeFirst()();
}

void TokenStore::runSteps(QList<Step> steps, OnFailure onFailure, StepsDone done)
{
    runStep(std::make_shared<QList<Step>>(std::move(steps)), 0, onFailure, Status::Ok,
            std::make_shared<Results>(), std::move(done));
}

// The next operation starts before `done` runs: a callback may wait for a new operation.
void TokenStore::runStep(const std::shared_ptr<QList<Step>> &steps, int index, OnFailure onFailure,
                         Status worst, const std::shared_ptr<Results> &results, StepsDone done)
{
    if (index == steps->size()) {
        operationFinished();
        done(worst, *results);
        return;
    }
    const Step &step = steps->at(index);
    QKeychain::Job *job = nullptr;
    if (step.kind == Step::Write) {
        auto *write = new QKeychain::WritePasswordJob(m_service);
        write->setBinaryData(step.data);
        job = write;
    } else if (step.kind == Step::Read) {
        job = new QKeychain::ReadPasswordJob(m_service);
    } else {
        job = new QKeychain::DeletePasswordJob(m_service);
    }
    job->setKey(step.key);
    startJob(job, [=](Status status, QKeychain::Job *finished) {
        const Step &ran = steps->at(index);
        if (ran.kind == Step::Read && status == Status::Ok)
            results->insert(ran.key,
                            static_cast<QKeychain::ReadPasswordJob *>(finished)->binaryData());
        const bool notFoundIsFine = ran.kind == Step::Erase || ran.optional;
        if (status == Status::NotFound && notFoundIsFine)
            status = Status::Ok;
        if (status != Status::Ok && onFailure == OnFailure::Stop) {
            operationFinished();
            done(status, *results);
            return;
        }
        runStep(steps, index + 1, onFailure, status == Status::Unavailable ? status : worst,
                results, done);
    });
}

void TokenStore::startJob(QKeychain::Job *job,
                          std::function<void(Status, QKeychain::Job *)> finished)
{
    // Never fall back to a plaintext file: no keychain means memory only.
    job->setInsecureFallback(false);
    job->setAutoDelete(true); // after `finished` returned
    QObject::connect(job, &QKeychain::Job::finished, m_context.get(),
                     [this, finished = std::move(finished)](QKeychain::Job *done) {
                         finished(statusOf(done), done);
                     });
    job->start();
}

TokenStore::Status TokenStore::statusOf(QKeychain::Job *job)
{
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

TokenStore::Status TokenStore::wait(const std::function<void(Done)> &start)
{
    return waitForCallback<Status>(start);
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
