#pragma once

#include "identity.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

class QSettings;

namespace QKeychain {
class Job;
}

namespace pasalista {

// The OS keychain (QtKeychain: Secret Service, macOS Keychain, Windows Credential Manager)
// holding, per org user, the refresh token, the instance URL and the identity. Nothing is
// ever written anywhere else: with no keychain the caller keeps the session in memory.
//
// Entries are named "<accountKey>/<item>" under the service "Pasalista". The names written
// for an account are listed in the settings (names only, nothing secret) so that remove()
// deletes every one of them, including items older versions may have written.
//
// Blocking: each call waits for its keychain job in a local event loop.
class TokenStore
{
    Q_DECLARE_TR_FUNCTIONS(pasalista::TokenStore)

public:
    enum class Status
    {
        Ok,
        NotFound,    // nothing stored for this account
        Unavailable, // no keychain service (no Secret Service on the bus), locked, or denied
    };

    struct Saved
    {
        Identity identity;
        QByteArray refreshToken;
        // The token that last worked, while a rotated refreshToken has not proven itself.
        QByteArray fallbackRefreshToken;
        // The last access token, when the caller keeps one (the CLI: one process per
        // command, so that each does not spend a 401 and a refresh). Empty otherwise.
        QByteArray accessToken;
    };

    // `settings` keeps the list of entry names; it must outlive the store.
    explicit TokenStore(QSettings *settings, const QString &service = QStringLiteral("Pasalista"));

    Status save(const Identity &identity, const QByteArray &refreshToken,
                const QByteArray &fallbackRefreshToken = {});
    Status load(const QString &accountKey, Saved *saved);
    // The access token beside the refresh token, in the keychain only (never on disk).
    Status saveAccessToken(const QString &accountKey, const QByteArray &accessToken);
    Status remove(const QString &accountKey);
    // Writes, reads back and deletes a probe entry: whether a keychain is usable right now.
    Status probe();

    // The last failure in words a teacher can act on (translated), and the backend's own.
    QString errorString() const { return m_error; }
    QString backendError() const { return m_backendError; }
    QStringList writtenKeys(const QString &accountKey) const;
    // What to tell the user when the keychain is missing, for the platform in use.
    static QString unavailableMessage();

private:
    Status write(const QString &key, const QByteArray &data);
    Status read(const QString &key, QByteArray *data);
    Status erase(const QString &key);
    Status runJob(QKeychain::Job *job);
    void rememberKey(const QString &accountKey, const QString &key);
    QString indexKey(const QString &accountKey) const;

    QSettings *m_settings;
    QString m_service;
    QString m_error;
    QString m_backendError;
};

} // namespace pasalista
