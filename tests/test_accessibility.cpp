// Issue 25: a screen reader can name every control a teacher reaches with Tab, in the main
// window (each tab, with the status bar's sync corner) and in the dialogs: a text of its
// own, an accessible name, or a label pointing at it.
#include "auth/identity.h"
#include "auth/orgsettings.h"
#include "mainwindow.h"
#include "orgsetupdialog.h"
#include "repository.h"
#include "signindialog.h"
#include "signoutdialog.h"
#include "store/localstore.h"
#include "studentformdialog.h"
#include "studentpickerdialog.h"
#include "studentprofiledialog.h"
#include "syncissuesdialog.h"
#include "syncstatuswidget.h"
#include "uitestfixture.h"
#include "welcomedialog.h"

#include <QAbstractSpinBox>
#include <QAccessible>
#include <QComboBox>
#include <QLabel>
#include <QSettings>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <gtest/gtest.h>

using namespace pasalista;

namespace {

// The controls of `window` that Tab reaches and whose accessible interface has no name.
QStringList unnamedControls(QWidget *window)
{
    QStringList problems;
    const auto widgets = window->findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        if (!widget->isVisibleTo(window) || !(widget->focusPolicy() & Qt::TabFocus)) {
            continue;
        }
        // The editor inside a spin box or a combo box is named through its owner.
        QWidget *owner = widget->parentWidget();
        if (qobject_cast<QAbstractSpinBox *>(owner) || qobject_cast<QComboBox *>(owner)) {
            continue;
        }
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
        if (!accessible || accessible->text(QAccessible::Name).trimmed().isEmpty()) {
            problems.append(QString::fromLatin1(widget->metaObject()->className()) +
                            QLatin1Char(' ') + widget->objectName() + QLatin1Char(' ') +
                            widget->toolTip());
        }
    }
    return problems;
}

void expectEveryControlNamed(QWidget *window, const char *where)
{
    window->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(window));
    const QStringList problems = unnamedControls(window);
    EXPECT_TRUE(problems.isEmpty())
        << "without a name a screen reader can say, " << where << ":\n  "
        << problems.join(QStringLiteral("\n  ")).toStdString();
}

class Accessibility : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_NO_FATAL_FAILURE(uitest::openDemoStoreIn(m_dir, &m_store, &m_repository));
    }

    QTemporaryDir m_dir;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<Repository> m_repository;
};

} // namespace

TEST_F(Accessibility, EveryControlOfTheMainWindowHasAName)
{
    MainWindow window(*m_repository);
    auto *corner = new SyncStatusWidget(&window);
    corner->setRepository(m_repository.get());
    window.statusBar()->addPermanentWidget(corner);
    for (const auto tab :
         {MainWindow::RosterTab, MainWindow::AttendanceTab, MainWindow::SummaryTab}) {
        window.showTab(tab);
        expectEveryControlNamed(&window, "in the main window");
    }
}

TEST_F(Accessibility, EveryControlOfTheDialogsHasAName)
{
    SignInDialog signIn;
    expectEveryControlNamed(&signIn, "in the sign-in dialog");
    WelcomeDialog welcome;
    expectEveryControlNamed(&welcome, "in the welcome dialog");
    StudentFormDialog student(*m_repository);
    expectEveryControlNamed(&student, "in the student form");
    Identity identity;
    identity.username = QStringLiteral("maria.rodriguez@dream.demo");
    SignOutDialog signOut(identity, 3);
    expectEveryControlNamed(&signOut, "in the sign-out dialog");
    QSettings user(m_dir.filePath(QStringLiteral("user.ini")), QSettings::IniFormat);
    const QSettings system(m_dir.filePath(QStringLiteral("system.ini")), QSettings::IniFormat);
    OrgSettings org(&user, &system);
    OrgSetupDialog orgSetup(org);
    expectEveryControlNamed(&orgSetup, "in the org set-up dialog");

    const Course course = m_repository->courses().constFirst();
    const Student first = m_repository->roster(course.id).constFirst();
    StudentPickerDialog picker(*m_repository, {});
    expectEveryControlNamed(&picker, "in the student picker");
    StudentProfileDialog profile(*m_repository, first.id);
    expectEveryControlNamed(&profile, "in the student's profile");

    // Sync issues, with one refused mark to act on.
    ASSERT_TRUE(m_repository
                    ->markAttendance(course.id, first.id, QDate::currentDate(), 1,
                                     QStringLiteral("Enferma"), true)
                    .ok());
    QSqlQuery query(m_store->database());
    ASSERT_TRUE(query.exec(QStringLiteral(
        "UPDATE _trigger_log SET state = 'FAILED', sf_message = 'FIELD_CUSTOM_VALIDATION_EXCEPTION:"
        " Esta nota no se admite.' WHERE state = 'NEW'")));
    SyncIssuesDialog issues(*m_store);
    expectEveryControlNamed(&issues, "in Sync issues");
}
