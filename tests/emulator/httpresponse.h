#pragma once

#include "sferror.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QList>
#include <QPair>
#include <QUrl>

namespace pasalista::emulator {

// A response before the transport adds compression, faults and the limit header.
struct HttpResponse
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    void setHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(const QByteArray &name) const;

    static HttpResponse json(const QJsonDocument &document, int status = 200);
    static HttpResponse json(const QJsonObject &object, int status = 200);
    static HttpResponse json(const QJsonArray &array, int status = 200);
    static HttpResponse noContent();
    static HttpResponse notModified();
    static HttpResponse error(int status, const SfError &error);
    static HttpResponse errors(int status, const QList<SfError> &errors);
    static HttpResponse oauthError(int status, const QString &error, const QString &description);
    static HttpResponse redirect(const QUrl &location);
    static HttpResponse html(const QString &page, int status = 200);
    static HttpResponse notFound();
};

} // namespace pasalista::emulator
