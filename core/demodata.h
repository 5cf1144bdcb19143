#pragma once

#include "store/localstore.h"

#include <QCoreApplication>
#include <QDate>
#include <QRandomGenerator>

namespace pasalista {

// A realistic programme in a fresh store, as if it had just synced from the org: programs,
// teachers, courses, students from Santo Domingo and Santiago, enrollments and three months
// of attendance ending yesterday. Records carry fake but well-formed Salesforce Ids and
// are written with insertSynced, so the outbox stays empty. The same seed and the same
// `today` give the same data.
class DemoData
{
    Q_DECLARE_TR_FUNCTIONS(DemoData)

public:
    struct Counts
    {
        int programs = 0;
        int teachers = 0;
        int courses = 0;
        int students = 0;
        int enrollments = 0;
        int attendance = 0;
    };

    explicit DemoData(LocalStore &store, quint32 seed = 20240905);

    // Fills the store in one transaction. Refuses a store that already holds records.
    bool populate(const QDate &today = QDate::currentDate());
    const Counts &counts() const { return m_counts; }
    QString errorString() const { return m_error; }

    // True when no mapped table holds a row and the outbox is empty.
    static bool isEmpty(const LocalStore &store);
    // A fake 18-character Salesforce Id: 3-character prefix, serial, case-safe suffix.
    static QString fakeSalesforceId(const QString &prefix, qint64 serial);

private:
    struct CourseSeed
    {
        qint64 id = 0;
        QString sfid;
        QDate start;
        QDate end;
        QList<int> weekdays; // Qt::DayOfWeek values
    };
    struct EnrollmentSeed
    {
        qint64 id = 0;
        QString sfid;
        QString key;
        int course = 0;  // index in m_courses
        int student = 0; // index in m_students
    };
    struct StudentSeed
    {
        qint64 id = 0;
        QString sfid;
        QString name;
        double absenceRisk = 0; // chance of missing a class
        double lateRisk = 0;
    };

    bool insertPrograms();
    bool insertTeachers();
    bool insertCourses(const QDate &today);
    bool insertStudents(const QDate &today);
    bool insertEnrollments();
    bool insertAttendance(const QDate &today);
    bool insertAttendanceOf(const EnrollmentSeed &enrollment, const QDate &first,
                            const QDate &last);
    QVariantMap studentValues(const QDate &today, bool female);
    QString address();
    std::optional<qint64> insert(Role role, const QString &prefix, QVariantMap values,
                                 QString *sfid = nullptr, QString *key = nullptr);
    int pick(int bound) { return int(m_random.bounded(bound)); }
    template <typename List> const auto &pickFrom(const List &list)
    {
        return list.at(pick(int(list.size())));
    }
    QString phone();
    bool fail(const QString &message);

    LocalStore &m_store;
    QRandomGenerator m_random;
    QString m_error;
    QString m_modstamp;
    Counts m_counts;
    QHash<QString, qint64> m_serials; // per Id prefix
    QList<qint64> m_programIds;
    QList<qint64> m_teacherIds;
    QList<CourseSeed> m_courses;
    QList<StudentSeed> m_students;
    QList<EnrollmentSeed> m_enrollments;
};

} // namespace pasalista
