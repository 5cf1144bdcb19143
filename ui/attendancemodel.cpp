#include "attendancemodel.h"

#include "attendancelabels.h"
#include "laptopclock.h"
#include "repository.h"
#include "studentlabels.h"
#include "sync/syncissues.h"
#include "syncissuetext.h"

#include <QApplication>
#include <QStyle>

#include <QBrush>
#include <QColor>
#include <QRegularExpression>
#include <QScopedValueRollback>
#include <algorithm>

namespace pasalista {

namespace {

// The students whose row value appeared, went or changed (`same` compares one student's two).
template <typename Value, typename Same>
QSet<qint64> changedKeys(const QHash<qint64, Value> &before, const QHash<qint64, Value> &after,
                         Same same)
{
    QSet<qint64> changed;
    for (auto it = after.constBegin(); it != after.constEnd(); ++it) {
        const auto old = before.constFind(it.key());
        if (old == before.constEnd() || !same(*old, *it)) {
            changed.insert(it.key());
        }
    }
    for (auto it = before.constBegin(); it != before.constEnd(); ++it) {
        if (!after.contains(it.key())) {
            changed.insert(it.key());
        }
    }
    return changed;
}

} // namespace

AttendanceModel::AttendanceModel(Repository &repository, QObject *parent)
    : KeyedRowsModel<Student>(ColumnCount, parent), m_repository(repository),
      m_date(LaptopClock::today())
{
    connect(&m_repository, &Repository::dataChanged, this, &AttendanceModel::onRepositoryChanged);
}

void AttendanceModel::setCourse(qint64 courseId)
{
    m_courseId = courseId;
    m_outsideDatesConfirmed = false;
    reload();
}

void AttendanceModel::setDate(const QDate &date)
{
    m_date = date;
    m_outsideDatesConfirmed = false;
    reload();
}

void AttendanceModel::reload()
{
    refresh();
}

void AttendanceModel::refresh()
{
    const bool loaded = m_courseId && m_date.isValid();
    QHash<qint64, AttendanceMark> marks =
        loaded ? m_repository.attendanceOn(m_courseId, m_date) : QHash<qint64, AttendanceMark>();
    const QSet<qint64> changed = takeMarks(std::move(marks)) + takeIssues();
    replaceRows(m_courseId ? m_repository.roster(m_courseId) : QList<Student>(), changed);
    Q_EMIT marksChanged();
}

void AttendanceModel::showLoaded(qint64 courseId, const QList<Student> &roster,
                                 QHash<qint64, AttendanceMark> marks)
{
    if (courseId != m_courseId) {
        m_courseId = courseId;
        m_outsideDatesConfirmed = false;
    }
    const QSet<qint64> changed = takeMarks(std::move(marks)) + takeIssues();
    replaceRows(roster, changed);
    Q_EMIT marksChanged();
}

void AttendanceModel::expect(qint64 courseId, const QDate &date)
{
    if (courseId != m_courseId || date != m_date) {
        m_outsideDatesConfirmed = false;
    }
    m_courseId = courseId;
    m_date = date;
    m_marks.clear();
    replaceRows({});
    Q_EMIT marksChanged();
}

// A mark this sheet wrote, as the rows show it (the record's ids come with the next read).
AttendanceMark AttendanceModel::writtenMark(qint64 studentId, int status) const
{
    AttendanceMark mark;
    mark.courseId = m_courseId;
    mark.studentId = studentId;
    mark.date = m_date;
    mark.status = status;
    return mark;
}

// What was just written, shown in place: a status key never reads the whole day again
// (280 ms on a course of 5,000). The store trims notes; so does the row.
void AttendanceModel::showWritten(int row, int status, const QString &notes)
{
    const qint64 studentId = studentAt(row)->id;
    auto found = m_marks.find(studentId);
    if (found == m_marks.end()) {
        found = m_marks.insert(studentId, writtenMark(studentId, status));
    }
    found->status = status;
    found->notes = notes.trimmed();
    Q_EMIT dataChanged(index(row, StatusColumn), index(row, NotesColumn));
}

// What markAllPresent wrote, in place: every student without a mark is present; one change
// signal for the span (thousands of small ones cost the view more than one).
void AttendanceModel::showAllPresent(int present)
{
    int first = -1;
    int last = -1;
    m_lastMarkedPresent.clear();
    for (int row = 0; row < m_rows.size(); ++row) {
        const Student &student = m_rows.at(row);
        if (m_marks.contains(student.id)) {
            continue;
        }
        m_marks.insert(student.id, writtenMark(student.id, present));
        m_lastMarkedPresent.append(student.id);
        first = first < 0 ? row : first;
        last = row;
    }
    if (first >= 0) {
        Q_EMIT dataChanged(index(first, StatusColumn), index(last, NotesColumn));
    }
    Q_EMIT marksChanged();
}

// Keeps the new marks; returns the students whose mark appeared, went or changed.
QSet<qint64> AttendanceModel::takeMarks(QHash<qint64, AttendanceMark> marks)
{
    const QSet<qint64> changed =
        changedKeys(m_marks, marks, [](const AttendanceMark &a, const AttendanceMark &b) {
            return a.status == b.status && a.notes == b.notes;
        });
    m_marks = std::move(marks);
    return changed;
}

// Reads the open sync issues of the marks shown; returns the students whose issue appeared,
// went or changed.
QSet<qint64> AttendanceModel::takeIssues()
{
    QHash<qint64, qint64> studentOfMark;
    for (const AttendanceMark &mark : std::as_const(m_marks)) {
        if (mark.id != 0) {
            studentOfMark.insert(mark.id, mark.studentId);
        }
    }
    QHash<qint64, SyncIssue> issues;
    if (!studentOfMark.isEmpty()) {
        const QList<SyncIssue> open = SyncIssues(m_repository.store()).list();
        for (const SyncIssue &issue : open) {
            const auto student = studentOfMark.constFind(issue.recordId);
            if (issue.role == Role::Attendance && student != studentOfMark.constEnd() &&
                !issues.contains(*student)) {
                issues.insert(*student, issue);
            }
        }
    }
    const QSet<qint64> changed =
        changedKeys(m_issues, issues, [](const SyncIssue &a, const SyncIssue &b) {
            return a.kind == b.kind && a.message == b.message && a.remoteValue == b.remoteValue;
        });
    m_issues = std::move(issues);
    return changed;
}

// A refused or conflicting mark: a warning icon by the name, and on every cell the words the
// Sync issues window uses, for the pointer and for a screen reader.
QVariant AttendanceModel::issueData(const Student &student, int column, int role) const
{
    const auto found = m_issues.constFind(student.id);
    if (found == m_issues.constEnd()) {
        return {};
    }
    if (role == Qt::DecorationRole) {
        return column == NameColumn
                   ? QVariant(QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning))
                   : QVariant();
    }
    if (role == SyncIssueKindRole) {
        return int(found->kind);
    }
    const QString details = SyncIssueText::details(m_repository.mapping(), *found);
    return found->kind == SyncIssue::Kind::Conflict
               ? tr("This mark was changed here and in the org. %1 Choose in Sync issues.")
                     .arg(details)
               : tr("The org has not taken this mark. %1").arg(details);
}

