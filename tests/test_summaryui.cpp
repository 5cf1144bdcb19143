// The Summary tab under a real window, as the teacher reads it: the share of days missed and
// "chronic absence" only where it holds, with 0, 1 and many absences (issue 14: one recorded
// absence read "chronic absence" beside an attendance of "0 %").
#include "attendancechartwidget.h"
#include "mainwindow.h"
#include "pdftext.h"
#include "reports.h"
#include "summarymodel.h"
#include "summarypanel.h"
#include "uitestfixture.h"

#include <QApplication>
#include <QLabel>
#include <QPrintPreviewDialog>
#include <QPrintPreviewWidget>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace pasalista;

namespace {

class SummaryInWindowTest : public uitest::UiStoreFixture
{
protected:
    void SetUp() override
    {
        UiStoreFixture::SetUp();
        fillSmallProgramme();
    }

    void TearDown() override
    {
        m_window.reset();
        UiStoreFixture::TearDown();
    }

    // `statuses`, one a day, from `days` days back (0 present, 1 unexcused absence).
    void markDays(qint64 student, const QList<int> &statuses)
    {
        const QDate first = QDate::currentDate().addDays(-int(statuses.size()));
        for (int day = 0; day < statuses.size(); ++day) {
            ASSERT_TRUE(m_repository
                            ->markAttendance(m_reading, student, first.addDays(day),
                                             statuses.at(day), {}, true)
                            .ok());
        }
    }

    void showSummary()
    {
        m_window = std::make_unique<MainWindow>(*m_repository);
        m_window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(m_window.get()));
        ASSERT_TRUE(m_window->selectCourse(m_reading));
        m_window->showTab(MainWindow::SummaryTab);
        QCoreApplication::processEvents();
    }

    // What the summary's table shows for a student, by column.
    QString shown(qint64 student, int column) const
    {
        const QAbstractItemModel *model = table()->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, column);
            if (index.data(SummaryModel::StudentIdRole).toLongLong() == student) {
                return index.data().toString();
            }
        }
        return QStringLiteral("(no row)");
    }
    bool chronic(qint64 student) const
    {
        const QAbstractItemModel *model = table()->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row, 0);
            if (index.data(SummaryModel::StudentIdRole).toLongLong() == student) {
                return index.data(SummaryModel::ChronicRole).toBool();
            }
        }
        return false;
    }
    QTableView *table() const
    {
        for (QTableView *view : m_window->findChildren<QTableView *>()) {
            // The table shows the summary through its sorting proxy.
            const auto *sorted = qobject_cast<QSortFilterProxyModel *>(view->model());
            if (sorted && sorted->sourceModel() == m_window->summaryModel() && view->isVisible()) {
                return view;
            }
        }
        return nullptr;
    }

    SummaryPanel *panel() const { return m_window->findChild<SummaryPanel *>(); }

    // The students of the summary's rows from top to bottom (the total: 0).
    QList<qint64> rowOrder() const
    {
        QList<qint64> order;
        const QAbstractItemModel *model = table()->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            order.append(model->index(row, 0).data(SummaryModel::StudentIdRole).toLongLong());
        }
        return order;
    }

    // The texts under one group of the watch list ("Name · Course"), by the group's position.
    QStringList watched(int group) const
    {
        QStringList names;
        const QTreeWidgetItem *item = panel()->watchList()->topLevelItem(group);
        for (int child = 0; item && child < item->childCount(); ++child) {
            names.append(item->child(child)->text(0) + QStringLiteral(" · ") +
                         item->child(child)->text(1));
        }
        return names;
    }

    std::unique_ptr<MainWindow> m_window;
};

} // namespace

