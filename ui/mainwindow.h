#pragma once

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

    explicit MainWindow(Repository &repository, QWidget *parent = nullptr);

    qint64 currentCourseId() const { return m_courseId; }
    bool selectCourse(qint64 courseId);
    void showTab(Tab tab);
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

public Q_SLOTS:
    void refresh();

private:
    QLabel *createMessageBar();
    QWidget *createCoursePane();
    QWidget *createCoursePage();
    QWidget *createSummaryPage();
    void createMenus();
    void createLanguageMenu(QMenu *viewMenu);
    void fillPrograms();
    void connectSignals();
    void onCurrentCourseChanged();
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
    QTimer *m_messageTimer = nullptr;
    qint64 m_courseId = 0;
    bool m_summaryStale = false;
};

} // namespace pasalista
