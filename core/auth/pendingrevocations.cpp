#include "pendingrevocations.h"

#include "logging.h"
#include "oauthhttp.h"
#include "tokenstore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QSettings>
#include <QUrlQuery>
#include <QUuid>

namespace pasalista {

namespace {

const QString kIdsKey = QStringLiteral("revocations/pending");
const QString kEntryPrefix = QStringLiteral("pending-revocation/");

// The token no longer works at the org: revoked now (200), or unknown to it (Salesforce's 400
// invalid_token: revoked or expired before), so there is nothing left to revoke. Anything else
// (no answer, a 5xx, a proxy's redirect or page) proves nothing: try again at the next start.
bool tokenEnded(const OAuthHttp::Reply &reply)
{
    return reply.httpStatus == 200 || reply.httpStatus == 400;
}

} // namespace

PendingRevocations::PendingRevocations(TokenStore *keychain, QSettings *settings, QObject *parent)
    : QObject(parent), m_keychain(keychain), m_settings(settings)
{
}

PendingRevocations::~PendingRevocations()
{
    // Replies still in flight end with the network manager; their handlers must not run.
    if (m_network) {
        for (QNetworkReply *reply : m_network->findChildren<QNetworkReply *>())
            reply->disconnect(this);
    }
    if (!m_inFlight.isEmpty())
        qCInfo(lcAuth) << m_inFlight.size()
                       << "revoke(s) not answered yet: kept in the keychain for the next start";
}

QString PendingRevocations::entryName(const QString &id)
{
    return kEntryPrefix + id;
}

QStringList PendingRevocations::entryNames() const
{
    QStringList names;
    for (const QString &id : ids())
        names.append(entryName(id));
    return names;
}

QStringList PendingRevocations::ids() const
{
    return m_settings->value(kIdsKey).toStringList();
}

void PendingRevocations::setIds(const QStringList &ids)
{
    if (ids.isEmpty())
        m_settings->remove(kIdsKey);
    else
        m_settings->setValue(kIdsKey, ids);
}

void PendingRevocations::revoke(const QString &accountKey, const QUrl &revokeUrl,
                                const QByteArray &token, std::function<void(bool)> done)
{
    const Pending pending{QUuid::createUuid().toString(QUuid::WithoutBraces), accountKey, revokeUrl,
                          token};
    keep(pending);
    // Sent at once: the keychain runs its jobs in order, so if the org answers before the
    // entry is written, the entry is still erased after it.
    send(pending, std::move(done));
}

void PendingRevocations::keep(const Pending &pending)
{
    QStringList known = ids();
    known.append(pending.id);
    setIds(known);
    const QJsonObject entry{{QStringLiteral("account"), pending.accountKey},
                            {QStringLiteral("url"), pending.revokeUrl.toString()},
                            {QStringLiteral("token"), QString::fromUtf8(pending.token)}};
    keychainJobStarted();
    m_keychain->writeEntryAsync(
        entryName(pending.id), QJsonDocument(entry).toJson(QJsonDocument::Compact),
        [self = QPointer(this), id = pending.id](TokenStore::Status status) {
            if (!self)
                return;
            if (status != TokenStore::Status::Ok) {
                // Nothing stored: if this run ends before the org answers, the token lives
                // until it expires.
                qCWarning(lcAuth) << "Cannot keep the token to revoke in the keychain";
                QStringList stillKnown = self->ids();
                stillKnown.removeAll(id);
                self->setIds(stillKnown);
            }
            self->keychainJobFinished();
        });
}

void PendingRevocations::resume()
{
    for (const QString &id : ids()) {
        if (m_inFlight.contains(id))
            continue;
        m_inFlight.insert(id); // from now on quitting waits for it
        keychainJobStarted();
        m_keychain->readEntryAsync(
            entryName(id),
            [self = QPointer(this), id](TokenStore::Status status, const QByteArray &data) {
                if (!self)
                    return;
                self->m_inFlight.remove(id);
                const QJsonObject entry = QJsonDocument::fromJson(data).object();
                const Pending pending{id, entry.value(QStringLiteral("account")).toString(),
                                      QUrl(entry.value(QStringLiteral("url")).toString()),
                                      entry.value(QStringLiteral("token")).toString().toUtf8()};
                if (status == TokenStore::Status::Ok && !pending.token.isEmpty()) {
                    qCInfo(lcAuth) << "Revoking the sign-in" << pending.accountKey
                                   << "left at the org by an earlier run";
                    self->send(pending, {});
                } else if (status == TokenStore::Status::NotFound) {
                    self->forget(id);
                }
                self->keychainJobFinished();
            });
    }
}

void PendingRevocations::send(const Pending &pending, std::function<void(bool)> done)
{
    if (!m_network)
        m_network = std::make_unique<QNetworkAccessManager>();
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("token"), QString::fromUtf8(pending.token));
    QNetworkRequest request(pending.revokeUrl);
    request.setTransferTimeout(m_requestTimeoutMs);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
    m_inFlight.insert(pending.id);
    QNetworkReply *reply = m_network->post(request, OAuthHttp::encodeForm(form));
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, id = pending.id, key = pending.accountKey, done = std::move(done)] {
                const OAuthHttp::Reply read = OAuthHttp::readReply(reply);
                reply->deleteLater();
                const bool revoked = tokenEnded(read);
                qCInfo(lcAuth) << "Revoked the sign-in of" << key << "at the org:" << revoked
                               << "(HTTP" << read.httpStatus << ")";
                if (revoked)
                    forget(id);
                m_inFlight.remove(id);
                if (done)
                    done(revoked);
            });
}

void PendingRevocations::forget(const QString &id)
{
    keychainJobStarted();
    m_keychain->eraseEntryAsync(entryName(id),
                                [self = QPointer(this), id](TokenStore::Status status) {
                                    if (!self)
                                        return;
                                    if (status == TokenStore::Status::Ok) {
                                        QStringList known = self->ids();
                                        known.removeAll(id);
                                        self->setIds(known);
                                    }
                                    self->keychainJobFinished();
                                });
}

} // namespace pasalista