TEST_F(SummaryInWindowTest, NoAbsenceOneAbsenceAndManyAreEachSaidRight)
{
    markDays(m_ana, QList<int>(12, 0));                           // 0 absences of 12 days
    markDays(m_luis, {1});                                        // 1 absence, the only day
    markDays(m_rosa, {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}); // 1 of 14: 7 %
    markDays(m_pedro, {0, 1, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0});      // 3 of 12: 25 %
    showSummary();
    ASSERT_TRUE(table());
    EXPECT_EQ(table()->model()->headerData(SummaryModel::ChronicColumn, Qt::Horizontal).toString(),
              QStringLiteral("Missed"));

    EXPECT_EQ(shown(m_ana, SummaryModel::RateColumn), QStringLiteral("100 %"));
    EXPECT_EQ(shown(m_ana, SummaryModel::ChronicColumn), QString()) << "nothing missed";
    EXPECT_FALSE(chronic(m_ana));

    // One absence on the only recorded day: all of it missed, too early to call chronic.
    EXPECT_EQ(shown(m_luis, SummaryModel::RateColumn), QStringLiteral("0 %"));
    EXPECT_EQ(shown(m_luis, SummaryModel::ChronicColumn), QStringLiteral("100 %"));
    EXPECT_FALSE(chronic(m_luis));

    EXPECT_EQ(shown(m_rosa, SummaryModel::ChronicColumn), QStringLiteral("7 %"));
    EXPECT_FALSE(chronic(m_rosa));

    EXPECT_EQ(shown(m_pedro, SummaryModel::RateColumn), QStringLiteral("75 %"));
    EXPECT_EQ(shown(m_pedro, SummaryModel::ChronicColumn),
              QStringLiteral("25 % — chronic absence"));
    EXPECT_TRUE(chronic(m_pedro));

    // Whatever the numbers, "chronic absence" never sits beside a share under 10 %.
    const QAbstractItemModel *model = table()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QString text = model->index(row, SummaryModel::ChronicColumn).data().toString();
        if (text.contains(QStringLiteral("chronic"))) {
            EXPECT_GE(text.section(QLatin1Char(' '), 0, 0).toInt(), 10) << text.toStdString();
        }
    }
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, SummaryModel::ChronicColumn);
        if (index.data(SummaryModel::StudentIdRole).toLongLong() == m_luis) {
            const QString tip = index.data(Qt::ToolTipRole).toString();
            EXPECT_TRUE(tip.startsWith(QStringLiteral("Class days missed: 1 of 1 recorded.")))
                << tip.toStdString();
        }
    }
}

TEST_F(SummaryInWindowTest, TheTotalRowIsNeverFlaggedChronic)
{
    markDays(m_pedro, {1, 1, 1, 1, 1, 1, 1, 1, 1, 1});
    showSummary();
    ASSERT_TRUE(table());
    const QAbstractItemModel *model = table()->model();
    const int total = model->rowCount() - 1;
    EXPECT_EQ(model->index(total, SummaryModel::NameColumn).data().toString(),
              QStringLiteral("Total"));
    EXPECT_EQ(model->index(total, SummaryModel::ChronicColumn).data().toString(),
              QStringLiteral("100 %"));
    EXPECT_FALSE(model->index(total, 0).data(SummaryModel::ChronicRole).toBool());
    EXPECT_TRUE(chronic(m_pedro));
}

// Issue 25: a coordinator sorts the summary by any column, numbers as numbers and the total
// always last; the rate attended and the share missed add up to 100; the chronic-absence rule
// is there in full; the chart shows the course's weeks; the students to watch across courses
// are listed (10 % or more missed, 3 or more absences in a row).
TEST_F(SummaryInWindowTest, SortedAddingUpWithTheRuleTheChartAndTheWatchLists)
{
    markDays(m_ana, QList<int>(12, 0));
    QList<int> luis(21, 0); // 2 of 21 missed: 9.5 %, read as 9 %, so 91 % attended
    luis[4] = 1;
    luis[9] = 1;
    markDays(m_luis, luis);
    markDays(m_rosa, {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1}); // 3 in a row, 3 of 14
    markDays(m_pedro, {0, 1, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0});      // 3 of 12, never in a row
    showSummary();
    ASSERT_TRUE(table());
    ASSERT_TRUE(panel());

    EXPECT_EQ(shown(m_luis, SummaryModel::RateColumn), QStringLiteral("91 %"));
    EXPECT_EQ(shown(m_luis, SummaryModel::ChronicColumn), QStringLiteral("9 %"));
    for (qint64 student : {m_ana, m_luis, m_rosa, m_pedro}) {
        const int attended =
            shown(student, SummaryModel::RateColumn).section(QLatin1Char(' '), 0, 0).toInt();
        const int missed =
            shown(student, SummaryModel::ChronicColumn).section(QLatin1Char(' '), 0, 0).toInt();
        EXPECT_EQ(attended + missed, 100) << student;
    }

    table()->sortByColumn(SummaryModel::RateColumn, Qt::AscendingOrder);
    EXPECT_EQ(rowOrder(), (QList<qint64>{m_pedro, m_rosa, m_luis, m_ana, 0}));
    table()->sortByColumn(SummaryModel::RateColumn, Qt::DescendingOrder);
    EXPECT_EQ(rowOrder(), (QList<qint64>{m_ana, m_luis, m_rosa, m_pedro, 0})) << "total last";
    table()->sortByColumn(SummaryModel::RecordedColumn, Qt::AscendingOrder);
    EXPECT_EQ(rowOrder().mid(0, 2), (QList<qint64>{m_ana, m_pedro})) << "12 before 14, as numbers";
    table()->sortByColumn(SummaryModel::NameColumn, Qt::AscendingOrder);
    EXPECT_EQ(rowOrder(), (QList<qint64>{m_luis, m_ana, m_rosa, m_pedro, 0}));

    const QLabel *rule = panel()->ruleLabel();
    EXPECT_TRUE(rule->isVisible());
    EXPECT_EQ(rule->text(), Reports::chronicAbsenceRule());
    EXPECT_LE(rule->heightForWidth(rule->width()), rule->height()) << "the whole rule shows";

    QCoreApplication::processEvents();
    const QList<WeeklyRate> weeks = Reports(*m_repository).weeklyRates(m_reading);
    ASSERT_FALSE(weeks.isEmpty());
    ASSERT_EQ(panel()->chart()->weeks().size(), weeks.size());
    int recorded = 0;
    for (const WeeklyRate &week : panel()->chart()->weeks()) {
        recorded += week.recorded;
    }
    EXPECT_EQ(recorded, 12 + 21 + 14 + 12);

    EXPECT_EQ(watched(0), (QStringList{QStringLiteral("Pedro Duarte · Lectura inicial"),
                                       QStringLiteral("Rosa Castillo · Lectura inicial")}));
    EXPECT_EQ(watched(1), (QStringList{QStringLiteral("Rosa Castillo · Lectura inicial")}));
}

