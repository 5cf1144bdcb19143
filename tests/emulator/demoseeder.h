#pragma once

#include "oauthservice.h"
#include "recordstore.h"

#include <QDate>
#include <QHash>
#include <QRandomGenerator>

namespace pasalista::emulator {

struct DemoLogin
{
    QString username;
    QString password;
    QString name;
};

// Realistic, Spanish-language data for the Dream programme: programmes, courses,
// Dominican students, enrollments and attendance up to today. Also generates large
// volumes for benchmarks. Records are written straight to the store, as data that was
// already in the org.
class DemoSeeder
{
public:
    DemoSeeder(RecordStore &store, OAuthService &oauth, quint32 seed);

    void reseed(quint32 seed) { m_random.seed(seed); }
    QList<DemoLogin> seedDemo(QDate today);
    // counts: classes, students, enrollments, attendance. Returns what was created.
    QJsonObject generate(const QHash<QString, int> &counts, QDate today);
    static std::optional<QHash<QString, int>> parseCounts(const QString &spec, QString *error);

private:
    struct Course
    {
        QString id;
        QList<int> weekdays;
    };

    QString ownerId() const;
    QStringList createPrograms();
    QStringList createTeachers(QList<DemoLogin> *logins);
    QList<Course> createCourses(const QStringList &programs, const QStringList &teachers,
                                QDate today, int count);
    QString createStudent();
    QString createEnrollment(const QString &courseId, const QString &studentId);
    void createAttendance(const QString &enrollmentId, const QString &studentId, QDate date);
    QString studentName(const QString &studentId) const;
    QString phone();
    template <typename T> const T &pick(const QList<T> &list)
    {
        return list.at(static_cast<qsizetype>(m_random.bounded(static_cast<quint32>(list.size()))));
    }

    RecordStore &m_store;
    OAuthService &m_oauth;
    QRandomGenerator m_random;
};

} // namespace pasalista::emulator
