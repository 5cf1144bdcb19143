#include "puller.h"

#include "localstore.h"
#include "logging.h"
#include "net/salesforceclient.h"
#include "sqltext.h"
#include "sync/remoteapplier.h"
#include "sync/soql.h"

#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace pasalista {

using sql::nowUtc;
using sql::quoted;

Puller::Puller(LocalStore &store, SalesforceClient &client, SyncReport &report)
    : m_store(store), m_client(client), m_report(report)
{
}

bool Puller::stopWith(const ApiResponse &response)
{
    switch (response.outcome) {
    case ApiResponse::Outcome::SignInRequired:
        m_report.result = SyncReport::Result::SignInRequired;
        break;
    case ApiResponse::Outcome::Transient:
        m_report.result = response.errorCode == QLatin1String("CANCELLED")
                              ? SyncReport::Result::Cancelled
                              : SyncReport::Result::Unreachable;
        break;
    default:
        m_report.result = SyncReport::Result::Error;
    }
    m_report.message = response.errorMessage;
    return false;
}

bool Puller::fetchAll(const QString &soql, bool includeDeleted, const PageHandler &handler)
{
    QString next;
    bool first = true;
    while (first || !next.isEmpty()) {
        // The client retries reads that fail for passing reasons.
        const ApiResponse response =
            first ? m_client.query(soql, includeDeleted) : m_client.queryMore(next);
        if (!response.ok()) {
            qCWarning(lcSync) << "query failed" << response.errorCode << response.errorMessage;
            return stopWith(response);
        }
        const QJsonObject page = response.json.object();
        if (!page.value(QLatin1String("records")).isArray()) {
            ApiResponse malformed = response;
            malformed.outcome = ApiResponse::Outcome::Transient;
            malformed.errorMessage = QCoreApplication::translate(
                "pasalista::Puller", "The org sent a query reply without records.");
            return stopWith(malformed);
        }
        first = false;
        next = page.value(QLatin1String("done")).toBool(true)
                   ? QString()
                   : page.value(QLatin1String("nextRecordsUrl")).toString();
        if (!next.isEmpty()) {
            // The org serves the next page while this one is applied.
            m_client.prefetch(next);
        }
        if (!handler(page.value(QLatin1String("records")).toArray())) {
            m_client.dropPrefetch();
            return false;
        }
    }
    return true;
}

QStringList Puller::fieldsFor(Role role) const
{
    const ObjectMapping &object = m_store.mapping().objectFor(role);
    const auto available = m_available.constFind(object.objectName);
    QStringList fields;
    for (const QString &field : object.fields) {
        if (available == m_available.constEnd() || available->contains(field)) {
            fields.append(field);
        }
    }
    return fields;
}

QString Puller::watermark(const QString &objectName, const QString &column) const
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT %1 FROM _sync_state WHERE object_name = ?").arg(column));
    query.addBindValue(objectName);
    return query.exec() && query.next() ? query.value(0).toString() : QString();
}

bool Puller::setWatermark(const QString &objectName, const QString &column, const QString &value)
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("INSERT INTO _sync_state (object_name, %1, last_sync_at)"
                                 " VALUES (?, ?, ?) ON CONFLICT(object_name) DO UPDATE SET"
                                 " %1 = excluded.%1, last_sync_at = excluded.last_sync_at")
                      .arg(column));
    query.addBindValue(objectName);
    query.addBindValue(value);
    query.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    return query.exec();
}

bool Puller::applyPage(const RecordCodec &codec, RemoteApplier &applier, const QJsonArray &records,
                       bool moveWatermark)
{
    if (!m_store.begin()) {
        return false;
    }
    QString lastStamp;
    for (const QJsonValue &value : records) {
        const QJsonObject record = value.toObject();
        if (!applier.apply(record)) {
            m_store.rollback();
            m_report.result = SyncReport::Result::Error;
            m_report.message = applier.errorString();
            return false;
        }
        lastStamp = record.value(QLatin1String("SystemModstamp")).toString();
    }
    // The page and its watermark commit together: a crash never skips or half-applies one.
    const bool ok = (!moveWatermark || lastStamp.isEmpty() ||
                     setWatermark(codec.objectName(), QStringLiteral("watermark"), lastStamp)) &&
                    m_store.commit();
    if (!ok) {
        m_store.rollback();
        m_report.result = SyncReport::Result::Error;
        m_report.message = m_store.errorString();
    }
    return ok;
}

