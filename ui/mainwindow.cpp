#include "mainwindow.h"

#include "attendancemodel.h"
#include "attendancesheet.h"
#include "attendancetableview.h"
#include "coursefilterproxymodel.h"
#include "courselistmodel.h"
#include "courseloader.h"
#include "diagnostics.h"
#include "repository.h"
#include "rosterpanel.h"
#include "screenreader.h"
#include "summarymodel.h"
#include "summarypanel.h"
#include "sync/clockskew.h"
#include "uilanguage.h"
#include "uilogging.h"

#include <QActionGroup>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QScopeGuard>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <memory>
#include <utility>

namespace pasalista {

MainWindow::MainWindow(Repository &repository, Loading loading, QWidget *parent)
    : QMainWindow(parent), m_repository(repository), m_courseModel(new CourseListModel(this)),
      m_courseFilter(new CourseFilterProxyModel(this)),
      m_summaryModel(new SummaryModel(repository, this))
{
    if (loading == Loading::InBackground) {
        m_loader = new CourseLoader(repository.store().path(), repository.mapping(), this);
        connect(m_loader, &CourseLoader::loaded, this, &MainWindow::showLoaded);
    }
    setWindowTitle(tr("Pasalista"));
    m_courseFilter->setSourceModel(m_courseModel);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(createCoursePane());
    splitter->addWidget(createCoursePage());
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({360, 640});
    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->addWidget(createClockBar());
    centralLayout->addWidget(createMessageBar());
    centralLayout->addWidget(splitter, 1);
    setCentralWidget(central);

    m_pendingLabel = new QLabel(this);
    m_pendingLabel->setAccessibleName(tr("Changes waiting to sync"));
    statusBar()->addPermanentWidget(m_pendingLabel);
    createMenus();
    connectSignals();
    if (m_loader) {
        m_attendance->setLoadsInBackground(true);
        m_roster->setLoadsInBackground(true);
        m_attendance->expectCourse(0); // keys typed before the first answer wait for it
        connect(m_attendance, &AttendanceSheet::loadWanted, this, [this] { requestLoad(false); });
    }

    fillPrograms();
    onActiveTodayToggled(m_activeToday->isChecked());
    refresh();
    updatePendingCount(m_repository.store().pendingChangeCount());
    resize(1100, 700);
}

// Messages for the teacher go in a bar across the window that wraps, never in the status
// bar's own message area: that one is what the permanent widgets leave over, and it cut a
// Spanish message to "La orgar".
QLabel *MainWindow::createMessageBar()
{
    m_messageBar = createBar(tr("Message"), QStringLiteral("#fff3cd; color: #3d2e00"));
    m_messageTimer = new QTimer(this);
    m_messageTimer->setSingleShot(true);
    connect(m_messageTimer, &QTimer::timeout, m_messageBar, &QLabel::hide);
    return m_messageBar;
}

// A laptop clock off the org's (days off files the roll under another day): said across the
// window for as long as the last sync found it so, not as a message that times out.
QLabel *MainWindow::createClockBar()
{
    m_clockBar = createBar(tr("Wrong clock"), QStringLiteral("#f8d7da; color: #58151c"));
    return m_clockBar;
}

// A hidden bar across the window that wraps its text; `colours` is its background and text.
QLabel *MainWindow::createBar(const QString &accessibleName, const QString &colours)
{
    auto *bar = new QLabel(this);
    bar->setWordWrap(true);
    bar->setAccessibleName(accessibleName);
    bar->setTextInteractionFlags(Qt::TextSelectableByMouse);
    bar->setStyleSheet(
        QStringLiteral("background: %1; padding: 6px; border-radius: 3px;").arg(colours));
    bar->hide();
    return bar;
}

void MainWindow::updateClockWarning()
{
    const ClockSkew skew(m_repository.store());
    m_clockBar->setText(skew.warning());
    m_clockBar->setVisible(!m_clockBar->text().isEmpty());
}

QString MainWindow::clockWarning() const
{
    return m_clockBar->isHidden() ? QString() : m_clockBar->text();
}

void MainWindow::showMessage(const QString &text, int timeoutMs)
{
    m_messageBar->setText(text);
    m_messageBar->setToolTip(text);
    m_messageBar->setVisible(!text.isEmpty());
    if (!text.isEmpty()) {
        ScreenReader::alert(m_messageBar);
    }
    m_messageTimer->stop();
    if (timeoutMs > 0) {
        m_messageTimer->start(timeoutMs);
    }
}

QString MainWindow::message() const
{
    return m_messageBar->isHidden() ? QString() : m_messageBar->text();
}

QWidget *MainWindow::createCoursePane()
{
    auto *pane = new QWidget(this);
    m_search = new QLineEdit(pane);
    m_search->setPlaceholderText(tr("Search courses"));
    m_search->setAccessibleName(tr("Search courses"));
    m_search->setClearButtonEnabled(true);
    m_program = new QComboBox(pane);
    m_program->setAccessibleName(tr("Program"));
    m_activeToday = new QCheckBox(tr("Active &today"), pane);
    m_activeToday->setChecked(true);
    m_activeToday->setToolTip(
        tr("Show only the courses that meet today: within their dates, on the weekdays they "
           "have marks on"));

    m_courseView = new QTableView(pane);
    m_courseView->setModel(m_courseFilter);
    m_courseView->setAccessibleName(tr("Courses"));
    m_courseView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_courseView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_courseView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_courseView->setSortingEnabled(true);
    m_courseView->sortByColumn(CourseListModel::TitleColumn, Qt::AscendingOrder);
    m_courseView->setWordWrap(false);
    // Tab leaves the list (arrows choose a course): moving cell by cell chose another course
    // every second press.
    m_courseView->setTabKeyNavigation(false);
    m_courseView->verticalHeader()->hide();
    m_courseView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_courseView->horizontalHeader()->setSectionResizeMode(CourseListModel::TitleColumn,
                                                           QHeaderView::Stretch);
    // Program and dates are in the tooltip and the course header; the list stays narrow.
    for (int column : {CourseListModel::ProgramColumn, CourseListModel::StartColumn,
                       CourseListModel::EndColumn}) {
        m_courseView->setColumnHidden(column, true);
    }

    auto *layout = new QVBoxLayout(pane);
    layout->addWidget(m_search);
    layout->addWidget(m_program);
    layout->addWidget(m_activeToday);
    layout->addWidget(m_courseView, 1);
    return pane;
}

QWidget *MainWindow::createCoursePage()
{
    auto *page = new QWidget(this);
    m_courseHeader = new QLabel(page);
    m_courseHeader->setWordWrap(true);
    m_courseHeader->setTextFormat(Qt::PlainText);
    QFont headerFont = m_courseHeader->font();
    headerFont.setPointSizeF(headerFont.pointSizeF() * 1.2);
    headerFont.setBold(true);
    m_courseHeader->setFont(headerFont);

    m_tabs = new QTabWidget(page);
    m_tabs->setAccessibleName(tr("Course views")); // a screen reader names what Tab reaches
    m_roster = new RosterPanel(m_repository, m_tabs);
    m_attendance = new AttendanceSheet(m_repository, m_tabs);
    m_tabs->insertTab(RosterTab, m_roster, tr("&Roster"));
    m_tabs->insertTab(AttendanceTab, m_attendance, tr("&Attendance"));
    m_tabs->insertTab(SummaryTab, createSummaryPage(), tr("S&ummary"));

    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_courseHeader);
    layout->addWidget(m_tabs, 1);
    return page;
}