bool AttendanceModel::sameRow(const Student &before, const Student &after) const
{
    return before.firstName == after.firstName && before.lastName == after.lastName &&
           before.nickname == after.nickname;
}

void AttendanceModel::onRepositoryChanged()
{
    if (!m_writing && m_refreshesOnWrites) {
        refresh();
    }
}

DomainError AttendanceModel::setStatus(int row, int status)
{
    const auto current = markAt(row);
    return mark(row, status, current ? current->notes : QString());
}

DomainError AttendanceModel::setNotes(int row, const QString &notes)
{
    const auto current = markAt(row);
    const int status = current ? current->status : 0;
    return mark(row, status, notes);
}

DomainError AttendanceModel::mark(int row, int status, const QString &notes)
{
    const Student *student = studentAt(row);
    if (!student) {
        return {DomainError::Code::NotFound, tr("No student in row %1.").arg(row + 1)};
    }
    DomainError error;
    {
        const QScopedValueRollback<bool> writing(m_writing, true);
        error = m_repository.markAttendance(m_courseId, student->id, m_date, status, notes,
                                            m_outsideDatesConfirmed);
    }
    if (error.ok()) {
        showWritten(row, status, notes);
        Q_EMIT marksChanged();
    }
    return error;
}

DomainError AttendanceModel::markAllPresent()
{
    DomainError error;
    {
        const QScopedValueRollback<bool> writing(m_writing, true);
        error = m_repository.markAllPresent(m_courseId, m_date, m_outsideDatesConfirmed);
    }
    if (error.ok()) {
        showAllPresent(*m_repository.presentCode());
    }
    return error;
}

DomainError AttendanceModel::restoreMark(qint64 courseId, const QDate &date, qint64 studentId,
                                         const std::optional<AttendanceMark> &mark)
{
    DomainError error;
    {
        const QScopedValueRollback<bool> writing(m_writing, true);
        // The mark was written once, so its date was accepted then.
        error = mark ? m_repository.markAttendance(courseId, studentId, date, mark->status,
                                                   mark->notes, true)
                     : m_repository.unmarkAttendance(courseId, {studentId}, date);
    }
    const int row = rowOfKey(studentId);
    if (!error.ok() || courseId != m_courseId || date != m_date || row < 0) {
        return error;
    }
    if (mark) {
        showWritten(row, mark->status, mark->notes);
    } else {
        m_marks.remove(studentId);
        Q_EMIT dataChanged(index(row, StatusColumn), index(row, NotesColumn));
    }
    Q_EMIT marksChanged();
    return error;
}

DomainError AttendanceModel::unmarkStudents(qint64 courseId, const QDate &date,
                                            const QList<qint64> &students)
{
    DomainError error;
    {
        const QScopedValueRollback<bool> writing(m_writing, true);
        error = m_repository.unmarkAttendance(courseId, students, date);
    }
    if (error.ok() && courseId == m_courseId && date == m_date) {
        for (qint64 student : students) {
            m_marks.remove(student);
        }
        Q_EMIT dataChanged(index(0, StatusColumn), index(rowCount() - 1, NotesColumn));
        Q_EMIT marksChanged();
    }
    return error;
}

