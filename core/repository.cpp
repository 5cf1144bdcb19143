#include "repository.h"

#include "logging.h"
#include "roletable.h"
#include "store/outbox.h"

#include <QCollator>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <algorithm>
#include <vector>

namespace pasalista {

namespace {

// Fixed namespace of attendance keys: changing it would fork every attendance record
// already in an org into twins.
const QUuid kAttendanceNamespace(QStringLiteral("d547348e-efb0-4cd2-b66d-6371836997a4"));
// Fixed namespace of enrollment keys, for the same reason.
const QUuid kEnrollmentNamespace(QStringLiteral("5b0f4a53-8d7e-4c1a-9a43-2f6f0de1c8b2"));

// A record's identity across laptops: our key when it has one (made by a laptop), else
// the org's Id (made in the org, which never gives it our key later).
QString identityOf(const QString &key, const QString &sfid)
{
    return key.isEmpty() ? sfid : key;
}

DomainError refusal(DomainError::Code code, const QString &message)
{
    DomainError error;
    error.code = code;
    error.message = message;
    qCDebug(lcDomain).noquote() << "refused:" << message;
    return error;
}

void setError(DomainError *target, const DomainError &error)
{
    if (target) {
        *target = error;
    }
}

// Empty text is stored as NULL, as the org returns it, so re-saving it changes nothing.
QVariant textOrNull(const QString &text)
{
    const QString trimmed = text.trimmed();
    return trimmed.isEmpty() ? QVariant() : QVariant(trimmed);
}

QDate dateFrom(const QVariant &value)
{
    return QDate::fromString(value.toString().left(10), Qt::ISODate);
}

// Attendance_Type__c is a Number: the API may send 1 or 1.0.
int statusFrom(const QVariant &value)
{
    return qRound(value.toDouble());
}

// For name matching: case-folded, accents removed ("José" finds "jose"), spaces simplified.
QString folded(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_D);
    QString result;
    result.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        if (c.category() != QChar::Mark_NonSpacing) {
            result.append(c);
        }
    }
    return result.toCaseFolded().simplified();
}

bool lessByLocale(const QString &a, const QString &b)
{
    return QString::localeAwareCompare(a, b) < 0;
}

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

Student studentFromRow(const QVariantMap &row)
{
    Student student;
    student.id = row.value(QStringLiteral("id")).toLongLong();
    student.sfid = row.value(QStringLiteral("sfid")).toString();
    student.key = row.value(QStringLiteral("key")).toString();
    for (const StudentText &text : kStudentTexts) {
        student.*text.member = row.value(QString::fromLatin1(text.logical)).toString();
    }
    student.dateOfBirth = dateFrom(row.value(QStringLiteral("date_of_birth")));
    return student;
}

// Column-keyed values of a student, for the columns the mapping binds.
QVariantMap studentValues(const Mapping &mapping, const Student &student)
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

Course courseFromRow(const QVariantMap &row)
{
    Course course;
    course.id = row.value(QStringLiteral("id")).toLongLong();
    course.sfid = row.value(QStringLiteral("sfid")).toString();
    course.key = row.value(QStringLiteral("key")).toString();
    course.title = row.value(QStringLiteral("title")).toString();
    course.startDate = dateFrom(row.value(QStringLiteral("start_date")));
    course.endDate = dateFrom(row.value(QStringLiteral("end_date")));
    course.programId = row.value(QStringLiteral("ref:program")).toLongLong();
    course.facilitator1Id = row.value(QStringLiteral("ref:facilitator_1")).toLongLong();
    course.facilitator2Id = row.value(QStringLiteral("ref:facilitator_2")).toLongLong();
    course.notes = row.value(QStringLiteral("notes")).toString();
    return course;
}

AttendanceMark markFromRow(const QVariantMap &row)
{
    AttendanceMark mark;
    mark.id = row.value(QStringLiteral("id")).toLongLong();
    mark.sfid = row.value(QStringLiteral("sfid")).toString();
    mark.key = row.value(QStringLiteral("key")).toString();
    mark.enrollmentId = row.value(QStringLiteral("ref:enrollment")).toLongLong();
    mark.date = dateFrom(row.value(QStringLiteral("date")));
    mark.status = statusFrom(row.value(QStringLiteral("status")));
    mark.notes = row.value(QStringLiteral("notes")).toString();
    return mark;
}

// SQL condition on an enrollment table: live, of a live student, with `logical` bound to ?.
QString liveEnrollmentCondition(const LocalStore &store, const QString &logical)
{
    const RoleTable enrollments(store, Role::Enrollment);
    const RoleTable students(store, Role::Student);
    return enrollments.refColumn(logical) + QStringLiteral(" = ? AND ") +
           enrollments.refColumn(QStringLiteral("student")) +
           QStringLiteral(" IN (SELECT \"id\" FROM ") + students.table() +
           QStringLiteral(" WHERE ") + RoleTable::liveCondition() + QLatin1Char(')');
}

