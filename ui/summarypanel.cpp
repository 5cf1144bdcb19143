#include "summarypanel.h"

#include "attendancechartwidget.h"
#include "coursedocuments.h"
#include "pdffile.h"
#include "privatefiles.h"
#include "reports.h"
#include "repository.h"
#include "summarymodel.h"
#include "summarysortmodel.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTextDocument>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace pasalista {

SummaryPanel::SummaryPanel(const Repository &repository, SummaryModel *model, QWidget *parent)
    : QWidget(parent), m_repository(repository), m_model(model),
      m_sorted(new SummarySortModel(this))
{
    m_sorted->setSourceModel(model);
    m_rule = new QLabel(Reports::chronicAbsenceRule(), this);
    m_rule->setWordWrap(true); // the whole rule at any width, never a cut-off column
    m_chart = new AttendanceChartWidget(this);
    createTable();
    m_watchList = new QTreeWidget(this);
    m_watchList->setAccessibleName(tr("Students to watch in all your courses"));
    m_watchList->setHeaderLabels({tr("Student"), tr("Course"), tr("Why")});
    m_watchList->setRootIsDecorated(true);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_chart);
    splitter->addWidget(m_table);
    splitter->addWidget(m_watchList);
    splitter->setStretchFactor(1, 1);
    // The table first; the chart and the lists at a size that reads (the teacher can drag).
    const int line = fontMetrics().height();
    splitter->setSizes({line * 9, line * 14, line * 7});
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createRangeRow());
    layout->addWidget(m_rule);
    layout->addWidget(splitter, 1);
    layout->addWidget(createPrintRow());

    // One reading of the chart and the lists per change of the table, however many rows
    // the change touched.
    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(0);
    connect(m_refreshTimer, &QTimer::timeout, this, &SummaryPanel::updateCourseViews);
    const auto refreshSoon = [this] { m_refreshTimer->start(); };
    connect(model, &QAbstractItemModel::modelReset, this, refreshSoon);
    connect(model, &QAbstractItemModel::layoutChanged, this, refreshSoon);
    connect(model, &QAbstractItemModel::dataChanged, this, refreshSoon);
    connect(model, &QAbstractItemModel::rowsInserted, this, refreshSoon);
    connect(model, &QAbstractItemModel::rowsRemoved, this, refreshSoon);
}

void SummaryPanel::createTable()
{
    m_table = new QTableView(this);
    m_table->setModel(m_sorted);
    m_table->setAccessibleName(tr("Attendance summary"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(SummaryModel::NameColumn, Qt::AscendingOrder);
    // Names are read whole; the share missed (and a chronic absence) takes what is left.
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setResizeContentsPrecision(200); // not 1,000 rows per change
    header->setSectionResizeMode(SummaryModel::ChronicColumn, QHeaderView::Stretch);
}

QWidget *SummaryPanel::createRangeRow()
{
    auto *row = new QWidget(this);
    m_limitDates = new QCheckBox(tr("Only the days &from"), row);
    m_from = new QDateEdit(QDate::currentDate().addMonths(-1), row);
    m_to = new QDateEdit(QDate::currentDate(), row);
    auto *toLabel = new QLabel(tr("t&o"), row);
    toLabel->setBuddy(m_to);
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setEnabled(false);
        connect(edit, &QDateEdit::dateChanged, this, &SummaryPanel::onRangeEdited);
    }
    m_from->setAccessibleName(tr("First day counted"));
    m_to->setAccessibleName(tr("Last day counted"));
    connect(m_limitDates, &QCheckBox::toggled, this, &SummaryPanel::onRangeEdited);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_limitDates);
    layout->addWidget(m_from);
    layout->addWidget(toLabel);
    layout->addWidget(m_to);
    layout->addStretch(1);
    return row;
}

QWidget *SummaryPanel::createPrintRow()
{
    auto *row = new QWidget(this);
    auto *printReport = new QPushButton(tr("&Print report…"), row);
    auto *savePdf = new QPushButton(tr("Save report as P&DF…"), row);
    auto *printRoster = new QPushButton(tr("Print roste&r…"), row);
    auto *printSignIn = new QPushButton(tr("Print sign-in &sheet for"), row);
    m_signInDate = new QDateEdit(QDate::currentDate(), row);
    m_signInDate->setCalendarPopup(true);
    m_signInDate->setAccessibleName(tr("Day of the sign-in sheet"));
    connect(printReport, &QPushButton::clicked, this, [this] { preview(reportDocument()); });
    connect(savePdf, &QPushButton::clicked, this, &SummaryPanel::askReportPdf);
    connect(printRoster, &QPushButton::clicked, this,
            [this] { preview(CourseDocuments(m_repository).roster(m_model->courseId())); });
    connect(printSignIn, &QPushButton::clicked, this, [this] {
        preview(
            CourseDocuments(m_repository).signInSheet(m_model->courseId(), m_signInDate->date()));
    });
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    for (QWidget *widget :
         {static_cast<QWidget *>(printReport), static_cast<QWidget *>(savePdf),
          static_cast<QWidget *>(printRoster), static_cast<QWidget *>(printSignIn),
          static_cast<QWidget *>(m_signInDate)}) {
        layout->addWidget(widget);
    }
    layout->addStretch(1);
    return row;
}

