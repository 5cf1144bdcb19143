#include "syncissues.h"

#include "logging.h"
#include "repository.h"
#include "store/localstore.h"
#include "store/outbox.h"
#include "sync/describerules.h"
#include "sync/fieldaccess.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
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

void SyncIssues::describeRecord(SyncIssue &issue) const
{
    const Mapping &mapping = m_store.mapping();
    const Role role = issue.role;
    const auto row = m_store.row(role, issue.recordId);
    if (!row) {
        issue.recordLabel = tr("record %1").arg(issue.recordId);
        return;
    }
    const auto value = [&](Role r, const QVariantMap &values, const QString &logical) {
        const QString column = mapping.column(r, logical);
        return column.isEmpty() ? QString() : values.value(column).toString();
    };
    const auto parentId = [&](Role r, const QVariantMap &values, const QString &logical) {
        const QString column = mapping.column(r, logical);
        return column.isEmpty() ? 0 : values.value(LocalStore::refColumn(column)).toLongLong();
    };
    const auto studentName = [&](qint64 studentId) -> QString {
        const QVariantMap student = m_store.row(Role::Student, studentId).value_or(QVariantMap());
        return value(Role::Student, student, QStringLiteral("first_name")) + QLatin1Char(' ') +
               value(Role::Student, student, QStringLiteral("last_name"));
    };
    // An enrollment, or the enrollment a mark hangs from: its course and student.
    const auto enrollmentOf = [&](const QVariantMap &enrollment) {
        issue.studentId = parentId(Role::Enrollment, enrollment, QStringLiteral("student"));
        issue.courseId = parentId(Role::Enrollment, enrollment, QStringLiteral("course"));
        const QVariantMap course =
            m_store.row(Role::Course, issue.courseId).value_or(QVariantMap());
        issue.courseName = value(Role::Course, course, QStringLiteral("title"));
    };
    switch (role) {
    case Role::Student:
        issue.studentId = issue.recordId;
        issue.recordLabel = joined({studentName(issue.recordId)});
        return;
    case Role::Course:
        issue.courseName = value(role, *row, QStringLiteral("title"));
        issue.recordLabel = issue.courseName;
        return;
    case Role::Enrollment:
        enrollmentOf(*row);
        issue.recordLabel = joined({studentName(issue.studentId), issue.courseName});
        return;
    case Role::Attendance: {
        enrollmentOf(
            m_store.row(Role::Enrollment, parentId(role, *row, QStringLiteral("enrollment")))
                .value_or(QVariantMap()));
        issue.classDate =
            QDate::fromString(value(role, *row, QStringLiteral("date")).left(10), Qt::ISODate);
        // The name the mark was made with, when its student is no longer on the laptop.
        QString student = issue.studentId ? studentName(issue.studentId).trimmed() : QString();
        if (student.isEmpty()) {
            student = value(role, *row, QStringLiteral("student_name"));
        }
        issue.recordLabel =
            joined({issue.courseName, student, value(role, *row, QStringLiteral("date"))});
        return;
    }
    case Role::Teacher:
        issue.recordLabel = value(role, *row, QStringLiteral("email"));
        return;
    case Role::Program:
        issue.recordLabel = value(role, *row, QStringLiteral("name"));
        return;
    }
}

