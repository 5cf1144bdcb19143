// The main window on a demo programme, in Spanish and in English, at 100 % and 200 % scale:
// every visible label, button, check box, tab and combo box has room for its whole text.
// 100 % renders in this process; 200 % in a child process of this suite started with
// QT_SCALE_FACTOR=2 (the factor must be set before the QApplication exists). The pictures
// go to the working folder (screenshot-<tab>-<language>-<scale>.png) for a look by eye: the
// sheet shows the five statuses side by side (colour, glyph and style), and the Sync issues
// window one refused mark with its editor in place. A long message (the session ended, in
// Spanish) is shown whole beside the status bar's sync corner.
#include "attendancemodel.h"
#include "attendancesheet.h"
#include "auth/identity.h"
#include "coursefilterproxymodel.h"
#include "demodata.h"
#include "laptopclock.h"
#include "mainwindow.h"
#include "mapping.h"
#include "repository.h"
#include "signindialog.h"
#include "signoutdialog.h"
#include "store/localstore.h"
#include "studentformdialog.h"
#include "sync/clockskew.h"
#include "syncissuesdialog.h"
#include "syncstatuswidget.h"
#include "uitestfixture.h"
#include "welcomedialog.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QGroupBox>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QLocale>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QSet>
#include <QSqlQuery>
#include <QStatusBar>
#include <QStyleOptionComboBox>
#include <QTabBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QToolButton>
#include <QTranslator>
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

using namespace pasalista;

namespace {

const char *const kScaleVariable = "PASALISTA_SCREENSHOT_SCALE";

QString visibleText(QString text)
{
    text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QLatin1Char('\x01'), QLatin1Char('&'));
    return text;
}

int widestLine(const QFontMetrics &metrics, const QString &text)
{
    int widest = 0;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        widest = qMax(widest, metrics.horizontalAdvance(line));
    }
    return widest;
}

QString describe(const QWidget *widget, const QString &text, int needed, int available)
{
    return QStringLiteral("%1 \"%2\" needs %3 px, has %4")
        .arg(QString::fromLatin1(widget->metaObject()->className()), text)
        .arg(needed)
        .arg(available);
}

// Every text the user can see in `window` that does not fit its widget.
QStringList clippedTexts(QWidget *window)
{
    QStringList problems;
    const auto widgets = window->findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        if (!widget->isVisibleTo(window) || widget->width() <= 0) {
            continue;
        }
        if (auto *label = qobject_cast<QLabel *>(widget)) {
            const bool rich =
                label->textFormat() == Qt::RichText ||
                (label->textFormat() == Qt::AutoText && Qt::mightBeRichText(label->text()));
            if (!label->text().isEmpty() && label->wordWrap()) {
                // A wrapped text is whole when its label is as tall as its lines need.
                const int needed = label->heightForWidth(label->width());
                if (needed > label->height()) {
                    problems.append(QStringLiteral("%1 \"%2\" needs %3 px of height, has %4")
                                        .arg(QString::fromLatin1(label->metaObject()->className()),
                                             label->text())
                                        .arg(needed)
                                        .arg(label->height()));
                }
                continue;
            }
            if (label->text().isEmpty() || rich) {
                continue;
            }
            const QString text = label->buddy() ? visibleText(label->text()) : label->text();
            const int needed = widestLine(label->fontMetrics(), text);
            const int available = label->contentsRect().width() - 2 * qMax(label->margin(), 0);
            if (needed > available) {
                problems.append(describe(label, text, needed, available));
            }
        } else if (auto *button = qobject_cast<QAbstractButton *>(widget)) {
            auto *toolButton = qobject_cast<QToolButton *>(button);
            if (button->text().isEmpty() ||
                (toolButton && toolButton->toolButtonStyle() == Qt::ToolButtonIconOnly)) {
                continue;
            }
            const QString text = visibleText(button->text());
            const int needed = widestLine(button->fontMetrics(), text);
            // The text alone, and the text with its indicator, icon and margins.
            if (needed > button->contentsRect().width() ||
                button->width() < button->minimumSizeHint().width()) {
                problems.append(describe(button, text,
                                         qMax(needed, button->minimumSizeHint().width()),
                                         button->width()));
            }
        } else if (auto *tabBar = qobject_cast<QTabBar *>(widget)) {
            for (int i = 0; i < tabBar->count(); ++i) {
                const QString text = visibleText(tabBar->tabText(i));
                const int needed = tabBar->fontMetrics().horizontalAdvance(text);
                if (needed > tabBar->tabRect(i).width()) {
                    problems.append(describe(tabBar, text, needed, tabBar->tabRect(i).width()));
                }
            }
        } else if (auto *combo = qobject_cast<QComboBox *>(widget)) {
            if (combo->currentText().isEmpty()) {
                continue;
            }
            QStyleOptionComboBox option;
            option.initFrom(combo);
            option.editable = combo->isEditable();
            const QRect field = combo->style()->subControlRect(QStyle::CC_ComboBox, &option,
                                                               QStyle::SC_ComboBoxEditField, combo);
            const int needed = combo->fontMetrics().horizontalAdvance(combo->currentText());
            if (needed > field.width()) {
                problems.append(describe(combo, combo->currentText(), needed, field.width()));
            }
        } else if (auto *group = qobject_cast<QGroupBox *>(widget)) {
            const QString text = visibleText(group->title());
            const int needed = group->fontMetrics().horizontalAdvance(text);
            if (!text.isEmpty() && group->width() < group->minimumSizeHint().width()) {
                problems.append(describe(group, text, needed, group->width()));
            }
        }
    }
    return problems;
}

