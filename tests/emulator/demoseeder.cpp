#include "demoseeder.h"

#include <QJsonObject>
#include <QSet>

namespace pasalista::emulator {

namespace {
const QStringList kFemaleNames = {
    QStringLiteral("María"),    QStringLiteral("Yokasta"), QStringLiteral("Altagracia"),
    QStringLiteral("Yelitza"),  QStringLiteral("Rosanna"), QStringLiteral("Esmeralda"),
    QStringLiteral("Nathalie"), QStringLiteral("Yaritza"), QStringLiteral("Carolina"),
    QStringLiteral("Dayana"),   QStringLiteral("Scarlet"), QStringLiteral("Ana Julia"),
    QStringLiteral("Wendy"),    QStringLiteral("Yudelka"), QStringLiteral("Franchesca"),
    QStringLiteral("Nicole"),   QStringLiteral("Lisbeth"), QStringLiteral("Mildred")};
const QStringList kMaleNames = {
    QStringLiteral("José Miguel"), QStringLiteral("Juan Carlos"), QStringLiteral("Wilkin"),
    QStringLiteral("Yeison"),      QStringLiteral("Rafael"),      QStringLiteral("Starlin"),
    QStringLiteral("Luis Ángel"),  QStringLiteral("Ramón"),       QStringLiteral("Frandy"),
    QStringLiteral("Elvin"),       QStringLiteral("Manuel"),      QStringLiteral("Darwin"),
    QStringLiteral("Jean Carlos"), QStringLiteral("Enmanuel"),    QStringLiteral("Yunior"),
    QStringLiteral("Anderson"),    QStringLiteral("Kelvin"),      QStringLiteral("Pedro Pablo")};
const QStringList kLastNames = {
    QStringLiteral("Rodríguez"), QStringLiteral("Pérez"),       QStringLiteral("Martínez"),
    QStringLiteral("García"),    QStringLiteral("Santana"),     QStringLiteral("Reyes"),
    QStringLiteral("Peña"),      QStringLiteral("De la Cruz"),  QStringLiteral("Almonte"),
    QStringLiteral("Féliz"),     QStringLiteral("Jiménez"),     QStringLiteral("Rosario"),
    QStringLiteral("Batista"),   QStringLiteral("Encarnación"), QStringLiteral("Valdez"),
    QStringLiteral("Tavárez"),   QStringLiteral("Mejía"),       QStringLiteral("Polanco"),
    QStringLiteral("Guzmán"),    QStringLiteral("Hernández"),   QStringLiteral("Ureña"),
    QStringLiteral("Vásquez"),   QStringLiteral("Núñez"),       QStringLiteral("Cabrera")};
const QStringList kNicknames = {QStringLiteral("Chichí"), QStringLiteral("Yoyo"),
                                QStringLiteral("Nene"),   QStringLiteral("Pichi"),
                                QStringLiteral("Tati"),   QStringLiteral("Moreno")};
const QStringList kStreets = {
    QStringLiteral("Calle Duarte"),       QStringLiteral("Av. Independencia"),
    QStringLiteral("Calle El Sol"),       QStringLiteral("Calle Restauración"),
    QStringLiteral("Av. 27 de Febrero"),  QStringLiteral("Calle Mella"),
    QStringLiteral("Calle Las Carreras"), QStringLiteral("Av. Juan Pablo Duarte")};
const QStringList kNeighbourhoods = {QStringLiteral("Los Mina, Santo Domingo Este"),
                                     QStringLiteral("Villa Mella, Santo Domingo Norte"),
                                     QStringLiteral("Capotillo, Santo Domingo"),
                                     QStringLiteral("Cristo Rey, Santo Domingo"),
                                     QStringLiteral("Cienfuegos, Santiago"),
                                     QStringLiteral("Pueblo Nuevo, Santiago"),
                                     QStringLiteral("Los Pepines, Santiago"),
                                     QStringLiteral("Gurabo, Santiago")};
const QStringList kNotes = {QStringLiteral("Llegó con su mamá."), QStringLiteral("Cita médica."),
                            QStringLiteral("Lluvia fuerte en el barrio."),
                            QStringLiteral("Se retiró temprano."),
                            QStringLiteral("Participó muy bien.")};

struct ProgramSeed
{
    const char *name;
    QStringList courses;
};

const QList<ProgramSeed> kPrograms = {
    {"Lectura y Escritura",
     {QStringLiteral("Lectura Inicial A"), QStringLiteral("Lectura Inicial B"),
      QStringLiteral("Escritura Creativa")}},
    {"Matemáticas Divertidas",
     {QStringLiteral("Matemáticas 1"), QStringLiteral("Matemáticas 2"), QStringLiteral("Ajedrez")}},
    {"Arte y Música", {QStringLiteral("Pintura y Dibujo"), QStringLiteral("Coro Infantil")}}};

// Meeting days per course (Qt: 1 = Monday).
const QList<QList<int>> kSchedules = {{1, 3}, {2, 4}, {1, 3, 5}, {2, 4},
                                      {3, 5}, {1, 5}, {2, 4},    {6}};

constexpr int kAttendanceDays = 91; // three months up to today
} // namespace

DemoSeeder::DemoSeeder(RecordStore &store, OAuthService &oauth, quint32 seed)
    : m_store(store), m_oauth(oauth), m_random(seed)
{
}

QString DemoSeeder::ownerId() const
{
    return m_oauth.users().isEmpty() ? QString() : m_oauth.users().constFirst().id;
}

QString DemoSeeder::phone()
{
    static const QStringList areaCodes = {QStringLiteral("809"), QStringLiteral("829"),
                                          QStringLiteral("849")};
    return QStringLiteral("%1-555-%2")
        .arg(pick(areaCodes))
        .arg(m_random.bounded(10000), 4, 10, QLatin1Char('0'));
}

QList<DemoLogin> DemoSeeder::seedDemo(QDate today)
{
    QList<DemoLogin> logins;
    const QStringList teachers = createTeachers(&logins);
    const QStringList programs = createPrograms();
    const QList<Course> courses = createCourses(programs, teachers, today, 8);
    QStringList students;
    for (int i = 0; i < 150; ++i)
        students.append(createStudent());
    // Each student takes one course; every seventh also takes a second one.
    for (int i = 0; i < students.size(); ++i) {
        QList<int> taken{i % static_cast<int>(courses.size())};
        if (i % 7 == 0)
            taken.append((i + 3) % static_cast<int>(courses.size()));
        for (int courseIndex : taken) {
            const Course &course = courses.at(courseIndex);
            const QString enrollment = createEnrollment(course.id, students.at(i));
            for (QDate date = today.addDays(-kAttendanceDays + 1); date <= today;
                 date = date.addDays(1)) {
                if (course.weekdays.contains(date.dayOfWeek()))
                    createAttendance(enrollment, students.at(i), date);
            }
        }
    }
    return logins;
}

QStringList DemoSeeder::createTeachers(QList<DemoLogin> *logins)
{
    struct TeacherSeed
    {
        QString first, last, username, password;
    };
    const QList<TeacherSeed> seeds = {
        {QStringLiteral("María Altagracia"), QStringLiteral("Rodríguez"),
         QStringLiteral("maria.rodriguez@dream.demo"), QStringLiteral("Maria-2024")},
        {QStringLiteral("José Miguel"), QStringLiteral("Peña"),
         QStringLiteral("jose.pena@dream.demo"), QStringLiteral("Jose-2024")}};
    QStringList ids;
    for (const TeacherSeed &seed : seeds) {
        m_oauth.addUser(seed.username, seed.password, seed.username, seed.first, seed.last);
        logins->append({seed.username, seed.password, seed.first + u' ' + seed.last});
        ids.append(m_store.insert(QStringLiteral("Teacher__c"),
                                  {{QStringLiteral("First_Name__c"), seed.first},
                                   {QStringLiteral("Last_Name__c"), seed.last},
                                   {QStringLiteral("Email__c"), seed.username},
                                   {QStringLiteral("Phone_Number_1__c"), phone()}},
                                  ownerId()));
    }
    return ids;
}

QStringList DemoSeeder::createPrograms()
{
    QStringList ids;
    for (const ProgramSeed &program : kPrograms) {
        ids.append(m_store.insert(QStringLiteral("Program__c"),
                                  {{QStringLiteral("Name"), QString::fromUtf8(program.name)}},
                                  ownerId()));
    }
    return ids;
}

QList<DemoSeeder::Course> DemoSeeder::createCourses(const QStringList &programs,
                                                    const QStringList &teachers, QDate today,
                                                    int count)
{
    QList<Course> courses;
    for (int i = 0; i < count; ++i) {
        const int programIndex = i < 3 ? 0 : (i < 6 ? 1 : 2);
        const ProgramSeed &program = kPrograms.at(programIndex % kPrograms.size());
        const QString title = i < 8 ? program.courses.at(i < 3 ? i : (i < 6 ? i - 3 : i - 6))
                                    : QStringLiteral("Curso %1").arg(i + 1);
        QJsonObject fields{
            {QStringLiteral("Title__c"), title},
            {QStringLiteral("Start_Date__c"), today.addDays(-100).toString(Qt::ISODate)},
            {QStringLiteral("End_Date__c"), today.addDays(60).toString(Qt::ISODate)},
            {QStringLiteral("Program__c"), programs.at(programIndex % programs.size())},
            {QStringLiteral("Facilitator_1__c"), teachers.at(i % teachers.size())}};
        if (i % 4 == 3)
            fields.insert(QStringLiteral("Facilitator_2__c"),
                          teachers.at((i + 1) % teachers.size()));
        if (i == 0)
            fields.insert(QStringLiteral("Notes__c"), QStringLiteral("Aula 3, segundo piso."));
        courses.append({m_store.insert(QStringLiteral("Class__c"), fields, ownerId()),
                        kSchedules.at(i % kSchedules.size())});
    }
    return courses;
}

QString DemoSeeder::createStudent()
{
    const bool female = m_random.bounded(2) == 0;
    const bool haitian = m_random.bounded(10) == 0;
    const QString first = pick(female ? kFemaleNames : kMaleNames);
    const QString last = QString(pick(kLastNames) + u' ' + pick(kLastNames));
    const QDate birth = QDate(2009, 1, 1).addDays(m_random.bounded(9 * 365));
    QJsonObject fields{
        {QStringLiteral("First_Name__c"), first},
        {QStringLiteral("Last_Name__c"), last},
        {QStringLiteral("Date_of_Birth__c"), birth.toString(Qt::ISODate)},
        {QStringLiteral("Sex__c"), female ? QStringLiteral("Female") : QStringLiteral("Male")},
        {QStringLiteral("Direccion__c"), QStringLiteral("%1 #%2, %3")
                                             .arg(pick(kStreets))
                                             .arg(m_random.bounded(1, 120))
                                             .arg(pick(kNeighbourhoods))},
        {QStringLiteral("Phone_Number_1__c"), phone()},
        {QStringLiteral("Contacto_Primario_Name__c"),
         QString(pick(kFemaleNames) + u' ' + last.section(u' ', 0, 0))},
        {QStringLiteral("Contacto_Primario_Phone__c"), phone()},
        {QStringLiteral("Tipo_de_Documento__c"),
         haitian ? QStringLiteral("Pasaporte") : QStringLiteral("Acta de Nacimiento")},
        {QStringLiteral("Idioma_Principal__c"),
         haitian ? QStringLiteral("Creole") : QStringLiteral("Spanish")},
        {QStringLiteral("Nationality__c"),
         haitian ? QStringLiteral("Haitiana") : QStringLiteral("Dominicana")}};
    if (m_random.bounded(5) == 0)
        fields.insert(QStringLiteral("Nickname__c"), pick(kNicknames));
    if (m_random.bounded(4) == 0)
        fields.insert(QStringLiteral("Phone_Number_2__c"), phone());
    return m_store.insert(QStringLiteral("Student__c"), fields, ownerId());
}

QString DemoSeeder::createEnrollment(const QString &courseId, const QString &studentId)
{
    return m_store.insert(
        QStringLiteral("ParticipantEnrollment__c"),
        {{QStringLiteral("Class__c"), courseId}, {QStringLiteral("Student__c"), studentId}},
        ownerId());
}

QString DemoSeeder::studentName(const QString &studentId) const
{
    const QJsonObject *student = m_store.find(QStringLiteral("Student__c"), studentId);
    return student ? student->value(QStringLiteral("First_Name__c")).toString() + u' ' +
                         student->value(QStringLiteral("Last_Name__c")).toString()
                   : QString();
}

void DemoSeeder::createAttendance(const QString &enrollmentId, const QString &studentId, QDate date)
{
    // Mostly present, as in a real roll: 80 % present, the rest absences and lateness.
    const quint32 roll = m_random.bounded(100);
    const int type = roll < 80 ? 0 : (roll < 87 ? 1 : (roll < 92 ? 2 : (roll < 97 ? 3 : 4)));
    QJsonObject fields{{QStringLiteral("Participant_Enrollment__c"), enrollmentId},
                       {QStringLiteral("Start_Date__c"), date.toString(Qt::ISODate)},
                       {QStringLiteral("Attendance_Type__c"), type},
                       {QStringLiteral("Student_Name__c"), studentName(studentId)},
                       {QStringLiteral("Student_Id__c"), studentId}};
    if (type != 0 && m_random.bounded(3) == 0)
        fields.insert(QStringLiteral("Notes__c"), pick(kNotes));
    m_store.insert(QStringLiteral("Attendance__c"), fields, ownerId());
}

std::optional<QHash<QString, int>> DemoSeeder::parseCounts(const QString &spec, QString *error)
{
    static const QStringList known = {QStringLiteral("classes"), QStringLiteral("students"),
                                      QStringLiteral("enrollments"), QStringLiteral("attendance")};
    QHash<QString, int> counts;
    for (const QString &item : spec.split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const QString name = item.section(u'=', 0, 0).trimmed();
        const int count = item.section(u'=', 1).trimmed().toInt(&ok);
        if (!known.contains(name) || !ok || count < 0) {
            *error =
                QStringLiteral("bad --generate item '%1' (use %2=N)").arg(item, known.join(u'|'));
            return std::nullopt;
        }
        counts.insert(name, count);
    }
    return counts;
}

QJsonObject DemoSeeder::generate(const QHash<QString, int> &counts, QDate today)
{
    const int studentCount = counts.value(QStringLiteral("students"), 0);
    const int enrollmentCount = counts.value(QStringLiteral("enrollments"), 0);
    const int attendanceCount = counts.value(QStringLiteral("attendance"), 0);
    const int classCount = std::max(1, counts.value(QStringLiteral("classes"), 20));
    QList<DemoLogin> unused;
    QStringList teachers = m_store.ids(QStringLiteral("Teacher__c"));
    if (teachers.isEmpty())
        teachers = createTeachers(&unused);
    const QList<Course> courses = createCourses(createPrograms(), teachers, today, classCount);
    QStringList students;
    for (int i = 0; i < studentCount; ++i)
        students.append(createStudent());
    struct Enrollment
    {
        QString id;
        QString student;
    };
    QList<Enrollment> enrollments;
    if (!students.isEmpty()) {
        // Walk (student, course) pairs so that no pair repeats while pairs remain.
        const qsizetype pairs = students.size() * courses.size();
        for (qsizetype i = 0; i < std::min<qsizetype>(enrollmentCount, pairs); ++i) {
            const QString &student = students.at(i % students.size());
            const QString &course = courses.at((i / students.size()) % courses.size()).id;
            enrollments.append({createEnrollment(course, student), student});
        }
    }
    int attendance = 0;
    for (; !enrollments.isEmpty() && attendance < attendanceCount; ++attendance) {
        const Enrollment &enrollment = enrollments.at(attendance % enrollments.size());
        const QDate date = today.addDays(-2 * (attendance / enrollments.size()));
        createAttendance(enrollment.id, enrollment.student, date);
    }
    return {{QStringLiteral("classes"), static_cast<int>(courses.size())},
            {QStringLiteral("students"), static_cast<int>(students.size())},
            {QStringLiteral("enrollments"), static_cast<int>(enrollments.size())},
            {QStringLiteral("attendance"), attendance}};
}

} // namespace pasalista::emulator
