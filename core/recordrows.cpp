#include "recordrows.h"

#include "mapping.h"
#include "roletable.h"

namespace pasalista {

namespace {

struct StudentText
{
    const char *logical;
    QString Student::*member;
};

const StudentText kStudentTexts[] = {
    {"first_name", &Student::firstName},
    {"last_name", &Student::lastName},
    {"nickname", &Student::nickname},
    {"sex", &Student::sex},
    {"address", &Student::address},
    {"phone_1", &Student::phone1},
    {"phone_2", &Student::phone2},
    {"email", &Student::email},
    {"contact_name", &Student::contactName},
    {"contact_phone", &Student::contactPhone},
    {"document_type", &Student::documentType},
    {"language", &Student::language},
    {"nationality", &Student::nationality},
    {"notes", &Student::notes},
};

} // namespace

// Empty text is stored as NULL, as the org returns it, so re-saving it changes nothing.
QVariant RecordRows::textOrNull(const QString &text)
{
    const QString trimmed = text.trimmed();
    return trimmed.isEmpty() ? QVariant() : QVariant(trimmed);
}

QDate RecordRows::dateFrom(const QVariant &value)
{
    return QDate::fromString(value.toString().left(10), Qt::ISODate);
}

// Attendance_Type__c is a Number: the API may send 1 or 1.0.
int RecordRows::statusFrom(const QVariant &value)
{
    return qRound(value.toDouble());
}

Student RecordRows::studentFromRow(const QVariantMap &row)
{
    Student student = keyedBy<Student>(row);
    for (const StudentText &text : kStudentTexts) {
        student.*text.member = row.value(QString::fromLatin1(text.logical)).toString();
    }
    student.dateOfBirth = dateFrom(row.value(QStringLiteral("date_of_birth")));
    return student;
}

// Column-keyed values of a student, for the columns the mapping binds.
QVariantMap RecordRows::studentValues(const Mapping &mapping, const Student &student)
{
    QVariantMap values;
    for (const StudentText &text : kStudentTexts) {
        const QString column = mapping.column(Role::Student, QString::fromLatin1(text.logical));
        if (!column.isEmpty()) {
            values.insert(column, textOrNull(student.*text.member));
        }
    }
    const QString birth = mapping.column(Role::Student, QStringLiteral("date_of_birth"));
    if (!birth.isEmpty()) {
        values.insert(birth, student.dateOfBirth.isValid()
                                 ? QVariant(student.dateOfBirth.toString(Qt::ISODate))
                                 : QVariant());
    }
    return values;
}

Course RecordRows::courseFromRow(const QVariantMap &row)
{
    Course course = keyedBy<Course>(row);
    course.title = row.value(QStringLiteral("title")).toString();
    course.startDate = dateFrom(row.value(QStringLiteral("start_date")));
    course.endDate = dateFrom(row.value(QStringLiteral("end_date")));
    course.programId = row.value(QStringLiteral("ref:program")).toLongLong();
    course.facilitator1Id = row.value(QStringLiteral("ref:facilitator_1")).toLongLong();
    course.facilitator2Id = row.value(QStringLiteral("ref:facilitator_2")).toLongLong();
    course.notes = row.value(QStringLiteral("notes")).toString();
    return course;
}

AttendanceMark RecordRows::markFromRow(const QVariantMap &row)
{
    AttendanceMark mark = keyedBy<AttendanceMark>(row);
    mark.enrollmentId = row.value(QStringLiteral("ref:enrollment")).toLongLong();
    mark.date = dateFrom(row.value(QStringLiteral("date")));
    mark.status = statusFrom(row.value(QStringLiteral("status")));
    mark.notes = row.value(QStringLiteral("notes")).toString();
    return mark;
}

// SQL condition on an enrollment table: live, of a live student, with `logical` bound to ?.
QString RecordRows::liveEnrollmentCondition(const LocalStore &store, const QString &logical)
{
    const RoleTable enrollments(store, Role::Enrollment);
    const RoleTable students(store, Role::Student);
    return enrollments.refColumn(logical) + QStringLiteral(" = ? AND ") +
           enrollments.refColumn(QStringLiteral("student")) +
           QStringLiteral(" IN (SELECT \"id\" FROM ") + students.table() +
           QStringLiteral(" WHERE ") + RoleTable::liveCondition() + QLatin1Char(')');
}

// Live enrollments (of live students) as enrollment id -> (course id, student id).
QHash<qint64, QPair<qint64, qint64>> RecordRows::enrollmentsWhere(const LocalStore &store,
                                                                  const QString &logical, qint64 id)
{
    const RoleTable enrollments(store, Role::Enrollment);
    QHash<qint64, QPair<qint64, qint64>> result;
    for (const QVariantMap &row :
         enrollments.select(liveEnrollmentCondition(store, logical), {id})) {
        result.insert(row.value(QStringLiteral("id")).toLongLong(),
                      {row.value(QStringLiteral("ref:course")).toLongLong(),
                       row.value(QStringLiteral("ref:student")).toLongLong()});
    }
    return result;
}

// The marks `where` selects, on onlyDate when valid, with the course and student of the
// enrollment each hangs from.
QList<AttendanceMark>
RecordRows::selectMarks(const RoleTable &attendance, QString where, QVariantList bindings,
                        const QHash<qint64, QPair<qint64, qint64>> &enrollments,
                        const QDate &onlyDate)
{
    if (onlyDate.isValid()) {
        where += QStringLiteral(" AND ") + attendance.column(QStringLiteral("date")) +
                 QStringLiteral(" = ?");
        bindings.append(onlyDate.toString(Qt::ISODate));
    }
    QList<AttendanceMark> marks;
    for (const QVariantMap &row : attendance.select(where, bindings)) {
        AttendanceMark mark = markFromRow(row);
        const auto owners = enrollments.value(mark.enrollmentId);
        mark.courseId = owners.first;
        mark.studentId = owners.second;
        marks.append(mark);
    }
    return marks;
}

// Marks of the enrollments liveEnrollmentCondition(logical = id) selects, on onlyDate when
// valid. The enrollments are a subquery, not thousands of bound ids, so SQLite walks the
// (enrollment, date) index once per enrollment.
QList<AttendanceMark> RecordRows::marksWhere(const LocalStore &store, const QString &logical,
                                             qint64 id, const QDate &onlyDate)
{
    const auto enrollments = enrollmentsWhere(store, logical, id);
    if (enrollments.isEmpty()) {
        return {};
    }
    const RoleTable attendance(store, Role::Attendance);
    const RoleTable enrollmentTable(store, Role::Enrollment);
    QString where = attendance.refColumn(QStringLiteral("enrollment")) +
                    QStringLiteral(" IN (SELECT \"id\" FROM ") + enrollmentTable.table() +
                    QStringLiteral(" WHERE ") + RoleTable::liveCondition() +
                    QStringLiteral(" AND ") + liveEnrollmentCondition(store, logical) +
                    QLatin1Char(')');
    QVariantList bindings{id};
    return selectMarks(attendance, where, bindings, enrollments, onlyDate);
}

QList<AttendanceMark>
RecordRows::marksOfEnrollments(const LocalStore &store,
                               const QHash<qint64, QPair<qint64, qint64>> &enrollments,
                               const QDate &onlyDate)
{
    if (enrollments.isEmpty()) {
        return {};
    }
    const RoleTable attendance(store, Role::Attendance);
    QStringList placeholders;
    QVariantList bindings;
    for (auto it = enrollments.begin(); it != enrollments.end(); ++it) {
        placeholders.append(QStringLiteral("?"));
        bindings.append(it.key());
    }
    QString where = attendance.refColumn(QStringLiteral("enrollment")) + QStringLiteral(" IN (") +
                    placeholders.join(QLatin1Char(',')) + QLatin1Char(')');
    return selectMarks(attendance, where, bindings, enrollments, onlyDate);
}

} // namespace pasalista