// Controls of the attendance sheet a screen reader could not name: no text of their own,
// no accessible name and no label pointing at them.
QStringList unnamedControls(QWidget *sheet)
{
    QSet<const QWidget *> labelled;
    const auto labels = sheet->findChildren<QLabel *>();
    for (const QLabel *label : labels) {
        if (label->buddy()) {
            labelled.insert(label->buddy());
        }
    }
    QStringList problems;
    const auto widgets = sheet->findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        const auto *button = qobject_cast<QAbstractButton *>(widget);
        const bool control =
            qobject_cast<QLineEdit *>(widget) || qobject_cast<QAbstractSpinBox *>(widget) ||
            qobject_cast<QComboBox *>(widget) || qobject_cast<QAbstractItemView *>(widget) ||
            (button && button->text().isEmpty());
        if (control && widget->isVisibleTo(sheet) && widget->accessibleName().isEmpty() &&
            !labelled.contains(widget) && !qobject_cast<QLineEdit *>(widget->parentWidget()) &&
            !qobject_cast<QAbstractItemView *>(widget->parentWidget()) && // headers, corner
            !qobject_cast<QAbstractSpinBox *>(widget->parentWidget())) {
            problems.append(QString::fromLatin1(widget->metaObject()->className()) +
                            QLatin1Char(' ') + widget->objectName());
        }
    }
    return problems;
}

int scalePercent()
{
    const QByteArray scale = qgetenv(kScaleVariable);
    return scale.isEmpty() ? 100 : scale.toInt();
}

// Saves the window's picture as screenshot-<name>-<language>-<scale>.png and expects none of
// its texts clipped; `where` says which window in a failure.
void saveAndExpectWhole(QWidget *window, const char *name, const QString &language,
                        const char *where)
{
    const QString file = QDir::current().filePath(QStringLiteral("screenshot-%1-%2-%3.png")
                                                      .arg(QLatin1String(name), language)
                                                      .arg(scalePercent()));
    EXPECT_TRUE(window->grab().save(file)) << file.toStdString();
    const QStringList problems = clippedTexts(window);
    EXPECT_TRUE(problems.isEmpty())
        << "clipped " << where << ", " << language.toStdString() << ":\n  "
        << problems.join(QStringLiteral("\n  ")).toStdString();
}

class Screenshots : public ::testing::TestWithParam<QString>
{
protected:
    void SetUp() override
    {
        ASSERT_NO_FATAL_FAILURE(uitest::openDemoStoreIn(m_dir, &m_store, &m_repository));

        const QString language = GetParam();
        m_previousLocale = QLocale();
        QLocale::setDefault(QLocale(language == QStringLiteral("es") ? QStringLiteral("es_DO")
                                                                     : QStringLiteral("en_US")));
        if (language == QStringLiteral("es")) {
            ASSERT_TRUE(m_own.load(QStringLiteral(":/i18n/pasalista_es.qm")));
            QCoreApplication::installTranslator(&m_own);
            if (m_qt.load(QLocale(QStringLiteral("es")), QStringLiteral("qtbase"),
                          QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
                QCoreApplication::installTranslator(&m_qt);
            }
        }
    }

    void TearDown() override
    {
        QCoreApplication::removeTranslator(&m_own);
        QCoreApplication::removeTranslator(&m_qt);
        QLocale::setDefault(m_previousLocale);
        m_repository.reset();
        m_store.reset();
    }

    // The first five students of the sheet get the five statuses, one each.
    static void showEveryStatus(AttendanceSheet *sheet)
    {
        AttendanceModel *model = sheet->model();
        for (int code = 0; code < 5 && code < model->rowCount(); ++code) {
            EXPECT_TRUE(model->setStatus(code, code).ok());
        }
    }

    // What the pusher writes when the org refuses a record: a note too long.
    void refuseOneMark()
    {
        const auto courses = m_repository->courses();
        ASSERT_FALSE(courses.isEmpty());
        const auto roster = m_repository->roster(courses.first().id);
        ASSERT_FALSE(roster.isEmpty());
        QString note;
        while (note.size() < 1200) {
            note += QStringLiteral("Enferma. ");
        }
        ASSERT_TRUE(m_repository
                        ->markAttendance(courses.first().id, roster.first().id,
                                         QDate::currentDate(), 1, note.left(1200), true)
                        .ok());
        QSqlQuery query(m_store->database());
        ASSERT_TRUE(query.exec(QStringLiteral(
            "UPDATE _trigger_log SET state = 'FAILED', sf_message = 'STRING_TOO_LONG: Notes: data "
            "value too large (max length=1000)' WHERE state = 'NEW'")));
    }

    QTemporaryDir m_dir;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<Repository> m_repository;
    QTranslator m_own;
    QTranslator m_qt;
    QLocale m_previousLocale;
};

} // namespace

