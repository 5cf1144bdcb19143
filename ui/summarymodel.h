#pragma once

#include "keyedrowsmodel.h"
#include "records.h"

namespace pasalista {

class Repository;

// Attendance counts per student of a course (or per course of a student), with the rate
// attended, the share missed and chronic absence flagged where it holds. Rows come from Reports,
// keyed by student (or course) id and changed in place on reload.
class SummaryModel : public KeyedRowsModel<AttendanceSummary>
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        RecordedColumn,
        PresentColumn,
        AbsentColumn,
        LateColumn,
        ExcusedColumn,
        RateColumn,
        ChronicColumn,
        ColumnCount
    };
    enum DataRole
    {
        StudentIdRole = Qt::UserRole + 1,
        CourseIdRole,
        ChronicRole,
        RateRole,
        SortRole // numbers as numbers, names as the list writes them
    };

    explicit SummaryModel(const Repository &repository, QObject *parent = nullptr);

    void showCourse(qint64 courseId);
    // Counts only the marks from `from` to `to` (both included; an invalid date leaves that end
    // open) from now on, and reads the course again.
    void setDateRange(const QDate &from, const QDate &to);
    bool hasDateRange() const { return m_from.isValid() || m_to.isValid(); }
    QDate from() const { return m_from; }
    QDate to() const { return m_to; }
    qint64 courseId() const { return m_courseId; }
    void showStudent(qint64 studentId);
    void reload();
    // A course's report and roster read off the GUI thread.
    void showLoaded(qint64 courseId, const QList<AttendanceSummary> &report,
                    const QList<Student> &roster);
    void setRows(const QList<AttendanceSummary> &rows);

private:
    QStringList columnTitles() const override;
    QVariant rowData(const AttendanceSummary &summary, int column, int role) const override;
    QVariant displayData(const AttendanceSummary &summary, int column) const;
    static QVariant sortData(const AttendanceSummary &summary, int column);
    QVariant decorationData(const AttendanceSummary &summary, int column, int role) const;
    static bool isTotal(const AttendanceSummary &summary);
    static QString absenceText(const AttendanceSummary &summary);
    static QString absenceToolTip(const AttendanceSummary &summary);
    static QString withUncounted(const QString &absence, const AttendanceSummary &summary);
    QString missedToolTip(const AttendanceSummary &summary) const;
    static QList<AttendanceSummary> withListNames(QList<AttendanceSummary> rows,
                                                  const QList<Student> &roster);
    qint64 rowKey(const AttendanceSummary &summary) const override;
    bool sameRow(const AttendanceSummary &before, const AttendanceSummary &after) const override;

    const Repository &m_repository;
    qint64 m_courseId = 0;
    qint64 m_studentId = 0;
    QDate m_from;
    QDate m_to;
};

} // namespace pasalista
