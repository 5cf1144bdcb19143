#include "demodata.h"

#include "logging.h"
#include "repository.h"
#include "roletable.h"
#include "store/outbox.h"
#include "sync/salesforceid.h"

#include <QElapsedTimer>
#include <QSqlQuery>
#include <QUuid>

#include <algorithm>

namespace pasalista {

namespace {

// Keys of demo records derive from their fake Ids, so the same seed gives the same keys.
const QUuid kDemoNamespace(QStringLiteral("0b6f3c43-5f4e-4c43-9a8e-6c1d2a7e9f10"));

QStringList words(const char *list)
{
    return QString::fromUtf8(list).split(QLatin1Char('|'));
}

const QStringList &femaleNames()
{
    static const QStringList names = words(
        "María|Ana|Yaneris|Rosanna|Carolina|Yokasta|Wendy|Daniela|Altagracia|Esmeralda|Nicole|"
        "Paola|Yuleisy|Fiordaliza|Mariela|Génesis|Luz María|Dayana|Juana|Milagros|Scarlet|"
        "Yamilet|Patricia|Leidy|Rosmery|Anyelina|Katherine|Yudelka");
    return names;
}

const QStringList &maleNames()
{
    static const QStringList names = words(
        "José|Juan|Luis|Carlos|Miguel Ángel|Ramón|Pedro|Francisco|Rafael|Manuel|Wilkin|Yeison|"
        "Starlin|Ángel|Jhonny|Eddy|Frank|Darío|Elvin|Héctor|Andrés|Julio|Robinson|Yordy|"
        "Cristian|Joel|Brayan|Enmanuel");
    return names;
}

const QStringList &lastNames()
{
    static const QStringList names = words(
        "Rodríguez|Pérez|Martínez|García|Santana|Reyes|Díaz|Jiménez|Almonte|Peña|Núñez|Rosario|"
        "Castillo|Tavárez|Polanco|Ureña|Batista|Mejía|Cruz|Guzmán|Ventura|Félix|Vásquez|"
        "De la Cruz|Frías|Báez|Hernández|Encarnación|De los Santos|Sánchez|Marte|Paulino");
    return names;
}

const QStringList &nicknames()
{
    static const QStringList names =
        words("Yeyo|Chichí|Lalo|Nena|Tito|Bebo|Pupi|Kiko|Mimi|Fello|Cuca|Toño|Beba|Chino|Nani");
    return names;
}

QString asciiLower(const QString &text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_D);
    QString result;
    for (const QChar c : decomposed) {
        if (c.isLetter() && c.unicode() < 128) {
            result.append(c.toLower());
        }
    }
    return result;
}

void put(QVariantMap &values, const Mapping &mapping, Role role, const char *logical,
         const QVariant &value)
{
    const QString column = mapping.column(role, QString::fromLatin1(logical));
    const bool empty =
        value.isNull() || (value.typeId() == QMetaType::QString && value.toString().isEmpty());
    if (!column.isEmpty() && !empty) {
        values.insert(column, value);
    }
}

void putRef(QVariantMap &values, const Mapping &mapping, Role role, const char *logical,
            qint64 parentId)
{
    const QString column = mapping.column(role, QString::fromLatin1(logical));
    if (!column.isEmpty() && parentId != 0) {
        values.insert(LocalStore::refColumn(column), parentId);
    }
}

QList<QDate> classDays(const QDate &first, const QDate &last, const QList<int> &weekdays)
{
    QList<QDate> days;
    for (QDate day = first; day <= last; day = day.addDays(1)) {
        if (weekdays.contains(day.dayOfWeek())) {
            days.append(day);
        }
    }
    return days;
}

} // namespace

DemoData::DemoData(LocalStore &store, quint32 seed) : m_store(store), m_random(seed) {}

bool DemoData::fail(const QString &message)
{
    m_error = message;
    qCWarning(lcDomain).noquote() << "demo data:" << message;
    return false;
}

QString DemoData::fakeSalesforceId(const QString &prefix, qint64 serial)
{
    return SalesforceId::fromCounter(prefix, QStringLiteral("5e0"), quint64(serial));
}

bool DemoData::isEmpty(const LocalStore &store)
{
    if (!Outbox(store).isEmpty()) {
        return false;
    }
    QStringList tables;
    for (Role role : allRoles()) {
        tables.append(store.mapping().table(role));
    }
    for (const QString &table : std::as_const(tables)) {
        QSqlQuery query(store.database());
        if (!query.exec(QStringLiteral("SELECT 1 FROM ") + RoleTable::quote(table) +
                        QStringLiteral(" LIMIT 1")) ||
            query.next()) {
            return false;
        }
    }
    return true;
}

