#pragma once

#include <QString>
#include <QStringList>

namespace pasalista {

// Files that hold students' data (stores, logs, exports) are the OS user's alone: created
// 0600 in folders 0700 on Linux and macOS. On Windows nothing is changed: the data and log
// folders are under the user profile, whose default ACLs already keep them to the user (and
// the machine's administrators).
class PrivateFiles
{
public:
    // umask 077 for the rest of the process: every file and folder it creates is private,
    // the store's -wal, -shm and -journal files included. The window and the CLI call it
    // first thing in main().
    static void restrictNewFiles();
    // Creates the folder when missing and makes it 0700, and the files directly inside it
    // 0600 (those an earlier version left readable to others). False when it cannot be
    // created.
    static bool makeFolder(const QString &path);
    // Makes one file 0600.
    static bool restrictFile(const QString &path);

    // The exports the app wrote of a store's data, listed beside the store
    // (<store>.exports), so that removing the store removes them too.
    static void noteExport(const QString &storePath, const QString &exportPath);
    static QStringList exportsOf(const QString &storePath);
    // Removes a store with its -wal, -shm and -journal files, every export noted of it
    // and the list. True when nothing of it is left.
    static bool removeStore(const QString &storePath);

private:
    static QString exportListPath(const QString &storePath);
};

} // namespace pasalista
