// Issue 25: a sheet safe to type on, in the window as the app builds it (reads and "Mark all
// present" in the background, the window state kept): letters search and never mark, a
// status is one digit, Ctrl+Z takes marks back until they are sent, "Mark all present" never
// blocks the window, Tab leaves the course list, Ctrl+2 puts the keys on the sheet, the app
// opens on the last course and tab, "Active today" lists the courses that meet today, and a
// class of 40 with 3 exceptions takes at most 15 keys from opening the app.
#include "attendancemodel.h"
#include "attendancesheet.h"
#include "attendancetableview.h"
#include "coursefilterproxymodel.h"
#include "courselistmodel.h"
#include "mainwindow.h"
#include "store/outbox.h"
#include "uitestfixture.h"
#include "windowstatekeeper.h"

#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTest>
#include <QTimer>

using namespace pasalista;

namespace {

class SheetKeysTest : public uitest::UiStoreFixture
{
protected:
    void SetUp() override
    {
        UiStoreFixture::SetUp();
        fillSmallProgramme();
        forgetWindowState();
    }

    void TearDown() override
    {
        m_window.reset();
        forgetWindowState();
        UiStoreFixture::TearDown();
    }

    QString storePath() const { return m_store->path(); }

    void forgetWindowState()
    {
        QSettings settings;
        settings.remove(WindowStateKeeper::lastCourseKey(storePath()));
        settings.remove(WindowStateKeeper::tabKey());
        settings.remove(WindowStateKeeper::geometryKey());
        settings.remove(WindowStateKeeper::stateKey());
    }

    // The window as the app opens it: background reads, the last course and tab restored.
    void openApp()
    {
        m_window = std::make_unique<MainWindow>(*m_repository, MainWindow::Loading::InBackground);
        new WindowStateKeeper(*m_window, storePath());
        m_window->show();
        QApplication::setActiveWindow(m_window.get());
        ASSERT_TRUE(QTest::qWaitForWindowExposed(m_window.get()));
        settle();
    }

    void settle()
    {
        EXPECT_TRUE(QTest::qWaitFor(
            [this] { return !m_window->isLoading() && !sheet()->isMarkingAll(); }, 20000));
        QCoreApplication::processEvents();
    }

    void openOn(qint64 courseId)
    {
        ASSERT_NO_FATAL_FAILURE(openApp());
        ASSERT_TRUE(m_window->selectCourse(courseId));
        m_window->showTab(MainWindow::AttendanceTab);
        settle();
    }

    // A key as a keyboard sends it: to whichever widget has the focus, shortcuts included.
    void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        QWidget *target = QApplication::focusWidget();
        ASSERT_TRUE(target) << "no widget has the keyboard focus";
        QTest::keyClick(target, key, modifiers);
        ++m_keys;
    }

    void typeLetters(const QString &text)
    {
        for (const QChar c : text) {
            press(Qt::Key(Qt::Key_A + (c.toLower().unicode() - 'a')));
        }
    }

    AttendanceSheet *sheet() const { return m_window->attendanceSheet(); }
    AttendanceTableView *view() const { return sheet()->view(); }
    QString currentName() const { return view()->currentIndex().data().toString(); }
    int rowOf(qint64 studentId) const { return sheet()->model()->rowOfKey(studentId); }
    QHash<qint64, AttendanceMark> marksToday(qint64 courseId) const
    {
        return m_repository->attendanceOn(courseId, QDate::currentDate());
    }

    // Students written as a pull writes them, in one transaction (a large course fast).
    void enrollMany(qint64 courseId, int count)
    {
        ASSERT_TRUE(m_store->begin());
        for (int i = 0; i < count; ++i) {
            const QVariantMap student = {
                {mapping().column(Role::Student, QStringLiteral("first_name")),
                 QStringLiteral("Estudiante")},
                {mapping().column(Role::Student, QStringLiteral("last_name")),
                 QStringLiteral("Apellido %1").arg(i, 4, 10, QLatin1Char('0'))},
                {QStringLiteral("sfid"), fakeId("a0S")}};
            const auto studentId = m_store->insertSynced(Role::Student, student);
            ASSERT_TRUE(studentId.has_value()) << m_store->errorString().toStdString();
            const QVariantMap enrollment = {{LocalStore::refColumn(mapping().column(
                                                 Role::Enrollment, QStringLiteral("course"))),
                                             courseId},
                                            {LocalStore::refColumn(mapping().column(
                                                 Role::Enrollment, QStringLiteral("student"))),
                                             *studentId},
                                            {QStringLiteral("sfid"), fakeId("a0E")}};
            ASSERT_TRUE(m_store->insertSynced(Role::Enrollment, enrollment).has_value());
        }
        ASSERT_TRUE(m_store->commit());
    }

