#pragma once

#include <QWidget>

#include <memory>

class QCheckBox;
class QDateEdit;
class QLabel;
class QTableView;
class QTextDocument;
class QTimer;
class QTreeWidget;

namespace pasalista {

class AttendanceChartWidget;
class Repository;
class SummaryModel;
class SummarySortModel;

// The Summary tab, a report a coordinator can hand on: the dates it counts, the chronic-absence
// rule in words, the course's weekly chart, the table (sorted by any column, the total last),
// the students to watch across every course, and print / PDF of the report, the roster and a
// blank sign-in sheet.
class SummaryPanel : public QWidget
{
    Q_OBJECT

public:
    SummaryPanel(const Repository &repository, SummaryModel *model, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    AttendanceChartWidget *chart() const { return m_chart; }
    QTreeWidget *watchList() const { return m_watchList; }
    QLabel *ruleLabel() const { return m_rule; }
    // Limits the report to the dates (invalid: every recorded day), as the date fields do.
    void setDateRange(const QDate &from, const QDate &to);
    // The report as it is shown, to print or save.
    std::unique_ptr<QTextDocument> reportDocument() const;
    // Writes the report to a PDF file; false with a message on screen when it cannot.
    bool saveReportPdf(const QString &path);

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *createRangeRow();
    QWidget *createPrintRow();
    void createTable();
    void onRangeEdited();
    void updateCourseViews();
    void fillWatchList();
    void preview(std::unique_ptr<QTextDocument> document);
    void askReportPdf();

    const Repository &m_repository;
    SummaryModel *m_model = nullptr;
    SummarySortModel *m_sorted = nullptr;
    QCheckBox *m_limitDates = nullptr;
    QDateEdit *m_from = nullptr;
    QDateEdit *m_to = nullptr;
    QDateEdit *m_signInDate = nullptr;
    QLabel *m_rule = nullptr;
    AttendanceChartWidget *m_chart = nullptr;
    QTableView *m_table = nullptr;
    QTreeWidget *m_watchList = nullptr;
    QTimer *m_refreshTimer = nullptr;
    bool m_stale = true; // the chart and the lists wait to be read until the panel shows
};

} // namespace pasalista
