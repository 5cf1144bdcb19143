#pragma once

#include <QString>

namespace pasalista {

// Where Pasalista keeps its files: one definition for the window, pasalista-cli and the
// tests, so that both programs open the same store.
class AppPaths
{
public:
    // The data folder: QStandardPaths::AppDataLocation, under the application's names.
    static QString dataDir();
    // The offline store (the one used while nobody is signed in) inside a data folder.
    static QString storePath(const QString &dataDir);
};

} // namespace pasalista
