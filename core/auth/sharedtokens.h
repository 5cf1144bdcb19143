#pragma once

#include "tokenstore.h"

#include <QList>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class QLockFile;
class QObject;

namespace pasalista {

class Cancellation;

// An account's tokens as every process of the OS user shares them (the window, each CLI
// command): one keychain entry, and a lock file in the data folder so that only one of them
// refreshes at a time. Under refresh token rotation two processes refreshing with the same
// token would look like theft to the org, which then ends the sign-in.
//
// Blocking, for the thread that refreshes (a sync's worker thread, the CLI). The keychain jobs
// run on the thread of `owner` (the account manager's), which the keychain library expects;
// a refreshing worker thread waits for them until one of `stops` is cancelled (the GUI
// thread stops a sync before it waits for it), or a bounded time. A job the worker stopped
// waiting for still runs on the owner's thread: a rotated token is still written.
class SharedTokens
{
public:
    // `keychain` belongs to `owner` and lives as long as it. `stillSignedIn` runs on the
    // owner's thread just before a save: a save that comes late, after a sign-out, is dropped.
    SharedTokens(TokenStore *keychain, QObject *owner, const QString &lockPath,
                 bool keepAccessToken, std::function<bool()> stillSignedIn);
    ~SharedTokens();

    // Waits up to `timeoutMs` for the other processes' refresh; null when it did not end.
    std::unique_ptr<QLockFile> lock(int timeoutMs) const;
    // What the keychain holds now (another process may have rotated the token meanwhile).
    using Stops = QList<const Cancellation *>;
    TokenStore::Status load(const QString &accountKey, TokenStore::Saved *saved,
                            const Stops &stops) const;
    // Writes a rotated refresh token (and the access token, when kept) and waits until the
    // keychain confirmed it.
    TokenStore::Status save(const Identity &identity, const QByteArray &refreshToken,
                            const QByteArray &accessToken, const Stops &stops) const;

private:
    template <typename Result>
    Result onOwnerThread(std::function<void(std::function<void(Result)>)> start,
                         Result ifUnanswered, const Stops &stops) const;

    TokenStore *m_keychain;
    QPointer<QObject> m_owner;
    QString m_lockPath;
    bool m_keepAccessToken;
    std::function<bool()> m_stillSignedIn;
};

} // namespace pasalista
