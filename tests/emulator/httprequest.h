#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

namespace pasalista::emulator {

// A request as the emulator's logic sees it, independent of the transport.
struct HttpRequest
{
    QByteArray method;                     // upper case: GET, POST, PATCH, ...
    QString path;                          // decoded, without the query
    QHash<QString, QString> query;         // decoded query parameters ('+' is a space)
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;
    QString baseUrl; // http://127.0.0.1:port, for instance_url and links
    // Which host it arrived on: the login host has no REST API. In-process callers are
    // both at once.
    enum class Host
    {
        Both,
        Login,
        Instance
    };
    Host host = Host::Both;

    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
    QString queryValue(const QString &key) const { return query.value(key); }
    QHash<QString, QString> formBody() const { return parseForm(body); }

    // application/x-www-form-urlencoded, also used for query strings.
    static QHash<QString, QString> parseForm(const QByteArray &encoded);
};

} // namespace pasalista::emulator