QWidget *MainWindow::createSummaryPage()
{
    return new SummaryPanel(m_repository, m_summaryModel, this);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Refresh"), QKeySequence::Refresh, this, &MainWindow::refresh);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu *course = menuBar()->addMenu(tr("&Course"));
    course->addAction(tr("&Enroll student…"), QKeySequence(tr("Ctrl+E")), m_roster,
                      &RosterPanel::enrollExistingStudent);
    course->addAction(tr("&New student…"), QKeySequence::New, m_roster,
                      &RosterPanel::createStudent);
    course->addAction(tr("&Unenroll student…"), QKeySequence(tr("Ctrl+Shift+U")), m_roster,
                      &RosterPanel::unenrollCurrentStudent);
    course->addAction(tr("Student &profile…"), QKeySequence(tr("Ctrl+I")), m_roster,
                      &RosterPanel::showCurrentProfile);
    course->addSeparator();
    course->addAction(tr("Mark all &present"), QKeySequence(tr("Ctrl+Shift+P")), this, [this] {
        showTab(AttendanceTab);
        m_attendance->markAllPresent();
    });

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("&Roster"), QKeySequence(tr("Ctrl+1")), this,
                    [this] { showTab(RosterTab); });
    view->addAction(tr("&Attendance"), QKeySequence(tr("Ctrl+2")), this,
                    [this] { showTab(AttendanceTab); });
    view->addAction(tr("&Summary"), QKeySequence(tr("Ctrl+3")), this,
                    [this] { showTab(SummaryTab); });
    view->addAction(tr("&Find course"), QKeySequence::Find, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    view->addSeparator();
    createLanguageMenu(view);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Pasalista"), this, &MainWindow::showAbout);
    help->addAction(tr("Copy &diagnostics"), this, [this] {
        QApplication::clipboard()->setText(Diagnostics::text(&m_repository.store()));
        showMessage(tr("Diagnostics copied to the clipboard."), 5000);
    });
}

