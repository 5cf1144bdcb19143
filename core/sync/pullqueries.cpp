#include "pullqueries.h"

#include "store/execstatement.h"
#include "store/localstore.h"
#include "store/outbox.h"
#include "store/retention.h"
#include "store/sqltext.h"
#include "sync/idlistsplitter.h"
#include "sync/pullstate.h"
#include "sync/soql.h"

#include <QSet>
#include <QSqlQuery>
#include <QUrl>

#include <algorithm>

namespace pasalista {

using sql::quoted;

namespace {

// Never fewer Ids a query than this much of a list (about 20), whatever the SELECT's length.
constexpr qsizetype kMinIdListBytes = 540;
// What a vouched window reads again whole before covered-until (see windowFrom()).
constexpr int kRecentSeconds = 60;

// The relationship name of a custom lookup (Class__c -> Class__r); empty for any other field,
// whose relationship name this laptop does not know.
QString relationshipOf(const QString &field)
{
    return field.endsWith(QLatin1String("__c")) ? field.chopped(1) + QLatin1Char('r') : QString();
}

} // namespace

QStringList PullQueries::fieldsFor(Role role) const
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

QString PullQueries::teacherSfid(const QString &email) const
{
    const Mapping &mapping = m_store.mapping();
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT sfid FROM %1 WHERE lower(%2) = lower(?) AND isdeleted = 0")
                      .arg(quoted(mapping.table(Role::Teacher)),
                           quoted(mapping.column(Role::Teacher, QStringLiteral("email")))));
    query.addBindValue(email);
    return query.exec() && query.next() ? query.value(0).toString() : QString();
}

QStringList PullQueries::coursesInScope(const QString &teacher) const
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

QStringList PullQueries::pendingSfids(Role role) const
{
    // Every record with unsent edits is read again (no limit): its Ids go in short lists.
    return Outbox(m_store).sfidsWithUnsentEdits(m_store.mapping().table(role));
}

QList<QStringList> PullQueries::heldCourseConditions() const
{
    const QString object = m_store.mapping().objectFor(Role::Course).objectName;
    const qsizetype budget = std::max<qsizetype>(
        kMinIdListBytes, IdListSplitter::kMaxQueryUriBytes -
                             QUrl::toPercentEncoding(Soql::select({QStringLiteral("Id")}, object,
                                                                  {QStringLiteral("Id IN ()")}))
                                 .size());
    QList<QStringList> queries;
    for (const QStringList &ids : IdListSplitter::split(coursesInScope(QString()), budget)) {
        queries.append({QStringLiteral("Id IN ") + Soql::idList(ids)});
    }
    return queries;
}

QString PullQueries::literal(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

QString PullQueries::stampText(const QDateTime &time)
{
    // Stamps are kept as the org writes them (2024-03-15T10:00:00.000+0000): their text
    // sorts as their time, and a time to the second sorts before the stamps of its second.
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
}

QString PullQueries::windowStart(const QDateTime &coveredUntil) const
{
    return literal(coveredUntil.addSecs(-m_overlapSeconds));
}

QDateTime PullQueries::windowFrom(const QString &objectName) const
{
    const QDateTime covered = m_state.coveredUntil(objectName);
    if (!covered.isValid()) {
        return {};
    }
    return covered.addSecs(m_state.coveredUntilVouched(objectName)
                               ? -std::min(kRecentSeconds, m_overlapSeconds)
                               : -m_overlapSeconds);
}

std::pair<QDateTime, QDateTime> PullQueries::settledPart(const QString &objectName) const
{
    const QDateTime from = windowFrom(objectName);
    const QDateTime start = m_state.coveredUntil(objectName).addSecs(-m_overlapSeconds);
    if (!from.isValid() || start >= from) {
        return {};
    }
    return {start, from};
}

QStringList PullQueries::notHeldSince(Role role, const QStringList &ids,
                                      const QDateTime &since) const
{
    QSqlQuery query(m_store.database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT sfid FROM %1 WHERE sfid IS NOT NULL AND isdeleted = 0"
                                 " AND systemmodstamp >= ?")
                      .arg(quoted(m_store.mapping().table(role))));
    query.addBindValue(stampText(since));
    const QStringList held = firstColumnOf(query);
    const QSet<QString> heldSet(held.cbegin(), held.cend());
    QStringList missing;
    for (const QString &id : ids) {
        if (!heldSet.contains(id)) {
            missing.append(id);
        }
    }
    return missing;
}

qint64 PullQueries::heldBetween(Role role, const QDateTime &from, const QDateTime &until) const
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT COUNT(*) FROM %1 WHERE sfid IS NOT NULL AND isdeleted = 0"
                                 " AND systemmodstamp >= ? AND systemmodstamp < ?")
                      .arg(quoted(m_store.mapping().table(role))));
    query.addBindValue(stampText(from));
    query.addBindValue(stampText(until));
    return query.exec() && query.next() ? query.value(0).toLongLong() : -1;
}