bool Puller::pullRole(Role role, const QString &scope, bool incremental)
{
    const QString objectName = m_store.mapping().objectFor(role).objectName;
    QStringList conditions;
    const QString since =
        incremental ? watermark(objectName, QStringLiteral("watermark")) : QString();
    if (!since.isEmpty()) {
        conditions.append(QStringLiteral("SystemModstamp >= ") + Soql::dateTimeLiteral(since));
    }
    if (!scope.isEmpty()) {
        conditions.append(scope);
    }
    const QString soql = Soql::select(fieldsFor(role), objectName, conditions) +
                         QStringLiteral(" ORDER BY SystemModstamp ASC, Id ASC");
    qCDebug(lcSync) << "pull" << soql;
    // One applier for every page: its prepared statements and parent-id cache are built
    // once per object, not once per 2,000 records (parents do not change meanwhile).
    const Mapping &mapping = m_store.mapping();
    const RecordCodec codec(mapping, role);
    RemoteApplier applier(m_store, codec, mapping.binding(role).conflictPolicy, m_report);
    return fetchAll(soql, false, [&](const QJsonArray &records) {
        return applyPage(codec, applier, records, incremental);
    });
}

bool Puller::pullDeletions(Role role)
{
    const Mapping &mapping = m_store.mapping();
    const QString objectName = mapping.objectFor(role).objectName;
    const QString since = watermark(objectName, QStringLiteral("deleted_watermark"));
    const QString pulledUpTo = watermark(objectName, QStringLiteral("watermark"));
    if (since.isEmpty()) {
        // First sync: whatever was deleted before was never here.
        return pulledUpTo.isEmpty() ||
               setWatermark(objectName, QStringLiteral("deleted_watermark"), pulledUpTo);
    }
    const QString soql =
        Soql::select({QStringLiteral("Id"), QStringLiteral("SystemModstamp")}, objectName,
                     {QStringLiteral("IsDeleted = true"),
                      QStringLiteral("SystemModstamp >= ") + Soql::dateTimeLiteral(since)}) +
        QStringLiteral(" ORDER BY SystemModstamp ASC");
    const RecordCodec codec(mapping, role);
    return fetchAll(soql, true, [&](const QJsonArray &records) {
        RemoteApplier applier(m_store, codec, mapping.binding(role).conflictPolicy, m_report);
        if (!m_store.begin()) {
            return false;
        }
        QString lastStamp;
        for (const QJsonValue &value : records) {
            const QJsonObject record = value.toObject();
            if (!applier.applyDeletion(record.value(QLatin1String("Id")).toString())) {
                m_store.rollback();
                return false;
            }
            lastStamp = record.value(QLatin1String("SystemModstamp")).toString();
        }
        if ((!lastStamp.isEmpty() &&
             !setWatermark(objectName, QStringLiteral("deleted_watermark"), lastStamp)) ||
            !m_store.commit()) {
            m_store.rollback();
            return false;
        }
        return true;
    });
}

QString Puller::teacherSfid(const QString &email) const
{
    const Mapping &mapping = m_store.mapping();
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT sfid FROM %1 WHERE lower(%2) = lower(?) AND isdeleted = 0")
                      .arg(quoted(mapping.table(Role::Teacher)),
                           quoted(mapping.column(Role::Teacher, QStringLiteral("email")))));
    query.addBindValue(email);
    return query.exec() && query.next() ? query.value(0).toString() : QString();
}

QStringList Puller::coursesInScope(const QString &teacher) const
{
    const Mapping &mapping = m_store.mapping();
    QStringList conditions{QStringLiteral("isdeleted = 0"), QStringLiteral("sfid IS NOT NULL")};
    QStringList facilitatorColumns;
    for (const QString &logical :
         {QStringLiteral("facilitator_1"), QStringLiteral("facilitator_2")}) {
        const QString column = mapping.column(Role::Course, logical);
        if (!column.isEmpty()) {
            facilitatorColumns.append(quoted(column) + QStringLiteral(" = :teacher"));
        }
    }
    if (!teacher.isEmpty() && !facilitatorColumns.isEmpty()) {
        conditions.append(QLatin1Char('(') + facilitatorColumns.join(QStringLiteral(" OR ")) +
                          QLatin1Char(')'));
    }
    QSqlQuery query(m_store.database());
    query.prepare(
        QStringLiteral("SELECT sfid FROM %1 WHERE %2 ORDER BY sfid")
            .arg(quoted(mapping.table(Role::Course)), conditions.join(QStringLiteral(" AND "))));
    if (!teacher.isEmpty()) {
        query.bindValue(QStringLiteral(":teacher"), teacher);
    }
    QStringList ids;
    if (query.exec()) {
        while (query.next()) {
            ids.append(query.value(0).toString());
        }
    }
    return ids;
}

