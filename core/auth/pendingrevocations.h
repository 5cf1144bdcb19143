#pragma once

#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QSettings;

namespace pasalista {

class TokenStore;

// Refresh tokens that a sign-out asked the org to revoke and the org has not answered for
// yet. Each is kept in the keychain (never on disk) as "pending-revocation/<id>" from the
// moment its revoke is sent until the org answered; the settings list the ids only. A revoke
// cut short (the app quit, no network, the org down) is sent again by resume() at the next
// start, window or CLI, in the background.
class PendingRevocations : public QObject
{
    Q_OBJECT

public:
    // `keychain` and `settings` must outlive this.
    PendingRevocations(TokenStore *keychain, QSettings *settings, QObject *parent = nullptr);
    ~PendingRevocations() override;

    void setRequestTimeoutMs(int ms) { m_requestTimeoutMs = ms; }

    // Keeps `token` in the keychain and sends the revoke; `done` (may be empty) gets whether
    // the token no longer works at the org (revoked now, or already unknown to it: 400).
    void revoke(const QString &accountKey, const QUrl &revokeUrl, const QByteArray &token,
                std::function<void(bool revoked)> done = {});
    // Sends again the revokes an earlier run left in the keychain.
    void resume();
    // No revoke in flight and the keychain holds what it must.
    bool isSettled() const { return m_inFlight.isEmpty() && m_keychainJobs == 0; }
    int inFlightCount() const { return static_cast<int>(m_inFlight.size()); }
    // The keychain entries of the revokes still pending (names only, nothing secret).
    QStringList entryNames() const;
    static QString entryName(const QString &id);

private:
    struct Pending
    {
        QString id;
        QString accountKey;
        QUrl revokeUrl;
        QByteArray token;
    };

    void keep(const Pending &pending);
    void send(const Pending &pending, std::function<void(bool revoked)> done);
    void forget(const QString &id);
    void keychainJobStarted() { ++m_keychainJobs; }
    void keychainJobFinished() { --m_keychainJobs; }
    QStringList ids() const;
    void setIds(const QStringList &ids);

    TokenStore *m_keychain;
    QSettings *m_settings;
    int m_requestTimeoutMs = 15000;
    QSet<QString> m_inFlight; // ids
    int m_keychainJobs = 0;
    std::unique_ptr<QNetworkAccessManager> m_network;
};

} // namespace pasalista
