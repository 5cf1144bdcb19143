#include "repository.h"

#include "attendancemarker.h"
#include "enrollmenteditor.h"
#include "logging.h"
#include "recordrows.h"
#include "roletable.h"
#include "store/outbox.h"
#include "studenteditor.h"

#include <QCollator>
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

void setError(DomainError *target, const DomainError &error)
{
    if (target) {
        *target = error;
    }
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

// Live enrollments of live students per course (one grouped query, not one per course);
// only onlyCourse's when it is set.
// The org's schema has no class days: a course's are the weekdays (1 = Monday) it has marks
// on in the six weeks up to its latest mark. One query over the days marked, per course.
QHash<qint64, QList<int>> classDaysOfCourses(const LocalStore &store)
{
    const RoleTable attendance(store, Role::Attendance);
    const RoleTable enrollments(store, Role::Enrollment);
    const QString sql =
        QStringLiteral("SELECT e.%1, a.%2 FROM %3 a JOIN %4 e ON e.\"id\" = a.%5"
                       " WHERE a.isdeleted IS NOT 1 AND e.isdeleted IS NOT 1"
                       " GROUP BY e.%1, a.%2 ORDER BY e.%1, a.%2 DESC")
            .arg(enrollments.refColumn(QStringLiteral("course")),
                 attendance.column(QStringLiteral("date")), attendance.table(), enrollments.table(),
                 attendance.refColumn(QStringLiteral("enrollment")));
    QSqlQuery query(store.database());
    query.setForwardOnly(true);
    QHash<qint64, QList<int>> days;
    if (!query.exec(sql)) {
        qCWarning(lcDomain) << "class days failed:" << query.lastError().text();
        return days;
    }
    QHash<qint64, QDate> latest;
    while (query.next()) {
        const qint64 course = query.value(0).toLongLong();
        const QDate date = QDate::fromString(query.value(1).toString(), Qt::ISODate);
        if (!date.isValid()) {
            continue;
        }
        const QDate newest = *latest.insert(course, latest.value(course, date));
        QList<int> &weekdays = days[course];
        if (date > newest.addDays(-42) && !weekdays.contains(date.dayOfWeek())) {
            weekdays.append(date.dayOfWeek());
        }
    }
    return days;
}

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
            setError(error, DomainError::refusal(
                                DomainError::Code::Ambiguous,
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

} // namespace

Repository::Repository(LocalStore &store, QObject *parent) : QObject(parent), m_store(store) {}

QString Repository::attendanceKey(const QString &enrollmentKey, const QDate &date, int generation)
{
    // "<enrollment key>/<yyyy-MM-dd>": both laptops derive the same name, hence the same UUID.
    // A later generation ("…#2") names a new mark for a slot whose earlier record the office
    // moved to another day or student: that record keeps its key, the new mark gets its own.
    QString name = enrollmentKey + QLatin1Char('/') + date.toString(Qt::ISODate);
    if (generation > 0) {
        name += QLatin1Char('#') + QString::number(generation);
    }
    return QUuid::createUuidV5(kAttendanceNamespace, name).toString(QUuid::WithoutBraces);
}

QString Repository::enrollmentKey(const QString &courseKey, const QString &studentKey,
                                  int generation)
{
    // "<course key>/<student key>": two laptops enrolling the same student in the same
    // course make one record. A later generation, as for marks: the office gave the
    // earlier record to another student or course, and it keeps its key.
    QString name = courseKey + QLatin1Char('/') + studentKey;
    if (generation > 0) {
        name += QLatin1Char('#') + QString::number(generation);
    }
    return QUuid::createUuidV5(kEnrollmentNamespace, name).toString(QUuid::WithoutBraces);
}

std::optional<QString> Repository::unheldKey(Role role, const std::function<QString(int)> &keyOf,
                                             qint64 *deletedHolder) const
{
    *deletedHolder = 0;
    for (int generation = 0;; ++generation) {
        const QString key = keyOf(generation);
        const auto holder = m_store.idByColumn(role, RoleTable::keyColumnName(), key);
        if (!holder) {
            return key;
        }
        const auto row = m_store.row(role, *holder);
        if (!row) {
            return std::nullopt;
        }
        if (row->value(QStringLiteral("isdeleted")).toInt() != 0) {
            *deletedHolder = *holder;
            return key;
        }
    }
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
    // A code with no meaning is not "present" either: reports would not count it.
    const auto isPresent = [](const AttendanceCode &code) {
        return code.counted && !code.absent && !code.late;
    };
    const AttendanceCode *zero = mapping().attendanceCode(0);
    if (zero && isPresent(*zero)) {
        return 0;
    }
    for (const AttendanceCode &code : mapping().attendanceCodes()) {
        if (isPresent(code)) {
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
    return DomainError::refusal(
        DomainError::Code::Storage,
        tr("The change could not be saved in the local store: %1").arg(m_store.errorString()));
}

DomainError Repository::notFound(bool courseFound)
{
    return DomainError::refusal(DomainError::Code::NotFound,
                                courseFound ? tr("The student no longer exists.")
                                            : tr("The course no longer exists."));
}

QList<Program> Repository::programs() const
{
    QList<Program> result;
    for (const QVariantMap &row : RoleTable(m_store, Role::Program).select()) {
        Program program = RecordRows::identifiedBy<Program>(row);
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
        Teacher teacher = RecordRows::identifiedBy<Teacher>(row);
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
        Course course = RecordRows::courseFromRow(row);
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
    QList<Course> result = loadCourses({}, {}, 0);
    const QHash<qint64, QList<int>> days = classDaysOfCourses(m_store);
    for (Course &course : result) {
        course.classDays = days.value(course.id);
    }
    return result;
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
        const Student student = RecordRows::studentFromRow(row);
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
    return RecordRows::studentFromRow(*row);
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
        result.append(RecordRows::studentFromRow(row));
    }
    sortByName(result);
    return result;
}

QList<Course> Repository::coursesOfStudent(qint64 studentId) const
{
    QSet<qint64> courseIds;
    const auto enrollments =
        RecordRows::enrollmentsWhere(m_store, QStringLiteral("student"), studentId);
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
                              : DomainError::refusal(DomainError::Code::NotFound,
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
    setError(error, ambiguity
                        ? ambiguity
                        : DomainError::refusal(DomainError::Code::NotFound, notFound.arg(wanted)));
    return std::nullopt;
}

DomainError Repository::validateStudent(const Student &student) const
{
    return StudentEditor::validate(mapping(), student);
}

DomainError Repository::createStudent(const Student &student, qint64 *id)
{
    return StudentEditor(*this).create(student, id);
}

DomainError Repository::updateStudent(const Student &student)
{
    return StudentEditor(*this).update(student);
}

DomainError Repository::enroll(qint64 courseId, qint64 studentId, qint64 *enrollmentId)
{
    return EnrollmentEditor(*this).enroll(courseId, studentId, enrollmentId);
}

DomainError Repository::unenroll(qint64 courseId, qint64 studentId)
{
    return EnrollmentEditor(*this).unenroll(courseId, studentId);
}

DomainError Repository::markAttendance(qint64 courseId, qint64 studentId, const QDate &date,
                                       int status, const QString &notes, bool confirmOutsideDates)
{
    return AttendanceMarker(*this).markAttendance(courseId, studentId, date, status, notes,
                                                  confirmOutsideDates);
}

DomainError Repository::markAllPresent(qint64 courseId, const QDate &date, bool confirmOutsideDates)
{
    return AttendanceMarker(*this).markAllPresent(courseId, date, confirmOutsideDates);
}

bool Repository::hasUnsentMark(qint64 courseId, qint64 studentId, const QDate &date) const
{
    const QHash<qint64, AttendanceMark> marks = attendanceOn(courseId, date);
    const auto mark = marks.constFind(studentId);
    return mark != marks.constEnd() &&
           Outbox(m_store)
               .hasUnsettled(m_store.mapping().table(Role::Attendance), mark->id)
               .value_or(false);
}

DomainError Repository::unmarkAttendance(qint64 courseId, const QList<qint64> &studentIds,
                                         const QDate &date)
{
    const QHash<qint64, AttendanceMark> marks = attendanceOn(courseId, date);
    if (!m_store.begin()) {
        return storageError();
    }
    for (qint64 studentId : studentIds) {
        const auto mark = marks.constFind(studentId);
        if (mark != marks.constEnd() && !m_store.deleteLocal(Role::Attendance, mark->id)) {
            m_store.rollback();
            return storageError();
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
         RecordRows::marksWhere(m_store, QStringLiteral("course"), courseId, date)) {
        result.insert(mark.studentId, mark);
    }
    return result;
}

QList<AttendanceMark> Repository::attendanceOfStudent(qint64 studentId) const
{
    QList<AttendanceMark> marks =
        RecordRows::marksWhere(m_store, QStringLiteral("student"), studentId);
    std::sort(marks.begin(), marks.end(), [](const AttendanceMark &a, const AttendanceMark &b) {
        return a.date != b.date ? a.date > b.date : a.courseId < b.courseId;
    });
    return marks;
}

QList<AttendanceMark> Repository::attendanceOfCourse(qint64 courseId) const
{
    QList<AttendanceMark> marks =
        RecordRows::marksWhere(m_store, QStringLiteral("course"), courseId);
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
                 RecordRows::liveEnrollmentCondition(m_store, QStringLiteral("course")));
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
        counts.append({query.value(0).toLongLong(), RecordRows::statusFrom(query.value(1)),
                       query.value(2).toInt()});
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
