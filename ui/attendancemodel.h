#pragma once

#include "domainerror.h"
#include "keyedrowsmodel.h"
#include "records.h"
#include "sync/syncissue.h"

#include <QDate>
#include <QHash>

namespace pasalista {

class Repository;

// The attendance sheet of one course on one date: one row per enrolled student, the
// status and notes columns editable. Writes go through Repository::markAttendance; a date
// outside the course's dates is refused until setOutsideDatesConfirmed(true). Rows are keyed
// by student id and updated in place (refresh), so a sync never moves the teacher's cursor.
class AttendanceModel : public KeyedRowsModel<Student>
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        StatusColumn,
        NotesColumn,
        ColumnCount
    };
    enum DataRole
    {
        StudentIdRole = Qt::UserRole + 1,
        StatusCodeRole,
        IsMarkedRole,
        // The mark's open sync issue (SyncIssue::Kind as an int): none when it is in the org
        // as shown. The row also carries a warning icon and a tooltip in the teacher's words.
        SyncIssueKindRole
    };

    explicit AttendanceModel(Repository &repository, QObject *parent = nullptr);

    void setCourse(qint64 courseId);
    void setDate(const QDate &date); // also withdraws a confirmation of outside dates
    qint64 courseId() const { return m_courseId; }
    QDate date() const { return m_date; }
    void setOutsideDatesConfirmed(bool confirmed) { m_outsideDatesConfirmed = confirmed; }
    bool outsideDatesConfirmed() const { return m_outsideDatesConfirmed; }
    void reload();
    void refresh(); // reads the store again and updates only the rows that changed
    // The rows of courseId on date are being read elsewhere: none shown until showLoaded,
    // so nothing is written on the rows of the course or date left.
    void expect(qint64 courseId, const QDate &date);
    // Whether a write made elsewhere (roster tab, profile) reads the sheet again here, on
    // the GUI thread (true, the default), or the window reads it in the background.
    void setRefreshesOnWrites(bool refreshes) { m_refreshesOnWrites = refreshes; }
    bool isWriting() const { return m_writing; } // a write of this sheet is under way
    // The same with rows and marks read elsewhere (off the GUI thread) for courseId on date().
    void showLoaded(qint64 courseId, const QList<Student> &roster,
                    QHash<qint64, AttendanceMark> marks);

    DomainError setStatus(int row, int status);
    DomainError setNotes(int row, const QString &notes);
    DomainError markAllPresent();
    // What a "Mark all present" written off the GUI thread did: shown in place and told to
    // the rest of the app as this sheet's own write.
    void showMarkedAllPresent();
    int markedCount() const { return int(m_marks.size()); }
    // Puts back a student's mark on a course and date (nullopt: no mark), for undo and redo;
    // shown in place when this sheet shows that course and date.
    DomainError restoreMark(qint64 courseId, const QDate &date, qint64 studentId,
                            const std::optional<AttendanceMark> &mark);
    // Undo and redo of "Mark all present": the students it marked, unmarked again in one
    // transaction, or everyone without a mark marked present again.
    DomainError unmarkStudents(qint64 courseId, const QDate &date, const QList<qint64> &students);
    DomainError markAllPresentAgain(qint64 courseId, const QDate &date);
    // The students the last "Mark all present" shown here marked.
    QList<qint64> lastMarkedPresent() const { return m_lastMarkedPresent; }
    const Student *studentAt(int row) const;
    // The first row from `from` on (wrapping round) whose names start with every word of
    // text, accents and case ignored ("guzman v" finds "Guzmán, Valeria"); -1 if none.
    int findStudent(const QString &text, int from = 0) const;
    std::optional<AttendanceMark> markAt(int row) const;

    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

Q_SIGNALS:
    // A write was refused; the sheet may confirm an outside date and set the value again.
    void writeRefused(const pasalista::DomainError &error, const QModelIndex &index,
                      const QVariant &value);
    void marksChanged();

private:
    QStringList columnTitles() const override;
    QVariant rowData(const Student &student, int column, int role) const override;
    DomainError mark(int row, int status, const QString &notes);
    void showWritten(int row, int status, const QString &notes);
    void showAllPresent(int present);
    AttendanceMark writtenMark(qint64 studentId, int status) const;
    QSet<qint64> takeMarks(QHash<qint64, AttendanceMark> marks);
    QSet<qint64> takeIssues();
    QVariant issueData(const Student &student, int column, int role) const;
    qint64 rowKey(const Student &student) const override { return student.id; }
    bool sameRow(const Student &before, const Student &after) const override;
    void onRepositoryChanged();
    QVariant displayData(const Student &student, const AttendanceMark *mark, int column) const;
    QVariant statusColour(const AttendanceMark *mark) const;
    static QString displayName(const Student &student);

    Repository &m_repository;
    qint64 m_courseId = 0;
    QDate m_date;
    bool m_outsideDatesConfirmed = false;
    bool m_writing = false;
    bool m_refreshesOnWrites = true;
    QHash<qint64, AttendanceMark> m_marks;
    QList<qint64> m_lastMarkedPresent;
    QHash<qint64, SyncIssue> m_issues; // by student: the org refused the mark, or a conflict
};

} // namespace pasalista