QList<SyncIssue> SyncIssues::list() const
{
    QList<SyncIssue> issues;
    const ConflictLog conflictLog(m_store);
    const QSet<QString> deletedRecords = conflictLog.recordsDeletedInOrg();
    for (const Outbox::FailedRecord &failed : Outbox(m_store).failedRecords()) {
        const auto role = roleOfTable(failed.table);
        if (!role) {
            continue;
        }
        SyncIssue issue;
        issue.role = *role;
        issue.objectName = m_store.mapping().objectFor(*role).objectName;
        issue.recordId = failed.recordId;
        issue.kind = deletedRecords.contains(failed.table + QLatin1Char(':') +
                                             QString::number(failed.recordId))
                         ? SyncIssue::Kind::DeletedInOrg
                         : SyncIssue::Kind::Failed;
        issue.message = failed.message;
        issue.when = QDateTime::fromString(failed.updatedAt, Qt::ISODateWithMs);
        issue.correctionWaiting = failed.correctionWaiting;
        describeRecord(issue);
        issues.append(issue);
    }
    for (const Conflict &conflict : conflictLog.openChoices()) {
        const auto role = roleOfTable(conflict.table);
        if (!role) {
            continue;
        }
        SyncIssue issue;
        issue.kind = SyncIssue::Kind::Conflict;
        issue.conflictId = conflict.id;
        issue.role = *role;
        issue.objectName = m_store.mapping().objectFor(*role).objectName;
        issue.recordId = conflict.recordId;
        issue.field = conflict.field;
        issue.localValue = conflict.local;
        issue.remoteValue = conflict.remote;
        issue.kept = conflict.kept;
        issue.when = QDateTime::fromString(conflict.createdAt, Qt::ISODateWithMs);
        describeRecord(issue);
        issues.append(issue);
    }
    // Fields her profile keeps from her: once each, not per record (issue 21).
    const FieldAccess access(m_store);
    for (const FieldAccessGap &gap : access.gaps()) {
        SyncIssue issue;
        issue.kind = SyncIssue::Kind::FieldAccess;
        issue.role = gap.role;
        issue.objectName = gap.objectName;
        issue.field = gap.field;
        issue.message = access.message(gap);
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
    return m_store.writeSynced(
        role, recordId,
        {{kLastOpColumn, lastOpName(LastOp::Pending)}, {QStringLiteral("_hc_err"), QVariant()}});
}

bool SyncIssues::closeDeletionConflicts(const QString &table, qint64 recordId)
{
    ConflictLog conflicts(m_store);
    Outbox outbox(m_store);
    if (!conflicts.settleDeletion(table, recordId, ConflictLog::State::Resolved) ||
        !outbox.dismissFailed(table, recordId)) {
        m_error = conflicts.errorString() + outbox.errorString();
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
    const bool ok = closeDeletionConflicts(table, recordId) &&
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
    const bool ok = closeDeletionConflicts(table, recordId) &&
                    m_store.writeSynced(role, recordId,
                                        {{QStringLiteral("isdeleted"), 1},
                                         {kLastOpColumn, lastOpName(LastOp::Synced)},
                                         {QStringLiteral("_hc_err"), QVariant()}}) &&
                    m_store.commit();
    if (!ok) {
        m_store.rollback();
    }
    return ok;
}

bool SyncIssues::setConflictState(qint64 conflictId, ConflictLog::State state)
{
    ConflictLog conflicts(m_store);
    if (!conflicts.settle(conflictId, state)) {
        m_error = conflicts.errorString();
        return false;
    }
    return true;
}

QList<Conflict> SyncIssues::settledTogether(const Conflict &conflict) const
{
    // A mark's status and note are one fact: choosing one side's value of either takes
    // that side's whole version.
    QList<Conflict> together{conflict};
    const Mapping &mapping = m_store.mapping();
    const QStringList fact{mapping.column(Role::Attendance, QStringLiteral("status")),
                           mapping.column(Role::Attendance, QStringLiteral("notes"))};
    if (roleOfTable(conflict.table) != Role::Attendance || !fact.contains(conflict.field)) {
        return together;
    }
    for (const Conflict &other : ConflictLog(m_store).openChoices()) {
        if (other.id != conflict.id && other.table == conflict.table &&
            other.recordId == conflict.recordId && fact.contains(other.field)) {
            together.append(other);
        }
    }
    return together;
}

bool SyncIssues::useLosingValue(qint64 conflictId)
{
    const auto conflict = ConflictLog(m_store).open(conflictId);
    if (!conflict) {
        m_error = tr("That conflict is already settled.");
        return false;
    }
    const auto role = roleOfTable(conflict->table);
    const qint64 recordId = conflict->recordId;
    const auto row = role ? m_store.row(*role, recordId) : std::nullopt;
    if (!row) {
        m_error = tr("The record of that conflict no longer exists.");
        return false;
    }
    const QList<Conflict> together = settledTogether(*conflict);
    QVariantMap changes;
    for (const Conflict &settled : together) {
        const QString losing =
            settled.kept == QLatin1String("local") ? settled.remote : settled.local;
        // Keep the column's type: a number stays a number for the org; nothing stays null.
        QVariant value = losing.isEmpty() ? QVariant() : QVariant(losing);
        const int type = row->value(settled.field).typeId();
        if (type == QMetaType::LongLong || type == QMetaType::Int || type == QMetaType::Double) {
            value.convert(QMetaType(type));
        }
        changes.insert(settled.field, value);
    }
    if (!m_store.begin()) {
        return false;
    }
    bool ok = m_store.updateLocal(*role, recordId, changes);
    for (const Conflict &settled : together) {
        ok = ok && setConflictState(settled.id, ConflictLog::State::Resolved);
    }
    ok = ok && m_store.commit();
    if (!ok) {
        m_store.rollback();
        m_error = m_store.errorString();
    }
    return ok;
}

bool SyncIssues::dismiss(qint64 conflictId)
{
    const auto conflict = ConflictLog(m_store).open(conflictId);
    if (!conflict) {
        return setConflictState(conflictId, ConflictLog::State::Dismissed);
    }
    // Keeping one column of a fact keeps its whole version.
    for (const Conflict &settled : settledTogether(*conflict)) {
        if (!setConflictState(settled.id, ConflictLog::State::Dismissed)) {
            return false;
        }
    }
    return true;
}

std::optional<RefusedValue> SyncIssues::refusedValue(const SyncIssue &issue) const
{
    const auto row = issue.kind == SyncIssue::Kind::Failed ? m_store.row(issue.role, issue.recordId)
                                                           : std::nullopt;
    if (!row) {
        return std::nullopt;
    }
    const ObjectMapping &object = m_store.mapping().objectFor(issue.role);
    const DescribeRules rules = DescribeRules::cached(m_store, object.objectName);
    // A record may hold several values the rules refuse (one the org kept from before an
    // admin's change, say): the one of the kind the org named is the one it refused.
    const QString orgCode =
        QJsonDocument::fromJson(row->value(QStringLiteral("_hc_err")).toByteArray())
            .object()
            .value(QLatin1String("errorCode"))
            .toString();
    std::optional<RefusedValue> first;
    for (const QString &field : object.fields) {
        const QString column = ObjectMapping::columnFor(field);
        const QVariant value = row->value(column);
        const auto violation = value.isNull()
                                   ? std::nullopt
                                   : rules.check(QJsonObject{{field, value.toString()}}, false);
        if (!violation) {
            continue;
        }
        const RefusedValue refused{column,
                                   field,
                                   value.toString(),
                                   rules.maxLength(field),
                                   rules.allowedValues(field),
                                   violation->message};
        if (violation->code == orgCode) {
            return refused;
        }
        if (!first) {
            first = refused;
        }
    }
    return first ? first : tooLongByTheOrgsWord(issue, *row);
}

// No cached rule explains the refusal: the org's own STRING_TOO_LONG names the limit
// ("… (max length=1000)"), and the record's text longer than that is the one.
std::optional<RefusedValue> SyncIssues::tooLongByTheOrgsWord(const SyncIssue &issue,
                                                             const QVariantMap &row) const
{
    static const QRegularExpression limit(QStringLiteral("^STRING_TOO_LONG:.*max length=(\\d+)"),
                                          QRegularExpression::DotMatchesEverythingOption);
    const int maximum = limit.match(issue.message).captured(1).toInt();
    if (maximum <= 0) {
        return std::nullopt;
    }
    for (const QString &field : m_store.mapping().objectFor(issue.role).fields) {
        const QString column = ObjectMapping::columnFor(field);
        const QVariant value = row.value(column);
        if (value.typeId() == QMetaType::QString && value.toString().size() > maximum) {
            return RefusedValue{column, field, value.toString(), maximum, {}, issue.message};
        }
    }
    return std::nullopt;
}

bool SyncIssues::correct(const SyncIssue &issue, const QString &column, const QString &value)
{
    // Checked against the org's rules first: a correction it would refuse again stays here.
    const ObjectMapping &object = m_store.mapping().objectFor(issue.role);
    QString field;
    for (const QString &candidate : object.fields) {
        if (ObjectMapping::columnFor(candidate) == column) {
            field = candidate;
        }
    }
    if (field.isEmpty()) {
        m_error = tr("The org does not map that field.");
        return false;
    }
    const DescribeRules rules = DescribeRules::cached(m_store, object.objectName);
    if (const auto violation = rules.check(QJsonObject{{field, value}}, false)) {
        m_error = violation->message;
        return false;
    }
    if (!m_store.updateLocal(issue.role, issue.recordId, {{column, value}})) {
        m_error = m_store.errorString();
        return false;
    }
    return true;
}

bool SyncIssues::fixMark(const SyncIssue &issue, int status, const QString &notes,
                         const QDate &date)
{
    if (issue.role != Role::Attendance || issue.courseId == 0 || issue.studentId == 0) {
        m_error = tr("Only a mark of a student in one of your courses can be fixed here.");
        return false;
    }
    if (!m_store.begin()) {
        m_error = m_store.errorString();
        return false;
    }
    // Outside the course's dates is allowed: the refused mark was made there already.
    Repository repository(m_store);
    const DomainError written =
        repository.markAttendance(issue.courseId, issue.studentId, date, status, notes, true);
    const bool ok = written.ok() && (date == issue.classDate || leaveRefusedMark(issue.recordId)) &&
                    m_store.commit();
    if (!ok) {
        m_store.rollback();
        m_error = written.ok() ? m_store.errorString() : written.message;
    }
    return ok;
}

QVariantMap SyncIssues::valuesInTheOrg(Role role, qint64 recordId) const
{
    // Each unsent edit starts from the one before it: the first one to touch a column holds
    // the value the org has.
    QVariantMap values;
    const QString table = m_store.mapping().table(role);
    for (const OutboxEntry &entry :
         m_store.outboxEntries({outbox::Failed, outbox::New, outbox::Pending})) {
        if (entry.tableName != table || entry.recordId != recordId) {
            continue;
        }
        for (auto it = entry.old.constBegin(); it != entry.old.constEnd(); ++it) {
            if (!values.contains(it.key())) {
                values.insert(it.key(), it.value());
            }
        }
    }
    return values;
}

bool SyncIssues::leaveRefusedMark(qint64 markId)
{
    const auto row = m_store.row(Role::Attendance, markId);
    const QVariantMap inTheOrg = valuesInTheOrg(Role::Attendance, markId);
    if (!row || !Outbox(m_store).dismissFailed(m_store.mapping().table(Role::Attendance), markId)) {
        return false;
    }
    if (!row->value(QStringLiteral("sfid")).toString().isEmpty()) {
        // The org's record goes as the org has it: the refused values are let go of first,
        // so the deletion is not taken for one meeting an office edit.
        return (inTheOrg.isEmpty() || m_store.writeSynced(Role::Attendance, markId, inTheOrg)) &&
               m_store.deleteLocal(Role::Attendance, markId);
    }
    return m_store.writeSynced(Role::Attendance, markId,
                               {{kDeletedField, 1},
                                {kLastOpColumn, lastOpName(LastOp::Synced)},
                                {QStringLiteral("_hc_err"), QVariant()}});
}

} // namespace pasalista
