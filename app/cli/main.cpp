// pasalista-cli: a thin shell over CliRunner, which holds the logic so tests can run it.
#include "clirunner.h"
#include "logfile.h"
#include "privatefiles.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTextStream>
#include <QTranslator>

#include <algorithm>
#include <cstdio>
#include <memory>

int main(int argc, char **argv)
{
    // Stores, logs and exports: the OS user's alone (0600 files in 0700 folders).
    pasalista::PrivateFiles::restrictNewFiles();
    // A PDF is laid out with fonts, which need a QGuiApplication; it opens no window, so on
    // X11 and Wayland systems it needs no display either (offscreen: fontconfig's fonts).
    const bool wantsPdf = std::any_of(argv, argv + argc, [](const char *argument) {
        return qstrcmp(argument, "--pdf") == 0 || qstrncmp(argument, "--pdf=", 6) == 0;
    });
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN)
    if (wantsPdf && !qEnvironmentVariableIsSet("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
#endif
    std::unique_ptr<QCoreApplication> application(wantsPdf ? new QGuiApplication(argc, argv)
                                                           : new QCoreApplication(argc, argv));
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
