#include "demoprogramme.h"

#include <QCoreApplication>

#include <algorithm>

namespace pasalista {

namespace {

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

// The emulator's logins are the first two: maria.rodriguez@ and jose.pena@dream.demo.
const QList<QStringList> &teacherNames()
{
    static const QList<QStringList> names = {words("María Altagracia|Rodríguez"),
                                             words("José Miguel|Peña"), words("Yokasta|Jiménez"),
                                             words("Ramón|Almonte")};
    return names;
}

struct CoursePlan
{
    const char *title;
    int program;
    int startDaysAgo;
    int endDaysAhead; // negative: already ended
    bool mondayWednesday;
};

const CoursePlan kPlans[] = {
    {"Lectura inicial — Grupo A", 0, 110, 70, true},
    {"Lectura inicial — Grupo B", 0, 110, 70, false},
    {"Escritura creativa", 0, 95, 85, true},
    {"Matemáticas 3.º y 4.º", 1, 120, 60, false},
    {"Matemáticas 5.º y 6.º", 1, 120, 60, true},
    {"Inglés básico", 2, 100, 80, false},
    {"Computación para jóvenes", 2, 75, 105, true},
};
// The eighth course: in the app's demo it ended three weeks ago; in the emulator's org it
// meets on Saturdays, and its title puts it first among the first teacher's courses.
const CoursePlan kEndedPlan = {"Inglés de verano", 2, 160, -21, false};
const CoursePlan kSaturdayPlan = {"Club de inglés de los sábados", 2, 100, 60, false};
constexpr int kPlanCount = int(std::size(kPlans)) + 1;
constexpr int kStudents = 150;

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

DemoProgramme::Options DemoProgramme::Options::emulatorSeed()
{
    Options options;
    options.teacherEmailDomain = QStringLiteral("dream.demo");
    options.teacherCount = 2;
    options.oneCourseEnded = false;
    options.saturdayCourse = true;
    options.marksUpToToday = true;
    options.chronicAbsence = false;
    return options;
}

DemoProgramme::DemoProgramme(const Mapping &mapping, quint32 seed, const Options &options)
    : m_mapping(mapping), m_options(options), m_random(seed)
{
}

QList<DemoProgramme::Teacher> DemoProgramme::teachers() const
{
    QList<Teacher> result;
    for (const QStringList &name : teacherNames().mid(0, m_options.teacherCount)) {
        const QString email = asciiLower(name.at(0).section(QLatin1Char(' '), 0, 0)) +
                              QLatin1Char('.') + asciiLower(name.at(1)) + QLatin1Char('@') +
                              m_options.teacherEmailDomain;
        result.append({name.at(0), name.at(1), email});
    }
    return result;
}

void DemoProgramme::put(QVariantMap &values, Role role, const char *logical,
                        const QVariant &value) const
{
    const QString field = m_mapping.field(role, QString::fromLatin1(logical));
    const bool empty =
        value.isNull() || (value.typeId() == QMetaType::QString && value.toString().isEmpty());
    if (!field.isEmpty() && !empty) {
        values.insert(field, value);
    }
}

QString DemoProgramme::send(Role role, const QVariantMap &fields)
{
    return (*m_sink)(role, fields);
}

void DemoProgramme::clear()
{
    m_counts = {};
    m_programIds.clear();
    m_teacherIds.clear();
    m_courses.clear();
    m_students.clear();
    m_enrollments.clear();
}

bool DemoProgramme::write(const Sink &sink, QDate today)
{
    clear();
    m_sink = &sink;
    const bool written = writePrograms() && writeTeachers() && writeCourses(today, kPlanCount) &&
                         writeStudents(today, kStudents) && writeEnrollments() &&
                         writeAttendance(today);
    m_sink = nullptr;
    return written;
}

DemoProgramme::Counts DemoProgramme::writeVolume(const Sink &sink, const Counts &wanted,
                                                 QDate today, QStringList teacherIds)
{
    clear();
    m_sink = &sink;
    m_teacherIds = std::move(teacherIds);
    if (m_teacherIds.isEmpty()) {
        writeTeachers();
    }
    writePrograms();
    writeCourses(today, std::max(1, wanted.courses));
    writeStudents(today, wanted.students);
    // Walk (student, course) pairs so that no pair repeats while pairs remain.
    const qsizetype pairs = m_students.size() * m_courses.size();
    for (qsizetype i = 0; i < std::min<qsizetype>(wanted.enrollments, pairs); ++i) {
        EnrollmentSeed seed;
        seed.student = int(i % m_students.size());
        seed.course = int((i / m_students.size()) % m_courses.size());
        QVariantMap values;
        put(values, Role::Enrollment, "course", m_courses.at(seed.course).id);
        put(values, Role::Enrollment, "student", m_students.at(seed.student).id);
        seed.id = send(Role::Enrollment, values);
        m_enrollments.append(seed);
    }
    m_counts.enrollments = int(m_enrollments.size());
    for (int n = 0; !m_enrollments.isEmpty() && n < wanted.attendance; ++n) {
        const qsizetype enrollments = m_enrollments.size();
        writeMark(m_enrollments.at(n % enrollments), today.addDays(-2 * (n / enrollments)));
    }
    m_sink = nullptr;
    return m_counts;
}

bool DemoProgramme::writeAll(Role role, const QList<QVariantMap> &records, QStringList *ids)
{
    for (const QVariantMap &values : records) {
        const QString id = send(role, values);
        if (id.isEmpty()) {
            return false;
        }
        ids->append(id);
    }
    return true;
}

bool DemoProgramme::writePrograms()
{
    QList<QVariantMap> programs;
    for (const QString &name : words("Lectura y Escritura|Matemáticas Divertidas|"
                                     "Inglés y Tecnología")) {
        programs.append(QVariantMap());
        put(programs.last(), Role::Program, "name", name);
    }
    const bool written = writeAll(Role::Program, programs, &m_programIds);
    m_counts.programs = int(m_programIds.size());
    return written;
}

bool DemoProgramme::writeTeachers()
{
    QList<QVariantMap> records;
    for (const Teacher &teacher : teachers()) {
        QVariantMap values;
        put(values, Role::Teacher, "first_name", teacher.firstName);
        put(values, Role::Teacher, "last_name", teacher.lastName);
        put(values, Role::Teacher, "email", teacher.email);
        put(values, Role::Teacher, "phone", phone());
        records.append(values);
    }
    const bool written = writeAll(Role::Teacher, records, &m_teacherIds);
    m_counts.teachers = int(m_teacherIds.size());
    return written;
}

QVariantMap DemoProgramme::courseValues(int index, QDate today, CourseSeed *seed) const
{
    const bool planned = index < kPlanCount;
    const bool last = index == kPlanCount - 1;
    const bool onSaturdays = last && m_options.saturdayCourse;
    const CoursePlan plan = onSaturdays ? kSaturdayPlan
                            : last      ? kEndedPlan
                            : planned   ? kPlans[index]
                                        : CoursePlan{nullptr, index % 3, 100, 60, index % 2 == 0};
    seed->start = today.addDays(-plan.startDaysAgo);
    seed->end =
        today.addDays(plan.endDaysAhead < 0 && !m_options.oneCourseEnded ? 60 : plan.endDaysAhead);
    seed->weekdays = onSaturdays            ? QList<int>{Qt::Saturday}
                     : plan.mondayWednesday ? QList<int>{Qt::Monday, Qt::Wednesday}
                                            : QList<int>{Qt::Tuesday, Qt::Thursday};
    QVariantMap values;
    put(values, Role::Course, "title",
        planned ? QString::fromUtf8(plan.title) : QStringLiteral("Curso %1").arg(index + 1));
    put(values, Role::Course, "start_date", seed->start);
    put(values, Role::Course, "end_date", seed->end);
    if (!onSaturdays) {
        put(values, Role::Course, "notes",
            plan.mondayWednesday
                ? QCoreApplication::translate("DemoData", "Mondays and Wednesdays, 3:00–5:00 pm")
                : QCoreApplication::translate("DemoData", "Tuesdays and Thursdays, 3:00–5:00 pm"));
    }
    // Every course has a first facilitator, every fourth a second one too: with two
    // teachers, the first teaches six of the eight courses.
    const auto teacher = [this](int n) { return m_teacherIds.at(n % m_teacherIds.size()); };
    put(values, Role::Course, "program", m_programIds.at(plan.program % m_programIds.size()));
    put(values, Role::Course, "facilitator_1", teacher(index));
    if (index % 4 == 3) {
        put(values, Role::Course, "facilitator_2", teacher(index + 1));
    }
    return values;
}

bool DemoProgramme::writeCourses(QDate today, int count)
{
    for (int index = 0; index < count; ++index) {
        CourseSeed seed;
        seed.id = send(Role::Course, courseValues(index, today, &seed));
        if (seed.id.isEmpty()) {
            return false;
        }
        m_courses.append(seed);
    }
    m_counts.courses = int(m_courses.size());
    return true;
}

QString DemoProgramme::phone()
{
    static const QStringList areaCodes = words("809|829|849");
    return QStringLiteral("%1-555-%2")
        .arg(pickFrom(areaCodes))
        .arg(pick(10000), 4, 10, QLatin1Char('0'));
}

QString DemoProgramme::address()
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

QVariantMap DemoProgramme::studentValues(QDate today, bool female)
{
    const QString first = female ? pickFrom(femaleNames()) : pickFrom(maleNames());
    // Two surnames, the father's and the mother's, as Dominicans carry them.
    const QString paternal = pickFrom(lastNames());
    const QString last = paternal + QLatin1Char(' ') + pickFrom(lastNames());
    const int languageRoll = pick(100);
    const QString language = languageRoll < 85   ? QStringLiteral("Spanish")
                             : languageRoll < 97 ? QStringLiteral("Creole")
                                                 : QStringLiteral("Other");
    const QDate birth = today.addYears(-(6 + pick(12))).addDays(-pick(365));
    QVariantMap values;
    put(values, Role::Student, "first_name", first);
    put(values, Role::Student, "last_name", last);
    put(values, Role::Student, "nickname", pick(4) == 0 ? pickFrom(nicknames()) : QString());
    put(values, Role::Student, "date_of_birth", birth);
    put(values, Role::Student, "sex", female ? QStringLiteral("Female") : QStringLiteral("Male"));
    put(values, Role::Student, "address", address());
    put(values, Role::Student, "phone_1", phone());
    put(values, Role::Student, "phone_2", pick(5) < 2 ? phone() : QString());
    put(values, Role::Student, "contact_name",
        QString((pick(3) == 0 ? pickFrom(maleNames()) : pickFrom(femaleNames())) +
                QLatin1Char(' ') + paternal));
    put(values, Role::Student, "contact_phone", phone());
    put(values, Role::Student, "document_type",
        language == QLatin1String("Creole") && pick(2) == 0 ? QStringLiteral("Pasaporte")
                                                            : QStringLiteral("Acta de nacimiento"));
    put(values, Role::Student, "language", language);
    put(values, Role::Student, "nationality",
        language == QLatin1String("Creole") ? QStringLiteral("Haitiana")
                                            : QStringLiteral("Dominicana"));
    if (today.year() - birth.year() >= 14 && pick(3) == 0) {
        put(values, Role::Student, "email",
            QString(asciiLower(first.section(QLatin1Char(' '), 0, 0)) + QLatin1Char('.') +
                    asciiLower(paternal) + QString::number(pick(100)) +
                    QStringLiteral("@example.com")));
    }
    return values;
}

bool DemoProgramme::writeStudents(QDate today, int count)
{
    for (int i = 0; i < count; ++i) {
        const QVariantMap values = studentValues(today, pick(2) == 0);
        StudentSeed seed;
        seed.id = send(Role::Student, values);
        if (seed.id.isEmpty()) {
            return false;
        }
        seed.name =
            values.value(m_mapping.field(Role::Student, QStringLiteral("first_name"))).toString() +
            QLatin1Char(' ') +
            values.value(m_mapping.field(Role::Student, QStringLiteral("last_name"))).toString();
        // About one student in twelve misses classes often enough to be chronically absent.
        const bool struggling = pick(12) == 0 && m_options.chronicAbsence;
        seed.absenceRisk = struggling ? 0.15 + pick(16) / 100.0 : 0.01 + pick(6) / 100.0;
        seed.lateRisk = 0.02 + pick(7) / 100.0;
        m_students.append(seed);
    }
    m_counts.students = int(m_students.size());
    return true;
}

bool DemoProgramme::writeEnrollments()
{
    // Walk a shuffled order of students round-robin. Courses of 19 to 25 give every student
    // a course and a few two; no course has a student twice.
    QList<int> order;
    for (int i = 0; i < m_students.size(); ++i) {
        order.append(i);
    }
    std::shuffle(order.begin(), order.end(), m_random);
    int next = 0;
    for (int course = 0; course < m_courses.size(); ++course) {
        const int size = 19 + pick(7);
        for (int n = 0; n < size; ++n) {
            EnrollmentSeed seed;
            seed.course = course;
            seed.student = order.at(next++ % order.size());
            QVariantMap values;
            put(values, Role::Enrollment, "course", m_courses.at(course).id);
            put(values, Role::Enrollment, "student", m_students.at(seed.student).id);
            seed.id = send(Role::Enrollment, values);
            if (seed.id.isEmpty()) {
                return false;
            }
            m_enrollments.append(seed);
        }
    }
    m_counts.enrollments = int(m_enrollments.size());
    return true;
}

bool DemoProgramme::writeAttendance(QDate today)
{
    const QDate windowStart = today.addMonths(-3);
    const QDate lastDay = m_options.marksUpToToday ? today : today.addDays(-1);
    for (const EnrollmentSeed &enrollment : std::as_const(m_enrollments)) {
        const CourseSeed &course = m_courses.at(enrollment.course);
        const QDate first = std::max(course.start, windowStart);
        const QDate last = std::min(course.end, lastDay);
        for (const QDate &day : classDays(first, last, course.weekdays)) {
            if (!writeMark(enrollment, day)) {
                return false;
            }
        }
    }
    return true;
}

bool DemoProgramme::writeMark(const EnrollmentSeed &enrollment, QDate day)
{
    static const QStringList absenceNotes =
        words("Enfermo en casa|Cita médica|Lluvia fuerte, no hubo transporte|Viaje familiar");
    const StudentSeed &student = m_students.at(enrollment.student);
    const double roll = m_random.generateDouble();
    const bool excused = pick(10) < 3;
    int status = 0;
    if (roll < student.absenceRisk) {
        status = excused ? 2 : 1;
    } else if (roll < student.absenceRisk + student.lateRisk) {
        status = excused ? 4 : 3;
    }
    QVariantMap values;
    put(values, Role::Attendance, "enrollment", enrollment.id);
    put(values, Role::Attendance, "date", day);
    put(values, Role::Attendance, "status", status);
    put(values, Role::Attendance, "notes", status == 2 ? pickFrom(absenceNotes) : QString());
    put(values, Role::Attendance, "student_name", student.name);
    put(values, Role::Attendance, "student_id", student.id);
    if (send(Role::Attendance, values).isEmpty()) {
        return false;
    }
    ++m_counts.attendance;
    return true;
}

} // namespace pasalista
