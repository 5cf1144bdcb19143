#pragma once

#include "httprequest.h"

#include <QStringList>

namespace pasalista::emulator {

// One authenticated call under /services/data/vXX.X/.
struct ApiContext
{
    const HttpRequest *request = nullptr;
    QString version;      // 59.0
    QStringList segments; // the path after the version
    QString userId;

    QString dataPath() const { return QStringLiteral("/services/data/v") + version; }
    int majorVersion() const { return version.section(u'.', 0, 0).toInt(); }
    const QByteArray &method() const { return request->method; }
};

} // namespace pasalista::emulator
