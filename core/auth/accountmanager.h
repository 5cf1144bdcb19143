#pragma once

// core/auth owns signing in and staying signed in: the OAuth web-server flow with PKCE
// (SignInFlow), the keychain (TokenStore), the sessions of the signed-in org users
// (AccountManager, Session, the TokenSource that core/net sends requests with), one refresh
// at a time across the OS user's processes (SharedTokens), and sign-outs that are finished
// at the next start if cut short (PendingRevocations). It builds on core/store and core/net.

#include "identity.h"
#include "pendingrevocations.h"
#include "tokenstore.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

class QSettings;

namespace pasalista {

class Session;

// The org users known on this computer and the one in use. Each account has its own local
// database, <data-dir>/<accountKey>.sqlite, so several orgs or teachers can share a laptop.
// The account list holds identities only (not secret) in the settings; tokens live in the
// keychain through TokenStore, access tokens only in the Session.
//
// Start-up: restoreSession(currentAccountKey()) builds a Session from the keychain without
// touching the network; its first request gets a 401 and refreshes silently.
//
// The window uses the *Async calls: they start the keychain jobs and return at once, the
// callback (and the signals) come from the event loop; no nested event loop on the GUI
// thread. The blocking calls (restoreSession, adopt, signOut) are for the CLI.
class AccountManager : public QObject
{
    Q_OBJECT

public:
    enum class RestoreResult
    {
        Restored,
        NoAccount,           // no such account, or none chosen yet
        NotStored,           // nothing in the keychain (signed out, or kept in memory only)
        KeychainUnavailable, // keychainMessage() says what is missing
    };
    Q_ENUM(RestoreResult)
    enum class LocalData
    {
        Keep,
        Delete
    };

    struct SignOutResult
    {
        bool revoked = false;       // the org confirmed the token no longer works
        bool revokePending = false; // in the background: revokeFinished() tells
        bool keychainCleared = false;
        bool dataDeleted = false;
        QString message; // translated, for the user when something was not done
    };

    // `settings` holds the account list and must outlive the manager. `dataDir` is where the
    // per-account databases go (created when missing). Tests pass their own keychain service.
    AccountManager(QSettings *settings, const QString &dataDir,
                   const QString &keychainService = QStringLiteral("Pasalista"),
                   QObject *parent = nullptr);
    ~AccountManager() override;

    QList<Identity> accounts() const;
    bool hasAccount(const QString &accountKey) const;
    Identity account(const QString &accountKey) const;
    QString currentAccountKey() const;
    void setCurrentAccount(const QString &accountKey); // switching accounts
    QString databasePath(const QString &accountKey) const;
    QString dataDir() const { return m_dataDir; }

    // The signed-in session of an account (default: the current one), or null.
    std::shared_ptr<Session> session(const QString &accountKey = QString()) const;
    bool isSignedIn(const QString &accountKey = QString()) const;

    RestoreResult restoreSession(const QString &accountKey = QString());
    // Emits sessionRestored when a session came back. `done` may be empty.
    void restoreSessionAsync(const QString &accountKey,
                             std::function<void(RestoreResult)> done = {});
    // Takes the session of a finished SignInFlow: remembers the account, stores the refresh
    // token in the keychain and makes it current. Returns the keychain status: on anything
    // but Ok the session is kept in memory only (keychainMessage() explains).
    TokenStore::Status adopt(std::unique_ptr<Session> session);
    // The session is adopted (tracked, current, signals emitted) before this returns; the
    // keychain save finishes later and reports to `done` (may be empty).
    void adoptAsync(std::unique_ptr<Session> session,
                    std::function<void(TokenStore::Status)> done = {});
    // Revokes the token at the org, removes every keychain entry and the session; keeps or
    // deletes the local database (the caller closes it first and asks the user). Emits
    // aboutToSignOut first, so that a sync using the session stops before it goes.
    SignOutResult signOut(const QString &accountKey, LocalData localData);
    // The session ends before this returns; the keychain entries go later, then `done`
    // (may be empty) and signedOut.
    void signOutAsync(const QString &accountKey, LocalData localData,
                      std::function<void(SignOutResult)> done = {});
    // The window: signOut() returns without waiting for the org (up to the request timeout);
    // the revoke runs asynchronously and revokeFinished() reports it. The CLI waits.
    void setRevokeInBackground(bool background) { m_revokeInBackground = background; }
    // What to tell the user when the org could not be told (translated).
    static QString revokeFailedMessage();
    // A revoke cut short in an earlier run (quit, no network) is kept in the keychain: send
    // it again, in the background; and a sign-out cut short (killed, crashed) is finished:
    // revoke, remove the keychain entries, delete the data if that was asked. The window and
    // the CLI call this as they start.
    void resumePendingRevocations();
    // A sign-out of the account began and has not finished: its token is never restored.
    bool isSignOutPending(const QString &accountKey) const;
    // The account signed out on this computer and has not signed in again: its data (kept
    // for her next sign-in) is locked, the window and the CLI neither read nor write it.
    bool isLocked(const QString &accountKey = QString()) const;
    // The signed-out account whose store `path` is, or an empty string.
    QString lockedAccountOfStore(const QString &path) const;
    // Quitting: waits up to `timeoutMs` (a local event loop) for the keychain jobs and the
    // revokes in flight, so that a sign-out just before is not half done; a revoke the org
    // has not answered by then stays in the keychain for the next start. True when all ended.
    bool finishBackgroundWork(int timeoutMs);
    PendingRevocations &pendingRevocations() { return m_revocations; }

