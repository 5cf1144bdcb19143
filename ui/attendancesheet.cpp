#include "attendancesheet.h"

#include "attendancelabels.h"
#include "attendancemodel.h"
#include "attendancestatusdelegate.h"
#include "attendancetableview.h"
#include "laptopclock.h"
#include "markallrunner.h"
#include "markundocommand.h"
#include "noteeditdelegate.h"
#include "repository.h"
#include "uilogging.h"

#include <QAction>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QUndoStack>
#include <QVBoxLayout>

namespace pasalista {

AttendanceSheet::AttendanceSheet(Repository &repository, QWidget *parent)
    : QWidget(parent), m_repository(repository), m_model(new AttendanceModel(repository, this)),
      m_view(new AttendanceTableView(this)), m_errorLabel(new QLabel(this)),
      m_noteLabel(new QLabel(this)), m_undo(new QUndoStack(this)),
      m_markAll(new MarkAllRunner(repository.store().path(), repository.mapping(), this))
{
    m_confirm = [this](const QString &question) {
        return QMessageBox::question(this, tr("Date outside the course"), question) ==
               QMessageBox::Yes;
    };
    configureView(repository);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(QStringLiteral("color: #a91e2c;"));
    m_errorLabel->hide();
    m_noteLabel->setWordWrap(true);
    m_noteLabel->setAccessibleName(tr("Characters left for the note"));
    m_noteLabel->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createToolbar());
    layout->addWidget(createFindEdit());
    layout->addWidget(createSearchLabel());
    layout->addWidget(m_errorLabel);
    layout->addWidget(createLoadingLabel());
    layout->addWidget(m_view, 1);
    layout->addWidget(m_noteLabel);
    layout->addWidget(createKeyHint(repository));
    createUndoActions();
    connectSignals();
    setFocusProxy(m_view); // Ctrl+2 and the window's start put the keys on the rows
}

AttendanceSheet::~AttendanceSheet()
{
    // An editor still open commits while the children are destroyed; nothing may reach
    // this half-destroyed sheet then.
    disconnect(m_model, nullptr, this, nullptr);
    disconnect(m_view->itemDelegateForColumn(AttendanceModel::NotesColumn), nullptr, this, nullptr);
}

QWidget *AttendanceSheet::createToolbar()
{
    auto *bar = new QWidget(this);
    auto *dateLabel = new QLabel(tr("Class &date:"), bar);
    m_dateEdit = new QDateEdit(LaptopClock::today(), bar);
    m_dateEdit->setCalendarPopup(true);
    m_dateEdit->setAccessibleName(tr("Class date"));
    dateLabel->setBuddy(m_dateEdit);
    m_markAllButton = new QPushButton(tr("Mark all &present"), bar);
    m_markAllButton->setAccessibleName(tr("Mark all present"));
    m_markAllButton->setToolTip(tr("Marks every student without a mark as present"));
    m_progressLabel = new QLabel(bar);
    m_progressLabel->setAccessibleName(tr("Students marked"));

    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(dateLabel);
    layout->addWidget(m_dateEdit);
    layout->addWidget(m_markAllButton);
    layout->addStretch(1);
    layout->addWidget(m_progressLabel);
    return bar;
}

QLineEdit *AttendanceSheet::createFindEdit()
{
    m_findEdit = new QLineEdit(this);
    m_findEdit->setPlaceholderText(
        tr("Find a student: type part of the name, Enter to go there, Esc to go back"));
    m_findEdit->setAccessibleName(tr("Find a student"));
    m_findEdit->setClearButtonEnabled(true);
    m_findEdit->installEventFilter(this);
    m_findEdit->hide();
    return m_findEdit;
}

// Shows the name typed ahead on the sheet: letters search, they never mark.
QLabel *AttendanceSheet::createSearchLabel()
{
    m_searchLabel = new QLabel(this);
    m_searchLabel->setAccessibleName(tr("Student searched"));
    m_searchLabel->setStyleSheet(QStringLiteral("padding: 3px;"));
    m_searchLabel->hide();
    return m_searchLabel;
}

void AttendanceSheet::createUndoActions()
{
    auto *undo = new QAction(tr("Undo the last mark"), this);
    undo->setShortcut(QKeySequence::Undo);
    undo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(undo, &QAction::triggered, this, &AttendanceSheet::undoLastMark);
    auto *redo = new QAction(tr("Redo the mark"), this);
    redo->setShortcut(QKeySequence::Redo);
    redo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(redo, &QAction::triggered, this, &AttendanceSheet::redoMark);
    addActions({undo, redo});
}

