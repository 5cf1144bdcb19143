#include "tokenresponse.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace pasalista {

TokenResponse TokenResponse::fromReply(int httpStatus, const QByteArray &body, int networkError,
                                       const QString &networkErrorString)
{
    TokenResponse response;
    const QJsonObject json = QJsonDocument::fromJson(body).object();
    response.error = json.value(QLatin1String("error")).toString();
    response.errorDescription = json.value(QLatin1String("error_description")).toString();

    // A 4xx with an OAuth error body is the server's verdict even though Qt reports it as a
    // network error; anything else without a body (refused, timeout, 5xx) is transient.
    const bool serverAnswered = httpStatus >= 400 && httpStatus < 500 && !response.error.isEmpty();
    if (serverAnswered) {
        response.outcome = response.error == QLatin1String("invalid_grant") ? Outcome::InvalidGrant
                                                                            : Outcome::Refused;
        return response;
    }
    if (networkError != 0 || httpStatus < 200 || httpStatus >= 300) {
        response.outcome = Outcome::Unreachable;
        if (response.error.isEmpty())
            response.error = httpStatus >= 500 ? QStringLiteral("server_error")
                                               : QStringLiteral("network_error");
        if (response.errorDescription.isEmpty())
            response.errorDescription = networkErrorString;
        return response;
    }
    response.accessToken = json.value(QLatin1String("access_token")).toString().toUtf8();
    response.refreshToken = json.value(QLatin1String("refresh_token")).toString().toUtf8();
    response.instanceUrl = QUrl(json.value(QLatin1String("instance_url")).toString());
    response.identityUrl = QUrl(json.value(QLatin1String("id")).toString());
    if (response.accessToken.isEmpty()) {
        response.outcome = Outcome::Refused;
        response.error = QStringLiteral("invalid_response");
        response.errorDescription = QStringLiteral("The token response had no access token.");
        return response;
    }
    response.outcome = Outcome::Granted;
    return response;
}

} // namespace pasalista
