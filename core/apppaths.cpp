#include "apppaths.h"

#include <QDir>
#include <QStandardPaths>

namespace pasalista {

QString AppPaths::dataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

QString AppPaths::storePath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("local.sqlite"));
}

} // namespace pasalista
