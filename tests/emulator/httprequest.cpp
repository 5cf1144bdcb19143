#include "httprequest.h"

#include <QUrl>

namespace pasalista::emulator {

QHash<QString, QString> HttpRequest::parseForm(const QByteArray &encoded)
{
    QHash<QString, QString> values;
    for (const QByteArray &pair : encoded.split('&')) {
        if (pair.isEmpty())
            continue;
        QByteArray plusDecoded = pair;
        plusDecoded.replace('+', ' ');
        const qsizetype equals = plusDecoded.indexOf('=');
        const QByteArray key = equals < 0 ? plusDecoded : plusDecoded.left(equals);
        const QByteArray value = equals < 0 ? QByteArray() : plusDecoded.mid(equals + 1);
        values.insert(QUrl::fromPercentEncoding(key), QUrl::fromPercentEncoding(value));
    }
    return values;
}

} // namespace pasalista::emulator