QString Puller::scopeFor(Role role, const QStringList &courseIds) const
{
    const Mapping &mapping = m_store.mapping();
    const QString courses = Soql::idList(courseIds);
    const QString enrollmentObject = mapping.objectFor(Role::Enrollment).objectName;
    const QString enrollmentCourse = mapping.field(Role::Enrollment, QStringLiteral("course"));
    const bool everything = !mapping.scope().onlyTeacherCourses;
    switch (role) {
    case Role::Student:
        return everything ? QString()
                          : QStringLiteral("Id IN (SELECT %1 FROM %2 WHERE %3 IN %4)")
                                .arg(mapping.field(Role::Enrollment, QStringLiteral("student")),
                                     enrollmentObject, enrollmentCourse, courses);
    case Role::Enrollment:
        return everything ? QString() : QStringLiteral("%1 IN %2").arg(enrollmentCourse, courses);
    case Role::Attendance: {
        const QString cutoff =
            QStringLiteral("%1 >= %2")
                .arg(mapping.field(Role::Attendance, QStringLiteral("date")),
                     m_today.addDays(-mapping.scope().attendanceSinceDays).toString(Qt::ISODate));
        if (everything) {
            return cutoff;
        }
        return QStringLiteral("%1 IN (SELECT Id FROM %2 WHERE %3 IN %4) AND %5")
            .arg(mapping.field(Role::Attendance, QStringLiteral("enrollment")), enrollmentObject,
                 enrollmentCourse, courses, cutoff);
    }
    default:
        return {};
    }
}

bool Puller::pullNewCourses(const QStringList &courseIds)
{
    // Courses that just entered the scope: their older students, enrollments and marks
    // are below the watermarks, so fetch them in full once.
    for (Role role : {Role::Student, Role::Enrollment, Role::Attendance}) {
        if (!pullRole(role, scopeFor(role, courseIds), false)) {
            return false;
        }
    }
    return true;
}

bool Puller::fixDanglingLookups()
{
    const Mapping &mapping = m_store.mapping();
    for (Role role : Mapping::dependencyOrder()) {
        for (const auto &[logical, parentRole] : Mapping::lookupsOf(role)) {
            const QString column = mapping.column(role, logical);
            if (column.isEmpty()) {
                continue;
            }
            const QString ref = quoted(LocalStore::refColumn(column));
            QSqlQuery query(m_store.database());
            if (!query.exec(
                    QStringLiteral("UPDATE %1 SET %2 = (SELECT p.id FROM %3 p WHERE p.sfid = %1.%4)"
                                   " WHERE %2 IS NULL AND %4 IS NOT NULL")
                        .arg(quoted(mapping.table(role)), ref, quoted(mapping.table(parentRole)),
                             quoted(column)))) {
                qCWarning(lcSync) << "lookup fix-up failed" << query.lastError().text();
                return false;
            }
        }
    }
    return true;
}

bool Puller::run(const QString &teacherEmail)
{
    const Mapping &mapping = m_store.mapping();
    for (Role role : {Role::Teacher, Role::Program}) {
        if (!pullRole(role, {}, true)) {
            return false;
        }
    }
    const QString teacher = teacherSfid(teacherEmail);
    const bool onlyMine = mapping.scope().onlyTeacherCourses;
    if (onlyMine && teacher.isEmpty()) {
        m_report.warnings.append(
            QCoreApplication::translate(
                "pasalista::Puller",
                "No teacher record has the email %1, so no course is in your scope.")
                .arg(teacherEmail));
    }
    QString courseScope;
    if (onlyMine) {
        QStringList facilitators;
        for (const QString &logical :
             {QStringLiteral("facilitator_1"), QStringLiteral("facilitator_2")}) {
            const QString field = mapping.field(Role::Course, logical);
            if (!field.isEmpty()) {
                facilitators.append(field + QStringLiteral(" = ") + Soql::stringLiteral(teacher));
            }
        }
        courseScope =
            QLatin1Char('(') + facilitators.join(QStringLiteral(" OR ")) + QLatin1Char(')');
    }
    const QStringList before = coursesInScope(onlyMine ? teacher : QString());
    if ((onlyMine && teacher.isEmpty()) ? false : !pullRole(Role::Course, courseScope, true)) {
        return false;
    }
    const QStringList courses = coursesInScope(onlyMine ? teacher : QString());
    QStringList added;
    for (const QString &id : courses) {
        if (!before.contains(id)) {
            added.append(id);
        }
    }
    const bool firstSync =
        watermark(mapping.objectFor(Role::Enrollment).objectName, QStringLiteral("watermark"))
            .isEmpty();
    if (onlyMine && !added.isEmpty() && !firstSync && !pullNewCourses(added)) {
        return false;
    }
    if (!onlyMine || !courses.isEmpty()) {
        for (Role role : {Role::Student, Role::Enrollment, Role::Attendance}) {
            if (!pullRole(role, scopeFor(role, courses), true)) {
                return false;
            }
        }
    }
    for (Role role : Mapping::dependencyOrder()) {
        if (!pullDeletions(role)) {
            return false;
        }
    }
    return fixDanglingLookups();
}

} // namespace pasalista