std::optional<qint64> DemoData::insert(Role role, const QString &prefix, QVariantMap values,
                                       QString *sfid, QString *key)
{
    const QString newSfid = fakeSalesforceId(prefix, ++m_serials[prefix]);
    values.insert(QStringLiteral("sfid"), newSfid);
    values.insert(QStringLiteral("systemmodstamp"), m_modstamp);
    values.insert(QStringLiteral("isdeleted"), 0);
    if (m_store.mapping().objectFor(role).writable &&
        !values.contains(RoleTable::keyColumnName())) {
        values.insert(RoleTable::keyColumnName(),
                      QUuid::createUuidV5(kDemoNamespace, newSfid).toString(QUuid::WithoutBraces));
    }
    const auto id = m_store.insertSynced(role, values);
    if (!id) {
        fail(m_store.errorString());
        return id;
    }
    if (sfid) {
        *sfid = newSfid;
    }
    if (key) {
        *key = values.value(RoleTable::keyColumnName()).toString();
    }
    return id;
}

bool DemoData::populate(const QDate &today)
{
    if (!m_store.isOpen()) {
        return fail(tr("The local store is not open."));
    }
    if (!isEmpty(m_store)) {
        return fail(tr("The local store already holds data; demo data goes only into a new, "
                       "empty store."));
    }
    QElapsedTimer timer;
    timer.start();
    m_modstamp = QDateTime(today.addDays(-1), QTime(22, 0), Qt::UTC).toString(Qt::ISODateWithMs);
    if (!m_store.begin()) {
        return fail(m_store.errorString());
    }
    const bool filled = insertPrograms() && insertTeachers() && insertCourses(today) &&
                        insertStudents(today) && insertEnrollments() && insertAttendance(today);
    if (!filled || !m_store.commit()) {
        if (filled) {
            fail(m_store.errorString());
        }
        m_store.rollback();
        m_counts = {};
        return false;
    }
    qCInfo(lcDomain) << "demo data:" << m_counts.students << "students," << m_counts.attendance
                     << "attendance records in" << timer.elapsed() << "ms";
    return true;
}

bool DemoData::insertPrograms()
{
    const Mapping &mapping = m_store.mapping();
    for (const QString &name : words("Lectura y Escritura|Matemáticas Divertidas|"
                                     "Inglés y Tecnología")) {
        QVariantMap values;
        put(values, mapping, Role::Program, "name", name);
        const auto id = insert(Role::Program, QStringLiteral("a0P"), values);
        if (!id) {
            return false;
        }
        m_programIds.append(*id);
    }
    m_counts.programs = int(m_programIds.size());
    return true;
}

bool DemoData::insertTeachers()
{
    const Mapping &mapping = m_store.mapping();
    const QList<QStringList> teachers = {words("María Altagracia|Rodríguez"),
                                         words("Juan Carlos|Peña"), words("Yokasta|Jiménez"),
                                         words("Ramón|Almonte")};
    for (const QStringList &name : teachers) {
        QVariantMap values;
        put(values, mapping, Role::Teacher, "first_name", name.at(0));
        put(values, mapping, Role::Teacher, "last_name", name.at(1));
        put(values, mapping, Role::Teacher, "email",
            QString(asciiLower(name.at(0).section(QLatin1Char(' '), 0, 0)) + QLatin1Char('.') +
                    asciiLower(name.at(1)) + QStringLiteral("@example.org")));
        put(values, mapping, Role::Teacher, "phone", phone());
        const auto id = insert(Role::Teacher, QStringLiteral("a0T"), values);
        if (!id) {
            return false;
        }
        m_teacherIds.append(*id);
    }
    m_counts.teachers = int(m_teacherIds.size());
    return true;
}

