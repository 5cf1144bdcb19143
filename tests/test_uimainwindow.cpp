// The main window and the roster's dialogs over a real store: course filters, the tabs
// following the selected course, the pending-changes count, unenroll after confirmation
// and the new-student form showing the domain's refusal.
#include "attendancemodel.h"
#include "attendancesheet.h"
#include "birthdateedit.h"
#include "coursefilterproxymodel.h"
#include "courselistmodel.h"
#include "mainwindow.h"
#include "rostermodel.h"
#include "rosterpanel.h"
#include "studentformdialog.h"
#include "studentpickerdialog.h"
#include "summarymodel.h"
#include "uitestfixture.h"
#include "welcomedialog.h"

#include <QApplication>
#include <QCalendarWidget>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QToolButton>

using namespace pasalista;

namespace {

class MainWindowTest : public uitest::UiStoreFixture
{
protected:
    void SetUp() override
    {
        UiStoreFixture::SetUp();
        fillSmallProgramme();
        m_window = std::make_unique<MainWindow>(*m_repository);
        m_window->show();
    }

    void TearDown() override
    {
        m_window.reset();
        UiStoreFixture::TearDown();
    }

    std::unique_ptr<MainWindow> m_window;
};

TEST_F(MainWindowTest, ListsTheCoursesActiveTodayAndSelectsOne)
{
    EXPECT_TRUE(m_window->activeTodayCheck()->isChecked());
    EXPECT_EQ(m_window->courseFilter()->rowCount(), 2);
    EXPECT_NE(m_window->currentCourseId(), 0);
    m_window->activeTodayCheck()->setChecked(false);
    EXPECT_EQ(m_window->courseFilter()->rowCount(), 3);
}

TEST_F(MainWindowTest, TabsFollowTheSelectedCourse)
{
    ASSERT_TRUE(m_window->selectCourse(m_reading));
    EXPECT_EQ(m_window->currentCourseId(), m_reading);
    EXPECT_EQ(m_window->rosterPanel()->model()->rowCount(), 4);
    EXPECT_EQ(m_window->attendanceSheet()->model()->courseId(), m_reading);
    ASSERT_TRUE(m_window->selectCourse(m_maths));
    EXPECT_EQ(m_window->rosterPanel()->model()->rowCount(), 2);
    EXPECT_EQ(m_window->attendanceSheet()->model()->rowCount(), 2);
}

TEST_F(MainWindowTest, StatusBarCountsChangesWaitingToSync)
{
    ASSERT_TRUE(m_window->selectCourse(m_maths));
    const int before = m_store->pendingChangeCount();
    EXPECT_TRUE(m_window->pendingLabel()->text().contains(QString::number(before)));
    m_window->attendanceSheet()->markAllPresent();
    const int after = m_store->pendingChangeCount();
    EXPECT_GT(after, before);
    EXPECT_TRUE(m_window->pendingLabel()->text().contains(QString::number(after)))
        << m_window->pendingLabel()->text().toStdString();
}

TEST_F(MainWindowTest, SummaryShowsTheSelectedCourse)
{
    ASSERT_TRUE(m_window->selectCourse(m_reading));
    ASSERT_TRUE(m_repository->markAttendance(m_reading, m_ana, QDate::currentDate(), 1).ok());
    m_window->showTab(MainWindow::SummaryTab);
    SummaryModel *summary = m_window->summaryModel();
    bool found = false;
    for (int row = 0; row < summary->rowCount(); ++row) {
        if (summary->index(row, 0).data(SummaryModel::StudentIdRole).toLongLong() == m_ana) {
            found = true;
            EXPECT_EQ(summary->index(row, SummaryModel::AbsentColumn).data().toInt(), 1);
        }
    }
    EXPECT_TRUE(found);
}

TEST_F(MainWindowTest, UnenrollAsksFirst)
{
    ASSERT_TRUE(m_window->selectCourse(m_reading));
    RosterPanel *roster = m_window->rosterPanel();
    roster->view()->setCurrentIndex(roster->model()->index(0, 0));
    const qint64 student = roster->currentStudentId();
    bool answer = false;
    roster->setConfirmationHandler([&answer](const QString &) { return answer; });
    roster->unenrollCurrentStudent();
    EXPECT_EQ(roster->model()->rowCount(), 4);
    answer = true;
    roster->unenrollCurrentStudent();
    EXPECT_EQ(roster->model()->rowCount(), 3);
    EXPECT_FALSE(m_repository->enrollment(m_reading, student).has_value());
}

TEST_F(MainWindowTest, NewStudentFormShowsTheDomainsMessageUntilValid)
{
    StudentFormDialog dialog(*m_repository);
    dialog.accept();
    EXPECT_EQ(dialog.result(), QDialog::Rejected);
    EXPECT_FALSE(dialog.errorText().isEmpty());
    EXPECT_EQ(dialog.createdStudentId(), 0);

    dialog.firstNameEdit()->setText(QStringLiteral("Wilson"));
    const auto edits = dialog.findChildren<QLineEdit *>();
    for (QLineEdit *edit : edits) {
        if (edit->accessibleName() == QStringLiteral("Last name")) {
            edit->setText(QStringLiteral("Polanco"));
        } else if (edit->accessibleName() == QStringLiteral("Phone")) {
            edit->setText(QStringLiteral("809-555-0199"));
        }
    }
    dialog.accept();
    EXPECT_FALSE(dialog.errorText().isEmpty()) << "date of birth is still missing";
    EXPECT_EQ(dialog.createdStudentId(), 0);
}

TEST_F(MainWindowTest, StudentPickerFiltersAndLeavesOutTheRoster)
{
    StudentPickerDialog dialog(*m_repository, {m_ana, m_luis});
    EXPECT_EQ(dialog.listView()->model()->rowCount(), 3);
    QTest::keyClicks(dialog.searchEdit(), QStringLiteral("yok"));
    ASSERT_EQ(dialog.listView()->model()->rowCount(), 1);
    EXPECT_EQ(dialog.selectedStudentId(), m_unenrolled);
}

} // namespace