void MainWindow::createLanguageMenu(QMenu *viewMenu)
{
    QMenu *menu = viewMenu->addMenu(tr("&Language"));
    auto *group = new QActionGroup(menu);
    const QList<QPair<QString, QString>> languages = {
        {tr("&System language"), QString()},
        {tr("&Español"), QStringLiteral("es")},
        {tr("&English"), QStringLiteral("en")},
    };
    const QString current = UiLanguage::configured();
    for (const auto &language : languages) {
        QAction *action = menu->addAction(language.first);
        action->setCheckable(true);
        action->setChecked(language.second == current);
        group->addAction(action);
        const QString code = language.second;
        connect(action, &QAction::triggered, this, [this, code] { chooseLanguage(code); });
    }
}

void MainWindow::connectSignals()
{
    connect(m_search, &QLineEdit::textChanged, m_courseFilter,
            &CourseFilterProxyModel::setSearchText);
    connect(m_program, &QComboBox::currentIndexChanged, this, &MainWindow::onProgramChosen);
    connect(m_activeToday, &QCheckBox::toggled, this, &MainWindow::onActiveTodayToggled);
    connect(m_courseView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::onCurrentCourseChanged);
    connect(m_courseFilter, &QAbstractItemModel::modelReset, this,
            &MainWindow::onCurrentCourseChanged);
    connect(m_courseFilter, &QAbstractItemModel::layoutChanged, this,
            &MainWindow::onCurrentCourseChanged);
    connect(m_courseFilter, &QAbstractItemModel::rowsRemoved, this,
            &MainWindow::onCurrentCourseChanged);
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::onTabChanged);
    connect(&m_repository, &Repository::dataChanged, this, &MainWindow::onRepositoryChanged);
    connect(&m_repository.store(), &LocalStore::pendingChangeCountChanged, this,
            &MainWindow::updatePendingCount);
}

void MainWindow::fillPrograms()
{
    m_program->clear();
    m_program->addItem(tr("All programs"), qint64(0));
    const QList<Program> programs = m_repository.programs();
    for (const Program &program : programs) {
        m_program->addItem(program.name, program.id);
    }
}

// After a sync or a settled issue: every model changes in place (rows keyed by record id),
// so the selected course, the sheet's current student, scroll positions and an open editor
// stay where the teacher left them.
void MainWindow::refresh()
{
    updateClockWarning();
    if (m_loader) {
        requestLoad(true);
        return;
    }
    m_courseModel->reload(m_repository);
    if (!m_courseView->currentIndex().isValid() && m_courseFilter->rowCount() > 0) {
        m_courseView->setCurrentIndex(m_courseFilter->index(0, CourseListModel::TitleColumn));
    }
    onCurrentCourseChanged();
    m_attendance->refresh();
    m_roster->reload();
    m_summaryStale = true;
    onTabChanged(m_tabs->currentIndex());
    updateCourseHeader();
}