bool DemoData::insertCourses(const QDate &today)
{
    struct Plan
    {
        const char *title;
        int program;
        int facilitator1;
        int facilitator2; // -1: none
        int startDaysAgo;
        int endDaysAhead; // negative: already ended
        bool mondayWednesday;
    };
    const Plan plans[] = {
        {"Lectura inicial — Grupo A", 0, 0, -1, 110, 70, true},
        {"Lectura inicial — Grupo B", 0, 0, 2, 110, 70, false},
        {"Escritura creativa", 0, 2, -1, 95, 85, true},
        {"Matemáticas 3.º y 4.º", 1, 1, -1, 120, 60, false},
        {"Matemáticas 5.º y 6.º", 1, 1, 3, 120, 60, true},
        {"Inglés básico", 2, 3, -1, 100, 80, false},
        {"Computación para jóvenes", 2, 3, 1, 75, 105, true},
        {"Inglés de verano", 2, 2, -1, 160, -21, false},
    };
    const Mapping &mapping = m_store.mapping();
    for (const Plan &plan : plans) {
        CourseSeed seed;
        seed.start = today.addDays(-plan.startDaysAgo);
        seed.end = today.addDays(plan.endDaysAhead);
        seed.weekdays = plan.mondayWednesday ? QList<int>{Qt::Monday, Qt::Wednesday}
                                             : QList<int>{Qt::Tuesday, Qt::Thursday};
        QVariantMap values;
        put(values, mapping, Role::Course, "title", QString::fromUtf8(plan.title));
        put(values, mapping, Role::Course, "start_date", seed.start);
        put(values, mapping, Role::Course, "end_date", seed.end);
        put(values, mapping, Role::Course, "notes",
            plan.mondayWednesday ? tr("Mondays and Wednesdays, 3:00–5:00 pm")
                                 : tr("Tuesdays and Thursdays, 3:00–5:00 pm"));
        putRef(values, mapping, Role::Course, "program", m_programIds.at(plan.program));
        putRef(values, mapping, Role::Course, "facilitator_1", m_teacherIds.at(plan.facilitator1));
        if (plan.facilitator2 >= 0) {
            putRef(values, mapping, Role::Course, "facilitator_2",
                   m_teacherIds.at(plan.facilitator2));
        }
        const auto id = insert(Role::Course, QStringLiteral("a0C"), values, &seed.sfid);
        if (!id) {
            return false;
        }
        seed.id = *id;
        m_courses.append(seed);
    }
    m_counts.courses = int(m_courses.size());
    return true;
}

QString DemoData::phone()
{
    static const QStringList areaCodes = words("809|829|849");
    return QStringLiteral("%1-555-%2")
        .arg(pickFrom(areaCodes))
        .arg(pick(10000), 4, 10, QLatin1Char('0'));
}

QString DemoData::address()
{
    static const QStringList streets =
        words("Calle Duarte|Calle El Sol|Calle Restauración|Av. 27 de Febrero|Calle Mella|"
              "Calle Sánchez|Calle 16 de Agosto|Calle Las Carreras|Calle Beller");
    static const QStringList santoDomingo =
        words("Los Mina|Villa Mella|Capotillo|Cristo Rey|Los Alcarrizos|Gualey|Villa Consuelo");
    static const QStringList santiago =
        words("Cienfuegos|Pueblo Nuevo|Los Salados|Bella Vista|Gurabo|Baracoa");
    const bool inSantiago = pick(5) < 2;
    const QString sector = inSantiago ? pickFrom(santiago) : pickFrom(santoDomingo);
    const QString city =
        inSantiago ? QStringLiteral("Santiago de los Caballeros") : QStringLiteral("Santo Domingo");
    return QStringLiteral("%1 #%2, %3, %4")
        .arg(pickFrom(streets))
        .arg(1 + pick(180))
        .arg(sector, city);
}

QVariantMap DemoData::studentValues(const QDate &today, bool female)
{
    const Mapping &mapping = m_store.mapping();
    const QString first = female ? pickFrom(femaleNames()) : pickFrom(maleNames());
    const QString last = pickFrom(lastNames());
    const int languageRoll = pick(100);
    const QString language = languageRoll < 85   ? QStringLiteral("Spanish")
                             : languageRoll < 97 ? QStringLiteral("Creole")
                                                 : QStringLiteral("Other");
    const QDate birth = today.addYears(-(6 + pick(12))).addDays(-pick(365));
    QVariantMap values;
    put(values, mapping, Role::Student, "first_name", first);
    put(values, mapping, Role::Student, "last_name", last);
    put(values, mapping, Role::Student, "nickname",
        pick(4) == 0 ? pickFrom(nicknames()) : QString());
    put(values, mapping, Role::Student, "date_of_birth", birth);
    put(values, mapping, Role::Student, "sex",
        female ? QStringLiteral("Female") : QStringLiteral("Male"));
    put(values, mapping, Role::Student, "address", address());
    put(values, mapping, Role::Student, "phone_1", phone());
    put(values, mapping, Role::Student, "phone_2", pick(5) < 2 ? phone() : QString());
    put(values, mapping, Role::Student, "contact_name",
        QString((pick(3) == 0 ? pickFrom(maleNames()) : pickFrom(femaleNames())) +
                QLatin1Char(' ') + last));
    put(values, mapping, Role::Student, "contact_phone", phone());
    put(values, mapping, Role::Student, "document_type",
        language == QLatin1String("Creole") && pick(2) == 0 ? QStringLiteral("Pasaporte")
                                                            : QStringLiteral("Acta de nacimiento"));
    put(values, mapping, Role::Student, "language", language);
    put(values, mapping, Role::Student, "nationality",
        language == QLatin1String("Creole") ? QStringLiteral("Haitiana")
                                            : QStringLiteral("Dominicana"));
    if (today.year() - birth.year() >= 14 && pick(3) == 0) {
        put(values, mapping, Role::Student, "email",
            QString(asciiLower(first.section(QLatin1Char(' '), 0, 0)) + QLatin1Char('.') +
                    asciiLower(last) + QString::number(pick(100)) +
                    QStringLiteral("@example.com")));
    }
    return values;
}