// The date of birth is typed: digits land in the date, Tab goes on to the next field, the
// calendar opens on a child's age, and a typo is refused instead of read as "not given".
TEST_F(MainWindowTest, BirthDateIsTypedWithTheKeyboard)
{
    const QLocale previous;
    QLocale::setDefault(QLocale(QLocale::Spanish, QLocale::DominicanRepublic));
    StudentFormDialog form(*m_repository);
    form.show();
    QApplication::setActiveWindow(&form);
    BirthDateEdit *birth = form.birthDateEdit();
    birth->setFocus();
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("25032014"));
    EXPECT_EQ(birth->date(), QDate(2014, 3, 25));
    birth->lineEdit()->clear();
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("7/9/2012"));
    EXPECT_EQ(birth->date(), QDate(2012, 9, 7));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    EXPECT_NE(QApplication::focusWidget(), birth->lineEdit()) << "Tab is stuck";
    EXPECT_NE(QApplication::focusWidget(), birth->calendarButton());

    birth->lineEdit()->clear();
    birth->calendarButton()->click();
    auto *calendar = birth->findChild<QCalendarWidget *>();
    ASSERT_TRUE(calendar);
    EXPECT_GT(calendar->selectedDate().year(), QDate::currentDate().year() - 20);
    EXPECT_GE(calendar->minimumDate(), QDate::currentDate().addYears(-100));
    calendar->close();

    form.firstNameEdit()->setText(QStringLiteral("Rosa"));
    birth->lineEdit()->setText(QStringLiteral("31/02/2014"));
    form.accept();
    EXPECT_NE(form.result(), QDialog::Accepted);
    EXPECT_TRUE(form.errorText().contains(QStringLiteral("25/03/")))
        << form.errorText().toStdString();
    QLocale::setDefault(previous);
}

TEST(WelcomeDialogTest, FirstStartOffersSignInAndTheDemo)
{
    WelcomeDialog dialog;
    EXPECT_TRUE(dialog.signInButton()->text().contains(QStringLiteral("Sign in")));
    EXPECT_TRUE(dialog.demoButton()->text().contains(QStringLiteral("demo")));
    dialog.show();
    dialog.demoButton()->click();
    EXPECT_EQ(dialog.result(), WelcomeDialog::ExploreDemo);
}