bool MainWindow::selectCourse(qint64 courseId)
{
    const int sourceRow = m_courseModel->rowOfCourse(courseId);
    const QModelIndex source = m_courseModel->index(sourceRow, CourseListModel::TitleColumn);
    if (source.isValid() && !m_courseFilter->mapFromSource(source).isValid() &&
        m_activeToday->isChecked()) {
        m_activeToday->setChecked(false); // a course asked for (the last one) on another day
    }
    const QModelIndex index = m_courseFilter->mapFromSource(source);
    if (!index.isValid() && m_loader && !m_coursesLoaded) {
        m_pendingSelection = courseId; // e.g. the last course, restored at start
        m_attendance->expectCourse(courseId);
        return true;
    }
    if (!index.isValid()) {
        return false;
    }
    m_courseView->setCurrentIndex(index);
    m_courseView->scrollTo(index);
    return true;
}

void MainWindow::showMark(qint64 courseId, qint64 studentId, const QDate &date)
{
    if (!selectCourse(courseId)) {
        m_activeToday->setChecked(false);
        m_program->setCurrentIndex(0); // all programs
        selectCourse(courseId);
    }
    showTab(AttendanceTab);
    m_attendance->setDate(date);
    const auto moveToStudent = [this, courseId, studentId, date] {
        const AttendanceModel *rows = m_attendance->model();
        const int row =
            rows->courseId() == courseId && rows->date() == date ? rows->rowOfKey(studentId) : -1;
        if (row >= 0) {
            m_attendance->view()->moveToRow(row);
        }
    };
    if (!isLoading()) {
        moveToStudent();
        return;
    }
    // Queued: once the last rows asked for are shown and the sheet has put its cursor.
    auto arrival = std::make_shared<QMetaObject::Connection>();
    *arrival = connect(
        m_loader, &CourseLoader::loaded, this,
        [this, arrival, moveToStudent] {
            if (!isLoading()) {
                disconnect(*arrival);
                moveToStudent();
            }
        },
        Qt::QueuedConnection);
}

void MainWindow::showTab(Tab tab)
{
    m_tabs->setCurrentIndex(tab);
    if (tab == AttendanceTab) {
        m_attendance->view()->setFocus(Qt::ShortcutFocusReason);
    }
}

MainWindow::Tab MainWindow::currentTab() const
{
    return Tab(m_tabs->currentIndex());
}

void MainWindow::onCurrentCourseChanged()
{
    const QModelIndex current = m_courseView->currentIndex();
    const qint64 courseId =
        current.isValid() ? current.data(CourseListModel::CourseIdRole).toLongLong() : 0;
    if (m_loader) {
        if (courseId != m_wantedCourseId) {
            m_wantedCourseId = courseId;
            m_attendance->expectCourse(courseId); // never a key on the course left
            requestLoad(false);
        }
        return;
    }
    if (courseId == m_courseId) {
        return;
    }
    m_courseId = courseId;
    m_roster->setCourse(courseId);
    m_attendance->setCourse(courseId);
    m_summaryStale = true; // the report reads every mark of the course: only when shown
    onTabChanged(m_tabs->currentIndex());
    updateCourseHeader();
}

bool MainWindow::isLoading() const
{
    return m_loader && (m_loader->isBusy() || m_attendance->isLoading());
}

void MainWindow::requestLoad(bool withCourses)
{
    CourseRequest request;
    request.courses = withCourses;
    request.courseId = m_wantedCourseId;
    request.date = m_attendance->model()->date();
    request.report = m_tabs->currentIndex() == SummaryTab;
    m_writtenWhileLoading = false;
    m_loader->request(request);
}