    // Local edits not pushed yet (the outbox's NEW and PENDING rows) in an account's
    // database: what "delete local data" would lose. 0 when there is no database.
    int unsyncedChangeCount(const QString &accountKey) const;

    QString keychainMessage() const { return m_keychainMessage; }
    TokenStore &tokenStore() { return m_tokenStore; }
    // The connected app's consumer key, from the settings' oauth/clientId (an org admin sets
    // it; not secret). Sign-in flows and restored sessions use it.
    QString clientId() const { return m_clientId; }
    // The org's login address the admin (system-wide) or the window's first run configured;
    // empty when neither did.
    QUrl configuredLoginUrl() const;
    void setClientId(const QString &clientId) { m_clientId = clientId; }
    // Keep the access token in the keychain beside the refresh token and start restored
    // sessions with it (the CLI: a process per command). The window keeps it in memory.
    void setKeepAccessToken(bool keep) { m_keepAccessToken = keep; }
    // The loopback ports a sign-in listens on, in order: the settings' oauth/callbackPort
    // alone when the org admin registered another port in the connected app, else
    // SignInFlow::defaultCallbackPorts(). setCallbackPort overrides it for this run only
    // (pasalista-cli login --callback-port N); nothing is saved.
    QList<quint16> callbackPorts() const;
    void setCallbackPort(quint16 port) { m_callbackPort = port; }
    void setRequestTimeoutMs(int ms) { m_revocations.setRequestTimeoutMs(ms); }

Q_SIGNALS:
    void accountsChanged();
    void currentAccountChanged(const QString &accountKey);
    // The org refused the refresh token: ask to sign in again; local data is untouched.
    void signInRequired(const QString &accountKey);
    void keychainUnavailable(const QString &message);
    void sessionRestored(const QString &accountKey);
    // A sign-out finished: the keychain entries (and the data, if asked) are gone.
    void signedOut(const QString &accountKey);
    // Direct connection: whoever syncs with this account's session stops before it returns.
    void aboutToSignOut(const QString &accountKey);
    // A background revoke ended (setRevokeInBackground); `revoked`: the org confirmed it.
    void revokeFinished(const QString &accountKey, bool revoked);

private:
    QString resolve(const QString &accountKey) const;
    void remember(const Identity &identity);
    void forget(const QString &accountKey);
    void track(const std::shared_ptr<Session> &session);
    void revoke(const Session &session, std::function<void(bool revoked)> done);
    bool deleteDatabase(const QString &accountKey);
    void noteKeychainStatus(TokenStore::Status status);
    RestoreResult restoreFrom(const QString &accountKey, TokenStore::Status status,
                              const TokenStore::Saved &saved);
    void finishSignOut(const QString &accountKey, LocalData localData,
                       std::shared_ptr<Session> active, std::function<void(SignOutResult)> done);
    void noteSignOutStarted(const QString &accountKey, LocalData localData);
    void noteSignOutFinished(const QString &accountKey);

    QSettings *m_settings;
    QString m_dataDir;
    TokenStore m_tokenStore;
    QHash<QString, std::shared_ptr<Session>> m_sessions;
    QString m_keychainMessage;
    QString m_clientId = QStringLiteral("pasalista");
    bool m_keepAccessToken = false;
    std::optional<quint16> m_callbackPort;
    bool m_revokeInBackground = false;
    PendingRevocations m_revocations; // after m_tokenStore: its keychain jobs use it
};

} // namespace pasalista