QList<QStringList> PullQueries::idConditions(Role role, const QString &scope,
                                             const QStringList &ids) const
{
    return byIdLists(role, scope.isEmpty() ? QStringList() : QStringList{scope}, ids);
}

QString PullQueries::settledCountQuery(Role role, const QString &scope) const
{
    const QString objectName = m_store.mapping().objectFor(role).objectName;
    const auto [from, until] = settledPart(objectName);
    return Soql::select({QStringLiteral("COUNT()")}, objectName,
                        rangeConditions(scope, from, until));
}

QStringList PullQueries::rangeConditions(const QString &scope, const QDateTime &from,
                                         const QDateTime &until) const
{
    QStringList conditions{QStringLiteral("SystemModstamp >= ") + literal(from),
                           QStringLiteral("SystemModstamp < ") + literal(until)};
    if (!scope.isEmpty()) {
        conditions.append(scope);
    }
    return conditions;
}

QString PullQueries::selectFor(Role role, const QStringList &conditions) const
{
    return Soql::select(fieldsFor(role), m_store.mapping().objectFor(role).objectName, conditions) +
           QStringLiteral(" ORDER BY SystemModstamp ASC, Id ASC");
}

QString PullQueries::deletionsQuery(const QString &objectName, const QDateTime &from) const
{
    return Soql::select({QStringLiteral("Id"), QStringLiteral("SystemModstamp")}, objectName,
                        {QStringLiteral("IsDeleted = true"),
                         QStringLiteral("SystemModstamp >= ") + windowStart(from)}) +
           QStringLiteral(" ORDER BY SystemModstamp ASC, Id ASC");
}

QStringList PullQueries::windowConditions(Role role, const QString &scope) const
{
    const QDateTime from = windowFrom(m_store.mapping().objectFor(role).objectName);
    QStringList conditions;
    if (from.isValid()) {
        conditions.append(QStringLiteral("SystemModstamp >= ") + literal(from));
    }
    if (!scope.isEmpty()) {
        conditions.append(scope);
    }
    return conditions;
}

QList<QStringList> PullQueries::pendingEditConditions(Role role, const QString &scope) const
{
    const QDateTime covered = m_state.coveredUntil(m_store.mapping().objectFor(role).objectName);
    if (!covered.isValid() || scope.isEmpty()) {
        return {};
    }
    // Records with edits not sent yet are read even if they left the scope meanwhile, so
    // that the office's change meets the teacher's (an enrollment moved to another course
    // while the teacher unenrolled the student). In queries of their own: a scope holding a
    // semi-join cannot stand under an OR (the org refuses it), and short Id lists keep each
    // request URI within what Salesforce recommends. Over the whole overlap, settled part
    // included: few records, and each one an edit that may meet the office's.
    return byIdLists(role, {QStringLiteral("SystemModstamp >= ") + windowStart(covered)},
                     pendingSfids(role));
}

QList<QStringList> PullQueries::byIdLists(Role role, const QStringList &conditions,
                                          const QStringList &ids) const
{
    const qsizetype budget = std::max<qsizetype>(
        kMinIdListBytes,
        IdListSplitter::kMaxQueryUriBytes -
            QUrl::toPercentEncoding(
                selectFor(role, conditions + QStringList{QStringLiteral("Id IN ()")}))
                .size());
    QList<QStringList> queries;
    for (const QStringList &chunk : IdListSplitter::split(ids, budget)) {
        queries.append(conditions + QStringList{QStringLiteral("Id IN ") + Soql::idList(chunk)});
    }
    return queries;
}

QStringList PullQueries::marksWindowWithPendingEdits(const QStringList &courseIds) const
{
    const Mapping &mapping = m_store.mapping();
    const QString objectName = mapping.objectFor(Role::Attendance).objectName;
    const QString enrollment =
        relationshipOf(mapping.field(Role::Attendance, QStringLiteral("enrollment")));
    const QString course = mapping.field(Role::Enrollment, QStringLiteral("course"));
    const QDateTime covered = m_state.coveredUntil(objectName);
    const QStringList pending = pendingSfids(Role::Attendance);
    if (!mapping.scope().onlyTeacherCourses || enrollment.isEmpty() || course.isEmpty() ||
        !covered.isValid() || pending.isEmpty() || courseIds.isEmpty()) {
        return {};
    }
    const QString inScope = QStringLiteral("(SystemModstamp >= %1 AND %2.%3 IN %4 AND %5)")
                                .arg(literal(windowFrom(objectName)), enrollment, course,
                                     Soql::idList(courseIds), attendanceCutoff());
    const QString edited =
        QStringLiteral("(SystemModstamp >= %1 AND Id IN ()))").arg(windowStart(covered));
    const qsizetype budget =
        IdListSplitter::kMaxQueryUriBytes -
        QUrl::toPercentEncoding(selectFor(Role::Attendance, {QLatin1Char('(') + inScope +
                                                             QStringLiteral(" OR ") + edited}))
            .size();
    const QList<QStringList> chunks =
        IdListSplitter::split(pending, std::max<qsizetype>(0, budget));
    if (chunks.size() != 1) {
        return {};
    }
    return {QStringLiteral("(%1 OR (SystemModstamp >= %2 AND Id IN %3))")
                .arg(inScope, windowStart(covered), Soql::idList(chunks.first()))};
}

