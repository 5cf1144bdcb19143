#include "summarymodel.h"

#include "reports.h"
#include "repository.h"
#include "studentlabels.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QLocale>

namespace pasalista {

SummaryModel::SummaryModel(const Repository &repository, QObject *parent)
    : KeyedRowsModel<AttendanceSummary>(ColumnCount, parent), m_repository(repository)
{
}

void SummaryModel::showCourse(qint64 courseId)
{
    m_courseId = courseId;
    m_studentId = 0;
    reload();
}

void SummaryModel::setDateRange(const QDate &from, const QDate &to)
{
    m_from = from;
    m_to = to;
    reload();
}

void SummaryModel::showStudent(qint64 studentId)
{
    m_studentId = studentId;
    m_courseId = 0;
    reload();
}

void SummaryModel::reload()
{
    const Reports reports(m_repository);
    if (m_courseId) {
        setRows(withListNames(reports.courseReport(m_courseId, m_from, m_to),
                              m_repository.roster(m_courseId)));
    } else if (m_studentId) {
        setRows(reports.studentReport(m_studentId));
    } else {
        setRows({});
    }
}

// The report writes "First Last"; the summary lists students as the sheet does.
void SummaryModel::showLoaded(qint64 courseId, const QList<AttendanceSummary> &report,
                              const QList<Student> &roster)
{
    m_courseId = courseId;
    m_studentId = 0;
    if (hasDateRange()) {
        reload(); // the background read counts every day; the range is read here
        return;
    }
    setRows(withListNames(report, roster));
}

QList<AttendanceSummary> SummaryModel::withListNames(QList<AttendanceSummary> rows,
                                                     const QList<Student> &roster)
{
    QHash<qint64, QString> names;
    for (const Student &student : roster) {
        names.insert(student.id, StudentLabels::listName(student));
    }
    for (AttendanceSummary &row : rows) {
        row.name = names.value(row.studentId, row.name);
    }
    return rows;
}

void SummaryModel::setRows(const QList<AttendanceSummary> &rows)
{
    replaceRows(rows);
}

qint64 SummaryModel::rowKey(const AttendanceSummary &summary) const
{
    // Student rows by student id, course rows (and a course's total) by minus the course id,
    // so the two never meet in one list.
    return summary.studentId ? summary.studentId : -summary.courseId;
}

bool SummaryModel::sameRow(const AttendanceSummary &before, const AttendanceSummary &after) const
{
    return before.name == after.name && before.recorded == after.recorded &&
           before.present == after.present && before.absent == after.absent &&
           before.late == after.late && before.excused == after.excused &&
           before.uncounted == after.uncounted;
}

bool SummaryModel::isTotal(const AttendanceSummary &summary)
{
    // A course's total row is the one without a student (its course id is set).
    return summary.studentId == 0;
}

QVariant SummaryModel::rowData(const AttendanceSummary &summary, int column, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
        return displayData(summary, column);
    case StudentIdRole:
        return summary.studentId;
    case CourseIdRole:
        return summary.courseId;
    case ChronicRole:
        return summary.chronicallyAbsent() && !isTotal(summary);
    case RateRole:
        return summary.attendanceRate();
    case SortRole:
        return sortData(summary, column);
    default:
        return decorationData(summary, column, role);
    }
}

QVariant SummaryModel::displayData(const AttendanceSummary &summary, int column) const
{
    switch (column) {
    case NameColumn:
        return isTotal(summary) ? tr("Total") : summary.name;
    case RateColumn:
        // Adds up to 100 with the share missed beside it.
        return summary.recorded
                   ? QLocale().toString(Reports::attendedPercent(summary)) + QStringLiteral(" %")
                   : tr("n/a", "no attendance recorded");
    case ChronicColumn:
        return withUncounted(absenceText(summary), summary);
    default:
        return sortData(summary, column); // the counts, as they are
    }
}

QVariant SummaryModel::sortData(const AttendanceSummary &summary, int column)
{
    switch (column) {
    case NameColumn:
        return summary.name;
    case RecordedColumn:
        return summary.recorded;
    case PresentColumn:
        return summary.present;
    case AbsentColumn:
        return summary.absent;
    case LateColumn:
        return summary.late;
    case ExcusedColumn:
        return summary.excused;
    case RateColumn:
        return summary.recorded ? summary.attendanceRate() : -1.0; // n/a below 0 %
    case ChronicColumn:
        return summary.recorded ? double(summary.absent) / summary.recorded : -1.0;
    default:
        return {};
    }
}

// The share of days missed, and "chronic absence" only where it holds: never beside a share
// under the threshold, never on a student with too few days recorded to judge.
QString SummaryModel::absenceText(const AttendanceSummary &summary)
{
    if (summary.absent == 0) {
        return {};
    }
    const QString missed = QLocale().toString(summary.absencePercent()) + QStringLiteral(" %");
    return summary.chronicallyAbsent() && !isTotal(summary)
               ? tr("%1 — chronic absence", "share of class days missed").arg(missed)
               : missed;
}

// Marks whose code the mapping gives no meaning are named beside the share missed, so a
// share computed without them is never read as the whole story.
QString SummaryModel::withUncounted(const QString &absence, const AttendanceSummary &summary)
{
    const int marks = summary.uncountedMarks();
    if (marks == 0) {
        return absence;
    }
    const QString uncounted = tr("%n mark(s) not counted", "codes with no meaning", marks);
    return absence.isEmpty() ? uncounted : absence + QStringLiteral(" \u00b7 ") + uncounted;
}

QString SummaryModel::missedToolTip(const AttendanceSummary &summary) const
{
    QStringList lines = Reports(m_repository).uncountedNotices(summary);
    lines.prepend(absenceToolTip(summary));
    lines.removeAll(QString());
    return lines.join(QLatin1Char('\n'));
}

QString SummaryModel::absenceToolTip(const AttendanceSummary &summary)
{
    if (summary.recorded == 0) {
        return {};
    }
    const QLocale locale;
    return tr("Class days missed: %1 of %2 recorded.")
               .arg(locale.toString(summary.absent), locale.toString(summary.recorded)) +
           QLatin1Char(' ') + Reports::chronicAbsenceRule();
}

QVariant SummaryModel::decorationData(const AttendanceSummary &summary, int column, int role) const
{
    if (role == Qt::TextAlignmentRole && column != NameColumn && column != ChronicColumn) {
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role == Qt::FontRole && isTotal(summary)) {
        QFont font;
        font.setBold(true);
        return font;
    }
    if (role == Qt::ForegroundRole && summary.chronicallyAbsent() && !isTotal(summary)) {
        return QBrush(QColor(0xa9, 0x1e, 0x2c));
    }
    if (role == Qt::ToolTipRole && column == ChronicColumn) {
        return missedToolTip(summary);
    }
    return {};
}

QStringList SummaryModel::columnTitles() const
{
    // The report's own titles (student, days, present, late, absent, excused, attendance),
    // in this table's order.
    const QStringList report = Reports::columnTitles();
    return {m_studentId ? tr("Course") : report.at(0),
            report.at(1),
            report.at(2),
            report.at(4),
            report.at(3),
            report.at(5),
            report.at(6),
            tr("Missed", "share of class days missed")};
}

} // namespace pasalista