// The answer of the background reader, on the GUI thread: models change in place, as in
// refresh(). An answer that no longer fits (the teacher wrote a mark, picked another date or
// course meanwhile) is read again rather than shown.
void MainWindow::showLoaded(const CourseSnapshot &snapshot)
{
    if (m_writtenWhileLoading) {
        requestLoad(snapshot.request.courses);
        return;
    }
    if (snapshot.request.courses) {
        m_courseModel->setCourses(snapshot.courses);
        m_coursesLoaded = true;
        if (m_pendingSelection) {
            selectCourse(std::exchange(m_pendingSelection, 0));
        }
        if (!m_courseView->currentIndex().isValid() && m_courseFilter->rowCount() > 0) {
            m_courseView->setCurrentIndex(m_courseFilter->index(0, CourseListModel::TitleColumn));
        }
        const QModelIndex current = m_courseView->currentIndex();
        m_wantedCourseId =
            current.isValid() ? current.data(CourseListModel::CourseIdRole).toLongLong() : 0;
    }
    if (snapshot.request.courseId != m_wantedCourseId ||
        snapshot.request.date != m_attendance->model()->date()) {
        requestLoad(false);
        return;
    }
    showCourseLoaded(snapshot);
}

void MainWindow::showCourseLoaded(const CourseSnapshot &snapshot)
{
    QElapsedTimer timer;
    timer.start();
    const auto logStep = qScopeGuard([&] {
        qCDebug(lcUi) << "showed course" << snapshot.request.courseId << "in" << timer.elapsed()
                      << "ms";
    });
    const qint64 courseId = snapshot.request.courseId;
    m_courseId = courseId;
    m_roster->showLoaded(courseId, snapshot.roster);
    m_attendance->showLoaded(courseId, snapshot.roster, snapshot.marks);
    if (snapshot.request.report) {
        m_summaryModel->showLoaded(courseId, snapshot.report, snapshot.roster);
        m_summaryStale = false;
    } else {
        m_summaryStale = true;
        onTabChanged(m_tabs->currentIndex());
    }
    updateCourseHeader();
}

void MainWindow::onProgramChosen(int index)
{
    m_courseFilter->setProgramId(m_program->itemData(index).toLongLong());
}

void MainWindow::onActiveTodayToggled(bool checked)
{
    m_courseFilter->setActiveOn(checked ? QDate::currentDate() : QDate());
}

void MainWindow::onRepositoryChanged()
{
    if (m_loader && !m_attendance->model()->isWriting()) {
        requestLoad(false); // a roster or profile edit: the sheet read again off the GUI thread
    } else if (m_loader && m_loader->isBusy()) {
        m_writtenWhileLoading = true; // an answer on its way may predate the mark
    }
    m_summaryStale = true;
    if (m_tabs->currentIndex() == SummaryTab) {
        onTabChanged(SummaryTab);
    }
}

void MainWindow::onTabChanged(int index)
{
    if (index == SummaryTab && m_summaryStale && m_loader) {
        requestLoad(false); // the report comes with the answer
        return;
    }
    if (index == SummaryTab && m_summaryStale) {
        m_summaryModel->showCourse(m_courseId);
        m_summaryStale = false;
    }
}

void MainWindow::updateCourseHeader()
{
    const auto course = m_courseId ? m_repository.course(m_courseId) : std::nullopt;
    if (!course) {
        m_courseHeader->setText(tr("No course selected"));
        return;
    }
    const QLocale locale;
    const QString end = course->endDate.isValid()
                            ? locale.toString(course->endDate, QLocale::ShortFormat)
                            : tr("open");
    QString text = tr("%1 — %2, %3 to %4")
                       .arg(course->title, course->programName,
                            locale.toString(course->startDate, QLocale::ShortFormat), end);
    if (!course->facilitatorNames.isEmpty()) {
        text += QLatin1Char('\n') + tr("Facilitators: %1").arg(course->facilitatorNames);
    }
    m_courseHeader->setText(text);
}

void MainWindow::updatePendingCount(int count)
{
    m_pendingLabel->setText(count == 0 ? tr("No changes waiting to sync")
                                       : tr("%n change(s) waiting to sync", nullptr, count));
}

void MainWindow::chooseLanguage(const QString &language)
{
    UiLanguage::setConfigured(language);
    QMessageBox::information(this, tr("Language"),
                             tr("The new language is used the next time Pasalista starts."));
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Pasalista"),
                       tr("Pasalista %1\nTake attendance offline and sync it with Salesforce.")
                           .arg(QStringLiteral(PASALISTA_VERSION)));
}

} // namespace pasalista