QString PullQueries::attendanceCutoff() const
{
    const Mapping &mapping = m_store.mapping();
    // Never older than what the laptop keeps: a purged mark is not brought back.
    const QDate since = std::max(m_today.addDays(-mapping.scope().attendanceSinceDays),
                                 Retention::firstDayKept(mapping.scope(), m_today));
    return QStringLiteral("%1 >= %2")
        .arg(mapping.field(Role::Attendance, QStringLiteral("date")), since.toString(Qt::ISODate));
}

QString PullQueries::scopeFor(Role role, const QStringList &courseIds) const
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
    case Role::Attendance:
        if (everything) {
            return attendanceCutoff();
        }
        return QStringLiteral("%1 IN (SELECT Id FROM %2 WHERE %3 IN %4) AND %5")
            .arg(mapping.field(Role::Attendance, QStringLiteral("enrollment")), enrollmentObject,
                 enrollmentCourse, courses, attendanceCutoff());
    default:
        return {};
    }
}

QString PullQueries::courseScope(const QString &teacher, bool includeLocal) const
{
    const Mapping &mapping = m_store.mapping();
    if (!mapping.scope().onlyTeacherCourses) {
        return {};
    }
    QStringList facilitators;
    for (const QString &logical :
         {QStringLiteral("facilitator_1"), QStringLiteral("facilitator_2")}) {
        const QString field = mapping.field(Role::Course, logical);
        if (!field.isEmpty()) {
            facilitators.append(field + QStringLiteral(" = ") + Soql::stringLiteral(teacher));
        }
    }
    if (includeLocal) {
        // Courses held here are read too, so that one handed to another teacher is seen
        // changing and leaves the laptop.
        const QStringList held = coursesInScope(QString());
        if (!held.isEmpty()) {
            facilitators.append(QStringLiteral("Id IN ") + Soql::idList(held));
        }
    }
    return QLatin1Char('(') + facilitators.join(QStringLiteral(" OR ")) + QLatin1Char(')');
}

QString PullQueries::ledBy(const QString &path, const QString &teacherEmail) const
{
    const Mapping &mapping = m_store.mapping();
    const QString email = mapping.field(Role::Teacher, QStringLiteral("email"));
    QStringList facilitators;
    for (const QString &logical :
         {QStringLiteral("facilitator_1"), QStringLiteral("facilitator_2")}) {
        const QString field = mapping.field(Role::Course, logical);
        if (field.isEmpty()) {
            continue;
        }
        const QString relationship = relationshipOf(field);
        if (relationship.isEmpty() || email.isEmpty()) {
            return {};
        }
        facilitators.append(path + relationship + QLatin1Char('.') + email + QStringLiteral(" = ") +
                            Soql::stringLiteral(teacherEmail));
    }
    return facilitators.join(QStringLiteral(" OR "));
}

QString PullQueries::firstReadScope(Role role, const QString &teacherEmail) const
{
    const Mapping &mapping = m_store.mapping();
    if (!mapping.scope().onlyTeacherCourses) {
        return {};
    }
    const QString course =
        relationshipOf(mapping.field(Role::Enrollment, QStringLiteral("course")));
    const QString enrollment =
        relationshipOf(mapping.field(Role::Attendance, QStringLiteral("enrollment")));
    if (course.isEmpty() || enrollment.isEmpty()) {
        return {};
    }
    const QString throughCourse = course + QLatin1Char('.');
    const auto grouped = [](const QString &condition) {
        return condition.isEmpty() ? QString() : QLatin1Char('(') + condition + QLatin1Char(')');
    };
    switch (role) {
    case Role::Course:
        return grouped(ledBy({}, teacherEmail));
    case Role::Enrollment:
        return grouped(ledBy(throughCourse, teacherEmail));
    case Role::Attendance: {
        const QString led = ledBy(enrollment + QLatin1Char('.') + throughCourse, teacherEmail);
        return led.isEmpty() ? QString()
                             : grouped(led) + QStringLiteral(" AND ") + attendanceCutoff();
    }
    case Role::Student: {
        // A semi-join at the top level; the OR stays inside its subquery, as SOQL allows.
        const QString led = ledBy(throughCourse, teacherEmail);
        return led.isEmpty() ? QString()
                             : QStringLiteral("Id IN (SELECT %1 FROM %2 WHERE %3)")
                                   .arg(mapping.field(Role::Enrollment, QStringLiteral("student")),
                                        mapping.objectFor(Role::Enrollment).objectName, led);
    }
    default:
        return {};
    }
}

} // namespace pasalista
