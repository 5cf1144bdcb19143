#include "oauthhttp.h"

#include "net/cancellation.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

#include <memory>

namespace pasalista {

namespace {

OAuthHttp::Reply waitFor(QNetworkReply *reply, const OAuthHttp::Stops &stops = {})
{
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QList<QMetaObject::Connection> onCancel;
    for (const Cancellation *stop : stops)
        onCancel.append(stop->abortOnCancel(reply));
    if (!reply->isFinished())
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    for (const QMetaObject::Connection &connection : std::as_const(onCancel))
        QObject::disconnect(connection);
    OAuthHttp::Reply result = OAuthHttp::readReply(reply);
    reply->deleteLater();
    return result;
}

QNetworkRequest requestFor(const QUrl &url, int timeoutMs)
{
    QNetworkRequest request(url);
    request.setTransferTimeout(timeoutMs);
    request.setRawHeader("Accept", "application/json");
    // Tokens must not follow a redirect to another host.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    return request;
}

} // namespace

OAuthHttp::Reply OAuthHttp::postForm(const QUrl &url, const QUrlQuery &form, int timeoutMs,
                                     const Stops &stops)
{
    QNetworkAccessManager network;
    QNetworkRequest request = requestFor(url, timeoutMs);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QByteArrayLiteral("application/x-www-form-urlencoded"));
    return waitFor(network.post(request, encodeForm(form)), stops);
}

OAuthHttp::Reply OAuthHttp::getWithBearer(const QUrl &url, const QByteArray &accessToken,
                                          int timeoutMs)
{
    QNetworkAccessManager network;
    QNetworkRequest request = requestFor(url, timeoutMs);
    request.setRawHeader("Authorization", "Bearer " + accessToken);
    return waitFor(network.get(request));
}

TokenResponse OAuthHttp::requestToken(const QUrl &tokenUrl, const QUrlQuery &form, int timeoutMs,
                                      const Stops &stops)
{
    const Reply reply = postForm(tokenUrl, form, timeoutMs, stops);
    return TokenResponse::fromReply(reply.httpStatus, reply.body, reply.networkError,
                                    reply.networkErrorString);
}

OAuthHttp::Reply OAuthHttp::readReply(QNetworkReply *reply)
{
    Reply result;
    result.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->isOpen() ? reply->readAll() : QByteArray(); // empty when aborted
    result.networkError = int(reply->error());
    result.networkErrorString = reply->errorString();
    return result;
}

QByteArray OAuthHttp::encodeForm(const QUrlQuery &form)
{
    QByteArray body;
    const auto items = form.queryItems(QUrl::FullyDecoded);
    for (const auto &[name, value] : items) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return body;
}

} // namespace pasalista