    // What a sync that delivered them does to the outbox: every attendance change is sent.
    void sendAttendance()
    {
        QList<qint64> sent;
        for (const OutboxEntry &entry : m_store->outboxEntries({outbox::New, outbox::Pending})) {
            if (entry.tableName == mapping().table(Role::Attendance)) {
                sent.append(entry.id);
            }
        }
        ASSERT_FALSE(sent.isEmpty());
        ASSERT_TRUE(Outbox(*m_store).markSent(sent));
    }

    std::unique_ptr<MainWindow> m_window;
    int m_keys = 0;
};

TEST_F(SheetKeysTest, TypingANameWritesNoMarkAndOpensNoNote)
{
    const qint64 martinez = addStudent(QStringLiteral("Carlos"), QStringLiteral("Martínez"));
    enroll(m_reading, martinez);
    ASSERT_NO_FATAL_FAILURE(openOn(m_reading));
    view()->setFocus();
    const int pending = m_store->pendingChangeCount();

    typeLetters(QStringLiteral("martinez"));
    EXPECT_TRUE(marksToday(m_reading).isEmpty()) << "typing a name wrote marks";
    EXPECT_EQ(m_store->pendingChangeCount(), pending);
    EXPECT_EQ(QApplication::focusWidget(), view()) << "a note editor opened";
    EXPECT_FALSE(view()->findChild<QLineEdit *>()) << "a note editor opened";
    EXPECT_EQ(currentName(), QStringLiteral("Martínez, Carlos")) << "the name typed is found";
    EXPECT_TRUE(sheet()->searchIndicator()->isVisible());
    EXPECT_TRUE(sheet()->searchIndicator()->text().contains(QStringLiteral("martinez")));

    press(Qt::Key_Escape);
    EXPECT_FALSE(sheet()->searchIndicator()->isVisible()) << "Esc clears the search";
    EXPECT_EQ(currentName(), QStringLiteral("Martínez, Carlos"));
    press(Qt::Key_1); // the one deliberate key marks the student shown
    EXPECT_EQ(marksToday(m_reading).size(), 1);
    EXPECT_EQ(marksToday(m_reading).value(martinez).status, 1);
}

