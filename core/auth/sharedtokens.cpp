#include "sharedtokens.h"

#include "blockingwait.h"
#include "logging.h"
#include "net/cancellation.h"

#include <QElapsedTimer>
#include <QLockFile>
#include <QMutex>
#include <QThread>
#include <QWaitCondition>

#include <algorithm>

namespace pasalista {

namespace {
// Long enough for a keychain that asks to be unlocked; a GUI thread busy longer than this
// is waiting for the refreshing thread itself.
constexpr qint64 kKeychainWaitMs = 15000;
constexpr unsigned long kCheckStopsMs = 20;

bool anyCancelled(const SharedTokens::Stops &stops)
{
    return std::any_of(stops.begin(), stops.end(),
                       [](const Cancellation *stop) { return stop && stop->isCancelled(); });
}
} // namespace

SharedTokens::SharedTokens(TokenStore *keychain, QObject *owner, const QString &lockPath,
                           bool keepAccessToken, std::function<bool()> stillSignedIn)
    : m_keychain(keychain), m_owner(owner), m_lockPath(lockPath),
      m_keepAccessToken(keepAccessToken), m_stillSignedIn(std::move(stillSignedIn))
{
}

SharedTokens::~SharedTokens() = default;

std::unique_ptr<QLockFile> SharedTokens::lock(int timeoutMs) const
{
    auto lock = std::make_unique<QLockFile>(m_lockPath);
    // A process killed while refreshing leaves its lock behind; QLockFile takes over a lock
    // whose process is gone at once, and any lock older than this.
    lock->setStaleLockTime(2 * timeoutMs);
    if (lock->tryLock(timeoutMs))
        return lock;
    qCWarning(lcAuth) << "Another Pasalista kept the sign-in's lock for" << timeoutMs << "ms";
    return nullptr;
}

template <typename Result>
Result SharedTokens::onOwnerThread(std::function<void(std::function<void(Result)>)> start,
                                   Result ifUnanswered, const Stops &stops) const
{
    const QPointer<QObject> owner = m_owner;
    if (!owner)
        return ifUnanswered;
    if (owner->thread() == QThread::currentThread())
        return waitForCallback<Result>(start);
    struct Answer
    {
        QMutex mutex;
        QWaitCondition answered;
        std::optional<Result> result;
    };
    auto answer = std::make_shared<Answer>();
    QMetaObject::invokeMethod(owner, [start, answer] {
        start([answer](Result result) {
            QMutexLocker lock(&answer->mutex);
            answer->result = std::move(result);
            answer->answered.wakeAll();
        });
    });
    QElapsedTimer waited;
    waited.start();
    QMutexLocker lock(&answer->mutex);
    while (!answer->result && !anyCancelled(stops) && waited.elapsed() < kKeychainWaitMs)
        answer->answered.wait(&answer->mutex, kCheckStopsMs);
    if (!answer->result) {
        qCWarning(lcAuth) << "Stopped waiting for the keychain after" << waited.elapsed() << "ms";
        return ifUnanswered;
    }
    return std::move(*answer->result);
}

TokenStore::Status SharedTokens::load(const QString &accountKey, TokenStore::Saved *saved,
                                      const Stops &stops) const
{
    using Loaded = std::pair<TokenStore::Status, TokenStore::Saved>;
    TokenStore *keychain = m_keychain;
    const Loaded loaded = onOwnerThread<Loaded>(
        [keychain, accountKey](std::function<void(Loaded)> done) {
            keychain->loadAsync(accountKey,
                                [done](TokenStore::Status status, const TokenStore::Saved &found) {
                                    done({status, found});
                                });
        },
        {TokenStore::Status::Unavailable, {}}, stops);
    *saved = loaded.second;
    return loaded.first;
}

TokenStore::Status SharedTokens::save(const Identity &identity, const QByteArray &refreshToken,
                                      const QByteArray &accessToken, const Stops &stops) const
{
    TokenStore *keychain = m_keychain;
    const std::function<bool()> stillSignedIn = m_stillSignedIn;
    const QByteArray keptAccessToken = m_keepAccessToken ? accessToken : QByteArray();
    return onOwnerThread<TokenStore::Status>(
        [=](std::function<void(TokenStore::Status)> done) {
            if (stillSignedIn && !stillSignedIn())
                return done(TokenStore::Status::NotFound); // signed out meanwhile
            keychain->saveAsync(identity, refreshToken, {}, [=](TokenStore::Status status) {
                if (status != TokenStore::Status::Ok || keptAccessToken.isEmpty())
                    return done(status);
                keychain->saveAccessTokenAsync(identity.accountKey(), keptAccessToken, done);
            });
        },
        TokenStore::Status::Unavailable, stops);
}

} // namespace pasalista
