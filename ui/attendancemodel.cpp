#include "attendancemodel.h"

#include "attendancelabels.h"
#include "repository.h"

#include <QBrush>
#include <QColor>
#include <QScopedValueRollback>

namespace pasalista {

AttendanceModel::AttendanceModel(Repository &repository, QObject *parent)
    : QAbstractTableModel(parent), m_repository(repository), m_date(QDate::currentDate())
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
    beginResetModel();
    m_students = m_courseId ? m_repository.roster(m_courseId) : QList<Student>();
    m_marks = m_courseId && m_date.isValid() ? m_repository.attendanceOn(m_courseId, m_date)
                                             : QHash<qint64, AttendanceMark>();
    endResetModel();
    Q_EMIT marksChanged();
}

void AttendanceModel::reloadMarks()
{
    m_marks = m_repository.attendanceOn(m_courseId, m_date);
    if (!m_students.isEmpty()) {
        Q_EMIT dataChanged(index(0, StatusColumn), index(rowCount() - 1, NotesColumn));
    }
    Q_EMIT marksChanged();
}

void AttendanceModel::onRepositoryChanged()
{
    if (!m_writing) {
        reload();
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
        reloadMarks();
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
        reloadMarks();
    }
    return error;
}

const Student *AttendanceModel::studentAt(int row) const
{
    if (row < 0 || row >= m_students.size()) {
        return nullptr;
    }
    return &m_students.at(row);
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

int AttendanceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_students.size());
}

int AttendanceModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AttendanceModel::data(const QModelIndex &index, int role) const
{
    const Student *student = index.isValid() ? studentAt(index.row()) : nullptr;
    if (!student) {
        return {};
    }
    const auto found = m_marks.constFind(student->id);
    const AttendanceMark *mark = found == m_marks.constEnd() ? nullptr : &*found;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return displayData(*student, mark, index.column());
    case Qt::EditRole:
        if (index.column() == StatusColumn) {
            return mark ? QVariant(mark->status) : QVariant();
        }
        return index.column() == NotesColumn ? QVariant(mark ? mark->notes : QString())
                                             : displayData(*student, mark, index.column());
    case Qt::BackgroundRole:
        return index.column() == StatusColumn ? statusColour(mark) : QVariant();
    case StudentIdRole:
        return student->id;
    case StatusCodeRole:
        return mark ? QVariant(mark->status) : QVariant();
    case IsMarkedRole:
        return mark != nullptr;
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
    if (code->absent) {
        return QBrush(QColor(0xf8, 0xd7, 0xda));
    }
    if (code->late) {
        return QBrush(QColor(0xff, 0xf3, 0xcd));
    }
    return QBrush(QColor(0xd4, 0xed, 0xda));
}

QString AttendanceModel::displayName(const Student &student)
{
    QString name = tr("%1, %2", "last name, first name").arg(student.lastName, student.firstName);
    if (!student.nickname.isEmpty()) {
        name += tr(" (%1)", "nickname").arg(student.nickname);
    }
    return name;
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

QVariant AttendanceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical && role == Qt::DisplayRole) {
        return section + 1;
    }
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case NameColumn:
        return tr("Student");
    case StatusColumn:
        return tr("Status");
    case NotesColumn:
        return tr("Notes");
    default:
        return {};
    }
}

} // namespace pasalista
