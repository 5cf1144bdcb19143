// pasalista-cli: a thin shell over CliRunner, which holds the logic so tests can run it.
#include "clirunner.h"
#include "logfile.h"
#include "privatefiles.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTextStream>
#include <QTranslator>

#include <cstdio>

int main(int argc, char **argv)
{
    // Stores, logs and exports: the OS user's alone (0600 files in 0700 folders).
    pasalista::PrivateFiles::restrictNewFiles();
    QCoreApplication app(argc, argv);
    // Same identity as the desktop app, so both find the same store.
    QCoreApplication::setOrganizationName(QStringLiteral("Pasalista"));
    QCoreApplication::setApplicationName(QStringLiteral("pasalista"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PASALISTA_VERSION));
    // The log file in the platform's log folder (secrets masked), rotated at 1 MB.
    pasalista::LogFile log(pasalista::LogFile::defaultDirectory(), QStringLiteral("pasalista-cli"));
    log.install();

    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("pasalista"), QStringLiteral("_"),
                        QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(&translator);
    }

    QTextStream out(stdout);
    QTextStream err(stderr);
    pasalista::CliRunner runner(out, err);
    return runner.run(QCoreApplication::arguments());
}
