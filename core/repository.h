#pragma once

// core/ (its root) owns the domain on top of the layers: the mapping, the repository and
// its editors (what a teacher may do to courses, students, enrollments and marks), reports,
// demo data and the application's paths. No widgets, no exit codes.

#include "domainerror.h"
#include "records.h"
#include "store/localstore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QObject>

#include <functional>

namespace pasalista {

// The teacher's work on the local store through the mapping's role bindings: browse
// courses and students, enroll, mark attendance. Every write goes through LocalStore and
// so lands in the outbox. Refusals come back as DomainError with a translated message.
class Repository : public QObject
{
    Q_OBJECT

public:
    explicit Repository(LocalStore &store, QObject *parent = nullptr);

    LocalStore &store() { return m_store; }
    const LocalStore &store() const { return m_store; }
    const Mapping &mapping() const { return m_store.mapping(); }

    QList<Program> programs() const;
    QList<Teacher> teachers() const;
    QList<Course> courses() const; // with program name, facilitators and enrolled count
    std::optional<Course> course(qint64 id) const;
    QList<Student> students(const QString &search = {}) const; // name/nickname contains
    std::optional<Student> student(qint64 id) const;
    QList<Student> roster(qint64 courseId) const; // enrolled students, by last name
    QList<Course> coursesOfStudent(qint64 studentId) const;
    std::optional<Enrollment> enrollment(qint64 courseId, qint64 studentId) const;

    // Finds a course or student by Salesforce Id, Pasalista_Id__c, or an unambiguous name
    // (exact, then case-insensitive substring).
    std::optional<qint64> findCourse(const QString &ref, DomainError *error) const;
    std::optional<qint64> findStudent(const QString &ref, DomainError *error,
                                      qint64 withinCourseId = 0) const;

    // Validates then creates; sets *id. Required: first and last name, date of birth,
    // phone 1 (as the org requires), a valid sex/language picklist value when given.
    DomainError createStudent(const Student &student, qint64 *id = nullptr);
    DomainError updateStudent(const Student &student);
    DomainError validateStudent(const Student &student) const;

    DomainError enroll(qint64 courseId, qint64 studentId, qint64 *enrollmentId = nullptr);
    DomainError unenroll(qint64 courseId, qint64 studentId);

    // Marks (or re-marks: one per enrollment and date) a student's attendance. A date
    // outside the course's dates is refused with OutsideCourseDates unless confirmed.
    DomainError markAttendance(qint64 courseId, qint64 studentId, const QDate &date, int status,
                               const QString &notes = {}, bool confirmOutsideDates = false);
    // Marks every enrolled student without a mark on that date as present (code 0 or the
    // mapping's first non-absent, non-late code). One transaction.
    DomainError markAllPresent(qint64 courseId, const QDate &date,
                               bool confirmOutsideDates = false);
    // Whether the student's mark on that date has a change the org has not taken yet (false
    // once it left in a sync, or when there is no mark): what the sheet's undo may take back.
    bool hasUnsentMark(qint64 courseId, qint64 studentId, const QDate &date) const;
    // Takes the students' marks on that date off (marks made by mistake, undone), in one
    // transaction.
    DomainError unmarkAttendance(qint64 courseId, const QList<qint64> &studentIds,
                                 const QDate &date);
    // studentId -> mark, for one course and date.
    QHash<qint64, AttendanceMark> attendanceOn(qint64 courseId, const QDate &date) const;
    QList<AttendanceMark> attendanceOfStudent(qint64 studentId) const; // newest first
    QList<AttendanceMark> attendanceOfCourse(qint64 courseId) const;
    // How many marks of each status each enrolled student of the course has.
    QList<StatusCount> statusCountsOfCourse(qint64 courseId) const;

    // The Pasalista_Id__c of an attendance record: a UUID v5 of (enrollment key, date), so
    // two laptops marking the same class converge on one record.
    static QString attendanceKey(const QString &enrollmentKey, const QDate &date,
                                 int generation = 0);
    // The Pasalista_Id__c of an enrollment: a UUID v5 of (course key, student key), each
    // being the record's Pasalista_Id__c or, for records made in the org, its Salesforce Id.
    static QString enrollmentKey(const QString &courseKey, const QString &studentKey,
                                 int generation = 0);

    // The first generation's key, keyOf(0), keyOf(1)..., that no live row of `role` holds:
    // a live holder is a record the office moved to another slot, which keeps its key. A
    // deleted row may still hold the key found (*deletedHolder, else 0). nullopt on a store
    // error. Two laptops holding the same org records skip the same keys, so they converge.
    std::optional<QString> unheldKey(Role role, const std::function<QString(int)> &keyOf,
                                     qint64 *deletedHolder) const;

    // The org's picklist values (API values, English), for forms and validation.
    static QStringList sexValues();      // Female, Male
    static QStringList languageValues(); // Spanish, Creole, Other
    // A name as searches compare it: case-folded, accents removed, spaces simplified.
    static QString searchFolded(const QString &text);
    // When a pull last finished for any object (from the store, so it survives a restart);
    // invalid if this store never synced.
    QDateTime lastSyncAt() const;
    // The code markAllPresent uses: 0 when it means present, else the first code that is
    // neither absent nor late; nullopt when the mapping has none.
    std::optional<int> presentCode() const;
    // An attendance status typed by a person: the code's digits, its shortcut letter or its
    // label (English or translated), case-insensitive. nullopt when it names no code.
    std::optional<int> statusFromText(const QString &text) const;

Q_SIGNALS:
    void dataChanged(); // any local write made through this repository

private:
    friend class AttendanceMarker;
    friend class EnrollmentEditor;
    friend class StudentEditor;

    // A store failure as the domain reports it, for the writes of this class's editors.
    DomainError storageError() const;
    // The refusal of a write whose student (course found) or course no longer exists.
    static DomainError notFound(bool courseFound);
    // onlyCourse: the one course `where` selects (0 for any), so only its students are counted.
    QList<Course> loadCourses(const QString &where, const QVariantList &bindings,
                              qint64 onlyCourse) const;

    LocalStore &m_store;
};

} // namespace pasalista