TEST_P(Screenshots, MainWindowTextIsNotClipped)
{
    const QString language = GetParam();
    const QString scale = QString::number(scalePercent());
    MainWindow window(*m_repository);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    if (window.courseFilter()->rowCount() == 0) { // a day the demo's courses do not meet
        window.activeTodayCheck()->setChecked(false);
    }
    ASSERT_GT(window.courseFilter()->rowCount(), 0);
    EXPECT_DOUBLE_EQ(window.devicePixelRatioF(), scalePercent() / 100.0);
    showEveryStatus(window.attendanceSheet());

    const QList<QPair<MainWindow::Tab, QString>> tabs = {
        {MainWindow::RosterTab, QStringLiteral("roster")},
        {MainWindow::AttendanceTab, QStringLiteral("attendance")},
        {MainWindow::SummaryTab, QStringLiteral("summary")}};
    for (const auto &tab : tabs) {
        window.showTab(tab.first);
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
        const QPixmap picture = window.grab();
        EXPECT_EQ(picture.width(), qRound(window.width() * window.devicePixelRatioF()));
        const QString file = QDir::current().filePath(
            QStringLiteral("screenshot-%1-%2-%3.png").arg(tab.second, language, scale));
        EXPECT_TRUE(picture.save(file)) << file.toStdString();

        if (tab.first == MainWindow::AttendanceTab) {
            const QStringList unnamed = unnamedControls(window.attendanceSheet());
            EXPECT_TRUE(unnamed.isEmpty())
                << "attendance sheet controls without an accessible name: "
                << unnamed.join(QStringLiteral(", ")).toStdString();
        }
        const QStringList problems = clippedTexts(&window);
        EXPECT_TRUE(problems.isEmpty())
            << "clipped on the " << tab.second.toStdString() << " tab, " << language.toStdString()
            << " at " << scale.toStdString() << " %:\n  "
            << problems.join(QStringLiteral("\n  ")).toStdString();
    }
}

TEST_P(Screenshots, SyncIssuesTextIsNotClipped)
{
    const QString language = GetParam();
    refuseOneMark();
    SyncIssuesDialog dialog(*m_store);
    dialog.resize(900, 560);
    dialog.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&dialog));
    dialog.view()->selectRow(0);
    EXPECT_TRUE(dialog.correctionBox()->isVisible()) << "the refused note, editable in place";
    QCoreApplication::processEvents();
    saveAndExpectWhole(&dialog, "syncissues", language, "in Sync issues");
}

// "La orgar": a message the status bar cut to what its sync corner left over. Messages now
// wrap in a bar of their own, whole at any scale.
TEST_P(Screenshots, LongMessageIsShownWhole)
{
    const QString language = GetParam();
    MainWindow window(*m_repository);
    auto *corner = new SyncStatusWidget(&window);
    corner->setRepository(m_repository.get());
    window.pendingLabel()->hide();
    window.statusBar()->addPermanentWidget(corner);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    const QString message = QCoreApplication::translate(
        "pasalista::GuiLauncher",
        "The org ended your session: sign in again to sync. Your changes are kept.");
    if (language == QStringLiteral("es")) {
        ASSERT_TRUE(message.startsWith(QStringLiteral("La organización"))) << "translated";
    }
    window.showMessage(message);
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    EXPECT_EQ(window.message(), message);
    EXPECT_TRUE(window.statusBar()->currentMessage().isEmpty());
    saveAndExpectWhole(&window, "message", language, "with a message");
}

