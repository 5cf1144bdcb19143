#pragma once

#include "tokenresponse.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

class QNetworkReply;

namespace pasalista {

class Cancellation;

// Blocking requests to the OAuth endpoints (token refresh, revoke, identity), each on its own
// QNetworkAccessManager so that any thread may call them. They spin a local event loop: call
// them from a worker thread or the CLI, not from a widget's slot. A request ends at once
// (network error OperationCanceledError) when one of `stops` is cancelled.
class OAuthHttp
{
public:
    struct Reply
    {
        int httpStatus = 0;
        QByteArray body;
        int networkError = 0; // QNetworkReply::NetworkError
        QString networkErrorString;
    };

    using Stops = QList<const Cancellation *>;

    static Reply postForm(const QUrl &url, const QUrlQuery &form, int timeoutMs,
                          const Stops &stops = {});
    static Reply getWithBearer(const QUrl &url, const QByteArray &accessToken, int timeoutMs);
    static TokenResponse requestToken(const QUrl &tokenUrl, const QUrlQuery &form, int timeoutMs,
                                      const Stops &stops = {});

    // Shared by the async sign-in flow: reads a finished reply.
    static Reply readReply(QNetworkReply *reply);
    // x-www-form-urlencoded with '+' and the other reserved characters escaped.
    static QByteArray encodeForm(const QUrlQuery &form);
};

} // namespace pasalista