// Issue 25: the summary counts only the dates the coordinator picks, and keeps to them when
// a mark changes the course; the chart and the lists follow.
TEST_F(SummaryInWindowTest, ADateRangeLimitsTheTableTheChartAndTheLists)
{
    markDays(m_pedro, {1, 1, 1, 0, 0, 0, 0, 0, 0, 0}); // from 10 days back to yesterday
    showSummary();
    ASSERT_TRUE(panel());
    QCoreApplication::processEvents();
    EXPECT_EQ(watched(1), (QStringList{QStringLiteral("Pedro Duarte · Lectura inicial")}));

    const QDate today = QDate::currentDate();
    panel()->setDateRange(today.addDays(-7), today.addDays(-1));
    QCoreApplication::processEvents();
    EXPECT_EQ(shown(m_pedro, SummaryModel::RecordedColumn), QStringLiteral("7"));
    EXPECT_EQ(shown(m_pedro, SummaryModel::AbsentColumn), QStringLiteral("0"));
    EXPECT_TRUE(watched(1).isEmpty()) << "the run of absences is before the range";
    int recorded = 0;
    for (const WeeklyRate &week : panel()->chart()->weeks()) {
        recorded += week.recorded;
    }
    EXPECT_EQ(recorded, 7);

    ASSERT_TRUE(
        m_repository->markAttendance(m_reading, m_ana, today.addDays(-2), 1, {}, true).ok());
    QCoreApplication::processEvents();
    EXPECT_EQ(shown(m_pedro, SummaryModel::RecordedColumn), QStringLiteral("7"))
        << "still the range";
    EXPECT_EQ(shown(m_ana, SummaryModel::AbsentColumn), QStringLiteral("1"));

    panel()->setDateRange({}, {});
    QCoreApplication::processEvents();
    EXPECT_EQ(shown(m_pedro, SummaryModel::RecordedColumn), QStringLiteral("10"));
}

// Issue 25: the report the window saves as PDF carries the course, its students and rates
// (read back with poppler's pdftotext, which scripts/install-deps installs).
TEST_F(SummaryInWindowTest, TheReportSavedAsPdfReadsBack)
{
    markDays(m_pedro, {0, 1, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0});
    showSummary();
    ASSERT_TRUE(panel());
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("summary.pdf"));
    ASSERT_TRUE(panel()->saveReportPdf(pdf));
    const QString text = test::pdfText(pdf);
    for (const QString &expected :
         {QStringLiteral("Lectura inicial"), QStringLiteral("Pedro Duarte"), QStringLiteral("75 %"),
          QStringLiteral("chronic absence")}) {
        EXPECT_TRUE(text.contains(expected))
            << expected.toStdString() << " in " << text.toStdString();
    }
}

// Issue 25: the report, the roster and the sign-in sheet each open in a print preview with
// their pages drawn (the preview asks for them as a printer would).
TEST_F(SummaryInWindowTest, EachPrintButtonOpensAPreviewWithPages)
{
    markDays(m_pedro, {0, 1, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0});
    showSummary();
    ASSERT_TRUE(panel());
    const QStringList buttons = {QStringLiteral("&Print report…"), QStringLiteral("Print roste&r…"),
                                 QStringLiteral("Print sign-in &sheet for")};
    for (const QString &text : buttons) {
        QPushButton *button = nullptr;
        for (QPushButton *candidate : panel()->findChildren<QPushButton *>()) {
            button = candidate->text() == text ? candidate : button;
        }
        ASSERT_TRUE(button) << text.toStdString();
        int pages = -1;
        QTimer::singleShot(0, panel(), [&pages] {
            auto *dialog = qobject_cast<QPrintPreviewDialog *>(QApplication::activeModalWidget());
            if (dialog) {
                QCoreApplication::processEvents();
                pages = dialog->findChild<QPrintPreviewWidget *>()->pageCount();
                dialog->reject();
            }
        });
        button->click();
        EXPECT_GE(pages, 1) << text.toStdString();
    }
}
