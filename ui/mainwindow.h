#pragma once

// ui/ owns the window: Qt Widgets windows, dialogs, delegates and the item models over
// core. It includes core, never the CLI.

#include <QDate>
#include <QMainWindow>

class QActionGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTabWidget;
class QTableView;
class QTimer;

namespace pasalista {

class AttendanceSheet;
class CourseLoader;
struct CourseSnapshot;
class CourseFilterProxyModel;
class CourseListModel;
class Repository;
class RosterPanel;
class SummaryModel;

// The teacher's window: the course list (search, program, "Active today") on the left and,
// for the selected course, the Roster, Attendance and Summary tabs. The status bar counts
// the changes waiting to sync.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum Tab
    {
        RosterTab,
        AttendanceTab,
        SummaryTab
    };

    // Where courses, rosters, marks and reports are read after a sync, a course switch or at
    // start: on the GUI thread (at once), or in a thread of their own (the app: a large
    // course never freezes the window; the models change when the answer arrives).
    enum class Loading
    {
        OnGuiThread,
        InBackground
    };

    explicit MainWindow(Repository &repository, Loading loading = Loading::OnGuiThread,
                        QWidget *parent = nullptr);

    qint64 currentCourseId() const { return m_courseId; }
    // A background read has been asked for and its answer is not shown yet.
    bool isLoading() const;
    bool selectCourse(qint64 courseId);
    void showTab(Tab tab); // the Attendance tab takes the keys on its sheet at once
    Tab currentTab() const;
    CourseListModel *courseModel() const { return m_courseModel; }
    CourseFilterProxyModel *courseFilter() const { return m_courseFilter; }
    QTableView *courseView() const { return m_courseView; }
    AttendanceSheet *attendanceSheet() const { return m_attendance; }
    RosterPanel *rosterPanel() const { return m_roster; }
    SummaryModel *summaryModel() const { return m_summaryModel; }
    QCheckBox *activeTodayCheck() const { return m_activeToday; }
    QLabel *pendingLabel() const { return m_pendingLabel; }
    // A message for the teacher, whole at any width (wrapped), gone after `timeoutMs` (0:
    // until the next one).
    void showMessage(const QString &text, int timeoutMs = 0);
    QString message() const;
    // The wrong-clock warning across the window; empty while the clocks agree.
    QString clockWarning() const;

public Q_SLOTS:
    void refresh();
    // "Go to the mark" (Sync issues): the course, whatever the list's filters, its sheet on
    // that date, the cursor on the student's row.
    void showMark(qint64 courseId, qint64 studentId, const QDate &date);

private:
    QLabel *createMessageBar();
    QLabel *createClockBar();
    QLabel *createBar(const QString &accessibleName, const QString &colours);
    void updateClockWarning();
    QWidget *createCoursePane();
    QWidget *createCoursePage();
    QWidget *createSummaryPage();
    void createMenus();
    void createLanguageMenu(QMenu *viewMenu);
    void fillPrograms();
    void connectSignals();
    void onCurrentCourseChanged();
    void requestLoad(bool withCourses);
    void showLoaded(const CourseSnapshot &snapshot);
    void showCourseLoaded(const CourseSnapshot &snapshot);
    void onProgramChosen(int index);
    void onActiveTodayToggled(bool checked);
    void onRepositoryChanged();
    void onTabChanged(int index);
    void updateCourseHeader();
    void updatePendingCount(int count);
    void chooseLanguage(const QString &language);
    void showAbout();

    Repository &m_repository;
    CourseListModel *m_courseModel = nullptr;
    CourseFilterProxyModel *m_courseFilter = nullptr;
    SummaryModel *m_summaryModel = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_program = nullptr;
    QCheckBox *m_activeToday = nullptr;
    QTableView *m_courseView = nullptr;
    QLabel *m_courseHeader = nullptr;
    QTabWidget *m_tabs = nullptr;
    RosterPanel *m_roster = nullptr;
    AttendanceSheet *m_attendance = nullptr;
    QLabel *m_pendingLabel = nullptr;
    QLabel *m_messageBar = nullptr;
    QLabel *m_clockBar = nullptr;
    QTimer *m_messageTimer = nullptr;
    CourseLoader *m_loader = nullptr; // null: everything is read on the GUI thread
    qint64 m_courseId = 0;            // the course the tabs show
    qint64 m_wantedCourseId = 0;      // the course selected in the list (read in background)
    bool m_summaryStale = false;
    bool m_writtenWhileLoading = false;
    bool m_coursesLoaded = false;  // the background reader's course list has arrived
    qint64 m_pendingSelection = 0; // selectCourse before that: selected when it arrives
};

} // namespace pasalista