// Issue 22: the last sync found the laptop's clock 3 days ahead of the org's. The window
// says so across its top, both days named, whole in either language.
TEST_P(Screenshots, ClockWarningIsShownWhole)
{
    const QString language = GetParam();
    const QDateTime laptopNow = LaptopClock::nowUtc();
    ASSERT_TRUE(ClockSkew(*m_store).record(laptopNow.addDays(-3), laptopNow));
    MainWindow window(*m_repository);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    const QString warning = window.clockWarning();
    EXPECT_TRUE(warning.contains(QLocale().toString(LaptopClock::today(), QLocale::LongFormat)))
        << warning.toStdString();
    EXPECT_TRUE(
        warning.contains(QLocale().toString(LaptopClock::today().addDays(-3), QLocale::LongFormat)))
        << warning.toStdString();
    if (language == QStringLiteral("es")) {
        EXPECT_TRUE(warning.contains(QStringLiteral("reloj"))) << "translated";
    }
    saveAndExpectWhole(&window, "clockwarning", language, "with the clock warning");
}

// Issue 25: the sign-in dialog's text was clipped, "no se pudo abrir un navegador" among it.
// The form, then the wait with no browser to open, whole in either language and scale.
TEST_P(Screenshots, SignInTextIsNotClipped)
{
    const QString language = GetParam();
    SignInDialog dialog;
    dialog.setBrowserOpener([](const QUrl &) { return false; }); // no browser on this computer
    // The org as it comes first (Production): nothing is sent there, as no browser opens.
    dialog.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&dialog));
    saveAndExpectWhole(&dialog, "signin", language, "in the sign-in form");

    const QString noBrowser = QCoreApplication::translate(
        "pasalista::SignInDialog", "Pasalista could not open a browser. Copy the link, paste it "
                                   "into a browser on this computer and sign in there.");
    dialog.startSignIn();
    const auto shown = [&] {
        const auto labels = dialog.findChildren<QLabel *>();
        return std::any_of(labels.begin(), labels.end(), [&](const QLabel *label) {
            return label->isVisible() && label->text() == noBrowser;
        });
    };
    ASSERT_TRUE(QTest::qWaitFor(shown, 10000)) << "the dialog says no browser opened";
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    saveAndExpectWhole(&dialog, "signin-nobrowser", language, "in the sign-in dialog");
    dialog.reject();

    // An address refused on the form (plain http), the reason shown under it; nothing sent.
    SignInDialog refused;
    refused.setLoginUrl(QUrl(QStringLiteral("http://login.example.org")));
    refused.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&refused));
    refused.startSignIn();
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    saveAndExpectWhole(&refused, "signin-error", language, "with the sign-in form's error");
}

// Issue 25: the other dialogs a teacher meets, whole in either language and scale.
TEST_P(Screenshots, DialogsTextIsNotClipped)
{
    const QString language = GetParam();
    WelcomeDialog welcome;
    welcome.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&welcome));
    saveAndExpectWhole(&welcome, "welcome", language, "in the welcome dialog");
    Identity identity;
    identity.username = QStringLiteral("maria.rodriguez@dream.demo");
    SignOutDialog signOut(identity, 3);
    signOut.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&signOut));
    saveAndExpectWhole(&signOut, "signout", language, "in the sign-out dialog");
    StudentFormDialog student(*m_repository);
    student.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&student));
    saveAndExpectWhole(&student, "studentform", language, "in the student form");
}

INSTANTIATE_TEST_SUITE_P(Languages, Screenshots,
                         ::testing::Values(QStringLiteral("es"), QStringLiteral("en")),
                         [](const auto &language) { return language.param.toStdString(); });

TEST(ScreenshotsAt200Percent, ChildProcessRendersWithoutClipping)
{
    if (!qEnvironmentVariableIsEmpty(kScaleVariable)) {
        GTEST_SKIP() << "already the child process";
    }
    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_SCALE_FACTOR"), QStringLiteral("2"));
    environment.insert(QString::fromLatin1(kScaleVariable), QStringLiteral("200"));
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    child.setProcessEnvironment(environment);
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("--gtest_filter=Languages/Screenshots.*")});
    ASSERT_TRUE(child.waitForFinished(300000)) << "the 200 % run did not finish";
    const QByteArray output = child.readAll();
    EXPECT_EQ(child.exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(child.exitCode(), 0) << output.toStdString();
    EXPECT_TRUE(output.contains("[  PASSED  ] 12 tests")) << output.toStdString();
}