bool DemoData::insertStudents(const QDate &today)
{
    const int total = 150;
    for (int i = 0; i < total; ++i) {
        const QVariantMap values = studentValues(today, pick(2) == 0);
        StudentSeed seed;
        const auto id = insert(Role::Student, QStringLiteral("a0S"), values, &seed.sfid);
        if (!id) {
            return false;
        }
        seed.id = *id;
        seed.name =
            (values.value(m_store.mapping().column(Role::Student, QStringLiteral("first_name")))
                 .toString() +
             QLatin1Char(' ') +
             values.value(m_store.mapping().column(Role::Student, QStringLiteral("last_name")))
                 .toString());
        // About one student in twelve misses classes often enough to be chronically absent.
        const bool struggling = pick(12) == 0;
        seed.absenceRisk = struggling ? 0.15 + pick(16) / 100.0 : 0.01 + pick(6) / 100.0;
        seed.lateRisk = 0.02 + pick(7) / 100.0;
        m_students.append(seed);
    }
    m_counts.students = int(m_students.size());
    return true;
}

bool DemoData::insertEnrollments()
{
    // Walk a shuffled order of students round-robin, so every student gets a course and a
    // few get two; no course has a student twice.
    QList<int> order;
    for (int i = 0; i < m_students.size(); ++i) {
        order.append(i);
    }
    std::shuffle(order.begin(), order.end(), m_random);
    int next = 0;
    const Mapping &mapping = m_store.mapping();
    for (int course = 0; course < m_courses.size(); ++course) {
        const int size = 15 + pick(11);
        for (int n = 0; n < size; ++n) {
            const int student = order.at(next++ % order.size());
            QVariantMap values;
            putRef(values, mapping, Role::Enrollment, "course", m_courses.at(course).id);
            putRef(values, mapping, Role::Enrollment, "student", m_students.at(student).id);
            put(values, mapping, Role::Enrollment, "course", m_courses.at(course).sfid);
            put(values, mapping, Role::Enrollment, "student", m_students.at(student).sfid);
            EnrollmentSeed seed;
            seed.course = course;
            seed.student = student;
            const auto id =
                insert(Role::Enrollment, QStringLiteral("a0E"), values, &seed.sfid, &seed.key);
            if (!id) {
                return false;
            }
            seed.id = *id;
            m_enrollments.append(seed);
        }
    }
    m_counts.enrollments = int(m_enrollments.size());
    return true;
}

bool DemoData::insertAttendance(const QDate &today)
{
    const QDate windowStart = today.addMonths(-3);
    const QDate yesterday = today.addDays(-1);
    for (const EnrollmentSeed &enrollment : std::as_const(m_enrollments)) {
        const CourseSeed &course = m_courses.at(enrollment.course);
        const QDate first = std::max(course.start, windowStart);
        const QDate last = std::min(course.end, yesterday);
        if (!insertAttendanceOf(enrollment, first, last)) {
            return false;
        }
    }
    return true;
}

bool DemoData::insertAttendanceOf(const EnrollmentSeed &enrollment, const QDate &first,
                                  const QDate &last)
{
    static const QStringList absenceNotes =
        words("Enfermo en casa|Cita médica|Lluvia fuerte, no hubo transporte|Viaje familiar");
    const Mapping &mapping = m_store.mapping();
    const StudentSeed &student = m_students.at(enrollment.student);
    for (const QDate &day : classDays(first, last, m_courses.at(enrollment.course).weekdays)) {
        const double roll = m_random.generateDouble();
        const bool excused = pick(10) < 3;
        int status = 0;
        if (roll < student.absenceRisk) {
            status = excused ? 2 : 1;
        } else if (roll < student.absenceRisk + student.lateRisk) {
            status = excused ? 4 : 3;
        }
        QVariantMap values;
        values.insert(RoleTable::keyColumnName(), Repository::attendanceKey(enrollment.key, day));
        putRef(values, mapping, Role::Attendance, "enrollment", enrollment.id);
        put(values, mapping, Role::Attendance, "enrollment", enrollment.sfid);
        put(values, mapping, Role::Attendance, "date", day);
        put(values, mapping, Role::Attendance, "status", status);
        put(values, mapping, Role::Attendance, "notes",
            status == 2 ? pickFrom(absenceNotes) : QString());
        put(values, mapping, Role::Attendance, "student_name", student.name);
        put(values, mapping, Role::Attendance, "student_id", student.sfid);
        if (!insert(Role::Attendance, QStringLiteral("a0A"), values)) {
            return false;
        }
        ++m_counts.attendance;
    }
    return true;
}

} // namespace pasalista
