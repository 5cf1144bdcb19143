// pasalista: the teacher's desktop app. Everything but the QApplication lives in ui/.
#include "appicon.h"
#include "guilauncher.h"
#include "logfile.h"
#include "privatefiles.h"
#include "singleinstance.h"

#include <QApplication>

int main(int argc, char **argv)
{
    // Stores, logs and exports: the OS user's alone (0600 files in 0700 folders).
    pasalista::PrivateFiles::restrictNewFiles();
    QApplication application(argc, argv);
    pasalista::GuiLauncher::setApplicationNames();
    QGuiApplication::setDesktopFileName(QStringLiteral("org.pasalista.Pasalista"));
    QApplication::setWindowIcon(pasalista::AppIcon::icon());

    // The log file in the platform's log folder (secrets masked), rotated at 1 MB.
    pasalista::LogFile log(pasalista::LogFile::defaultDirectory());
    log.install();

    // One window per user and data folder: a second start raises the first and quits.
    pasalista::SingleInstance instance(QCoreApplication::arguments());
    if (pasalista::SingleInstance::appliesTo(QCoreApplication::arguments()) && !instance.claim()) {
        return 0;
    }

    pasalista::GuiLauncher launcher;
    return launcher.run(application);
}