// Live enrollments (of live students) as enrollment id -> (course id, student id).
QHash<qint64, QPair<qint64, qint64>> enrollmentsWhere(const LocalStore &store,
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
QList<AttendanceMark> selectMarks(const RoleTable &attendance, QString where, QVariantList bindings,
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
QList<AttendanceMark> marksWhere(const LocalStore &store, const QString &logical, qint64 id,
                                 const QDate &onlyDate = {})
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

QList<AttendanceMark> marksOfEnrollments(const LocalStore &store,
                                         const QHash<qint64, QPair<qint64, qint64>> &enrollments,
                                         const QDate &onlyDate = {})
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

// Live enrollments of live students per course (one grouped query, not one per course);
// only onlyCourse's when it is set.
QHash<qint64, int> enrolledCounts(const LocalStore &store, qint64 onlyCourse)
{
    const RoleTable enrollments(store, Role::Enrollment);
    const RoleTable students(store, Role::Student);
    const QString course = enrollments.refColumn(QStringLiteral("course"));
    QString sql = QStringLiteral("SELECT ") + course + QStringLiteral(", COUNT(*) FROM ") +
                  enrollments.table() + QStringLiteral(" WHERE ") + RoleTable::liveCondition() +
                  QStringLiteral(" AND ") + enrollments.refColumn(QStringLiteral("student")) +
                  QStringLiteral(" IN (SELECT \"id\" FROM ") + students.table() +
                  QStringLiteral(" WHERE ") + RoleTable::liveCondition() + QLatin1Char(')');
    if (onlyCourse) {
        sql += QStringLiteral(" AND ") + course + QStringLiteral(" = ?");
    }
    sql += QStringLiteral(" GROUP BY ") + course;
    QSqlQuery query(store.database());
    query.setForwardOnly(true);
    query.prepare(sql);
    if (onlyCourse) {
        query.addBindValue(onlyCourse);
    }
    QHash<qint64, int> counts;
    if (!query.exec()) {
        qCWarning(lcDomain) << "enrolled counts failed:" << query.lastError().text();
        return counts;
    }
    while (query.next()) {
        counts.insert(query.value(0).toLongLong(), query.value(1).toInt());
    }
    return counts;
}

// By last name, then first name, in the locale's order. Each name's collation key is made
// once: comparing keys is a byte comparison, where thousands of locale-aware comparisons of
// the names themselves cost a large course a visible pause.
void sortByName(QList<Student> &students)
{
    const QCollator collator;
    struct Keyed
    {
        QCollatorSortKey last;
        QCollatorSortKey first;
        qsizetype index;
    };
    std::vector<Keyed> keys;
    keys.reserve(students.size());
    for (qsizetype i = 0; i < students.size(); ++i) {
        keys.push_back({collator.sortKey(students.at(i).lastName),
                        collator.sortKey(students.at(i).firstName), i});
    }
    std::stable_sort(keys.begin(), keys.end(), [](const Keyed &a, const Keyed &b) {
        const int byLast = a.last.compare(b.last);
        return byLast != 0 ? byLast < 0 : a.first.compare(b.first) < 0;
    });
    QList<Student> sorted;
    sorted.reserve(students.size());
    for (const Keyed &key : keys) {
        sorted.append(std::move(students[key.index]));
    }
    students = std::move(sorted);
}

// Finds records by name: an exact (folded) match first, then a unique substring.
std::optional<qint64> matchByName(const QList<QPair<qint64, QStringList>> &candidates,
                                  const QString &ref, const QString &what, DomainError *error)
{
    const QString wanted = folded(ref);
    for (int pass = 0; pass < 2; ++pass) {
        QList<qint64> ids;
        QStringList names;
        for (const auto &candidate : candidates) {
            for (const QString &name : candidate.second) {
                const QString key = folded(name);
                const bool hit = pass == 0 ? key == wanted : key.contains(wanted);
                if (!key.isEmpty() && hit && !ids.contains(candidate.first)) {
                    ids.append(candidate.first);
                    names.append(candidate.second.first());
                }
            }
        }
        if (ids.size() == 1) {
            return ids.first();
        }
        if (ids.size() > 1) {
            setError(error, refusal(DomainError::Code::Ambiguous,
                                    Repository::tr("\"%1\" matches %2 %3: %4. Use a fuller name "
                                                   "or the Salesforce Id.")
                                        .arg(ref)
                                        .arg(ids.size())
                                        .arg(what, names.mid(0, 5).join(QStringLiteral(", ")))));
            return std::nullopt;
        }
    }
    return std::nullopt;
}

// Finds a record by its Salesforce Id (15 or 18 characters) or its Pasalista_Id__c.
std::optional<qint64> matchById(const LocalStore &store, Role role, const QString &ref)
{
    const RoleTable table(store, role);
    QString where = QStringLiteral("\"sfid\" = ? OR substr(\"sfid\", 1, 15) = ?");
    QVariantList bindings{ref, ref.size() == 15 ? ref : QString()};
    if (!table.keyColumn().isEmpty()) {
        where += QStringLiteral(" OR ") + table.keyColumn() + QStringLiteral(" = ?");
        bindings.append(ref);
    }
    const QList<QVariantMap> rows = table.select(where, bindings);
    if (rows.isEmpty()) {
        return std::nullopt;
    }
    return rows.first().value(QStringLiteral("id")).toLongLong();
}

bool isValidEmail(const QString &email)
{
    static const QRegularExpression shape(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]{2,}$"));
    return shape.match(email).hasMatch();
}

bool isValidPhone(const QString &phone)
{
    static const QRegularExpression shape(QStringLiteral("^\\+?[0-9 ().\\-]+$"));
    int digits = 0;
    for (const QChar c : phone) {
        digits += c.isDigit() ? 1 : 0;
    }
    return shape.match(phone).hasMatch() && digits >= 7 && digits <= 15;
}

} // namespace

Repository::Repository(LocalStore &store, QObject *parent) : QObject(parent), m_store(store) {}

QString Repository::attendanceKey(const QString &enrollmentKey, const QDate &date)
{
    // "<enrollment key>/<yyyy-MM-dd>": both laptops derive the same name, hence the same UUID.
    const QString name = enrollmentKey + QLatin1Char('/') + date.toString(Qt::ISODate);
    return QUuid::createUuidV5(kAttendanceNamespace, name).toString(QUuid::WithoutBraces);
}

QString Repository::enrollmentKey(const QString &courseKey, const QString &studentKey)
{
    // "<course key>/<student key>": two laptops enrolling the same student in the same
    // course make one record.
    const QString name = courseKey + QLatin1Char('/') + studentKey;
    return QUuid::createUuidV5(kEnrollmentNamespace, name).toString(QUuid::WithoutBraces);
}

QStringList Repository::sexValues()
{
    return {QStringLiteral("Female"), QStringLiteral("Male")};
}

QStringList Repository::languageValues()
{
    return {QStringLiteral("Spanish"), QStringLiteral("Creole"), QStringLiteral("Other")};
}

std::optional<int> Repository::presentCode() const
{
    const AttendanceCode *zero = mapping().attendanceCode(0);
    if (zero && !zero->absent && !zero->late) {
        return 0;
    }
    for (const AttendanceCode &code : mapping().attendanceCodes()) {
        if (!code.absent && !code.late) {
            return code.code;
        }
    }
    return std::nullopt;
}

std::optional<int> Repository::statusFromText(const QString &text) const
{
    const QString wanted = folded(text);
    if (wanted.isEmpty()) {
        return std::nullopt;
    }
    for (const AttendanceCode &code : mapping().attendanceCodes()) {
        const QString translated =
            QCoreApplication::translate("AttendanceLabels", code.label.toUtf8().constData());
        if (wanted == QString::number(code.code) || wanted == folded(code.shortcut) ||
            wanted == folded(code.label) || wanted == folded(translated)) {
            return code.code;
        }
    }
    return std::nullopt;
}

DomainError Repository::storageError() const
{
    return refusal(
        DomainError::Code::Storage,
        tr("The change could not be saved in the local store: %1").arg(m_store.errorString()));
}

QList<Program> Repository::programs() const
{
    QList<Program> result;
    for (const QVariantMap &row : RoleTable(m_store, Role::Program).select()) {
        Program program;
        program.id = row.value(QStringLiteral("id")).toLongLong();
        program.sfid = row.value(QStringLiteral("sfid")).toString();
        program.name = row.value(QStringLiteral("name")).toString();
        result.append(program);
    }
    std::sort(result.begin(), result.end(),
              [](const Program &a, const Program &b) { return lessByLocale(a.name, b.name); });
    return result;
}

QList<Teacher> Repository::teachers() const
{
    QList<Teacher> result;
    for (const QVariantMap &row : RoleTable(m_store, Role::Teacher).select()) {
        Teacher teacher;
        teacher.id = row.value(QStringLiteral("id")).toLongLong();
        teacher.sfid = row.value(QStringLiteral("sfid")).toString();
        teacher.email = row.value(QStringLiteral("email")).toString();
        teacher.firstName = row.value(QStringLiteral("first_name")).toString();
        teacher.lastName = row.value(QStringLiteral("last_name")).toString();
        teacher.phone = row.value(QStringLiteral("phone")).toString();
        result.append(teacher);
    }
    std::sort(result.begin(), result.end(), [](const Teacher &a, const Teacher &b) {
        return lessByLocale(a.fullName(), b.fullName());
    });
    return result;
}

QList<Course> Repository::loadCourses(const QString &where, const QVariantList &bindings,
                                      qint64 onlyCourse) const
{
    QHash<qint64, QString> programNames;
    for (const Program &program : programs()) {
        programNames.insert(program.id, program.name);
    }
    QHash<qint64, QString> teacherNames;
    for (const Teacher &teacher : teachers()) {
        teacherNames.insert(teacher.id, teacher.fullName());
    }
    const QHash<qint64, int> counts = enrolledCounts(m_store, onlyCourse);
    QList<Course> result;
    for (const QVariantMap &row : RoleTable(m_store, Role::Course).select(where, bindings)) {
        Course course = courseFromRow(row);
        course.programName = programNames.value(course.programId);
        QStringList facilitators;
        for (qint64 teacherId : {course.facilitator1Id, course.facilitator2Id}) {
            if (teacherNames.contains(teacherId)) {
                facilitators.append(teacherNames.value(teacherId));
            }
        }
        course.facilitatorNames = facilitators.join(QStringLiteral(", "));
        course.enrolledCount = counts.value(course.id);
        result.append(course);
    }
    std::sort(result.begin(), result.end(),
              [](const Course &a, const Course &b) { return lessByLocale(a.title, b.title); });
    return result;
}

QList<Course> Repository::courses() const
{
    return loadCourses({}, {}, 0);
}

std::optional<Course> Repository::course(qint64 id) const
{
    const QList<Course> found = loadCourses(QStringLiteral("\"id\" = ?"), {id}, id);
    if (found.isEmpty()) {
        return std::nullopt;
    }
    return found.first();
}

QList<Student> Repository::students(const QString &search) const
{
    const QString wanted = folded(search);
    QList<Student> result;
    for (const QVariantMap &row : RoleTable(m_store, Role::Student).select()) {
        const Student student = studentFromRow(row);
        if (wanted.isEmpty() || folded(student.fullName()).contains(wanted) ||
            folded(student.nickname).contains(wanted)) {
            result.append(student);
        }
    }
    sortByName(result);
    return result;
}

std::optional<Student> Repository::student(qint64 id) const
{
    const auto row = RoleTable(m_store, Role::Student).selectOne(id);
    if (!row) {
        return std::nullopt;
    }
    return studentFromRow(*row);
}

QList<Student> Repository::roster(qint64 courseId) const
{
    // Only the enrolled students are read (not every student, then filtered).
    const RoleTable enrollments(m_store, Role::Enrollment);
    const QString where =
        QStringLiteral("\"id\" IN (SELECT ") + enrollments.refColumn(QStringLiteral("student")) +
        QStringLiteral(" FROM ") + enrollments.table() + QStringLiteral(" WHERE ") +
        RoleTable::liveCondition() + QStringLiteral(" AND ") +
        enrollments.refColumn(QStringLiteral("course")) + QStringLiteral(" = ?)");
    QList<Student> result;
    for (const QVariantMap &row : RoleTable(m_store, Role::Student).select(where, {courseId})) {
        result.append(studentFromRow(row));
    }
    sortByName(result);
    return result;
}

QList<Course> Repository::coursesOfStudent(qint64 studentId) const
{
    QSet<qint64> courseIds;
    const auto enrollments = enrollmentsWhere(m_store, QStringLiteral("student"), studentId);
    for (const auto &owners : enrollments) {
        courseIds.insert(owners.first);
    }
    QList<Course> result;
    for (const Course &candidate : courses()) {
        if (courseIds.contains(candidate.id)) {
            result.append(candidate);
        }
    }
    return result;
}

std::optional<Enrollment> Repository::enrollment(qint64 courseId, qint64 studentId) const
{
    const RoleTable table(m_store, Role::Enrollment);
    const QString where = table.refColumn(QStringLiteral("course")) + QStringLiteral(" = ? AND ") +
                          table.refColumn(QStringLiteral("student")) + QStringLiteral(" = ?");
    const QList<QVariantMap> rows = table.select(where, {courseId, studentId});
    if (rows.isEmpty()) {
        return std::nullopt;
    }
    Enrollment result;
    result.id = rows.first().value(QStringLiteral("id")).toLongLong();
    result.sfid = rows.first().value(QStringLiteral("sfid")).toString();
    result.key = rows.first().value(QStringLiteral("key")).toString();
    result.courseId = courseId;
    result.studentId = studentId;
    return result;
}

std::optional<qint64> Repository::findCourse(const QString &ref, DomainError *error) const
{
    const QString wanted = ref.trimmed();
    if (const auto byId = matchById(m_store, Role::Course, wanted); byId && !wanted.isEmpty()) {
        return byId;
    }
    QList<QPair<qint64, QStringList>> candidates;
    for (const Course &candidate : courses()) {
        candidates.append({candidate.id, {candidate.title}});
    }
    DomainError ambiguity;
    if (const auto byName = matchByName(candidates, wanted, tr("courses"), &ambiguity)) {
        return byName;
    }
    setError(error, ambiguity ? ambiguity
                              : refusal(DomainError::Code::NotFound,
                                        tr("No course matches \"%1\".").arg(wanted)));
    return std::nullopt;
}

std::optional<qint64> Repository::findStudent(const QString &ref, DomainError *error,
                                              qint64 withinCourseId) const
{
    const QString wanted = ref.trimmed();
    if (const auto byId = matchById(m_store, Role::Student, wanted); byId && !wanted.isEmpty()) {
        return byId;
    }
    const QList<Student> pool = withinCourseId != 0 ? roster(withinCourseId) : students();
    QList<QPair<qint64, QStringList>> candidates;
    for (const Student &candidate : pool) {
        candidates.append({candidate.id, {candidate.fullName(), candidate.nickname}});
    }
    DomainError ambiguity;
    if (const auto byName = matchByName(candidates, wanted, tr("students"), &ambiguity)) {
        return byName;
    }
    const QString notFound = withinCourseId != 0
                                 ? tr("No student enrolled in this course matches \"%1\".")
                                 : tr("No student matches \"%1\".");
    setError(error,
             ambiguity ? ambiguity : refusal(DomainError::Code::NotFound, notFound.arg(wanted)));
    return std::nullopt;
}

DomainError Repository::validateStudent(const Student &student) const
{
    const QList<QPair<QString, QString>> required = {
        {QStringLiteral("first_name"), student.firstName},
        {QStringLiteral("last_name"), student.lastName},
        {QStringLiteral("phone_1"), student.phone1}};
    const QStringList labels = {tr("First name"), tr("Last name"), tr("Phone 1")};
    for (int i = 0; i < required.size(); ++i) {
        const bool mapped = !mapping().column(Role::Student, required.at(i).first).isEmpty();
        if (mapped && required.at(i).second.trimmed().isEmpty()) {
            return refusal(DomainError::Code::MissingField,
                           tr("%1 is required.").arg(labels.at(i)));
        }
    }
    if (!mapping().column(Role::Student, QStringLiteral("date_of_birth")).isEmpty() &&
        student.dateOfBirth.isNull()) {
        return refusal(DomainError::Code::MissingField, tr("Date of birth is required."));
    }
    if (!student.dateOfBirth.isNull() &&
        (!student.dateOfBirth.isValid() || student.dateOfBirth > QDate::currentDate() ||
         student.dateOfBirth.year() < 1900)) {
        return refusal(DomainError::Code::InvalidValue,
                       tr("Date of birth must be a real date, not in the future."));
    }
    if (!student.sex.isEmpty() && !sexValues().contains(student.sex)) {
        return refusal(DomainError::Code::InvalidValue,
                       tr("Sex must be one of: %1.").arg(sexValues().join(QStringLiteral(", "))));
    }
    if (!student.language.isEmpty() && !languageValues().contains(student.language)) {
        return refusal(DomainError::Code::InvalidValue,
                       tr("Main language must be one of: %1.")
                           .arg(languageValues().join(QStringLiteral(", "))));
    }
    if (!student.email.trimmed().isEmpty() && !isValidEmail(student.email.trimmed())) {
        return refusal(DomainError::Code::InvalidValue,
                       tr("\"%1\" is not an email address.").arg(student.email.trimmed()));
    }
    for (const QString &phone : {student.phone1, student.phone2, student.contactPhone}) {
        if (!phone.trimmed().isEmpty() && !isValidPhone(phone.trimmed())) {
            return refusal(DomainError::Code::InvalidValue,
                           tr("\"%1\" is not a phone number.").arg(phone.trimmed()));
        }
    }
    return {};
}

DomainError Repository::createStudent(const Student &student, qint64 *id)
{
    if (const DomainError invalid = validateStudent(student)) {
        return invalid;
    }
    QVariantMap values = studentValues(mapping(), student);
    if (!student.key.isEmpty()) {
        values.insert(RoleTable::keyColumnName(), student.key);
    }
    const auto created = m_store.insertLocal(Role::Student, values);
    if (!created) {
        return storageError();
    }
    if (id) {
        *id = *created;
    }
    qCDebug(lcDomain) << "created student" << *created;
    Q_EMIT dataChanged();
    return {};
}

DomainError Repository::updateStudent(const Student &student)
{
    const auto current = this->student(student.id);
    if (!current) {
        return refusal(DomainError::Code::NotFound, tr("The student no longer exists."));
    }
    if (const DomainError invalid = validateStudent(student)) {
        return invalid;
    }
    const QVariantMap before = studentValues(mapping(), *current);
    const QVariantMap after = studentValues(mapping(), student);
    QVariantMap changes;
    for (auto it = after.begin(); it != after.end(); ++it) {
        if (before.value(it.key()).toString() != it.value().toString()) {
            changes.insert(it.key(), it.value());
        }
    }
    if (changes.isEmpty()) {
        return {};
    }
    if (!m_store.updateLocal(Role::Student, student.id, changes)) {
        return storageError();
    }
    Q_EMIT dataChanged();
    return {};
}

DomainError Repository::enroll(qint64 courseId, qint64 studentId, qint64 *enrollmentId)
{
    const auto theCourse = course(courseId);
    const auto theStudent = student(studentId);
    if (!theCourse || !theStudent) {
        return refusal(DomainError::Code::NotFound, theCourse ? tr("The student no longer exists.")
                                                              : tr("The course no longer exists."));
    }
    if (enrollment(courseId, studentId)) {
        return refusal(
            DomainError::Code::AlreadyEnrolled,
            tr("%1 is already enrolled in %2.").arg(theStudent->fullName(), theCourse->title));
    }
    const QString key = enrollmentKey(identityOf(theCourse->key, theCourse->sfid),
                                      identityOf(theStudent->key, theStudent->sfid));
    bool released = false;
    if (const auto revived = releaseEnrollmentKey(key, &released)) {
        if (enrollmentId) {
            *enrollmentId = *revived;
        }
        Q_EMIT dataChanged();
        return {};
    }
    if (!released) {
        return storageError();
    }
    const RoleTable table(m_store, Role::Enrollment);
    const QVariantMap values = {
        {RoleTable::keyColumnName(), key},
        {LocalStore::refColumn(table.rawColumn(QStringLiteral("course"))), courseId},
        {LocalStore::refColumn(table.rawColumn(QStringLiteral("student"))), studentId}};
    const auto created = m_store.insertLocal(Role::Enrollment, values);
    if (!created) {
        return storageError();
    }
    if (enrollmentId) {
        *enrollmentId = *created;
    }
    Q_EMIT dataChanged();
    return {};
}

std::optional<qint64> Repository::releaseEnrollmentKey(const QString &key, bool *ok)
{
    *ok = true;
    const auto old = m_store.idByColumn(Role::Enrollment, RoleTable::keyColumnName(), key);
    if (!old) {
        return std::nullopt;
    }
    QSqlQuery pending(m_store.database());
    pending.prepare(QStringLiteral("SELECT COUNT(*) FROM _trigger_log WHERE table_name = ?"
                                   " AND record_id = ? AND action = 'DELETE'"
                                   " AND state IN ('NEW','PENDING','FAILED')"));
    pending.addBindValue(mapping().table(Role::Enrollment));
    pending.addBindValue(*old);
    if (pending.exec() && pending.next() && pending.value(0).toInt() > 0) {
        // Unenrolled and enrolled again before the delete went out: the delete is
        // withdrawn and the record lives on, as the org still has it.
        Outbox outbox(m_store);
        QSqlQuery rest(m_store.database());
        rest.prepare(QStringLiteral("SELECT COUNT(*) FROM _trigger_log WHERE table_name = ?"
                                    " AND record_id = ? AND state IN ('NEW','PENDING','FAILED')"));
        rest.addBindValue(mapping().table(Role::Enrollment));
        rest.addBindValue(*old);
        // A creation not sent yet still is: the row stays pending.
        *ok = m_store.begin() &&
              outbox.settleRecord(mapping().table(Role::Enrollment), *old, outbox::Ignored, {},
                                  QStringLiteral("DELETE")) &&
              rest.exec() && rest.next() &&
              m_store.writeSynced(Role::Enrollment, *old,
                                  {{QStringLiteral("isdeleted"), 0},
                                   {QStringLiteral("_hc_lastop"),
                                    rest.value(0).toInt() > 0 ? QStringLiteral("PENDING")
                                                              : QStringLiteral("SYNCED")}}) &&
              m_store.commit();
        if (!*ok) {
            m_store.rollback();
        }
        return *ok ? old : std::nullopt;
    }
    // Its delete already reached the org, where a deleted record no longer holds the key:
    // the old row lets go of it here too.
    *ok = m_store.writeSynced(Role::Enrollment, *old, {{RoleTable::keyColumnName(), QVariant()}});
    return std::nullopt;
}

bool Repository::releaseDeletedKey(Role role, const QString &key)
{
    // A record deleted in the org (and here) no longer holds its key there: the old row
    // lets go of it, so the day can be marked again under the same key.
    const auto old = m_store.idByColumn(role, RoleTable::keyColumnName(), key);
    if (!old) {
        return true;
    }
    const auto row = m_store.row(role, *old);
    if (!row || row->value(QStringLiteral("isdeleted")).toInt() != 1) {
        return true;
    }
    return m_store.writeSynced(role, *old, {{RoleTable::keyColumnName(), QVariant()}});
}

DomainError Repository::unenroll(qint64 courseId, qint64 studentId)
{
    const auto existing = enrollment(courseId, studentId);
    if (!existing) {
        return refusal(DomainError::Code::NotEnrolled,
                       tr("The student is not enrolled in this course."));
    }
    if (!m_store.deleteLocal(Role::Enrollment, existing->id)) {
        return storageError();
    }
    Q_EMIT dataChanged();
    return {};
}

DomainError Repository::checkMarkable(const Course &course, const QDate &date, int status,
                                      bool confirmOutsideDates) const
{
    if (!mapping().attendanceCode(status)) {
        QStringList codes;
        for (const AttendanceCode &code : mapping().attendanceCodes()) {
            codes.append(QStringLiteral("%1 (%2)").arg(code.code).arg(code.label));
        }
        return refusal(DomainError::Code::InvalidStatus,
                       tr("%1 is not an attendance status. Use one of: %2.")
                           .arg(status)
                           .arg(codes.join(QStringLiteral(", "))));
    }
    if (!date.isValid()) {
        return refusal(DomainError::Code::InvalidValue, tr("The class date is not a valid date."));
    }
    if (!course.isActiveOn(date) && !confirmOutsideDates) {
        const QString start =
            course.startDate.isValid() ? course.startDate.toString(Qt::ISODate) : tr("no start");
        const QString end =
            course.endDate.isValid() ? course.endDate.toString(Qt::ISODate) : tr("no end");
        return refusal(DomainError::Code::OutsideCourseDates,
                       tr("%1 is outside the dates of %2 (%3 to %4). Confirm to mark it anyway.")
                           .arg(date.toString(Qt::ISODate), course.title, start, end));
    }
    return {};
}

DomainError Repository::writeMark(const Course &course, const Student &student, const QDate &date,
                                  int status, const QString &notes)
{
    const auto theEnrollment = enrollment(course.id, student.id);
    if (!theEnrollment) {
        return refusal(DomainError::Code::NotEnrolled,
                       tr("%1 is not enrolled in %2: enroll the student before taking "
                          "attendance.")
                           .arg(student.fullName(), course.title));
    }
    const RoleTable table(m_store, Role::Attendance);
    const QString statusColumn = table.rawColumn(QStringLiteral("status"));
    const QString notesColumn = table.rawColumn(QStringLiteral("notes"));
    const auto existing =
        marksOfEnrollments(m_store, {{theEnrollment->id, {course.id, student.id}}}, date);
    if (!existing.isEmpty()) {
        // Re-marking updates the day's record; only what changed reaches the outbox.
        const AttendanceMark &mark = existing.first();
        QVariantMap changes;
        if (mark.status != status) {
            changes.insert(statusColumn, status);
        }
        if (!notesColumn.isEmpty() && mark.notes != notes.trimmed()) {
            changes.insert(notesColumn, textOrNull(notes));
        }
        if (!changes.isEmpty() && !m_store.updateLocal(Role::Attendance, mark.id, changes)) {
            return storageError();
        }
        return {};
    }
    // The enrollment's key (itself derived from course and student when a laptop made it),
    // or the org's Id for an enrollment made in the org: unchanged, so that marks already in
    // an org keep their keys.
    const QString keyOfEnrollment =
        theEnrollment->key.isEmpty() ? theEnrollment->sfid : theEnrollment->key;
    QVariantMap values = {
        {RoleTable::keyColumnName(), attendanceKey(keyOfEnrollment, date)},
        {LocalStore::refColumn(table.rawColumn(QStringLiteral("enrollment"))), theEnrollment->id},
        {table.rawColumn(QStringLiteral("date")), date.toString(Qt::ISODate)},
        {statusColumn, status}};
    if (!notesColumn.isEmpty()) {
        values.insert(notesColumn, textOrNull(notes));
    }
    const QString nameColumn = table.rawColumn(QStringLiteral("student_name"));
    if (!nameColumn.isEmpty()) {
        values.insert(nameColumn, student.fullName());
    }
    if (!releaseDeletedKey(Role::Attendance, values.value(RoleTable::keyColumnName()).toString())) {
        return storageError();
    }
    const QString idColumn = table.rawColumn(QStringLiteral("student_id"));
    // The org's field holds a Salesforce Id (18 characters); a student created offline has
    // none yet, so the field stays empty rather than carrying the longer local key.
    if (!idColumn.isEmpty() && !student.sfid.isEmpty()) {
        values.insert(idColumn, student.sfid);
    }
    if (!m_store.insertLocal(Role::Attendance, values)) {
        return storageError();
    }
    return {};
}

DomainError Repository::markAttendance(qint64 courseId, qint64 studentId, const QDate &date,
                                       int status, const QString &notes, bool confirmOutsideDates)
{
    const auto theCourse = course(courseId);
    const auto theStudent = student(studentId);
    if (!theCourse || !theStudent) {
        return refusal(DomainError::Code::NotFound, theCourse ? tr("The student no longer exists.")
                                                              : tr("The course no longer exists."));
    }
    if (const DomainError refused = checkMarkable(*theCourse, date, status, confirmOutsideDates)) {
        return refused;
    }
    const DomainError result = writeMark(*theCourse, *theStudent, date, status, notes);
    if (result.ok()) {
        Q_EMIT dataChanged();
    }
    return result;
}

DomainError Repository::markAllPresent(qint64 courseId, const QDate &date, bool confirmOutsideDates)
{
    const auto theCourse = course(courseId);
    if (!theCourse) {
        return refusal(DomainError::Code::NotFound, tr("The course no longer exists."));
    }
    const auto present = presentCode();
    if (!present) {
        return refusal(DomainError::Code::InvalidStatus,
                       tr("The mapping has no attendance code meaning present."));
    }
    if (const DomainError refused =
            checkMarkable(*theCourse, date, *present, confirmOutsideDates)) {
        return refused;
    }
    const QHash<qint64, AttendanceMark> marked = attendanceOn(courseId, date);
    if (!m_store.begin()) {
        return storageError();
    }
    for (const Student &enrolled : roster(courseId)) {
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
        return storageError();
    }
    Q_EMIT dataChanged();
    return {};
}

QHash<qint64, AttendanceMark> Repository::attendanceOn(qint64 courseId, const QDate &date) const
{
    QHash<qint64, AttendanceMark> result;
    for (const AttendanceMark &mark :
         marksWhere(m_store, QStringLiteral("course"), courseId, date)) {
        result.insert(mark.studentId, mark);
    }
    return result;
}

QList<AttendanceMark> Repository::attendanceOfStudent(qint64 studentId) const
{
    QList<AttendanceMark> marks = marksWhere(m_store, QStringLiteral("student"), studentId);
    std::sort(marks.begin(), marks.end(), [](const AttendanceMark &a, const AttendanceMark &b) {
        return a.date != b.date ? a.date > b.date : a.courseId < b.courseId;
    });
    return marks;
}

QList<AttendanceMark> Repository::attendanceOfCourse(qint64 courseId) const
{
    QList<AttendanceMark> marks = marksWhere(m_store, QStringLiteral("course"), courseId);
    std::sort(marks.begin(), marks.end(), [](const AttendanceMark &a, const AttendanceMark &b) {
        return a.date != b.date ? a.date < b.date : a.studentId < b.studentId;
    });
    return marks;
}

QList<StatusCount> Repository::statusCountsOfCourse(qint64 courseId) const
{
    const RoleTable attendance(m_store, Role::Attendance);
    const RoleTable enrollments(m_store, Role::Enrollment);
    const QString status = attendance.column(QStringLiteral("status"));
    const QString student = QStringLiteral("e.") + enrollments.refColumn(QStringLiteral("student"));
    // Counted by SQLite: a report over a large course never reads each mark into memory.
    const QString sql =
        QStringLiteral("SELECT %1, a.%2, COUNT(*) FROM %3 a JOIN %4 e ON e.\"id\" = a.%5"
                       " WHERE a.\"isdeleted\" IS NOT 1 AND e.\"id\" IN (SELECT \"id\" FROM %4"
                       " WHERE %6 AND %7) GROUP BY %1, a.%2")
            .arg(student, status, attendance.table(), enrollments.table(),
                 attendance.refColumn(QStringLiteral("enrollment")), RoleTable::liveCondition(),
                 liveEnrollmentCondition(m_store, QStringLiteral("course")));
    QSqlQuery query(m_store.database());
    query.setForwardOnly(true);
    query.prepare(sql);
    query.addBindValue(courseId);
    QList<StatusCount> counts;
    if (!query.exec()) {
        qCWarning(lcDomain) << "status counts failed:" << query.lastError().text();
        return counts;
    }
    while (query.next()) {
        counts.append(
            {query.value(0).toLongLong(), statusFrom(query.value(1)), query.value(2).toInt()});
    }
    return counts;
}

QDateTime Repository::lastSyncAt() const
{
    QSqlQuery query(m_store.database());
    if (!query.exec(QStringLiteral("SELECT MAX(last_sync_at) FROM _sync_state")) || !query.next()) {
        return {};
    }
    return QDateTime::fromString(query.value(0).toString(), Qt::ISODateWithMs);
}

QString Repository::searchFolded(const QString &text)
{
    return folded(text);
}

} // namespace pasalista
