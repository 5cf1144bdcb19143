#include "sferror.h"

#include <QJsonArray>

namespace pasalista::emulator {

QJsonObject SfError::toRestJson() const
{
    QJsonObject json{{QStringLiteral("message"), message},
                     {QStringLiteral("errorCode"), errorCode}};
    if (!fields.isEmpty())
        json.insert(QStringLiteral("fields"), QJsonArray::fromStringList(fields));
    return json;
}

QJsonObject SfError::toCollectionJson() const
{
    return {{QStringLiteral("statusCode"), errorCode},
            {QStringLiteral("message"), message},
            {QStringLiteral("fields"), QJsonArray::fromStringList(fields)}};
}

} // namespace pasalista::emulator
