#include "demoseeder.h"

#include <QJsonObject>

namespace pasalista::emulator {

DemoSeeder::DemoSeeder(RecordStore &store, OAuthService &oauth, quint32 seed)
    : m_store(store), m_oauth(oauth), m_mapping(Mapping::dream()),
      m_programme(m_mapping, seed, DemoProgramme::Options::emulatorSeed())
{
}

QString DemoSeeder::ownerId() const
{
    return m_oauth.users().isEmpty() ? QString() : m_oauth.users().constFirst().id;
}

QString DemoSeeder::insert(Role role, const QVariantMap &fields)
{
    QJsonObject json;
    for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
        json.insert(it.key(), it.value().typeId() == QMetaType::QDate
                                  ? QJsonValue(it.value().toDate().toString(Qt::ISODate))
                                  : QJsonValue::fromVariant(it.value()));
    }
    return m_store.insert(m_mapping.objectFor(role).objectName, json, ownerId());
}

// Each teacher signs in with her email and her first name's password, e.g. Maria-2024.
QList<DemoLogin> DemoSeeder::addTeacherLogins()
{
    QList<DemoLogin> logins;
    for (const DemoProgramme::Teacher &teacher : m_programme.teachers()) {
        QString password = teacher.email.section(u'.', 0, 0) + QStringLiteral("-2024");
        password[0] = password.at(0).toUpper();
        m_oauth.addUser(teacher.email, password, teacher.email, teacher.firstName,
                        teacher.lastName);
        logins.append({teacher.email, password, teacher.firstName + u' ' + teacher.lastName});
    }
    return logins;
}

QList<DemoLogin> DemoSeeder::seedDemo(QDate today)
{
    const QList<DemoLogin> logins = addTeacherLogins();
    m_programme.write([this](Role role, const QVariantMap &fields) { return insert(role, fields); },
                      today);
    return logins;
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
    DemoProgramme::Counts wanted;
    wanted.courses = counts.value(QStringLiteral("classes"), 20);
    wanted.students = counts.value(QStringLiteral("students"), 0);
    wanted.enrollments = counts.value(QStringLiteral("enrollments"), 0);
    wanted.attendance = counts.value(QStringLiteral("attendance"), 0);
    const QStringList teachers = m_store.ids(QStringLiteral("Teacher__c"));
    if (teachers.isEmpty())
        addTeacherLogins();
    const DemoProgramme::Counts made = m_programme.writeVolume(
        [this](Role role, const QVariantMap &fields) { return insert(role, fields); }, wanted,
        today, teachers);
    return {{QStringLiteral("classes"), made.courses},
            {QStringLiteral("students"), made.students},
            {QStringLiteral("enrollments"), made.enrollments},
            {QStringLiteral("attendance"), made.attendance}};
}

} // namespace pasalista::emulator