QLabel *AttendanceSheet::createLoadingLabel()
{
    m_loadingLabel = new QLabel(tr("Loading…"), this);
    m_loadingLabel->setAccessibleName(tr("Loading the students"));
    m_loadingLabel->hide();
    return m_loadingLabel;
}

QLabel *AttendanceSheet::createKeyHint(const Repository &repository)
{
    QStringList keys;
    for (const AttendanceCode &code : repository.mapping().attendanceCodes()) {
        keys.append(tr("%1 %2").arg(code.code).arg(
            AttendanceLabels::label(repository.mapping(), code.code)));
    }
    auto *hint = new QLabel(tr("Keys: %1 · letters find a student by name (Esc clears) · Enter "
                               "notes · Ctrl+Z undoes a mark · arrows move")
                                .arg(keys.join(tr(" · "))),
                            this);
    hint->setWordWrap(true);
    hint->setAccessibleName(tr("Keyboard shortcuts"));
    return hint;
}

void AttendanceSheet::configureView(Repository &repository)
{
    // Digits only: a letter typed is part of a name searched, never a mark.
    QHash<QString, int> keys;
    for (const AttendanceCode &code : repository.mapping().attendanceCodes()) {
        if (code.code >= 0 && code.code <= 9) {
            keys.insert(QString::number(code.code), code.code);
        }
    }
    m_view->setModel(m_model);
    m_view->setStatusKeys(keys);
    m_view->setNotesColumn(AttendanceModel::NotesColumn);
    m_view->setItemDelegateForColumn(AttendanceModel::StatusColumn,
                                     new AttendanceStatusDelegate(repository.mapping(), m_view));
    auto *notes = new NoteEditDelegate(repository.store(), m_view);
    m_view->setItemDelegateForColumn(AttendanceModel::NotesColumn, notes);
    connect(notes, &NoteEditDelegate::noteTyped, this, &AttendanceSheet::showNoteLength);
    connect(notes, &NoteEditDelegate::noteRefused, this, [this](const QString &reason) {
        m_noteRefusal = reason;
        showError(reason);
    });
    connect(notes, &NoteEditDelegate::noteEditEnded, m_noteLabel, &QLabel::hide);
    m_view->setAccessibleName(tr("Attendance sheet"));
    m_view->setAccessibleDescription(
        tr("One row per student. Type a status digit to mark the current student and move to "
           "the next; letters find a student by name; Enter edits the notes; Ctrl+Z undoes the "
           "last mark."));
    m_view->horizontalHeader()->setSectionResizeMode(AttendanceModel::NameColumn,
                                                     QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(AttendanceModel::StatusColumn,
                                                     QHeaderView::ResizeToContents);
    // Widths from the rows in sight and 200 more, not from 1,000 rows at every change of a
    // large course.
    m_view->horizontalHeader()->setResizeContentsPrecision(200);
}

void AttendanceSheet::connectSignals()
{
    connect(m_dateEdit, &QDateEdit::dateChanged, this, &AttendanceSheet::onDateChanged);
    connect(m_markAllButton, &QPushButton::clicked, this, &AttendanceSheet::markAllPresent);
    connect(m_markAll, &MarkAllRunner::finished, this, &AttendanceSheet::onMarkedAllPresent);
    connect(m_view, &AttendanceTableView::statusRequested, this, &AttendanceSheet::setStatus);
    connect(m_view, &AttendanceTableView::findRequested, this, &AttendanceSheet::startFind);
    connect(m_view, &AttendanceTableView::searchChanged, this, &AttendanceSheet::onSearchChanged);
    connect(m_findEdit, &QLineEdit::textEdited, this,
            [this](const QString &text) { findNext(text); });
    connect(m_findEdit, &QLineEdit::returnPressed, this, [this] { finishFind(true); });
    connect(m_model, &AttendanceModel::marksChanged, this, &AttendanceSheet::updateProgress);
    connect(m_model, &AttendanceModel::modelAboutToBeReset, this, [this] {
        m_rowBeforeReset = m_view->currentIndex().isValid() ? m_view->currentIndex().row() : 0;
    });
    connect(m_model, &AttendanceModel::modelReset, this,
            [this] { m_view->moveToRow(qMin(m_rowBeforeReset, m_model->rowCount() - 1)); });
    connect(m_model, &AttendanceModel::writeRefused, this, &AttendanceSheet::retryRefusedWrite,
            Qt::QueuedConnection);
}

void AttendanceSheet::setCourse(qint64 courseId)
{
    if (courseId == m_model->courseId() && m_dateEdit->date() == m_model->date()) {
        refresh();
        return;
    }
    rememberPlace();
    m_errorLabel->hide();
    m_view->clearSearch(); // a name typed on the course left
    m_rowBeforeReset = 0;
    if (m_dateEdit->date() != m_model->date()) {
        m_model->setDate(m_dateEdit->date());
    }
    m_model->setCourse(courseId);
    restorePlace();
}

void AttendanceSheet::showLoaded(qint64 courseId, const QList<Student> &roster,
                                 const QHash<qint64, AttendanceMark> &marks)
{
    if (courseId != m_model->courseId()) {
        startLoading(courseId); // shown at once: no keys were held for it
    }
    if (!isLoading()) {
        m_model->showLoaded(courseId, roster, marks);
        if (!m_view->currentIndex().isValid()) {
            m_view->moveToRow(0);
        }
        return;
    }
    m_model->showLoaded(courseId, roster, marks);
    finishLoading();
}

void AttendanceSheet::setLoadsInBackground(bool background)
{
    m_loadsInBackground = background;
    m_model->setRefreshesOnWrites(!background);
}

void AttendanceSheet::expectCourse(qint64 courseId)
{
    if (courseId != m_model->courseId() || !isLoading()) {
        startLoading(courseId);
    }
}

// Leaves the rows shown for courseId's, read elsewhere: none until they come, keys kept.
void AttendanceSheet::startLoading(qint64 courseId)
{
    if (courseId != m_model->courseId()) {
        rememberPlace();
        m_view->clearSearch(); // a name typed on the course left
        m_arrival = Arrival::CoursePlace;
    } else if (m_arrival == Arrival::None) {
        m_arrival = Arrival::FirstRow;
    }
    m_errorLabel->hide();
    m_rowBeforeReset = 0;
    m_model->expect(courseId, m_dateEdit->date());
    m_loadingLabel->show();
    m_view->holdKeys(true);
}

void AttendanceSheet::finishLoading()
{
    if (m_arrival == Arrival::CoursePlace) {
        restorePlace();
    } else {
        m_view->moveToRow(0);
    }
    m_arrival = Arrival::None;
    m_loadingLabel->hide();
    m_view->holdKeys(isMarkingAll()); // the keys typed meanwhile, on these rows
}

void AttendanceSheet::refresh()
{
    m_model->refresh();
    if (!m_view->currentIndex().isValid()) {
        m_view->moveToRow(0);
    }
}

void AttendanceSheet::rememberPlace()
{
    const QModelIndex current = m_view->currentIndex();
    if (m_model->courseId() && current.isValid()) {
        m_placeByCourse.insert(m_model->courseId(),
                               {current.data(AttendanceModel::StudentIdRole).toLongLong(),
                                m_view->verticalScrollBar()->value()});
    }
}

void AttendanceSheet::restorePlace()
{
    const Place place = m_placeByCourse.value(m_model->courseId());
    const int row = m_model->rowOfKey(place.studentId);
    if (row < 0) {
        m_view->moveToRow(0);
        return;
    }
    m_view->setCurrentIndex(m_model->index(row, AttendanceModel::NameColumn));
    m_view->verticalScrollBar()->setValue(place.scroll);
    m_view->scrollTo(m_view->currentIndex()); // only scrolls if the row is out of sight
}

void AttendanceSheet::setDate(const QDate &date)
{
    m_dateEdit->setDate(date);
}

QDate AttendanceSheet::date() const
{
    return m_dateEdit->date();
}

void AttendanceSheet::setConfirmationHandler(ConfirmationHandler handler)
{
    m_confirm = std::move(handler);
}

QString AttendanceSheet::lastError() const
{
    return m_errorLabel->isHidden() ? QString() : m_errorLabel->text();
}

void AttendanceSheet::onDateChanged(const QDate &date)
{
    if (m_loadsInBackground) {
        startLoading(m_model->courseId());
        Q_EMIT loadWanted();
        return;
    }
    m_errorLabel->hide();
    m_model->setDate(date);
    m_view->moveToRow(0);
}

bool AttendanceSheet::isMarkingAll() const
{
    return m_markAll->isRunning();
}

void AttendanceSheet::markAllPresent()
{
    if (m_loadsInBackground) {
        markAllPresentInBackground(m_model->outsideDatesConfirmed());
        return;
    }
    if (runWrite([this] { return m_model->markAllPresent(); })) {
        pushMarkedAllPresent();
        m_view->setFocus(Qt::OtherFocusReason);
        m_view->moveToRow(m_view->currentIndex().isValid() ? m_view->currentIndex().row() : 0);
    }
}

// The app: the writes go in a thread of their own, the window keeps answering; keys typed
// meanwhile wait and are played once the rows show everyone present.
void AttendanceSheet::markAllPresentInBackground(bool confirmOutsideDates)
{
    if (isMarkingAll() || !m_model->courseId()) {
        return;
    }
    m_markAllButton->setEnabled(false);
    m_progressLabel->setText(tr("Marking everyone present…"));
    m_view->holdKeys(true);
    m_view->setFocus(Qt::OtherFocusReason);
    m_markAll->start(m_model->courseId(), m_model->date(), confirmOutsideDates);
}

void AttendanceSheet::onMarkedAllPresent(qint64 courseId, const QDate &date,
                                         const DomainError &error)
{
    m_markAllButton->setEnabled(true);
    if (error.code == DomainError::Code::OutsideCourseDates && courseId == m_model->courseId() &&
        date == m_model->date() && confirmOutsideDates(error.message)) {
        markAllPresentInBackground(true);
        return;
    }
    if (!error.ok()) {
        showError(error.message);
    } else if (courseId == m_model->courseId() && date == m_model->date() && !isLoading()) {
        m_errorLabel->hide();
        m_model->showMarkedAllPresent();
        pushMarkedAllPresent();
    }
    updateProgress();
    if (!isLoading()) {
        m_view->holdKeys(false);
    }
}

void AttendanceSheet::setStatus(int row, int status)
{
    const std::optional<AttendanceMark> before = m_model->markAt(row);
    if (!runWrite([this, row, status] { return m_model->setStatus(row, status); })) {
        return;
    }
    const std::optional<AttendanceMark> after = m_model->markAt(row);
    if (after && (!before || before->status != after->status)) {
        m_undo->push(new MarkUndoCommand(*m_model, *after, before));
    }
    m_view->moveToRow(row + 1);
}

void AttendanceSheet::pushMarkedAllPresent()
{
    const QList<qint64> marked = m_model->lastMarkedPresent();
    if (!marked.isEmpty()) {
        m_undo->push(new MarkUndoCommand(*m_model, m_model->courseId(), m_model->date(), marked));
    }
}

void AttendanceSheet::undoLastMark()
{
    if (isMarkingAll()) {
        return; // the store is being written: the marks typed meanwhile wait too
    }
    if (!m_undo->canUndo()) {
        showError(tr("Nothing to undo."));
        return;
    }
    const auto *last = static_cast<const MarkUndoCommand *>(m_undo->command(m_undo->index() - 1));
    if (!m_repository.hasUnsentMark(last->courseId(), last->studentId(), last->date())) {
        showError(tr("That mark already went to the org in a sync, so it is not undone: set "
                     "the right status on the sheet instead."));
        return;
    }
    m_undo->undo();
    m_errorLabel->hide();
    showMarkOf(last->courseId(), last->date(), last->studentId());
}

void AttendanceSheet::redoMark()
{
    if (isMarkingAll() || !m_undo->canRedo()) {
        return;
    }
    const auto *next = static_cast<const MarkUndoCommand *>(m_undo->command(m_undo->index()));
    m_undo->redo();
    showMarkOf(next->courseId(), next->date(), next->studentId());
}

// The cursor goes to the student whose mark was undone or redone, when the sheet shows it.
void AttendanceSheet::showMarkOf(qint64 courseId, const QDate &date, qint64 studentId)
{
    const int row = m_model->rowOfKey(studentId);
    if (courseId == m_model->courseId() && date == m_model->date() && row >= 0) {
        m_view->moveToRow(row);
    }
}

bool AttendanceSheet::runWrite(const std::function<DomainError()> &write)
{
    DomainError error = write();
    if (error.code == DomainError::Code::OutsideCourseDates && confirmOutsideDates(error.message)) {
        error = write();
    }
    if (!error.ok()) {
        showError(error.message);
        return false;
    }
    m_errorLabel->hide();
    return true;
}

bool AttendanceSheet::confirmOutsideDates(const QString &message)
{
    const QString question = tr("%1\n\nTake attendance on %2 anyway?")
                                 .arg(message, QLocale().toString(date(), QLocale::LongFormat));
    if (!m_confirm || !m_confirm(question)) {
        return false;
    }
    m_model->setOutsideDatesConfirmed(true);
    return true;
}

void AttendanceSheet::showError(const QString &message)
{
    qCInfo(lcUi) << "attendance not saved:" << message;
    m_errorLabel->setText(message);
    m_errorLabel->show();
}

void AttendanceSheet::retryRefusedWrite(const DomainError &error, const QModelIndex &index,
                                        const QVariant &value)
{
    if (error.code == DomainError::Code::OutsideCourseDates && confirmOutsideDates(error.message)) {
        m_model->setData(index, value, Qt::EditRole);
        return;
    }
    showError(error.message);
}

void AttendanceSheet::startFind()
{
    m_rowBeforeFind = m_view->currentIndex().isValid() ? m_view->currentIndex().row() : 0;
    m_findEdit->clear();
    m_findEdit->setStyleSheet(QString());
    m_findEdit->show();
    m_findEdit->setFocus(Qt::ShortcutFocusReason);
}

// Moves the cursor to the first student matching what is typed so far (live, like a browser's
// find); the row stays unmarked, and a name not found turns the bar red.
void AttendanceSheet::findNext(const QString &text)
{
    const int row = m_model->findStudent(text);
    if (row >= 0) {
        m_view->moveToRow(row);
    }
    m_findEdit->setStyleSheet(
        row < 0 && !text.trimmed().isEmpty() ? QStringLiteral("background: #f8d7da;") : QString());
}

// A name typed ahead on the sheet: the cursor goes to the first student from where the
// search began whose names start with it; the indicator shows what was typed.
void AttendanceSheet::onSearchChanged(const QString &text)
{
    if (text.isEmpty()) {
        m_searchLabel->hide();
        return;
    }
    if (text.size() == 1) {
        m_searchFrom = m_view->currentIndex().isValid() ? m_view->currentIndex().row() : 0;
    }
    const int row = m_model->findStudent(text, m_searchFrom);
    if (row >= 0) {
        m_view->moveToRow(row);
    }
    m_searchLabel->setText(
        row >= 0
            ? tr("Find: “%1” · a status digit marks this student · Backspace corrects · "
                 "Esc clears")
                  .arg(text)
            : tr("No student's name starts with “%1” · Backspace corrects · Esc clears").arg(text));
    m_searchLabel->setStyleSheet(row >= 0 ? QStringLiteral("padding: 3px; background: #e7f1ff;")
                                          : QStringLiteral("padding: 3px; background: #f8d7da;"));
    m_searchLabel->show();
}

void AttendanceSheet::finishFind(bool jump)
{
    if (!jump) {
        m_view->moveToRow(m_rowBeforeFind);
    }
    m_findEdit->hide();
    m_view->setFocus(Qt::OtherFocusReason);
}

bool AttendanceSheet::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_findEdit && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
        finishFind(false);
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

// Counts down to the org's limit while a note is typed; a refusal shown for a note too long
// goes once the note fits.
void AttendanceSheet::showNoteLength(int length, int maximum)
{
    if (maximum <= 0) {
        m_noteLabel->hide();
        return;
    }
    const int left = maximum - length;
    m_noteLabel->setText(left >= 0
                             ? tr("Characters left for this note: %1").arg(QLocale().toString(left))
                             : tr("Characters over the org's limit: %1. Shorten the note "
                                  "to save it.")
                                   .arg(QLocale().toString(-left)));
    m_noteLabel->setStyleSheet(left >= 0 ? QString() : QStringLiteral("color: #a91e2c;"));
    m_noteLabel->show();
    if (left >= 0 && !m_noteRefusal.isEmpty() && m_errorLabel->text() == m_noteRefusal) {
        m_errorLabel->hide();
        m_noteRefusal.clear();
    }
}

QString AttendanceSheet::noteLengthText() const
{
    return m_noteLabel->isHidden() ? QString() : m_noteLabel->text();
}

void AttendanceSheet::updateProgress()
{
    m_progressLabel->setText(
        tr("%1 of %2 marked").arg(m_model->markedCount()).arg(m_model->rowCount()));
}

} // namespace pasalista
