#include "store/storekeyring.h"

#include <QFileInfo>
#include <QHash>
#include <QMutex>

namespace pasalista {

namespace {

QMutex g_mutex;
QHash<QString, QByteArray> g_keys;

QString normalised(const QString &databasePath)
{
    return QFileInfo(databasePath).absoluteFilePath();
}

} // namespace

void StoreKeyRing::remember(const QString &databasePath, const QByteArray &key)
{
    QMutexLocker lock(&g_mutex);
    g_keys.insert(normalised(databasePath), key);
}

void StoreKeyRing::forget(const QString &databasePath)
{
    QMutexLocker lock(&g_mutex);
    g_keys.remove(normalised(databasePath));
}

QByteArray StoreKeyRing::keyFor(const QString &databasePath)
{
    QMutexLocker lock(&g_mutex);
    return g_keys.value(normalised(databasePath));
}

QString StoreKeyRing::keyClause(const QByteArray &key)
{
    return QStringLiteral("x'") + QString::fromLatin1(key.toHex()) + QLatin1Char('\'');
}

} // namespace pasalista
