// pasalista: the teacher's desktop app. Everything but the QApplication lives in ui/.
#include "guilauncher.h"

#include <QApplication>

int main(int argc, char **argv)
{
    QApplication application(argc, argv);
    pasalista::GuiLauncher launcher;
    return launcher.run(application);
}
