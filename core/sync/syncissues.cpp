#include "syncissues.h"

#include "localstore.h"
#include "logging.h"
#include "sync/outbox.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace pasalista {

namespace {

const QString kDeletedField = QStringLiteral("isdeleted");

QString joined(const QStringList &parts)
{
    QStringList present;
    for (const QString &part : parts) {
        if (!part.trimmed().isEmpty()) {
            present.append(part.trimmed());
        }
    }
    return present.join(QStringLiteral(" — "));
}

} // namespace

SyncIssues::SyncIssues(LocalStore &store) : m_store(store) {}

std::optional<Role> SyncIssues::roleOfTable(const QString &table) const
{
    for (Role role : allRoles()) {
        if (m_store.mapping().table(role) == table) {
            return role;
        }
    }
    return std::nullopt;
}

QString SyncIssues::labelFor(Role role, qint64 recordId) const
{
    const Mapping &mapping = m_store.mapping();
    const auto row = m_store.row(role, recordId);
    if (!row) {
        return tr("record %1").arg(recordId);
    }
    const auto value = [&](Role r, const QVariantMap &values, const QString &logical) {
        const QString column = mapping.column(r, logical);
        return column.isEmpty() ? QString() : values.value(column).toString();
    };
    const auto parent = [&](Role r, const QVariantMap &values, const QString &logical,
                            Role parentRole) {
        const QString column = mapping.column(r, logical);
        return m_store.row(parentRole, values.value(LocalStore::refColumn(column)).toLongLong())
            .value_or(QVariantMap());
    };
    switch (role) {
    case Role::Student:
        return joined({value(role, *row, QStringLiteral("first_name")) + QLatin1Char(' ') +
                       value(role, *row, QStringLiteral("last_name"))});
    case Role::Course:
        return value(role, *row, QStringLiteral("title"));
    case Role::Enrollment: {
        const QVariantMap student = parent(role, *row, QStringLiteral("student"), Role::Student);
        const QVariantMap course = parent(role, *row, QStringLiteral("course"), Role::Course);
        return joined({value(Role::Student, student, QStringLiteral("first_name")) +
                           QLatin1Char(' ') +
                           value(Role::Student, student, QStringLiteral("last_name")),
                       value(Role::Course, course, QStringLiteral("title"))});
    }
    case Role::Attendance:
        return joined({value(role, *row, QStringLiteral("student_name")),
                       value(role, *row, QStringLiteral("date"))});
    case Role::Teacher:
        return value(role, *row, QStringLiteral("email"));
    case Role::Program:
        return value(role, *row, QStringLiteral("name"));
    }
    return {};
}

QList<SyncIssue> SyncIssues::list() const
{
    QList<SyncIssue> issues;
    QSqlQuery deleted(m_store.database());
    deleted.exec(QStringLiteral("SELECT table_name, record_id FROM _conflict_log"
                                " WHERE state = 'OPEN' AND field = 'isdeleted'"
                                " AND COALESCE(kept, '') = ''"));
    QSet<QString> deletedRecords;
    while (deleted.next()) {
        deletedRecords.insert(deleted.value(0).toString() + QLatin1Char(':') +
                              deleted.value(1).toString());
    }
    QSqlQuery failed(m_store.database());
    failed.exec(QStringLiteral("SELECT table_name, record_id, MAX(sf_message), MAX(updated_at)"
                               " FROM _trigger_log WHERE state = 'FAILED'"
                               " GROUP BY table_name, record_id ORDER BY MAX(id)"));
    while (failed.next()) {
        const auto role = roleOfTable(failed.value(0).toString());
        if (!role) {
            continue;
        }
        SyncIssue issue;
        issue.role = *role;
        issue.objectName = m_store.mapping().objectFor(*role).objectName;
        issue.recordId = failed.value(1).toLongLong();
        issue.kind = deletedRecords.contains(failed.value(0).toString() + QLatin1Char(':') +
                                             failed.value(1).toString())
                         ? SyncIssue::Kind::DeletedInOrg
                         : SyncIssue::Kind::Failed;
        issue.message = failed.value(2).toString();
        issue.when = QDateTime::fromString(failed.value(3).toString(), Qt::ISODateWithMs);
        issue.recordLabel = labelFor(*role, issue.recordId);
        issues.append(issue);
    }
    QSqlQuery conflicts(m_store.database());
    conflicts.exec(
        QStringLiteral("SELECT id, table_name, record_id, field, local_value, remote_value,"
                       " kept, created_at FROM _conflict_log WHERE state = 'OPEN'"
                       " AND (field != 'isdeleted' OR kept IN ('local', 'remote'))"
                       " ORDER BY id"));
    while (conflicts.next()) {
        const auto role = roleOfTable(conflicts.value(1).toString());
        if (!role) {
            continue;
        }
        SyncIssue issue;
        issue.kind = SyncIssue::Kind::Conflict;
        issue.conflictId = conflicts.value(0).toLongLong();
        issue.role = *role;
        issue.objectName = m_store.mapping().objectFor(*role).objectName;
        issue.recordId = conflicts.value(2).toLongLong();
        issue.field = conflicts.value(3).toString();
        issue.localValue = conflicts.value(4).toString();
        issue.remoteValue = conflicts.value(5).toString();
        issue.kept = conflicts.value(6).toString();
        issue.when = QDateTime::fromString(conflicts.value(7).toString(), Qt::ISODateWithMs);
        issue.recordLabel = labelFor(*role, issue.recordId);
        issues.append(issue);
    }
    return issues;
}

