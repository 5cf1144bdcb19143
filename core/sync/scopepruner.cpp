#include "scopepruner.h"

#include "logging.h"
#include "store/execstatement.h"
#include "store/localstore.h"
#include "store/outbox.h"
#include "store/sqltext.h"

#include <QCoreApplication>
#include <QSqlQuery>

namespace pasalista {

using sql::quoted;

namespace {

// The teacher's Id goes into sub-selects used several times; quoted as an SQL string.
QString textLiteral(QString text)
{
    return QLatin1Char('\'') + text.replace(QLatin1Char('\''), QLatin1String("''")) +
           QLatin1Char('\'');
}

} // namespace

bool ScopePruner::exec(const QString &sql, const QVariantList &bindings)
{
    QSqlQuery query(m_store.database());
    query.prepare(sql);
    for (const QVariant &value : bindings) {
        query.addBindValue(value);
    }
    QString reason;
    if (!execStatement(query, &reason)) {
        qCWarning(lcSync) << "scope pruning failed" << reason;
        return false;
    }
    m_report.deleted += query.numRowsAffected() > 0 && sql.startsWith(QLatin1String("DELETE"))
                            ? query.numRowsAffected()
                            : 0;
    return true;
}

QString ScopePruner::pendingTest(const QString &table, const QString &alias) const
{
    return Outbox::unsettledCondition(table, alias + QStringLiteral(".id"));
}

bool ScopePruner::holdPending(const QString &table, const QString &where)
{
    // Pending edits of a record that left the scope: not sent to a record the teacher no
    // longer holds, not dropped either; Sync issues shows them (retry or dismiss).
    Outbox outbox(m_store);
    if (outbox.holdRecords(
            table, QStringLiteral("SELECT t.id FROM %1 t WHERE %2").arg(quoted(table), where),
            QCoreApplication::translate("pasalista::ScopePruner",
                                        "This record is no longer in your courses "
                                        "in the org; your change was not sent."))) {
        return true;
    }
    qCWarning(lcSync) << "scope pruning failed" << outbox.errorString();
    return false;
}

bool ScopePruner::run(const QString &teacher)
{
    const Mapping &mapping = m_store.mapping();
    const QString courses = mapping.table(Role::Course);
    const QString enrollments = mapping.table(Role::Enrollment);
    const QString marks = mapping.table(Role::Attendance);
    const QString students = mapping.table(Role::Student);
    QStringList led;
    for (const QString &logical :
         {QStringLiteral("facilitator_1"), QStringLiteral("facilitator_2")}) {
        const QString column = mapping.column(Role::Course, logical);
        if (!column.isEmpty()) {
            led.append(QStringLiteral("c.%1 = :teacher").arg(quoted(column)));
        }
    }
    if (led.isEmpty()) {
        return true;
    }
    const QString enrollmentCourse =
        quoted(LocalStore::refColumn(mapping.column(Role::Enrollment, QStringLiteral("course"))));
    const QString enrollmentStudent =
        quoted(LocalStore::refColumn(mapping.column(Role::Enrollment, QStringLiteral("student"))));
    const QString markEnrollment = quoted(
        LocalStore::refColumn(mapping.column(Role::Attendance, QStringLiteral("enrollment"))));
    // In scope: synced courses the teacher leads, and any course created or edited here.
    const QString inScopeCourses =
        QStringLiteral("SELECT c.id FROM %1 c WHERE c.sfid IS NULL OR %2 OR %3")
            .arg(quoted(courses), led.join(QStringLiteral(" OR ")),
                 pendingTest(courses, QStringLiteral("c")))
            .replace(QLatin1String(":teacher"), textLiteral(teacher));
    const QString outEnrollment =
        QStringLiteral("(t.%1 IS NULL OR t.%1 NOT IN (%2)) AND t.sfid IS NOT NULL")
            .arg(enrollmentCourse, inScopeCourses);
    // A mark leaves with its enrollment, and when its enrollment is gone from the org.
    // Students made on a laptop (they carry our key) stay even when enrolled nowhere yet.
    const QString keptEnrollmentIds =
        QStringLiteral("SELECT t.id FROM %1 t WHERE t.isdeleted = 0 AND NOT (%2)")
            .arg(quoted(enrollments), outEnrollment);
    const QString outMark =
        QStringLiteral("t.sfid IS NOT NULL AND (t.%1 IS NULL OR t.%1 NOT IN (%2))")
            .arg(markEnrollment, keptEnrollmentIds);
    // A student stays while an enrollment of theirs holds the teacher's unsent work (its own
    // edits or its marks'): Sync issues must still say whose marks they are.
    const QString holdsUnsentWork =
        QStringLiteral("%1 OR EXISTS (SELECT 1 FROM %2 m WHERE m.%3 = e.id AND %4)")
            .arg(pendingTest(enrollments, QStringLiteral("e")), quoted(marks), markEnrollment,
                 pendingTest(marks, QStringLiteral("m")));
    if (!m_store.begin()) {
        return false;
    }
    const bool ok =
        holdPending(marks, outMark) && holdPending(enrollments, outEnrollment) &&
        exec(
            QStringLiteral("DELETE FROM %1 WHERE id IN (SELECT t.id FROM %1 t WHERE %2 AND NOT %3)")
                .arg(quoted(marks), outMark, pendingTest(marks, QStringLiteral("t")))) &&
        exec(QStringLiteral("DELETE FROM %1 WHERE id IN (SELECT t.id FROM %1 t WHERE %2 AND NOT %3"
                            " AND NOT EXISTS (SELECT 1 FROM %4 m WHERE m.%5 = t.id))")
                 .arg(quoted(enrollments), outEnrollment,
                      pendingTest(enrollments, QStringLiteral("t")), quoted(marks),
                      markEnrollment)) &&
        exec(QStringLiteral(
                 "DELETE FROM %1 WHERE id IN (SELECT c.id FROM %1 c WHERE c.id NOT IN (%2)"
                 " AND NOT EXISTS (SELECT 1 FROM %3 e WHERE e.%4 = c.id))")
                 .arg(quoted(courses), inScopeCourses, quoted(enrollments), enrollmentCourse)) &&
        exec(QStringLiteral("DELETE FROM %1 WHERE id IN (SELECT s.id FROM %1 s WHERE s.sfid IS NOT"
                            " NULL AND s.pasalista_id__c IS NULL AND NOT %2 AND NOT EXISTS (SELECT "
                            "1 FROM %3 e WHERE e.%4 = s.id"
                            " AND (e.isdeleted = 0 OR %5)))")
                 .arg(quoted(students), pendingTest(students, QStringLiteral("s")),
                      quoted(enrollments), enrollmentStudent, holdsUnsentWork));
    if (!ok || !m_store.commit()) {
        m_store.rollback();
        return false;
    }
    return true;
}

} // namespace pasalista