TEST_F(SheetKeysTest, CtrlZUndoesTheLastMarksUntilTheyAreSent)
{
    ASSERT_NO_FATAL_FAILURE(openOn(m_reading));
    view()->setFocus();
    const qint64 first = sheet()->model()->studentAt(0)->id;
    const qint64 second = sheet()->model()->studentAt(1)->id;
    press(Qt::Key_1); // row 0 absent
    press(Qt::Key_3); // row 1 late
    ASSERT_EQ(marksToday(m_reading).size(), 2);

    press(Qt::Key_Z, Qt::ControlModifier);
    EXPECT_FALSE(marksToday(m_reading).contains(second)) << "the last mark is taken back";
    EXPECT_EQ(marksToday(m_reading).value(first).status, 1);
    EXPECT_EQ(view()->currentIndex().row(), rowOf(second)) << "the cursor shows it";
    EXPECT_FALSE(
        sheet()->model()->index(rowOf(second), 0).data(AttendanceModel::IsMarkedRole).toBool());
    press(Qt::Key_Z, Qt::ControlModifier);
    EXPECT_TRUE(marksToday(m_reading).isEmpty()) << "a stack: the one before goes too";

    view()->setCurrentIndex(sheet()->model()->index(rowOf(first), 0));
    press(Qt::Key_2); // excused, then the mark leaves in a sync
    ASSERT_EQ(marksToday(m_reading).value(first).status, 2);
    ASSERT_NO_FATAL_FAILURE(sendAttendance());
    press(Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(marksToday(m_reading).value(first).status, 2) << "a sent mark stays";
    EXPECT_TRUE(sheet()->lastError().contains(QStringLiteral("already went to the org")))
        << sheet()->lastError().toStdString();
}

TEST_F(SheetKeysTest, CtrlZTakesBackMarkAllPresentToo)
{
    ASSERT_NO_FATAL_FAILURE(openOn(m_reading));
    view()->setFocus();
    press(Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
    settle();
    ASSERT_EQ(marksToday(m_reading).size(), 4);
    const qint64 first = sheet()->model()->studentAt(0)->id;
    press(Qt::Key_1);
    ASSERT_EQ(marksToday(m_reading).value(first).status, 1);

    press(Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(marksToday(m_reading).value(first).status, 0) << "back to present";
    press(Qt::Key_Z, Qt::ControlModifier);
    EXPECT_TRUE(marksToday(m_reading).isEmpty()) << "Mark all present taken back";
    EXPECT_EQ(sheet()->model()->markedCount(), 0);
    sheet()->redoMark(); // the platform's redo key
    EXPECT_EQ(marksToday(m_reading).size(), 4) << "redone";
    EXPECT_EQ(sheet()->model()->markedCount(), 4);
}

// The writes run while the store is held by another connection (as a sync's transaction
// would): the window must go on answering, keys typed meanwhile wait for the rows.
TEST_F(SheetKeysTest, MarkAllPresentOnALargeCourseLeavesTheWindowAnswering)
{
    const qint64 big = addCourse(QStringLiteral("Curso grande"), QDate::currentDate().addDays(-5),
                                 QDate::currentDate().addDays(5), m_literacy);
    ASSERT_NO_FATAL_FAILURE(enrollMany(big, 600));
    ASSERT_NO_FATAL_FAILURE(openOn(big));
    ASSERT_EQ(sheet()->model()->rowCount(), 600);
    view()->setFocus();

    LocalStore holder(mapping()); // another connection holding the write lock
    ASSERT_TRUE(holder.open(storePath()));
    ASSERT_TRUE(holder.begin());
    int ticks = 0;
    QTimer ticker;
    QObject::connect(&ticker, &QTimer::timeout, [&ticks] { ++ticks; });
    ticker.start(0);

    QTest::mouseClick(sheet()->markAllPresentButton(), Qt::LeftButton);
    QTest::keyClick(view(), Qt::Key_1); // typed while the marks are being written
    ASSERT_TRUE(QTest::qWaitFor([&ticks] { return ticks >= 3; }, 5000));
    EXPECT_TRUE(sheet()->isMarkingAll()) << "the writes were done before the window answered";
    EXPECT_FALSE(sheet()->markAllPresentButton()->isEnabled());
    EXPECT_TRUE(marksToday(big).isEmpty());

    holder.rollback();
    ticker.stop();
    settle();
    const auto marks = marksToday(big);
    ASSERT_EQ(marks.size(), 600);
    const qint64 firstStudent = sheet()->model()->studentAt(0)->id;
    EXPECT_EQ(marks.value(firstStudent).status, 1) << "the key typed meanwhile applies after";
    EXPECT_EQ(marks.value(sheet()->model()->studentAt(1)->id).status, 0);
    EXPECT_EQ(sheet()->model()->markedCount(), 600) << "the sheet shows everyone marked";
    EXPECT_TRUE(sheet()->markAllPresentButton()->isEnabled());
}

TEST_F(SheetKeysTest, TabLeavesTheCourseListWithoutOpeningAnotherCourse)
{
    ASSERT_NO_FATAL_FAILURE(openOn(m_reading));
    m_window->courseView()->setFocus();
    const qint64 course = m_window->currentCourseId();
    press(Qt::Key_Tab);
    settle();
    EXPECT_NE(QApplication::focusWidget(), m_window->courseView()) << "Tab stayed in the list";
    EXPECT_EQ(m_window->currentCourseId(), course);
    m_window->courseView()->setFocus();
    press(Qt::Key_Tab);
    press(Qt::Key_Tab);
    settle();
    EXPECT_EQ(m_window->currentCourseId(), course) << "Tab opened another course";
}

TEST_F(SheetKeysTest, CtrlTwoPutsTheKeysOnTheSheet)
{
    ASSERT_NO_FATAL_FAILURE(openOn(m_reading));
    m_window->showTab(MainWindow::RosterTab);
    m_window->courseView()->setFocus();
    press(Qt::Key_2, Qt::ControlModifier);
    EXPECT_EQ(m_window->currentTab(), MainWindow::AttendanceTab);
    EXPECT_EQ(QApplication::focusWidget(), view());
    press(Qt::Key_1);
    EXPECT_EQ(marksToday(m_reading).size(), 1) << "the next key marks";
}

TEST_F(SheetKeysTest, ReopensOnTheLastCourseAndTabWithTheKeysOnTheSheet)
{
    ASSERT_NO_FATAL_FAILURE(openApp());
    EXPECT_EQ(m_window->currentTab(), MainWindow::AttendanceTab) << "a first start";
    ASSERT_TRUE(m_window->selectCourse(m_maths));
    m_window->showTab(MainWindow::SummaryTab);
    settle();
    m_window->close(); // saves
    m_window.reset();

    ASSERT_NO_FATAL_FAILURE(openApp());
    EXPECT_EQ(m_window->currentCourseId(), m_maths);
    EXPECT_EQ(m_window->currentTab(), MainWindow::SummaryTab);
    m_window->showTab(MainWindow::AttendanceTab);
    m_window->close();
    m_window.reset();

    ASSERT_NO_FATAL_FAILURE(openApp());
    EXPECT_EQ(m_window->currentCourseId(), m_maths);
    EXPECT_EQ(m_window->currentTab(), MainWindow::AttendanceTab);
    EXPECT_EQ(QApplication::focusWidget(), view()) << "the sheet takes the keys at once";
}

// "Active today" means the course meets today: its class days are the weekdays it has marks
// on in its last weeks; a course without marks falls back on its dates.
TEST_F(SheetKeysTest, ActiveTodayListsTheCoursesThatMeetToday)
{
    const QDate today = QDate::currentDate();
    const qint64 otherDays =
        addCourse(QStringLiteral("Ajedrez"), today.addDays(-60), today.addDays(60), m_literacy);
    enroll(otherDays, m_rosa);
    for (int week = 1; week <= 3; ++week) {
        const QDate sameWeekday = today.addDays(-7 * week);
        ASSERT_TRUE(m_repository->markAttendance(m_reading, m_rosa, sameWeekday, 0).ok());
        ASSERT_TRUE(
            m_repository->markAttendance(otherDays, m_rosa, sameWeekday.addDays(1), 0).ok());
        ASSERT_TRUE(
            m_repository->markAttendance(otherDays, m_rosa, sameWeekday.addDays(3), 0).ok());
    }
    ASSERT_NO_FATAL_FAILURE(openApp());
    ASSERT_TRUE(m_window->activeTodayCheck()->isChecked());
    QList<qint64> listed;
    for (int row = 0; row < m_window->courseFilter()->rowCount(); ++row) {
        listed.append(m_window->courseFilter()
                          ->index(row, 0)
                          .data(CourseListModel::CourseIdRole)
                          .toLongLong());
    }
    EXPECT_TRUE(listed.contains(m_reading)) << "meets on today's weekday";
    EXPECT_TRUE(listed.contains(m_maths)) << "no marks yet: its dates decide";
    EXPECT_FALSE(listed.contains(otherDays)) << "meets on other weekdays";
    EXPECT_FALSE(listed.contains(m_summer));
}

// The target of issue 25: from opening the app on a class of 40, everyone present but three
// students anywhere in the list, in at most 15 keys (each key counted as it is sent).
TEST_F(SheetKeysTest, FortyStudentsWithThreeExceptionsTakeAtMostFifteenKeys)
{
    const QStringList lastNames =
        QStringLiteral("Abreu,Acosta,Almonte,Báez,Bautista,Brito,Cabrera,Castro,Cruz,De la Rosa,"
                       "Díaz,Encarnación,Féliz,Fernández,García,Gómez,Guerrero,Herrera,Jiménez,"
                       "Lora,Martínez,Medina,Mejía,Méndez,Núñez,Ortiz,Paulino,Peña,Pérez,Polanco,"
                       "Quezada,Ramírez,Reyes,Rodríguez,Santana,Sánchez,Tavárez,Ureña,Vásquez,"
                       "Zapata")
            .split(QLatin1Char(','));
    const QStringList firstNames =
        QStringLiteral("Ana,Luis,Rosa,Juan,Carmen").split(QLatin1Char(','));
    const QDate today = QDate::currentDate();
    const qint64 course = addCourse(QStringLiteral("Computación básica"), today.addDays(-20),
                                    today.addDays(60), m_literacy);
    QHash<QString, qint64> byLastName;
    for (int i = 0; i < lastNames.size(); ++i) {
        const qint64 student = addStudent(firstNames.at(i % firstNames.size()), lastNames.at(i));
        enroll(course, student);
        byLastName.insert(lastNames.at(i), student);
    }
    ASSERT_EQ(byLastName.size(), 40);
    QSettings().setValue(WindowStateKeeper::lastCourseKey(storePath()), course);

    ASSERT_NO_FATAL_FAILURE(openApp()); // not a key: the app opens on the last course
    ASSERT_EQ(m_window->currentCourseId(), course);
    ASSERT_EQ(sheet()->model()->rowCount(), 40);
    ASSERT_EQ(QApplication::focusWidget(), view()) << "the sheet has the keys at start";

    press(Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier); // Mark all present
    settle(); // the marks are written in the background; waiting is not a key
    typeLetters(QStringLiteral("med")); // Medina, row 21
    press(Qt::Key_1);                   // absent
    typeLetters(QStringLiteral("zap")); // Zapata, the last row
    press(Qt::Key_3);                   // late
    typeLetters(QStringLiteral("bri")); // Brito, row 5
    press(Qt::Key_2);                   // excused
    EXPECT_LE(m_keys, 15);

    const auto marks = marksToday(course);
    ASSERT_EQ(marks.size(), 40);
    EXPECT_EQ(marks.value(byLastName.value(QStringLiteral("Medina"))).status, 1);
    EXPECT_EQ(marks.value(byLastName.value(QStringLiteral("Zapata"))).status, 3);
    EXPECT_EQ(marks.value(byLastName.value(QStringLiteral("Brito"))).status, 2);
    int present = 0;
    for (const AttendanceMark &mark : marks) {
        present += mark.status == 0 ? 1 : 0;
    }
    EXPECT_EQ(present, 37);
}

} // namespace