int SyncIssues::count() const
{
    return int(list().size());
}

bool SyncIssues::retry(Role role, qint64 recordId)
{
    Outbox outbox(m_store);
    if (!outbox.retryFailed(m_store.mapping().table(role), recordId)) {
        m_error = outbox.errorString();
        return false;
    }
    return m_store.writeSynced(role, recordId,
                               {{QStringLiteral("_hc_lastop"), QStringLiteral("PENDING")},
                                {QStringLiteral("_hc_err"), QVariant()}});
}

bool SyncIssues::closeDeletionConflicts(const QString &table, qint64 recordId, const QString &state)
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("UPDATE _conflict_log SET state = ? WHERE table_name = ?"
                                 " AND record_id = ? AND field = 'isdeleted' AND state = 'OPEN'"));
    query.addBindValue(state);
    query.addBindValue(table);
    query.addBindValue(recordId);
    Outbox outbox(m_store);
    if (!query.exec() || !outbox.dismissFailed(table, recordId)) {
        m_error = query.lastError().text() + outbox.errorString();
        return false;
    }
    return true;
}

bool SyncIssues::restoreDeleted(Role role, qint64 recordId)
{
    // Created again under a new key: the old one belongs to the record in the org's bin.
    const QString table = m_store.mapping().table(role);
    if (!m_store.begin()) {
        return false;
    }
    const bool ok = closeDeletionConflicts(table, recordId, QStringLiteral("RESOLVED")) &&
                    m_store.writeSynced(role, recordId,
                                        {{QStringLiteral("sfid"), QVariant()},
                                         {QStringLiteral("pasalista_id__c"),
                                          QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                         {QStringLiteral("_hc_err"), QVariant()}}) &&
                    m_store.logFullInsert(role, recordId) && m_store.commit();
    if (!ok) {
        m_store.rollback();
        m_error = m_store.errorString();
    }
    return ok;
}

bool SyncIssues::acceptDeletion(Role role, qint64 recordId)
{
    const QString table = m_store.mapping().table(role);
    if (!m_store.begin()) {
        return false;
    }
    const bool ok = closeDeletionConflicts(table, recordId, QStringLiteral("RESOLVED")) &&
                    m_store.writeSynced(role, recordId,
                                        {{QStringLiteral("isdeleted"), 1},
                                         {QStringLiteral("_hc_lastop"), QStringLiteral("SYNCED")},
                                         {QStringLiteral("_hc_err"), QVariant()}}) &&
                    m_store.commit();
    if (!ok) {
        m_store.rollback();
    }
    return ok;
}

bool SyncIssues::setConflictState(qint64 conflictId, const QString &state)
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("UPDATE _conflict_log SET state = ? WHERE id = ?"));
    query.addBindValue(state);
    query.addBindValue(conflictId);
    if (!query.exec()) {
        m_error = query.lastError().text();
        return false;
    }
    return true;
}

bool SyncIssues::useLosingValue(qint64 conflictId)
{
    QSqlQuery query(m_store.database());
    query.prepare(
        QStringLiteral("SELECT table_name, record_id, field, local_value, remote_value, kept"
                       " FROM _conflict_log WHERE id = ? AND state = 'OPEN'"));
    query.addBindValue(conflictId);
    if (!query.exec() || !query.next()) {
        m_error = tr("That conflict is already settled.");
        return false;
    }
    const auto role = roleOfTable(query.value(0).toString());
    const qint64 recordId = query.value(1).toLongLong();
    const QString column = query.value(2).toString();
    const QString losing = query.value(5).toString() == QLatin1String("local")
                               ? query.value(4).toString()
                               : query.value(3).toString();
    const auto row = role ? m_store.row(*role, recordId) : std::nullopt;
    if (!row) {
        m_error = tr("The record of that conflict no longer exists.");
        return false;
    }
    // Keep the column's type: a number stays a number for the org.
    QVariant value(losing);
    const int type = row->value(column).typeId();
    if (type == QMetaType::LongLong || type == QMetaType::Int || type == QMetaType::Double) {
        value.convert(QMetaType(type));
    }
    if (!m_store.begin()) {
        return false;
    }
    const bool ok = m_store.updateLocal(*role, recordId, {{column, value}}) &&
                    setConflictState(conflictId, QStringLiteral("RESOLVED")) && m_store.commit();
    if (!ok) {
        m_store.rollback();
        m_error = m_store.errorString();
    }
    return ok;
}

bool SyncIssues::dismiss(qint64 conflictId)
{
    return setConflictState(conflictId, QStringLiteral("DISMISSED"));
}

} // namespace pasalista
