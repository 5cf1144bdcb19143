#pragma once

#include "demoprogramme.h"
#include "oauthservice.h"
#include "recordstore.h"

#include <QDate>
#include <QHash>

namespace pasalista::emulator {

struct DemoLogin
{
    QString username;
    QString password;
    QString name;
};

// Writes the Dream programme (core's DemoProgramme, in its emulator flavour: every course
// running, one on Saturdays, attendance up to today) straight into the record store, as data
// that was already in the org, and signs its teachers up as users. Also writes large volumes
// for benchmarks.
class DemoSeeder
{
public:
    DemoSeeder(RecordStore &store, OAuthService &oauth, quint32 seed);

    void reseed(quint32 seed) { m_programme.reseed(seed); }
    QList<DemoLogin> seedDemo(QDate today);
    // counts: classes, students, enrollments, attendance. Returns what was created.
    QJsonObject generate(const QHash<QString, int> &counts, QDate today);
    static std::optional<QHash<QString, int>> parseCounts(const QString &spec, QString *error);

private:
    QString ownerId() const;
    QString insert(Role role, const QVariantMap &fields);
    QList<DemoLogin> addTeacherLogins();

    RecordStore &m_store;
    OAuthService &m_oauth;
    const Mapping m_mapping;
    DemoProgramme m_programme;
};

} // namespace pasalista::emulator
