#include "attendancemarker.h"

#include "recordrows.h"
#include "repository.h"
#include "roletable.h"
#include "sync/clockskew.h"

#include <QLocale>

namespace pasalista {

AttendanceMarker::AttendanceMarker(Repository &repository)
    : m_repository(repository), m_store(repository.store())
{
}

std::optional<QString> AttendanceMarker::freeMarkKey(const QString &enrollmentKey,
                                                     const QDate &date)
{
    // A row holding an earlier generation's key is a mark the office moved away from this
    // slot (the slot has no mark, or the caller would have re-marked it).
    qint64 deletedHolder = 0;
    const auto key = m_repository.unheldKey(
        Role::Attendance,
        [&](int generation) { return Repository::attendanceKey(enrollmentKey, date, generation); },
        &deletedHolder);
    // A record deleted in the org (and here) no longer holds its key there: the old row
    // lets go of it, so the day can be marked again under the same key.
    if (key && deletedHolder != 0 &&
        !m_store.writeSynced(Role::Attendance, deletedHolder,
                             {{RoleTable::keyColumnName(), QVariant()}})) {
        return std::nullopt;
    }
    return key;
}

DomainError AttendanceMarker::checkDay(const QDate &date) const
{
    // "Today" is the org's day: a laptop whose clock is days off would file the roll under
    // another day, and a mark for a day still to come is a typing error, not attendance.
    const ClockSkew skew(m_store);
    if (skew.changesDay() && date == LaptopClock::today()) {
        return DomainError::refusal(DomainError::Code::WrongClock, skew.warning());
    }
    if (date > skew.orgToday()) {
        return DomainError::refusal(
            DomainError::Code::FutureDate,
            tr("%1 has not come yet (today is %2): attendance is taken on the day of the class "
               "or later.")
                .arg(QLocale().toString(date, QLocale::LongFormat),
                     QLocale().toString(skew.orgToday(), QLocale::LongFormat)));
    }
    return {};
}

DomainError AttendanceMarker::checkMarkable(const Course &course, const QDate &date, int status,
                                            bool confirmOutsideDates) const
{
    if (!m_repository.mapping().attendanceCode(status)) {
        QStringList codes;
        for (const AttendanceCode &code : m_repository.mapping().attendanceCodes()) {
            codes.append(QStringLiteral("%1 (%2)").arg(code.code).arg(code.label));
        }
        return DomainError::refusal(DomainError::Code::InvalidStatus,
                                    tr("%1 is not an attendance status. Use one of: %2.")
                                        .arg(status)
                                        .arg(codes.join(QStringLiteral(", "))));
    }
    if (!date.isValid()) {
        return DomainError::refusal(DomainError::Code::InvalidValue,
                                    tr("The class date is not a valid date."));
    }
    if (const DomainError refused = checkDay(date)) {
        return refused;
    }
    if (!course.isActiveOn(date) && !confirmOutsideDates) {
        const QString start =
            course.startDate.isValid() ? course.startDate.toString(Qt::ISODate) : tr("no start");
        const QString end =
            course.endDate.isValid() ? course.endDate.toString(Qt::ISODate) : tr("no end");
        return DomainError::refusal(
            DomainError::Code::OutsideCourseDates,
            tr("%1 is outside the dates of %2 (%3 to %4). Confirm to mark it anyway.")
                .arg(date.toString(Qt::ISODate), course.title, start, end));
    }
    return {};
}

DomainError AttendanceMarker::writeMark(const Course &course, const Student &student,
                                        const QDate &date, int status, const QString &notes)
{
    const auto theEnrollment = m_repository.enrollment(course.id, student.id);
    if (!theEnrollment) {
        return DomainError::refusal(DomainError::Code::NotEnrolled,
                                    tr("%1 is not enrolled in %2: enroll the student before taking "
                                       "attendance.")
                                        .arg(student.fullName(), course.title));
    }
    const RoleTable table(m_store, Role::Attendance);
    const QString statusColumn = table.rawColumn(QStringLiteral("status"));
    const QString notesColumn = table.rawColumn(QStringLiteral("notes"));
    const auto existing = RecordRows::marksOfEnrollments(
        m_store, {{theEnrollment->id, {course.id, student.id}}}, date);
    if (!existing.isEmpty()) {
        // Re-marking updates the day's record; only what changed reaches the outbox.
        const AttendanceMark &mark = existing.first();
        QVariantMap changes;
        if (mark.status != status) {
            changes.insert(statusColumn, status);
        }
        if (!notesColumn.isEmpty() && mark.notes != notes.trimmed()) {
            changes.insert(notesColumn, RecordRows::textOrNull(notes));
        }
        if (!changes.isEmpty() && !m_store.updateLocal(Role::Attendance, mark.id, changes)) {
            return m_repository.storageError();
        }
        return {};
    }
    // The enrollment's key (itself derived from course and student when a laptop made it),
    // or the org's Id for an enrollment made in the org: unchanged, so that marks already in
    // an org keep their keys.
    const QString keyOfEnrollment =
        theEnrollment->key.isEmpty() ? theEnrollment->sfid : theEnrollment->key;
    const auto key = freeMarkKey(keyOfEnrollment, date);
    if (!key) {
        return m_repository.storageError();
    }
    QVariantMap values = {
        {RoleTable::keyColumnName(), *key},
        {LocalStore::refColumn(table.rawColumn(QStringLiteral("enrollment"))), theEnrollment->id},
        {table.rawColumn(QStringLiteral("date")), date.toString(Qt::ISODate)},
        {statusColumn, status}};
    if (!notesColumn.isEmpty()) {
        values.insert(notesColumn, RecordRows::textOrNull(notes));
    }
    const QString nameColumn = table.rawColumn(QStringLiteral("student_name"));
    if (!nameColumn.isEmpty()) {
        values.insert(nameColumn, student.fullName());
    }
    const QString idColumn = table.rawColumn(QStringLiteral("student_id"));
    // The org's field holds a Salesforce Id (18 characters); a student created offline has
    // none yet, so the field stays empty rather than carrying the longer local key.
    if (!idColumn.isEmpty() && !student.sfid.isEmpty()) {
        values.insert(idColumn, student.sfid);
    }
    if (!m_store.insertLocal(Role::Attendance, values)) {
        return m_repository.storageError();
    }
    return {};
}

DomainError AttendanceMarker::markAttendance(qint64 courseId, qint64 studentId, const QDate &date,
                                             int status, const QString &notes,
                                             bool confirmOutsideDates)
{
    const auto theCourse = m_repository.course(courseId);
    const auto theStudent = m_repository.student(studentId);
    if (!theCourse || !theStudent) {
        return Repository::notFound(theCourse.has_value());
    }
    if (const DomainError refused = checkMarkable(*theCourse, date, status, confirmOutsideDates)) {
        return refused;
    }
    const DomainError result = writeMark(*theCourse, *theStudent, date, status, notes);
    if (result.ok()) {
        Q_EMIT m_repository.dataChanged();
    }
    return result;
}

DomainError AttendanceMarker::markAllPresent(qint64 courseId, const QDate &date,
                                             bool confirmOutsideDates)
{
    const auto theCourse = m_repository.course(courseId);
    if (!theCourse) {
        return DomainError::refusal(DomainError::Code::NotFound,
                                    tr("The course no longer exists."));
    }
    const auto present = m_repository.presentCode();
    if (!present) {
        return DomainError::refusal(DomainError::Code::InvalidStatus,
                                    tr("The mapping has no attendance code meaning present."));
    }
    if (const DomainError refused =
            checkMarkable(*theCourse, date, *present, confirmOutsideDates)) {
        return refused;
    }
    const QHash<qint64, AttendanceMark> marked = m_repository.attendanceOn(courseId, date);
    if (!m_store.begin()) {
        return m_repository.storageError();
    }
    for (const Student &enrolled : m_repository.roster(courseId)) {
        if (marked.contains(enrolled.id)) {
            continue;
        }
        if (const DomainError failed = writeMark(*theCourse, enrolled, date, *present, {})) {
            m_store.rollback();
            return failed;
        }
    }
    if (!m_store.commit()) {
        m_store.rollback();
        return m_repository.storageError();
    }
    Q_EMIT m_repository.dataChanged();
    return {};
}

} // namespace pasalista
