// The Summary tab under a real window, as the teacher reads it: the share of days missed and
// "chronic absence" only where it holds, with 0, 1 and many absences (issue 14: one recorded
// absence read "chronic absence" beside an attendance of "0 %").
#include "mainwindow.h"
#include "summarymodel.h"
#include "uitestfixture.h"

#include <QApplication>
#include <QTableView>
#include <QTest>

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
            if (view->model() == m_window->summaryModel() && view->isVisible()) {
                return view;
            }
        }
        return nullptr;
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
