#include "httpresponse.h"

#include <QJsonArray>
#include <QJsonObject>

namespace pasalista::emulator {

void HttpResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0) {
            header.second = value;
            return;
        }
    }
    headers.append({name, value});
}

QByteArray HttpResponse::header(const QByteArray &name) const
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

HttpResponse HttpResponse::json(const QJsonDocument &document, int status)
{
    HttpResponse response;
    response.status = status;
    response.body = document.toJson(QJsonDocument::Compact);
    response.setHeader("Content-Type", "application/json;charset=UTF-8");
    return response;
}

HttpResponse HttpResponse::json(const QJsonObject &object, int status)
{
    return json(QJsonDocument(object), status);
}

HttpResponse HttpResponse::json(const QJsonArray &array, int status)
{
    return json(QJsonDocument(array), status);
}

HttpResponse HttpResponse::notModified()
{
    HttpResponse response;
    response.status = 304;
    return response;
}

HttpResponse HttpResponse::noContent()
{
    HttpResponse response;
    response.status = 204;
    return response;
}

HttpResponse HttpResponse::error(int status, const SfError &error)
{
    return errors(status, {error});
}

HttpResponse HttpResponse::errors(int status, const QList<SfError> &errors)
{
    QJsonArray array;
    for (const SfError &error : errors)
        array.append(error.toRestJson());
    return json(array, status);
}

HttpResponse HttpResponse::oauthError(int status, const QString &error, const QString &description)
{
    return json(QJsonObject{{QStringLiteral("error"), error},
                            {QStringLiteral("error_description"), description}},
                status);
}

HttpResponse HttpResponse::redirect(const QUrl &location)
{
    HttpResponse response;
    response.status = 302;
    response.setHeader("Location", location.toEncoded());
    return response;
}

HttpResponse HttpResponse::html(const QString &page, int status)
{
    HttpResponse response;
    response.status = status;
    response.body = page.toUtf8();
    response.setHeader("Content-Type", "text/html;charset=UTF-8");
    return response;
}

HttpResponse HttpResponse::notFound()
{
    return error(
        404,
        {QStringLiteral("NOT_FOUND"), QStringLiteral("The requested resource does not exist"), {}});
}

} // namespace pasalista::emulator
