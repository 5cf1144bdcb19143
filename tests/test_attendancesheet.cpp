// The attendance sheet taken by keyboard on the real view: mark all present, then the
// exceptions with arrows, letters and digits, notes with N; checked in the store and the
// outbox.
#include "attendancemodel.h"
#include "attendancesheet.h"
#include "attendancetableview.h"
#include "uitestfixture.h"

#include <QApplication>
#include <QDateEdit>
#include <QElapsedTimer>
#include <QKeyEvent>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using namespace pasalista;

namespace {

class AttendanceSheetTest : public uitest::UiStoreFixture
{
protected:
    void SetUp() override
    {
        UiStoreFixture::SetUp();
        fillSmallProgramme();
        m_sheet = std::make_unique<AttendanceSheet>(*m_repository);
        m_sheet->setConfirmationHandler([this](const QString &) {
            ++m_questions;
            return m_answer;
        });
        m_sheet->setCourse(m_reading);
        m_sheet->resize(800, 600);
        m_sheet->show();
        QApplication::setActiveWindow(m_sheet.get());
        m_sheet->view()->setFocus();
    }

    void TearDown() override
    {
        m_sheet.reset();
        UiStoreFixture::TearDown();
    }

    // A key press with the given text, as a keyboard with caps lock sends it.
    static void typeText(QWidget *widget, Qt::Key key, const QString &text)
    {
        QKeyEvent press(QEvent::KeyPress, key, Qt::NoModifier, text);
        QKeyEvent release(QEvent::KeyRelease, key, Qt::NoModifier, text);
        QApplication::sendEvent(widget, &press);
        QApplication::sendEvent(widget, &release);
    }

    AttendanceTableView *view() const { return m_sheet->view(); }
    qint64 studentInRow(int row) const
    {
        return m_sheet->model()->index(row, 0).data(AttendanceModel::StudentIdRole).toLongLong();
    }
    QHash<qint64, AttendanceMark> marksOn(const QDate &date) const
    {
        return m_repository->attendanceOn(m_reading, date);
    }

