#include "pusher.h"

#include "logging.h"
#include "net/backoff.h"
#include "net/compositebatch.h"
#include "net/salesforceclient.h"
#include "records.h"
#include "roletable.h"
#include "store/execstatement.h"
#include "store/localstore.h"
#include "store/sqltext.h"
#include "sync/soql.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>

namespace pasalista {

using sql::nowUtc;
using sql::quoted;

namespace {

// Refusals that follow from a field's definition in the org (length, required, picklist
// values, the field itself): the org's describe changed since it was read.
bool isFieldRuleError(const QString &code)
{
    static const QStringList codes = {
        QStringLiteral("STRING_TOO_LONG"), QStringLiteral("REQUIRED_FIELD_MISSING"),
        QStringLiteral("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST"),
        QStringLiteral("INVALID_FIELD_FOR_INSERT_UPDATE"), QStringLiteral("INVALID_FIELD")};
    return codes.contains(code);
}

constexpr int kBatchSize = 200; // sObject Collections' limit
constexpr int kAttempts = 4;    // tries within one cycle before leaving it for later

const QString kSfid = QStringLiteral("sfid");

// Errors that say "not now" rather than "not this record".
bool isTransientRecordError(const QString &code)
{
    return code == QLatin1String("UNABLE_TO_LOCK_ROW") ||
           code == QLatin1String("REQUEST_LIMIT_EXCEEDED") ||
           code == QLatin1String("SERVER_UNAVAILABLE");
}

// A delete that finds the record already gone did its job.
bool isAlreadyDeleted(const QString &code)
{
    return code == QLatin1String("ENTITY_IS_DELETED") || code == QLatin1String("NOT_FOUND") ||
           code == QLatin1String("INVALID_CROSS_REFERENCE_KEY");
}

} // namespace

Pusher::Pusher(LocalStore &store, SalesforceClient &client, SyncReport &report)
    : m_store(store), m_client(client), m_report(report), m_outbox(store), m_lookup(store, client),
      m_twins(store, client, report, m_lookup), m_requests(store, client, report),
      m_readBack(store, report)
{
}

bool Pusher::storeFailed(const QString &reason)
{
    m_report.result = SyncReport::Result::Error;
    m_report.message =
        QCoreApplication::translate("pasalista::Pusher", "Could not save the sync's progress: %1")
            .arg(reason);
    qCWarning(lcSyncPush) << "push stopped by the store:" << reason;
    return false;
}

bool Pusher::isNoVerdict(const ApiResponse &response)
{
    return response.errorCode == QLatin1String("REDIRECT_REFUSED") ||
           response.errorCode == QLatin1String("FOREIGN_ORIGIN") ||
           response.errorCode == QLatin1String("INSECURE_URL");
}

bool Pusher::stopWith(const ApiResponse &response)
{
    if (response.outcome == ApiResponse::Outcome::SignInRequired) {
        m_report.result = SyncReport::Result::SignInRequired;
    } else if (isNoVerdict(response)) {
        m_report.result = SyncReport::Result::Error;
    } else if (response.errorCode == QLatin1String("CANCELLED")) {
        m_report.result = SyncReport::Result::Cancelled;
    } else {
        m_report.result = SyncReport::Result::Unreachable;
    }
    m_report.message = response.errorMessage;
    return false;
}

bool Pusher::hasExternalId(Role role) const
{
    const ObjectMapping &object = m_store.mapping().objectFor(role);
    const auto available = m_available.constFind(object.objectName);
    return !object.upsertField.isEmpty() &&
           (available == m_available.constEnd() || available->contains(object.upsertField));
}

std::optional<QList<Pusher::Operation>> Pusher::collect(Role role, QString *error)
{
    const QList<Outbox::Change> changes =
        m_outbox.pending(m_store.mapping().table(role), m_respectBackoff);
    if (!m_outbox.errorString().isEmpty()) {
        *error = m_outbox.errorString();
        return std::nullopt;
    }
    QList<qint64> recordIds;
    recordIds.reserve(changes.size());
    for (const Outbox::Change &change : changes) {
        recordIds.append(change.recordId);
    }
    // Thousands of records: their rows are read together, not one statement each.
    const auto rows = m_store.rows(role, recordIds, error);
    if (!rows) {
        return std::nullopt;
    }
    QList<Operation> operations;
    operations.reserve(changes.size());
    for (const Outbox::Change &change : changes) {
        Operation operation;
        operation.recordId = change.recordId;
        operation.entryIds = change.entryIds;
        operation.isDelete = change.isDelete;
        operation.columns = change.columns;
        operation.attempts = change.attempts;
        operation.row = rows->value(operation.recordId);
        operation.sfid = operation.row.value(kSfid).toString();
        operations.append(operation);
    }
    return operations;
}

bool Pusher::run()
{
    // No statement outlives the push: the store may close, or change its tables, after it.
    const auto dropStatements = qScopeGuard([this] { m_statements.reset(); });
    const Mapping &mapping = m_store.mapping();
    QHash<Role, QList<Operation>> deletes;
    for (Role role : Mapping::dependencyOrder()) {
        if (!mapping.objectFor(role).writable) {
            continue;
        }
        QString error;
        const auto collected = collect(role, &error);
        if (!collected) {
            return storeFailed(error);
        }
        QList<Operation> changes;
        for (const Operation &operation : *collected) {
            (operation.isDelete ? deletes[role] : changes).append(operation);
        }
        holdUnwritable(role, changes);
        if (!changes.isEmpty() && !pushChanges(role, changes)) {
            return false;
        }
        if (changes.isEmpty()) {
            m_twins.removeResentTwins(role, {}); // the checks an earlier cycle left, if any
        }
    }
    // Children go before their parents when deleting.
    QList<Role> reversed = Mapping::dependencyOrder();
    std::reverse(reversed.begin(), reversed.end());
    for (Role role : reversed) {
        if (deletes.contains(role) && !pushDeletes(role, deletes.value(role))) {
            return false;
        }
    }
    if (!m_outbox.pruneSent()) {
        return storeFailed(m_outbox.errorString());
    }
    if (m_leftForLater > 0) {
        m_report.retrying += m_leftForLater;
        m_report.result = SyncReport::Result::Unreachable;
        m_report.message = QCoreApplication::translate(
            "pasalista::Pusher",
            "%n change(s) could not be confirmed by the org; they will be "
            "checked and sent again.",
            nullptr, m_leftForLater);
        return false;
    }
    return true;
}

bool Pusher::refuseInvalid(Role role, QList<Operation> &operations, bool externalId)
{
    const RecordCodec codec(m_store.mapping(), role);
    const DescribeRules rules = m_rules.value(codec.objectName());
    for (qsizetype i = operations.size() - 1; i >= 0; --i) {
        Operation operation = operations[i];
        const bool create = operation.sfid.isEmpty();
        if (create) {
            operation.columns = codec.columns(); // what a create sends: the whole record
        }
        // What this user may not write is held, never sent (holdUnwritable): a field the org
        // lacks or hides from her refuses nothing else of the record.
        for (const QString &column : m_heldColumns.value(role)) {
            operation.columns.removeAll(column);
        }
        const BatchKind kind =
            !create ? BatchKind::Update : (externalId ? BatchKind::Upsert : BatchKind::Create);
        auto violation = unavailableField(codec, operation);
        if (!violation && !rules.isEmpty()) {
            violation = rules.check(m_requests.payloadFor(codec, operation, kind), create);
        }
        if (!violation) {
            continue;
        }
        if (!markFailed(role, operation, violation->code, violation->message)) {
            return storeFailed(m_report.message);
        }
        operations.removeAt(i);
    }
    return true;
}

std::optional<DescribeRules::Violation> Pusher::unavailableField(const RecordCodec &codec,
                                                                 const Operation &operation) const
{
    const QStringList fields = m_requests.unavailableFields(codec, operation);
    if (fields.isEmpty()) {
        return std::nullopt;
    }
    // Sent without them, the record would look synced while the org never got these values.
    return DescribeRules::Violation{
        QStringLiteral("FIELD_NOT_IN_ORG"),
        QCoreApplication::translate(
            "pasalista::Pusher",
            "The org no longer has the field %1 (your org admin removed it or hid it from "
            "you), so this value cannot be sent. Ask the admin to restore the field, or clear "
            "the value here to send the rest of the record.")
            .arg(fields.join(QStringLiteral(", "))),
        fields.constFirst()};
}

bool Pusher::validatePending()
{
    for (Role role : Mapping::dependencyOrder()) {
        if (!m_store.mapping().objectFor(role).writable) {
            continue;
        }
        QList<Operation> changes;
        QString error;
        for (const Operation &operation : collect(role, &error).value_or(QList<Operation>())) {
            if (!operation.isDelete) {
                changes.append(operation);
            }
        }
        if (!refuseInvalid(role, changes, hasExternalId(role))) {
            return false;
        }
    }
    return true;
}

bool Pusher::leaveUnverified(QList<Operation> &operations)
{
    for (qsizetype i = operations.size() - 1; i >= 0; --i) {
        if (!operations[i].unverified) {
            continue;
        }
        if (!markRetryLater(operations[i],
                            QCoreApplication::translate(
                                "pasalista::Pusher",
                                "Could not check whether the org already has this record."))) {
            return false;
        }
        ++m_leftForLater;
        operations.removeAt(i);
    }
    return true;
}

bool Pusher::parentsReady(Role role, const Operation &operation) const
{
    const Mapping &mapping = m_store.mapping();
    for (const auto &[logical, parentRole] : Mapping::lookupsOf(role)) {
        const QString column = mapping.column(role, logical);
        if (column.isEmpty() || !operation.row.value(column).toString().isEmpty()) {
            continue;
        }
        const qint64 parentId = operation.row.value(LocalStore::refColumn(column)).toLongLong();
        const auto parent = parentId != 0 ? m_store.row(parentRole, parentId) : std::nullopt;
        if (parent && parent->value(kSfid).toString().isEmpty()) {
            return false; // refused or not yet confirmed: the child waits for it
        }
    }
    return true;
}

void Pusher::fillDerivedValues(QList<Operation> &operations)
{
    // A mark's student Id and name are the student's as they are now, read when the mark
    // is sent: the student reached the org after the mark was made, the office merged the
    // student into another record, or moved the enrollment to another student. Read for
    // every mark at once, a statement per few hundred marks.
    const RoleTable marks(m_store, Role::Attendance);
    const RoleTable enrollments(m_store, Role::Enrollment);
    const RoleTable students(m_store, Role::Student);
    const QString markEnrollment = marks.refColumn(QStringLiteral("enrollment"));
    const QString enrollmentStudent = enrollments.refColumn(QStringLiteral("student"));
    if (markEnrollment.isEmpty() || enrollmentStudent.isEmpty()) {
        return;
    }
    const auto studentColumn = [&students](const QString &logical) {
        const QString column = students.column(logical);
        return column.isEmpty() ? QStringLiteral("NULL") : QStringLiteral("s.") + column;
    };
    const QString select =
        QStringLiteral("SELECT m.id, s.sfid, %1, %2 FROM %3 m JOIN %4 e ON e.id = m.%5"
                       " JOIN %6 s ON s.id = e.%7 WHERE m.id IN (%8)")
            .arg(studentColumn(QStringLiteral("first_name")),
                 studentColumn(QStringLiteral("last_name")), marks.table(), enrollments.table(),
                 markEnrollment, students.table(), enrollmentStudent);
    const QString studentIdColumn = marks.rawColumn(QStringLiteral("student_id"));
    const QString studentNameColumn = marks.rawColumn(QStringLiteral("student_name"));
    QHash<qint64, QVariantMap> derivedById;
    constexpr qsizetype kMarksPerStatement = 500;
    for (qsizetype start = 0; start < operations.size(); start += kMarksPerStatement) {
        const qsizetype count = std::min(kMarksPerStatement, operations.size() - start);
        QSqlQuery &query =
            statement(select.arg(QStringList(count, QStringLiteral("?")).join(u',')));
        for (qsizetype i = 0; i < count; ++i) {
            query.bindValue(int(i), operations.at(start + i).recordId);
        }
        if (!execStatement(query)) {
            return; // sent with the values it holds, as before a student was known
        }
        while (query.next()) {
            Student student;
            student.firstName = query.value(2).toString();
            student.lastName = query.value(3).toString();
            // The org's field holds a Salesforce Id: a student not in the org yet leaves it
            // empty.
            const QString studentSfid = query.value(1).toString();
            QVariantMap derived{
                {studentIdColumn, studentSfid.isEmpty() ? QVariant() : QVariant(studentSfid)},
                {studentNameColumn, student.fullName()}};
            derived.remove(QString()); // fields this mapping does not bind
            derivedById.insert(query.value(0).toLongLong(), derived);
        }
        query.finish();
    }
    for (Operation &operation : operations) {
        const auto derived = derivedById.constFind(operation.recordId);
        if (derived != derivedById.constEnd()) {
            fillDerivedValues(operation, *derived);
        }
    }
}

void Pusher::fillDerivedValues(Operation &operation, const QVariantMap &derived)
{
    QVariantMap changed;
    for (auto it = derived.cbegin(); it != derived.cend(); ++it) {
        if (it.value().isNull() || operation.row.value(it.key()) == it.value()) {
            continue;
        }
        changed.insert(it.key(), it.value());
        operation.row.insert(it.key(), it.value());
        if (!operation.columns.contains(it.key())) {
            operation.columns.append(it.key());
        }
    }
    if (!changed.isEmpty()) {
        m_store.writeSynced(Role::Attendance, operation.recordId, changed);
    }
}

bool Pusher::pushChanges(Role role, QList<Operation> operations)
{
    const RecordCodec codec(m_store.mapping(), role);
    QList<Operation> ready;
    for (Operation &operation : operations) {
        if (!parentsReady(role, operation)) {
            continue; // stays NEW: goes when its parent goes
        }
        ready.append(operation);
    }
    if (role == Role::Attendance) {
        fillDerivedValues(ready);
    }
    const bool externalId = hasExternalId(role);
    if (!refuseInvalid(role, ready, externalId)) {
        return false;
    }
    m_created.clear();
    if (!externalId) {
        QSet<qint64> known;
        for (const Operation &operation : std::as_const(ready)) {
            if (!operation.sfid.isEmpty()) {
                known.insert(operation.recordId);
            }
        }
        m_lookup.findByNaturalKey(role, ready);
        if (!leaveUnverified(ready)) {
            return false;
        }
        for (const Operation &operation : std::as_const(ready)) {
            // Found after an earlier attempt whose reply was lost: perhaps sent twice.
            if (!known.contains(operation.recordId) && !operation.sfid.isEmpty() &&
                operation.attempts > 0) {
                m_created.append(operation);
            }
        }
    }
    QList<Operation> updates;
    QList<Operation> inserts;
    for (Operation &operation : ready) {
        if (operation.sfid.isEmpty()) {
            // A record the org has not confirmed goes out whole, never as a partial upsert,
            // but for what this user may not write (holdUnwritable).
            operation.columns = codec.columns();
            for (const QString &column : m_heldColumns.value(role)) {
                operation.columns.removeAll(column);
            }
        }
        (operation.sfid.isEmpty() ? inserts : updates).append(operation);
    }
    // Updates and upserts go together, in the fewest calls; creates without our key go
    // after the updates, each with the look-ups that keep them from making twins.
    const bool sent =
        externalId
            ? sendInBatches(role, {{BatchKind::Update, updates}, {BatchKind::Upsert, inserts}})
            : sendInBatches(role, {{BatchKind::Update, updates}}) &&
                  sendInBatches(role, {{BatchKind::Create, inserts}});
    m_twins.removeResentTwins(role, m_created);
    return sent;
}

bool Pusher::pushDeletes(Role role, QList<Operation> operations)
{
    // Created by a push whose reply was lost? Only a look-up that answered can say no.
    if (hasExternalId(role)) {
        m_lookup.findByExternalId(role, operations);
    } else {
        m_lookup.findByNaturalKey(role, operations);
    }
    if (!leaveUnverified(operations)) {
        return false;
    }
    QList<Operation> remote;
    QStringList twins;
    for (const Operation &operation : std::as_const(operations)) {
        twins += m_twins.twinsOf(role, operation); // a create sent twice before its reply was lost
        if (operation.sfid.isEmpty()) {
            // Never reached the org: nothing to delete there.
            if (!m_outbox.markSent(operation.entryIds)) {
                return storeFailed(m_outbox.errorString());
            }
        } else {
            remote.append(operation);
        }
    }
    m_twins.deleteTwins(twins);
    return sendInBatches(role, {{BatchKind::Delete, remote}});
}

CollectionRequest::Replies Pusher::sendBatches(Role role, const QList<Batch> &batches)
{
    // What is written is read back in the same call, when the batches leave room for it.
    const qsizetype room = CompositeBatch::kMaxQueries - batches.size();
    const QStringList readBack =
        room > 0 ? m_readBack.queriesFor(role, batches, room) : QStringList();
    if (batches.size() == 1 && readBack.isEmpty()) {
        return {{m_requests.send(role, batches.constFirst().kind, batches.constFirst().operations)},
                {},
                {}};
    }
    // Many batches: five to an API call inside Composite requests (10,000 marks, 10 calls).
    return m_requests.sendTogether(role, batches, readBack);
}

void Pusher::readBack(Role role, const CollectionRequest::Replies &replies)
{
    const QString objectName = m_store.mapping().objectFor(role).objectName;
    for (const ApiResponse &reply : replies.queries) {
        const int applied = m_readBack.apply(role, reply, replies.orgClock, m_confirmed);
        if (applied < 0) {
            return; // what it would have read is left to the pull
        }
        m_readBackCount[objectName] += applied;
    }
}

QSet<QString> Pusher::objectsToReadBack() const
{
    QSet<QString> objects;
    for (const QString &object : m_written) {
        if (m_readBackCount.value(object) < m_writtenCount.value(object)) {
            objects.insert(object);
        }
    }
    return objects;
}

QList<Pusher::Batch> Pusher::batchesOf(const QList<Group> &groups)
{
    QList<Batch> batches;
    for (const Group &group : groups) {
        const int batchSize =
            group.kind == BatchKind::Delete ? CollectionRequest::kDeleteBatchSize : kBatchSize;
        for (qsizetype start = 0; start < group.operations.size(); start += batchSize) {
            batches.append({group.kind, group.operations.mid(start, batchSize)});
        }
    }
    return batches;
}

bool Pusher::sendInBatches(Role role, QList<Group> groups)
{
    for (int attempt = 0;; ++attempt) {
        const QList<Batch> batches = batchesOf(groups);
        if (batches.isEmpty()) {
            return true;
        }
        QList<Group> retryGroups;
        for (const Group &group : std::as_const(groups)) {
            retryGroups.append({group.kind, {}});
        }
        const auto retryOf = [&retryGroups](BatchKind kind) -> QList<Operation> & {
            return std::find_if(retryGroups.begin(), retryGroups.end(),
                                [kind](const Group &group) { return group.kind == kind; })
                ->operations;
        };
        m_confirmed.clear();
        const CollectionRequest::Replies replies = sendBatches(role, batches);
        std::optional<ApiResponse> stop;
        for (qsizetype i = 0; i < batches.size(); ++i) {
            const ApiResponse &response = replies.batches.at(i);
            QList<Operation> batch = batches.at(i).operations;
            QList<Operation> &retry = retryOf(batches.at(i).kind);
            if (isNoVerdict(response)) {
                // Refused on this side (a redirect, another origin): the org said nothing
                // about these records, so they stay pending; the sync ends with the reason.
                stop = stop.value_or(response);
                continue;
            }
            if (response.outcome == ApiResponse::Outcome::Transient ||
                response.outcome == ApiResponse::Outcome::SignInRequired) {
                retry.append(batch);
                if (response.outcome == ApiResponse::Outcome::SignInRequired ||
                    m_client.isCancelled()) {
                    stop = stop.value_or(response);
                }
                continue;
            }
            // The other batches of the same calls are answered: their verdicts are kept.
            if (!applyResults(role, batches.at(i).kind, batch, response, &retry)) {
                return false;
            }
        }
        if (stop) {
            return stopWith(*stop);
        }
        readBack(role, replies);
        QList<Operation> retry;
        for (Group &group : retryGroups) {
            if (group.kind == BatchKind::Create && !recoverLostCreates(role, group.operations)) {
                return false;
            }
            retry += group.operations;
        }
        if (retry.isEmpty()) {
            return true;
        }
        if (attempt + 1 >= kAttempts) {
            for (const Operation &operation : std::as_const(retry)) {
                if (!markRetryLater(operation,
                                    QCoreApplication::translate("pasalista::Pusher",
                                                                "The org was busy; will retry."))) {
                    return storeFailed(m_store.database().lastError().text());
                }
            }
            m_report.retrying += int(retry.size());
            m_report.result = SyncReport::Result::Unreachable;
            m_report.message = QCoreApplication::translate(
                "pasalista::Pusher",
                "The org did not take every change; the rest will be retried.");
            return false;
        }
        // A cancel cuts the pause short; the next batch then fails fast and reports it.
        m_client.pause(Backoff::withinCycle(attempt));
        groups = retryGroups;
    }
}

bool Pusher::applyResults(Role role, BatchKind kind, QList<Operation> &batch,
                          const ApiResponse &response, QList<Operation> *retry)
{
    if (!response.ok()) {
        // The whole call was refused (say, a field the org lacks): every record says so.
        for (const Operation &operation : std::as_const(batch)) {
            if (!markFailed(role, operation, response.errorCode, response.errorMessage)) {
                return false;
            }
        }
        return true;
    }
    const QJsonArray results = response.json.array();
    if (!response.json.isArray() || results.size() != batch.size()) {
        // Readable, but not the org's verdict on this batch: the org may have taken every
        // record. Upserts, updates and deletes are idempotent; creates are looked up first.
        qCWarning(lcSyncPush) << "unverifiable reply to a push of" << batch.size() << "records";
        retry->append(batch);
        return true;
    }
    // Whether the teacher edited a record again while it was on its way: asked of the
    // whole batch at once.
    QList<qint64> recordIds;
    for (const Operation &operation : std::as_const(batch)) {
        recordIds.append(operation.recordId);
    }
    const auto newest = m_outbox.newestUnsent(m_store.mapping().table(role), recordIds);
    if (!newest) {
        return storeFailed(m_outbox.errorString());
    }
    if (!m_store.begin()) {
        return storeFailed(m_store.database().lastError().text());
    }
    for (qsizetype i = 0; i < batch.size(); ++i) {
        const QJsonObject result = results.at(i).toObject();
        const QJsonObject error =
            result.value(QLatin1String("errors")).toArray().first().toObject();
        const QString code = error.value(QLatin1String("statusCode")).toString();
        const QJsonValue rawId = result.value(QLatin1String("id"));
        const bool hasId = rawId.isString() && !rawId.toString().isEmpty();
        const std::optional<QString> checked =
            hasId ? m_lookup.checkedId(rawId, m_store.mapping().objectFor(role).objectName)
                  : QString();
        const QString sfid = checked.value_or(QString());
        const bool success = result.value(QLatin1String("success")).toBool();
        bool ok = true;
        if (!result.value(QLatin1String("success")).isBool() || !checked ||
            (success && kind != BatchKind::Delete && sfid.isEmpty() && batch[i].sfid.isEmpty())) {
            // A null, a result without its verdict, or an Id no org gives: unverified.
            retry->append(batch[i]);
        } else if (success || (kind == BatchKind::Delete && isAlreadyDeleted(code))) {
            ok = markSuccess(
                role, batch[i], sfid.isEmpty() ? batch[i].sfid : sfid,
                result.value(QLatin1String("created")).toBool(kind == BatchKind::Create),
                newest->value(batch[i].recordId) > batch[i].entryIds.last());
            if (kind == BatchKind::Create) {
                m_created.append(batch[i]);
                m_created.last().sfid = sfid;
            }
        } else if (isTransientRecordError(code)) {
            retry->append(batch[i]);
        } else {
            m_refusedByFieldRules = m_refusedByFieldRules || isFieldRuleError(code);
            ok = markFailed(role, batch[i], code, error.value(QLatin1String("message")).toString());
        }
        if (!ok) {
            const QString reason = m_report.message;
            m_sentEntries.clear();
            m_settledRows.clear();
            m_store.rollback();
            return storeFailed(reason);
        }
    }
    if (!flushSent()) {
        const QString reason = m_report.message;
        m_store.rollback();
        return storeFailed(reason);
    }
    if (!m_store.commit()) {
        return storeFailed(m_store.database().lastError().text());
    }
    return true;
}

bool Pusher::recoverLostCreates(Role role, QList<Operation> &retry)
{
    // The org may have committed creates whose reply never came: find them before
    // sending again, and leave for later the ones a failed look-up cannot vouch for.
    for (Operation &operation : retry) {
        operation.sfid.clear();
        operation.unverified = false;
    }
    m_lookup.findByNaturalKey(role, retry);
    if (!leaveUnverified(retry)) {
        return false;
    }
    for (qsizetype i = retry.size() - 1; i >= 0; --i) {
        if (retry[i].sfid.isEmpty()) {
            continue;
        }
        const auto editedSince = m_outbox.hasNewerUnsent(
            m_store.mapping().table(role), retry[i].recordId, retry[i].entryIds.last());
        if (!editedSince) {
            return storeFailed(m_outbox.errorString());
        }
        if (!markSuccess(role, retry[i], retry[i].sfid, true, *editedSince) || !flushSent()) {
            return storeFailed(m_report.message);
        }
        m_created.append(retry[i]);
        retry.removeAt(i);
    }
    return true;
}

bool Pusher::markSuccess(Role role, const Operation &operation, const QString &sfid, bool created,
                         bool editedSince)
{
    const Mapping &mapping = m_store.mapping();
    if (operation.isDelete) {
        ++m_report.deleted;
    } else {
        ++m_report.pushed;
        m_written.insert(mapping.objectFor(role).objectName);
        ++m_writtenCount[mapping.objectFor(role).objectName];
        m_confirmed.insert(sfid);
    }
    // The row holding this Id already is this record: no other row can hold it (sfid is
    // unique), so there is no twin to look for.
    if (operation.row.value(kSfid).toString() != sfid &&
        !adoptTwinRow(role, operation.recordId, sfid)) {
        return false;
    }
    // Still PENDING if the teacher edited the record again while this push was under way.
    const LastOp done =
        operation.isDelete ? LastOp::Synced : (created ? LastOp::Inserted : LastOp::Updated);
    const bool stillPending = editedSince || !operation.heldColumns.isEmpty();
    const QString lastOp = lastOpName(stillPending ? LastOp::Pending : done);
    if (operation.row.value(kSfid).toString() == sfid) {
        // The row keeps its Id: its state is written with the rest of the batch's
        // (flushSent), a statement for them all.
        m_settledTable = mapping.table(role);
        m_settledRows[lastOp].append(operation.recordId);
    } else {
        QSqlQuery &row =
            statement(QStringLiteral("UPDATE %1 SET sfid = ?, _hc_err = NULL, %2 = ? WHERE id = ?")
                          .arg(quoted(mapping.table(role)), kLastOpColumn));
        row.bindValue(0, sfid);
        row.bindValue(1, lastOp);
        row.bindValue(2, operation.recordId);
        if (!execStatement(row, &m_report.message)) {
            return false;
        }
    }
    // Children created offline point at this record by local id; now they get its Id.
    for (const auto &[child, column] : mapping.columnsPointingAt(role)) {
        QSqlQuery &children =
            statement(QStringLiteral("UPDATE %1 SET %2 = ? WHERE %3 = ? AND %2 IS NULL")
                          .arg(quoted(mapping.table(child)), quoted(column),
                               quoted(LocalStore::refColumn(column))));
        children.bindValue(0, sfid);
        children.bindValue(1, operation.recordId);
        children.exec();
    }
    // Its entries are marked sent with the rest of the batch (flushSent), in one statement.
    m_sentEntries += operation.entryIds;
    return keepHeldChange(role, operation);
}

bool Pusher::flushSent()
{
    const auto settled = std::exchange(m_settledRows, {});
    for (auto rows = settled.begin(); rows != settled.end(); ++rows) {
        QSqlQuery query(m_store.database());
        query.prepare(QStringLiteral("UPDATE %1 SET _hc_err = NULL, %2 = ? WHERE id IN (%3)")
                          .arg(quoted(m_settledTable), kLastOpColumn,
                               QStringList(rows->size(), QStringLiteral("?")).join(u',')));
        query.addBindValue(rows.key());
        for (qint64 id : *rows) {
            query.addBindValue(id);
        }
        if (!execStatement(query, &m_report.message)) {
            m_sentEntries.clear();
            return false;
        }
    }
    const QList<qint64> entries = std::exchange(m_sentEntries, {});
    if (!m_outbox.markSent(entries)) {
        m_report.message = m_outbox.errorString();
        return false;
    }
    return true;
}

QSqlQuery &Pusher::statement(const QString &sql)
{
    if (!m_statements) {
        m_statements = std::make_unique<StatementCache>(m_store.database());
    }
    return m_statements->get(sql);
}

void Pusher::holdUnwritable(Role role, QList<Operation> &operations)
{
    // A change to a field this user may not write cannot reach the org. The record goes
    // without it and the change stays as an entry of its own (keepHeldChange); an entry with
    // nothing else in it waits here, counted, until her profile allows the field.
    const QSet<QString> held = m_heldColumns.value(role);
    if (held.isEmpty()) {
        return;
    }
    QList<Operation> sendable;
    for (Operation &operation : operations) {
        for (const QString &column : std::as_const(operation.columns)) {
            // A create keeps only what was typed; an edit, whatever it changed.
            if (held.contains(column) &&
                (!operation.sfid.isEmpty() || !operation.row.value(column).toString().isEmpty())) {
                operation.heldColumns.append(column);
            }
        }
        const bool onlyHeld = !operation.isDelete && !operation.sfid.isEmpty() &&
                              !operation.heldColumns.isEmpty() &&
                              operation.heldColumns.size() == operation.columns.size();
        if (onlyHeld) {
            ++m_report.held;
            continue;
        }
        for (const QString &column : std::as_const(operation.heldColumns)) {
            operation.columns.removeAll(column); // never in what is sent
        }
        sendable.append(operation);
    }
    operations = sendable;
}

bool Pusher::keepHeldChange(Role role, const Operation &operation)
{
    if (operation.isDelete || operation.heldColumns.isEmpty()) {
        return true;
    }
    QVariantMap values;
    for (const QString &column : operation.heldColumns) {
        values.insert(column, operation.row.value(column));
    }
    ++m_report.held;
    if (m_outbox.append(QStringLiteral("UPDATE"), m_store.mapping().table(role), operation.recordId,
                        values, {})) {
        return true;
    }
    m_report.message = m_outbox.errorString();
    return false;
}

bool Pusher::adoptTwinRow(Role role, qint64 keepId, const QString &sfid)
{
    // Without the external ID the pull may have brought the org's record (the office's
    // mark of the same day) as a row of its own; the push found it to be this record. The
    // teacher's row keeps it, the copy goes, and its children follow.
    const Mapping &mapping = m_store.mapping();
    QSqlQuery &holder = statement(QStringLiteral("SELECT id FROM %1 WHERE sfid = ? LIMIT 1")
                                      .arg(quoted(mapping.table(role))));
    holder.bindValue(0, sfid);
    const std::optional<qint64> twin = execStatement(holder, &m_report.message) && holder.next()
                                           ? std::optional(holder.value(0).toLongLong())
                                           : std::nullopt;
    holder.finish();
    if (!twin || *twin == keepId) {
        return true;
    }
    // The twin may be a record of this batch, confirmed a moment ago: its entries are sent.
    if (!flushSent()) {
        return false;
    }
    if (m_outbox.hasUnsettled(mapping.table(role), *twin).value_or(true)) {
        return true; // the copy holds edits of its own: the store will say why it cannot merge
    }
    if (!m_store.foldTwin(role, keepId, *twin)) {
        m_report.message = m_store.errorString();
        return false;
    }
    qCInfo(lcSyncPush) << "adopted" << mapping.table(role) << *twin << "into" << keepId;
    return true;
}

bool Pusher::markFailed(Role role, const Operation &operation, const QString &code,
                        const QString &message)
{
    ++m_report.failed;
    qCInfo(lcSyncPush) << "org refused" << m_store.mapping().table(role) << operation.recordId
                       << code;
    const QJsonObject error{{QStringLiteral("errorCode"), code},
                            {QStringLiteral("message"), message}};
    if (!m_store.writeSynced(
            role, operation.recordId,
            {{kLastOpColumn, lastOpName(LastOp::Failed)},
             {QStringLiteral("_hc_err"),
              QString::fromUtf8(QJsonDocument(error).toJson(QJsonDocument::Compact))}})) {
        return false;
    }
    if (!m_outbox.markFailed(operation.entryIds,
                             code.isEmpty() ? message : code + QStringLiteral(": ") + message)) {
        m_report.message = m_outbox.errorString();
        return false;
    }
    return true;
}

bool Pusher::markRetryLater(const Operation &operation, const QString &message)
{
    return m_outbox.retryLater(
        operation.entryIds,
        QDateTime::currentDateTimeUtc().addMSecs(Backoff::betweenCycles(operation.attempts)),
        message);
}

} // namespace pasalista
