#pragma once

#include "mapping.h"

#include <QDate>
#include <QList>
#include <QRandomGenerator>
#include <QVariantMap>

#include <functional>

namespace pasalista {

// The Dream programme's demo records, made once for both places that need them: the app's
// offline demo data (DemoData, into the local store) and the org emulator's seeded org
// (DemoSeeder, into its record store). Programs, teachers, courses, Dominican students,
// enrollments and three months of attendance, each record as Salesforce fields by API name.
// The same seed, options and `today` give the same records.
class DemoProgramme
{
public:
    // Where the app's demo and the emulator's org differ on purpose.
    struct Options
    {
        QString teacherEmailDomain = QStringLiteral("example.org");
        int teacherCount = 4;        // taken from the front of one list of teachers
        bool oneCourseEnded = true;  // otherwise every course runs past today
        bool saturdayCourse = false; // one course meets on Saturdays instead
        bool marksUpToToday = false; // otherwise up to yesterday
        bool chronicAbsence = true;  // about one student in twelve misses classes often

        static Options appDemo() { return {}; }
        static Options emulatorSeed();
    };
    struct Counts
    {
        int programs = 0;
        int teachers = 0;
        int courses = 0;
        int students = 0;
        int enrollments = 0;
        int attendance = 0;
    };
    struct Teacher
    {
        QString firstName;
        QString lastName;
        QString email;
    };
    // Receives each record, parents before children, and returns the Id it got; an empty
    // Id stops the generation. Lookup fields carry the parents' Ids.
    using Sink = std::function<QString(Role role, const QVariantMap &fields)>;

    DemoProgramme(const Mapping &mapping, quint32 seed, const Options &options);

    void reseed(quint32 seed) { m_random.seed(seed); }
    QList<Teacher> teachers() const;

    // The whole programme: 3 programs, the teachers, 8 courses, 150 students, their
    // enrollments and attendance. False when the sink refused a record.
    bool write(const Sink &sink, QDate today);
    // Bulk volumes for benchmarks: `classes` courses (at least one), `students`, up to
    // `enrollments` distinct (student, course) pairs and `attendance` marks, every second
    // day back from today. Teachers are written only when `teacherIds` is empty.
    Counts writeVolume(const Sink &sink, const Counts &wanted, QDate today, QStringList teacherIds);

    const Counts &counts() const { return m_counts; }

private:
    struct CourseSeed
    {
        QString id;
        QDate start;
        QDate end;
        QList<int> weekdays; // Qt::DayOfWeek values
    };
    struct StudentSeed
    {
        QString id;
        QString name;
        double absenceRisk = 0; // chance of missing a class
        double lateRisk = 0;
    };
    struct EnrollmentSeed
    {
        QString id;
        int course = 0;  // index in m_courses
        int student = 0; // index in m_students
    };

    void clear();
    QString send(Role role, const QVariantMap &fields);
    bool writeAll(Role role, const QList<QVariantMap> &records, QStringList *ids);
    bool writePrograms();
    bool writeTeachers();
    bool writeCourses(QDate today, int count);
    bool writeStudents(QDate today, int count);
    bool writeEnrollments();
    bool writeAttendance(QDate today);
    bool writeMark(const EnrollmentSeed &enrollment, QDate day);
    QVariantMap courseValues(int index, QDate today, CourseSeed *seed) const;
    QVariantMap studentValues(QDate today, bool female);
    QString address();
    QString phone();
    int pick(int bound) { return int(m_random.bounded(bound)); }
    template <typename List> const auto &pickFrom(const List &list)
    {
        return list.at(pick(int(list.size())));
    }
    void put(QVariantMap &values, Role role, const char *logical, const QVariant &value) const;

    const Mapping m_mapping;
    const Options m_options;
    QRandomGenerator m_random;
    const Sink *m_sink = nullptr;
    Counts m_counts;
    QStringList m_programIds;
    QStringList m_teacherIds;
    QList<CourseSeed> m_courses;
    QList<StudentSeed> m_students;
    QList<EnrollmentSeed> m_enrollments;
};

} // namespace pasalista
