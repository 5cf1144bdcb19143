#include "appicon.h"

#include <QFile>

namespace pasalista {

QIcon AppIcon::icon()
{
    QIcon icon;
    for (const int size : {16, 24, 32, 48, 64, 128, 256, 512}) {
        const QString path = QStringLiteral(":/icons/pasalista-%1.png").arg(size);
        if (QFile::exists(path)) {
            icon.addFile(path, QSize(size, size));
        }
    }
    return icon;
}

} // namespace pasalista