DomainError AttendanceModel::markAllPresentAgain(qint64 courseId, const QDate &date)
{
    DomainError error;
    {
        const QScopedValueRollback<bool> writing(m_writing, true);
        error = m_repository.markAllPresent(courseId, date, true);
    }
    if (error.ok() && courseId == m_courseId && date == m_date) {
        showAllPresent(*m_repository.presentCode());
    }
    return error;
}

void AttendanceModel::showMarkedAllPresent()
{
    {
        const QScopedValueRollback<bool> writing(m_writing, true);
        Q_EMIT m_repository.dataChanged();
        LocalStore &store = m_repository.store();
        Q_EMIT store.pendingChangeCountChanged(store.pendingChangeCount());
    }
    showAllPresent(*m_repository.presentCode());
}

const Student *AttendanceModel::studentAt(int row) const
{
    return rowAt(row);
}

int AttendanceModel::findStudent(const QString &text, int from) const
{
    static const QRegularExpression separators(QStringLiteral("[\\s,()]+"));
    const QStringList wanted = Repository::searchFolded(text).split(separators, Qt::SkipEmptyParts);
    if (wanted.isEmpty() || m_rows.isEmpty()) {
        return -1;
    }
    for (int step = 0; step < m_rows.size(); ++step) {
        const int row = int((qMax(from, 0) + step) % m_rows.size());
        const Student &student = m_rows.at(row);
        const QStringList words =
            Repository::searchFolded(student.lastName + QLatin1Char(' ') + student.firstName +
                                     QLatin1Char(' ') + student.nickname)
                .split(separators, Qt::SkipEmptyParts);
        const bool all = std::all_of(wanted.begin(), wanted.end(), [&words](const QString &w) {
            return std::any_of(words.begin(), words.end(),
                               [&w](const QString &word) { return word.startsWith(w); });
        });
        if (all) {
            return row;
        }
    }
    return -1;
}

std::optional<AttendanceMark> AttendanceModel::markAt(int row) const
{
    const Student *student = studentAt(row);
    if (!student) {
        return std::nullopt;
    }
    const auto found = m_marks.constFind(student->id);
    if (found == m_marks.constEnd()) {
        return std::nullopt;
    }
    return *found;
}

QVariant AttendanceModel::rowData(const Student &student, int column, int role) const
{
    const auto found = m_marks.constFind(student.id);
    const AttendanceMark *mark = found == m_marks.constEnd() ? nullptr : &*found;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return displayData(student, mark, column);
    case Qt::EditRole:
        if (column == StatusColumn) {
            return mark ? QVariant(mark->status) : QVariant();
        }
        return column == NotesColumn ? QVariant(mark ? mark->notes : QString())
                                     : displayData(student, mark, column);
    case Qt::BackgroundRole:
        return column == StatusColumn ? statusColour(mark) : QVariant();
    case StudentIdRole:
        return student.id;
    case StatusCodeRole:
        return mark ? QVariant(mark->status) : QVariant();
    case IsMarkedRole:
        return mark != nullptr;
    case Qt::DecorationRole:
    case Qt::ToolTipRole:
    case Qt::AccessibleDescriptionRole:
    case SyncIssueKindRole:
        return issueData(student, column, role);
    default:
        return {};
    }
}

QVariant AttendanceModel::displayData(const Student &student, const AttendanceMark *mark,
                                      int column) const
{
    switch (column) {
    case NameColumn:
        return displayName(student);
    case StatusColumn:
        return mark ? AttendanceLabels::label(m_repository.mapping(), mark->status)
                    : AttendanceLabels::unmarked();
    case NotesColumn:
        return mark ? mark->notes : QString();
    default:
        return {};
    }
}

QVariant AttendanceModel::statusColour(const AttendanceMark *mark) const
{
    const AttendanceCode *code =
        mark ? m_repository.mapping().attendanceCode(mark->status) : nullptr;
    if (!code) {
        return {};
    }
    return QBrush(AttendanceLabels::colour(*code));
}

QString AttendanceModel::displayName(const Student &student)
{
    return StudentLabels::listName(student);
}

bool AttendanceModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::EditRole || !(flags(index) & Qt::ItemIsEditable)) {
        return false;
    }
    const DomainError error = index.column() == StatusColumn
                                  ? setStatus(index.row(), value.toInt())
                                  : setNotes(index.row(), value.toString());
    if (!error.ok()) {
        Q_EMIT writeRefused(error, index, value);
    }
    return error.ok();
}

Qt::ItemFlags AttendanceModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags result = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() != NameColumn) {
        result |= Qt::ItemIsEditable;
    }
    return result;
}

// Rows are numbered in the vertical header (Qt's default header text).
QStringList AttendanceModel::columnTitles() const
{
    return {tr("Student"), tr("Status"), tr("Notes")};
}

} // namespace pasalista
