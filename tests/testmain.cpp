// One main for every suite: a QApplication exists so that widgets, models, timers and
// network replies work as they do in the app; GoogleTest drives the cases.
#include <QApplication>
#include <gtest/gtest.h>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Pasalista-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("pasalista-tests"));
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