void SummaryPanel::setDateRange(const QDate &from, const QDate &to)
{
    const QSignalBlocker blockCheck(m_limitDates);
    const QSignalBlocker blockFrom(m_from);
    const QSignalBlocker blockTo(m_to);
    m_limitDates->setChecked(from.isValid() || to.isValid());
    // An open end keeps the field's date for the next time the box is ticked.
    if (from.isValid()) {
        m_from->setDate(from);
    }
    if (to.isValid()) {
        m_to->setDate(to);
    }
    onRangeEdited();
}

void SummaryPanel::onRangeEdited()
{
    const bool limited = m_limitDates->isChecked();
    m_from->setEnabled(limited);
    m_to->setEnabled(limited);
    const QDate from = limited ? m_from->date() : QDate();
    const QDate to = limited ? m_to->date() : QDate();
    if (from != m_model->from() || to != m_model->to()) {
        m_model->setDateRange(from, to);
    }
}

// The chart and the lists follow the table: read when the model shows a course or a range.
void SummaryPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale) {
        updateCourseViews();
    }
}

void SummaryPanel::updateCourseViews()
{
    // The lists read every course's marks: only for a coordinator looking at them.
    m_stale = !isVisible();
    if (m_stale) {
        return;
    }
    const Reports reports(m_repository);
    m_chart->setWeeks(reports.weeklyRates(m_model->courseId(), m_model->from(), m_model->to()));
    fillWatchList();
}

void SummaryPanel::fillWatchList()
{
    const Reports reports(m_repository);
    const QDate from = m_model->from();
    const QDate to = m_model->to();
    const QLocale locale;
    m_watchList->clear();
    const QList<WatchedStudent> chronic = reports.chronicAbsences(from, to);
    auto *chronicGroup = new QTreeWidgetItem(
        m_watchList, {tr("10 % or more of the class days missed (%n student(s))", nullptr,
                         int(chronic.size()))});
    for (const WatchedStudent &student : chronic) {
        new QTreeWidgetItem(chronicGroup,
                            {student.summary.name, student.course,
                             tr("%1 % missed: %2 of %3 days")
                                 .arg(locale.toString(student.summary.absencePercent()),
                                      locale.toString(student.summary.absent),
                                      locale.toString(student.summary.recorded))});
    }
    const QList<WatchedStudent> streaks = reports.absenceStreaks(Reports::kWatchedStreak, from, to);
    auto *streakGroup = new QTreeWidgetItem(
        m_watchList,
        {tr("%1 or more absences in a row (%n student(s))", nullptr, int(streaks.size()))
             .arg(Reports::kWatchedStreak)});
    for (const WatchedStudent &student : streaks) {
        new QTreeWidgetItem(
            streakGroup,
            {student.summary.name, student.course,
             tr("%n absence(s) in a row, %1", nullptr, student.longestStreak)
                 .arg(CourseDocuments::periodText(student.streakFrom, student.streakTo))});
    }
    m_watchList->expandAll();
    m_watchList->resizeColumnToContents(0);
    m_watchList->resizeColumnToContents(1);
    m_watchList->resizeColumnToContents(2);
}

std::unique_ptr<QTextDocument> SummaryPanel::reportDocument() const
{
    return CourseDocuments(m_repository)
        .report(m_model->courseId(), m_model->from(), m_model->to());
}

void SummaryPanel::preview(std::unique_ptr<QTextDocument> document)
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageLayout(QPageLayout(PdfFile::defaultPageSize(), QPageLayout::Portrait,
                                      QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter));
    QPrintPreviewDialog dialog(&printer, this);
    connect(&dialog, &QPrintPreviewDialog::paintRequested, this, [&document](QPrinter *target) {
        PdfFile::paginate(*document, target->pageLayout());
        document->print(target);
    });
    dialog.exec();
}

void SummaryPanel::askReportPdf()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save report as PDF"),
                                                      tr("report.pdf"), tr("PDF files (*.pdf)"));
    if (!path.isEmpty()) {
        saveReportPdf(path);
    }
}

bool SummaryPanel::saveReportPdf(const QString &path)
{
    QString error;
    const auto document = reportDocument();
    if (!PdfFile::write(*document, path, &error)) {
        QMessageBox::warning(this, tr("Save report as PDF"), error);
        return false;
    }
    // An export of her students' data, like the CSV: removing the store removes it too.
    PrivateFiles::noteExport(m_repository.store().path(), path);
    return true;
}

} // namespace pasalista
