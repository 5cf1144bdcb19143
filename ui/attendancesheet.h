#pragma once

#include "domainerror.h"
#include "records.h"

#include <QHash>
#include <QWidget>

#include <functional>

class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QUndoStack;

namespace pasalista {

class AttendanceModel;
class AttendanceTableView;
class MarkAllRunner;
class Repository;

// Takes one course's attendance for a date: a date picker (today by default), "Mark all
// present", and the table taken by keyboard. A date outside the course's dates is asked
// about once per date before anything is written.
class AttendanceSheet : public QWidget
{
    Q_OBJECT

public:
    // Asked before writing on a date outside the course's dates; true to go ahead.
    using ConfirmationHandler = std::function<bool(const QString &question)>;

    explicit AttendanceSheet(Repository &repository, QWidget *parent = nullptr);
    ~AttendanceSheet() override;

    // Another course: the cursor returns to the student and scroll position last left in it.
    void setCourse(qint64 courseId);
    void refresh(); // after a sync: rows change in place, the cursor stays on its student
    // setCourse or refresh with what the background reader read for courseId on date().
    void showLoaded(qint64 courseId, const QList<Student> &roster,
                    const QHash<qint64, AttendanceMark> &marks);
    // Rows read in the background (the app): another course or date shows "Loading…" and
    // keeps the keys typed meanwhile for its rows (loadWanted asks for them on a new date);
    // writes made elsewhere no longer read the sheet again here.
    void setLoadsInBackground(bool background);
    void expectCourse(qint64 courseId); // the rows of courseId on date() are on their way
    bool isLoading() const { return m_arrival != Arrival::None; }
    // "Mark all present" is being written in the background (the app): keys typed wait.
    bool isMarkingAll() const;
    void setDate(const QDate &date);
    QDate date() const;
    void setConfirmationHandler(ConfirmationHandler handler);

    AttendanceModel *model() const { return m_model; }
    AttendanceTableView *view() const { return m_view; }
    QPushButton *markAllPresentButton() const { return m_markAllButton; }
    QDateEdit *dateEdit() const { return m_dateEdit; }
    QLineEdit *findEdit() const { return m_findEdit; }
    QString lastError() const;
    QString noteLengthText() const; // the count shown while a note is edited
    QUndoStack *undoStack() const { return m_undo; }
    QLabel *searchIndicator() const { return m_searchLabel; } // the name typed ahead

Q_SIGNALS:
    void loadWanted(); // in the background: the rows of the model's course and date

public Q_SLOTS:
    void markAllPresent();
    void setStatus(int row, int status);
    void startFind(); // the find bar takes the keys until Enter (jump) or Esc (back)
    // Ctrl+Z: takes the last status typed back, unless it already went to the org.
    void undoLastMark();
    void redoMark();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *createToolbar();
    QLabel *createKeyHint(const Repository &repository);
    QLabel *createLoadingLabel();
    QLabel *createSearchLabel();
    void createUndoActions();
    void onSearchChanged(const QString &text);
    void showMarkOf(qint64 courseId, const QDate &date, qint64 studentId);
    void configureView(Repository &repository);
    void connectSignals();
    bool runWrite(const std::function<DomainError()> &write);
    bool confirmOutsideDates(const QString &message);
    void showError(const QString &message);
    void retryRefusedWrite(const DomainError &error, const QModelIndex &index,
                           const QVariant &value);
    void updateProgress();
    void markAllPresentInBackground(bool confirmOutsideDates);
    void pushMarkedAllPresent();
    void onMarkedAllPresent(qint64 courseId, const QDate &date, const DomainError &error);
    void showNoteLength(int length, int maximum);
    void onDateChanged(const QDate &date);
    QLineEdit *createFindEdit();
    void findNext(const QString &text);
    void finishFind(bool jump);
    void rememberPlace();
    void restorePlace();
    void startLoading(qint64 courseId);
    void finishLoading();

    struct Place
    {
        qint64 studentId = 0;
        int scroll = 0;
    };

    Repository &m_repository;
    AttendanceModel *m_model = nullptr;
    AttendanceTableView *m_view = nullptr;
    QDateEdit *m_dateEdit = nullptr;
    QPushButton *m_markAllButton = nullptr;
    QLabel *m_progressLabel = nullptr;
    QLabel *m_errorLabel = nullptr;
    QLabel *m_noteLabel = nullptr;
    QString m_noteRefusal;
    QLineEdit *m_findEdit = nullptr;
    int m_rowBeforeFind = 0;
    QLabel *m_searchLabel = nullptr;
    int m_searchFrom = 0; // the row a name typed ahead is searched from
    QUndoStack *m_undo = nullptr;
    ConfirmationHandler m_confirm;
    int m_rowBeforeReset = 0;
    QHash<qint64, Place> m_placeByCourse;
    // Where the cursor goes when rows on their way arrive: the student last left in that
    // course, or the first row of a new date.
    enum class Arrival
    {
        None,
        CoursePlace,
        FirstRow
    };
    Arrival m_arrival = Arrival::None;
    bool m_loadsInBackground = false;
    MarkAllRunner *m_markAll = nullptr;
    QLabel *m_loadingLabel = nullptr;
};

} // namespace pasalista