    std::unique_ptr<AttendanceSheet> m_sheet;
    int m_questions = 0;
    bool m_answer = true;
};

TEST_F(AttendanceSheetTest, DefaultsToTodayWithTheCursorOnTheFirstStudent)
{
    EXPECT_EQ(m_sheet->date(), QDate::currentDate());
    ASSERT_EQ(m_sheet->model()->rowCount(), 4);
    EXPECT_EQ(view()->currentIndex().row(), 0);
    EXPECT_FALSE(m_sheet->markAllPresentButton()->accessibleName().isEmpty());
    EXPECT_FALSE(m_sheet->dateEdit()->accessibleName().isEmpty());
    EXPECT_FALSE(view()->accessibleName().isEmpty());
}

TEST_F(AttendanceSheetTest, MarkAllPresentThenExceptionsByKeyboard)
{
    const int outboxBefore = m_store->pendingChangeCount();
    QTest::mouseClick(m_sheet->markAllPresentButton(), Qt::LeftButton);
    ASSERT_EQ(marksOn(QDate::currentDate()).size(), 4);
    EXPECT_EQ(view()->currentIndex().row(), 0);

    QTest::keyClick(view(), Qt::Key_Down);
    QTest::keyClick(view(), Qt::Key_A); // row 1: unexcused absence, cursor to row 2
    EXPECT_EQ(view()->currentIndex().row(), 2);
    QTest::keyClick(view(), Qt::Key_3);               // row 2: unexcused late (digit)
    typeText(view(), Qt::Key_L, QStringLiteral("L")); // row 3: excused late (upper case)
    EXPECT_EQ(view()->currentIndex().row(), 3) << "the cursor stays on the last row";

    QTest::keyClick(view(), Qt::Key_Up);
    QTest::keyClick(view(), Qt::Key_N); // notes of row 2
    QWidget *editor = QApplication::focusWidget();
    ASSERT_TRUE(qobject_cast<QLineEdit *>(editor));
    QTest::keyClicks(editor, QStringLiteral("Lleg"));
    typeText(editor, Qt::Key_Oacute, QStringLiteral("ó"));
    QTest::keyClicks(editor, QStringLiteral(" a las 3:20"));
    QTest::keyClick(editor, Qt::Key_Return);
    QCoreApplication::processEvents(); // the delegate commits through a queued call
    EXPECT_TRUE(m_sheet->lastError().isEmpty()) << m_sheet->lastError().toStdString();
    EXPECT_EQ(QApplication::focusWidget(), view()) << "the editor closed";

    const auto marks = marksOn(QDate::currentDate());
    EXPECT_EQ(marks.value(studentInRow(0)).status, 0);
    EXPECT_EQ(marks.value(studentInRow(1)).status, 1);
    EXPECT_EQ(marks.value(studentInRow(2)).status, 3);
    EXPECT_EQ(marks.value(studentInRow(2)).notes, QStringLiteral("Llegó a las 3:20"));
    EXPECT_EQ(marks.value(studentInRow(3)).status, 4);

    EXPECT_GT(m_store->pendingChangeCount(), outboxBefore);
    EXPECT_GE(outboxRows(mapping().table(Role::Attendance)), 4 + 4);
    EXPECT_TRUE(m_sheet->lastError().isEmpty()) << m_sheet->lastError().toStdString();
}

TEST_F(AttendanceSheetTest, EnterOnTheNotesColumnEditsNotes)
{
    QTest::keyClick(view(), Qt::Key_P);
    QTest::keyClick(view(), Qt::Key_Up);
    view()->setCurrentIndex(m_sheet->model()->index(0, AttendanceModel::NotesColumn));
    QTest::keyClick(view(), Qt::Key_Return);
    QWidget *editor = QApplication::focusWidget();
    ASSERT_TRUE(qobject_cast<QLineEdit *>(editor));
    QTest::keyClicks(editor, QStringLiteral("Trajo la tarea"));
    QTest::keyClick(editor, Qt::Key_Enter);
    QCoreApplication::processEvents();
    EXPECT_EQ(marksOn(QDate::currentDate()).value(studentInRow(0)).notes,
              QStringLiteral("Trajo la tarea"));
}

TEST_F(AttendanceSheetTest, UnknownKeysWriteNothing)
{
    const int pending = m_store->pendingChangeCount();
    QTest::keyClick(view(), Qt::Key_X);
    QTest::keyClick(view(), Qt::Key_9);
    QTest::keyClick(view(), Qt::Key_A, Qt::ControlModifier);
    EXPECT_TRUE(marksOn(QDate::currentDate()).isEmpty());
    EXPECT_EQ(m_store->pendingChangeCount(), pending);
    EXPECT_EQ(view()->currentIndex().row(), 0);
}

TEST_F(AttendanceSheetTest, DateOutsideTheCourseAsksOnceThenWrites)
{
    const QDate before = QDate::currentDate().addDays(-45);
    m_sheet->setDate(before);
    m_answer = false;
    QTest::keyClick(view(), Qt::Key_P);
    EXPECT_EQ(m_questions, 1);
    EXPECT_TRUE(marksOn(before).isEmpty());
    EXPECT_FALSE(m_sheet->lastError().isEmpty());

    m_answer = true;
    QTest::keyClick(view(), Qt::Key_P);
    QTest::keyClick(view(), Qt::Key_E);
    EXPECT_EQ(m_questions, 2) << "asked once per date";
    const auto marks = marksOn(before);
    EXPECT_EQ(marks.value(studentInRow(0)).status, 0);
    EXPECT_EQ(marks.value(studentInRow(1)).status, 2);
    EXPECT_TRUE(m_sheet->lastError().isEmpty());

    m_sheet->setDate(QDate::currentDate().addDays(-44)); // a new date asks again
    QTest::keyClick(view(), Qt::Key_P);
    EXPECT_EQ(m_questions, 3);
}

TEST_F(AttendanceSheetTest, AClassOfFortyTakesWellUnderAMinuteByKeyboard)
{
    const qint64 big = addCourse(QStringLiteral("Computación"), QDate::currentDate().addDays(-5),
                                 QDate::currentDate().addDays(5), m_literacy);
    for (int i = 0; i < 40; ++i) {
        enroll(big, addStudent(QStringLiteral("Estudiante"),
                               QStringLiteral("Apellido %1").arg(i, 2, 10, QLatin1Char('0'))));
    }
    m_sheet->setCourse(big);
    ASSERT_EQ(m_sheet->model()->rowCount(), 40);
    view()->setFocus();

    QElapsedTimer timer;
    timer.start();
    QTest::keyClick(m_sheet->markAllPresentButton(), Qt::Key_Space);
    view()->setFocus();
    const Qt::Key keys[] = {Qt::Key_P, Qt::Key_A, Qt::Key_E, Qt::Key_T, Qt::Key_L};
    for (int row = 0; row < 40; ++row) {
        QTest::keyClick(view(), keys[row % 5]);
    }
    EXPECT_LT(timer.elapsed(), 60000);

    const auto marks = m_repository->attendanceOn(big, QDate::currentDate());
    ASSERT_EQ(marks.size(), 40);
    for (int row = 0; row < 40; ++row) {
        EXPECT_EQ(marks.value(studentInRow(row)).status, row % 5) << "row " << row;
    }
}

} // namespace
