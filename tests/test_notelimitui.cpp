// The note editor of the attendance sheet held to the org's field length, under a real
// window: the limit comes from the describe the last sync cached in the store, so it holds
// offline (this store never talks to an org). A note too long is refused with its reason
// before anything is saved or sent.
#include "attendancemodel.h"
#include "attendancesheet.h"
#include "attendancetableview.h"
#include "sync/describerules.h"
#include "uitestfixture.h"

#include <QApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QTest>

using namespace pasalista;

namespace {

class NoteLimitTest : public uitest::UiStoreFixture
{
protected:
    void SetUp() override
    {
        UiStoreFixture::SetUp();
        fillSmallProgramme();
    }

    void TearDown() override
    {
        m_sheet.reset();
        UiStoreFixture::TearDown();
    }

    // What a sync leaves in the store after describing the org: Notes__c takes 1,000.
    void cacheTheOrgsRules()
    {
        const QJsonObject describe{
            {QStringLiteral("fields"),
             QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("Notes__c")},
                                    {QStringLiteral("label"), QStringLiteral("Notes")},
                                    {QStringLiteral("type"), QStringLiteral("textarea")},
                                    {QStringLiteral("length"), 1000},
                                    {QStringLiteral("nillable"), true}}}}};
        const DescribeRules rules =
            DescribeRules::fromDescribe(describe, mapping().objectFor(Role::Attendance).fields);
        QSqlQuery query(m_store->database());
        query.prepare(QStringLiteral("INSERT INTO _meta (key, value) VALUES (?, ?)"));
        query.addBindValue(QStringLiteral("rules:Attendance__c"));
        query.addBindValue(
            QString::fromUtf8(QJsonDocument(rules.toCache()).toJson(QJsonDocument::Compact)));
        ASSERT_TRUE(query.exec());
    }

    void openSheet()
    {
        m_sheet = std::make_unique<AttendanceSheet>(*m_repository);
        m_sheet->setConfirmationHandler([](const QString &) { return true; });
        m_sheet->setCourse(m_reading);
        m_sheet->resize(800, 600);
        m_sheet->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(m_sheet.get()));
        QApplication::setActiveWindow(m_sheet.get());
        view()->setFocus();
    }

    AttendanceTableView *view() const { return m_sheet->view(); }
    qint64 studentInRow(int row) const
    {
        return m_sheet->model()->index(row, 0).data(AttendanceModel::StudentIdRole).toLongLong();
    }
    QString notesOf(qint64 student) const
    {
        return m_repository->attendanceOn(m_reading, QDate::currentDate()).value(student).notes;
    }

    // Enter on the current row, then the note pasted into the editor.
    QLineEdit *editNote(const QString &note)
    {
        QTest::keyClick(view(), Qt::Key_Return);
        auto *editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
        if (editor) {
            editor->selectAll();
            editor->insert(note);
        }
        return editor;
    }

    std::unique_ptr<AttendanceSheet> m_sheet;
};

} // namespace

TEST_F(NoteLimitTest, ANoteLongerThanTheOrgTakesIsRefusedBeforeAnythingIsSaved)
{
    cacheTheOrgsRules();
    openSheet();
    QTest::keyClick(view(), Qt::Key_0); // row 0 present; the cursor moves on
    QTest::keyClick(view(), Qt::Key_Up);
    const qint64 student = studentInRow(0);
    const int pending = m_store->pendingChangeCount();

    QLineEdit *editor = editNote(QString(1199, QLatin1Char('x')));
    ASSERT_TRUE(editor);
    EXPECT_EQ(m_sheet->noteLengthText(),
              QStringLiteral("Characters over the org's limit: 199. Shorten the note to save it."));
    QTest::keyClick(editor, Qt::Key_Return);
    QCoreApplication::processEvents();
    EXPECT_EQ(QApplication::focusWidget(), editor) << "the editor stays open to shorten it";
    const QString error = m_sheet->lastError();
    const QLocale locale;
    EXPECT_TRUE(error.contains(locale.toString(1199) + QStringLiteral(" characters long")) &&
                error.contains(QStringLiteral("at most ") + locale.toString(1000)))
        << error.toStdString();
    EXPECT_TRUE(notesOf(student).isEmpty()) << "nothing saved";
    EXPECT_EQ(m_store->pendingChangeCount(), pending) << "nothing to send";

    // Moving away does not save it either; the note waits in the editor of that cell.
    view()->setCurrentIndex(m_sheet->model()->index(1, AttendanceModel::NameColumn));
    QCoreApplication::processEvents();
    EXPECT_TRUE(notesOf(student).isEmpty());
    EXPECT_EQ(m_store->pendingChangeCount(), pending);
    view()->setFocus();
    QTest::keyClick(view(), Qt::Key_Up);
    QTest::keyClick(view(), Qt::Key_Return);
    editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    ASSERT_TRUE(editor);
    EXPECT_EQ(editor->text().size(), 1199) << "the draft came back";

    // Shortened to what the org takes, it is saved, and the refusal goes.
    editor->setCursorPosition(1199);
    for (int i = 0; i < 199; ++i) {
        QTest::keyClick(editor, Qt::Key_Backspace);
    }
    EXPECT_EQ(m_sheet->noteLengthText(), QStringLiteral("Characters left for this note: 0"));
    EXPECT_TRUE(m_sheet->lastError().isEmpty()) << m_sheet->lastError().toStdString();
    QTest::keyClick(editor, Qt::Key_Return);
    QCoreApplication::processEvents();
    EXPECT_EQ(notesOf(student), QString(1000, QLatin1Char('x')));
    EXPECT_GT(m_store->pendingChangeCount(), pending);
    EXPECT_TRUE(m_sheet->noteLengthText().isEmpty()) << "the count goes with the editor";
}

TEST_F(NoteLimitTest, TheCountShowsWhileTypingAndAShortNoteIsSaved)
{
    cacheTheOrgsRules();
    openSheet();
    QTest::keyClick(view(), Qt::Key_Return);
    auto *editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    ASSERT_TRUE(editor);
    QTest::keyClicks(editor, QStringLiteral("Tos"));
    EXPECT_EQ(m_sheet->noteLengthText(), QStringLiteral("Characters left for this note: 997"));
    QTest::keyClick(editor, Qt::Key_Return);
    QCoreApplication::processEvents();
    EXPECT_EQ(notesOf(studentInRow(0)), QStringLiteral("Tos"));
}

TEST_F(NoteLimitTest, WithoutADescribeNoLimitIsMadeUp)
{
    openSheet(); // never synced: the org's length is not known here
    QLineEdit *editor = editNote(QString(1199, QLatin1Char('x')));
    ASSERT_TRUE(editor);
    EXPECT_TRUE(m_sheet->noteLengthText().isEmpty());
    QTest::keyClick(editor, Qt::Key_Return);
    QCoreApplication::processEvents();
    EXPECT_EQ(notesOf(studentInRow(0)).size(), 1199);
}
