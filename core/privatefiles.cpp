#include "privatefiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

namespace pasalista {

namespace {

constexpr QFileDevice::Permissions kOwnerFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions kOwnerFolder =
    QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;
constexpr QFileDevice::Permissions kOthers = QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                             QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                             QFileDevice::WriteOther | QFileDevice::ExeOther;

} // namespace

void PrivateFiles::restrictNewFiles()
{
#ifdef Q_OS_UNIX
    ::umask(S_IRWXG | S_IRWXO);
#endif
}

bool PrivateFiles::makeFolder(const QString &path)
{
    if (!QDir().mkpath(path)) {
        return false;
    }
#ifdef Q_OS_UNIX
    QFile::setPermissions(path, kOwnerFolder);
    const QFileInfoList files = QDir(path).entryInfoList(QDir::Files | QDir::Hidden);
    for (const QFileInfo &file : files) {
        if (file.permissions() & kOthers) {
            QFile::setPermissions(file.filePath(), file.permissions() & ~kOthers);
        }
    }
#endif
    return true;
}

bool PrivateFiles::restrictFile(const QString &path)
{
#ifdef Q_OS_UNIX
    return QFile::setPermissions(path, kOwnerFile);
#else
    Q_UNUSED(path)
    return true;
#endif
}

QString PrivateFiles::exportListPath(const QString &storePath)
{
    return storePath + QStringLiteral(".exports");
}

void PrivateFiles::noteExport(const QString &storePath, const QString &exportPath)
{
    const QString absolute = QFileInfo(exportPath).absoluteFilePath();
    if (exportsOf(storePath).contains(absolute)) {
        return;
    }
    QFile list(exportListPath(storePath));
    if (list.open(QIODevice::Append | QIODevice::Text)) {
        list.write(absolute.toUtf8() + '\n');
        restrictFile(list.fileName());
    }
}

QStringList PrivateFiles::exportsOf(const QString &storePath)
{
    QFile list(exportListPath(storePath));
    if (!list.open(QIODevice::ReadOnly | QIODevice::Text)) {
        return {};
    }
    return QString::fromUtf8(list.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

bool PrivateFiles::removeStore(const QString &storePath)
{
    QStringList files = exportsOf(storePath);
    for (const QString &suffix :
         {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")}) {
        files.append(storePath + suffix);
    }
    bool ok = true;
    for (const QString &file : std::as_const(files)) {
        if (QFileInfo(file).isFile()) {
            ok = QFile::remove(file) && ok;
        }
    }
    // Last, and only when the rest went: a removal cut short is redone from the list.
    const QString list = exportListPath(storePath);
    return ok && (!QFile::exists(list) || QFile::remove(list));
}

} // namespace pasalista
