#include "puller.h"

#include "store/localstore.h"
#include "logging.h"
#include "net/compositebatch.h"
#include "net/salesforceclient.h"
#include "store/sqltext.h"
#include "sync/recordcodec.h"
#include "sync/scopepruner.h"
#include "sync/soql.h"
#include "sync/storerepair.h"

#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrlQuery>

namespace pasalista {

using sql::quoted;

namespace {

// Ids per back-fill query: keeps the SOQL text well under the URL limits.
constexpr int kBackfillChunk = 100;
// Pages a query may have beyond totalSize / page size (the org may page unevenly), and the
// bound when a reply gives no usable total.
constexpr qint64 kPageMargin = 3;
constexpr qint64 kMaxPagesWithoutTotal = 1000;

} // namespace

Puller::Puller(LocalStore &store, SalesforceClient &client, SyncReport &report)
    : m_store(store), m_client(client), m_report(report), m_state(store), m_probe(client)
{
}

bool Puller::storeFailed()
{
    m_store.rollback();
    m_report.result = SyncReport::Result::Error;
    if (m_report.message.isEmpty()) {
        m_report.message = m_store.errorString();
    }
    return false;
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
    if (response.errorCode == QLatin1String("INVALID_FIELD")) {
        // The org's fields changed since the describes were read (SyncEngine reads them
        // again next cycle): say so, not just the org's words.
        m_report.message =
            QCoreApplication::translate(
                "pasalista::Puller", "The org no longer has a field Pasalista reads (%1). The next "
                                     "sync reads the org's fields again.")
                .arg(response.errorMessage.left(300));
    }
    return false;
}

bool Puller::fetchAll(const QString &soql, bool includeDeleted, const PageHandler &handler)
{
    QString next;
    bool first = true;
    // A query has totalSize / page size pages; a link seen before, or pages past that bound
    // (plus a margin), is a loop the org would never end.
    QSet<QString> seen;
    qint64 maxPages = kMaxPagesWithoutTotal;
    qint64 pages = 0;
    while (first || !next.isEmpty()) {
        if (!first && (seen.contains(next) || ++pages > maxPages)) {
            m_client.dropPrefetch();
            m_report.result = SyncReport::Result::Error;
            m_report.message =
                QCoreApplication::translate(
                    "pasalista::Puller", "The org's query pages go round in a loop (%1); stopped.")
                    .arg(next.left(120));
            return false;
        }
        seen.insert(next);
        // The client retries reads that fail for passing reasons.
        const ApiResponse response =
            first ? firstPage(soql, includeDeleted) : m_client.queryMore(next);
        if (!first) {
            m_pageDate = m_client.serverTime();
        }
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
        if (first) {
            const qint64 total = page.value(QLatin1String("totalSize")).toInteger(-1);
            const qint64 pageSize = page.value(QLatin1String("records")).toArray().size();
            if (total >= 0 && pageSize > 0) {
                maxPages = total / pageSize + kPageMargin;
            }
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

QDateTime Puller::serverNow()
{
    if (!m_cycleTime.isValid()) {
        m_cycleTime = orgClock();
    }
    if (!m_cycleTime.isValid()) {
        noClock();
    }
    return m_cycleTime;
}

bool Puller::noClock()
{
    m_report.result = SyncReport::Result::Error;
    m_report.message = QCoreApplication::translate(
        "pasalista::Puller", "The org's replies carry no usable date; cannot pull safely.");
    return false;
}

QString Puller::pageKey(const QString &soql, bool includeDeleted)
{
    return (includeDeleted ? QStringLiteral("queryAll ") : QStringLiteral("query ")) + soql;
}

ApiResponse Puller::firstPage(const QString &soql, bool includeDeleted)
{
    const auto batched = m_firstPages.constFind(pageKey(soql, includeDeleted));
    if (batched == m_firstPages.constEnd()) {
        const ApiResponse response = m_client.query(soql, includeDeleted);
        m_pageDate = m_client.serverTime();
        return response;
    }
    const FirstPage page = *batched;
    m_firstPages.erase(batched);
    m_pageDate = page.date;
    return page.response;
}

QList<std::pair<QString, bool>> Puller::queriesAhead(const QString &teacherEmail) const
{
    const Mapping &mapping = m_store.mapping();
    const bool onlyMine = mapping.scope().onlyTeacherCourses;
    const QString teacher = teacherSfid(teacherEmail);
    const QStringList courses = coursesInScope(onlyMine ? teacher : QString());
    const QDateTime now = m_cycleTime.isValid()             ? m_cycleTime
                          : m_client.serverTime().isValid() ? m_client.serverTime()
                                                            : QDateTime::currentDateTimeUtc();
    QList<std::pair<QString, bool>> queries;
    for (Role role : Mapping::dependencyOrder()) {
        const QString objectName = mapping.objectFor(role).objectName;
        const QDateTime covered = m_state.coveredUntil(objectName);
        const bool inScope = role == Role::Teacher || role == Role::Program || !onlyMine ||
                             (role == Role::Course ? !teacher.isEmpty() : !courses.isEmpty());
        // A first read learns its scope as it goes: only windows are known ahead.
        if (skipped(role) || !covered.isValid() || !inScope) {
            continue;
        }
        if (!m_probe.nothingUpdatedSince(objectName, covered.addSecs(-m_overlapSeconds))) {
            const QString scope =
                role == Role::Course ? courseScope(teacher, true) : scopeFor(role, courses);
            queries.append({selectFor(role, windowConditions(role, scope)), false});
        }
        const QDateTime from = m_state.deletionsCoveredUntil(objectName).isValid()
                                   ? m_state.deletionsCoveredUntil(objectName)
                                   : covered;
        if (from.addDays(kRecycleBinDays - 1) >= now &&
            !m_probe.deletedSince(objectName, from.addSecs(-m_overlapSeconds))) {
            queries.append({deletionsQuery(objectName, from), true});
        }
    }
    return queries;
}

bool Puller::batchFirstPages(const QString &teacherEmail)
{
    const QList<std::pair<QString, bool>> queries = queriesAhead(teacherEmail);
    const bool needClock = !m_cycleTime.isValid();
    // Alone, a query costs the same one call as a batch of one.
    if (queries.size() < (needClock ? 1 : 2)) {
        return true;
    }
    const QString clock = QStringLiteral("clock");
    CompositeBatch batch(m_client);
    if (needClock) {
        // First in the first call: the org runs subrequests in order, so T is read before
        // any page, as orgClock() would.
        batch.addGet(clock, clockPath(), clockRange());
    }
    for (qsizetype i = 0; i < queries.size(); ++i) {
        batch.addQuery(QStringLiteral("page%1").arg(i), queries.at(i).first, queries.at(i).second);
    }
    const int calls = batch.send();
    if (!batch.callFailure().ok()) {
        // What the same failure of a query sent alone does: the cycle stops.
        qCWarning(lcSync) << "batched first pages failed" << batch.callFailure().errorCode;
        return stopWith(batch.callFailure());
    }
    if (needClock) {
        const ApiResponse time = batch.result(clock);
        if (!time.ok() || !time.json.object().contains(QLatin1String("latestDateCovered"))) {
            // The Date of this reply is later than its pages: they cannot be vouched for.
            qCInfo(lcSync) << "no clock in the batch" << time.errorCode << "; reading alone";
            return true;
        }
        m_cycleTime = clockFrom(time, batch.replyDate(clock));
        if (!m_cycleTime.isValid()) {
            return noClock();
        }
    }
    for (qsizetype i = 0; i < queries.size(); ++i) {
        const QString reference = QStringLiteral("page%1").arg(i);
        const ApiResponse response = batch.result(reference);
        // Sent alone, a query that failed for a passing reason would be retried, and one
        // refused for its token asked again after a refresh: such a page is read alone.
        if (response.ok() ||
            (response.outcome == ApiResponse::Outcome::Permanent && response.httpStatus != 401)) {
            m_firstPages.insert(pageKey(queries.at(i).first, queries.at(i).second),
                                {response, batch.replyDate(reference)});
        }
    }
    qCInfo(lcSync) << "first pages of" << queries.size() << "queries read in" << calls
                   << "Composite call(s)";
    return true;
}

QDateTime Puller::orgClock()
{
    // The replication API's latestDateCovered is the org's own clock, held back before any
    // transaction not visible yet: every record stamped before it can be read now. Read
    // once per cycle, before the first page.
    const ApiResponse response = m_client.get(clockPath(), clockRange());
    return clockFrom(response, m_client.serverTime());
}

QString Puller::clockPath() const
{
    return QStringLiteral("sobjects/%1/updated/")
        .arg(m_store.mapping().objectFor(Role::Teacher).objectName);
}

QUrlQuery Puller::clockRange() const
{
    const QDateTime base =
        m_client.serverTime().isValid() ? m_client.serverTime() : QDateTime::currentDateTimeUtc();
    QUrlQuery range;
    range.addQueryItem(QStringLiteral("start"),
                       base.addDays(-1).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ")));
    range.addQueryItem(QStringLiteral("end"),
                       base.addDays(40).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ")));
    return range;
}

QDateTime Puller::clockFrom(const ApiResponse &response, const QDateTime &dateHeader)
{
    const QString latest =
        response.json.object().value(QLatin1String("latestDateCovered")).toString();
    if (response.ok() && !latest.isEmpty()) {
        // T becomes every object's covered-until: a clock that does not parse, or runs
        // ahead of the org's own Date header, would skip every later change.
        const QDateTime covered = RecordValidator::parseDateTime(latest);
        if (covered.isValid() &&
            (!dateHeader.isValid() ||
             covered <= dateHeader.addSecs(RecordValidator::kClockSkewSeconds))) {
            return covered.addMSecs(-covered.time().msec());
        }
        qCWarning(lcSync) << "latestDateCovered" << latest << "refused; Date" << dateHeader;
        m_report.refused++;
        m_report.warnings.append(
            QCoreApplication::translate("pasalista::Puller",
                                        "The org's replication clock read %1, which is not a "
                                        "time before its own clock; it was not used.")
                .arg(latest.left(40)));
        return {};
    }
    // Without the replication API: the Date of a reply received before the first query.
    qCInfo(lcSync) << "no latestDateCovered" << response.errorCode << "; using the Date header";
    return dateHeader;
}

QStringList Puller::pendingSfids(Role role) const
{
    const QString table = m_store.mapping().table(role);
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT DISTINCT t.sfid FROM %1 t JOIN _trigger_log l ON"
                                 " l.table_name = ? AND l.record_id = t.id WHERE t.sfid IS NOT NULL"
                                 " AND l.state IN ('NEW','PENDING') LIMIT 200")
                      .arg(quoted(table)));
    query.addBindValue(table);
    QStringList ids;
    if (query.exec()) {
        while (query.next()) {
            ids.append(query.value(0).toString());
        }
    }
    return ids;
}

QString Puller::windowStart(const QDateTime &coveredUntil) const
{
    return coveredUntil.addSecs(-m_overlapSeconds).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

void Puller::refuse(const QString &objectName, const QString &reason)
{
    ++m_report.refused;
    qCWarning(lcSync).noquote() << "refused a record of" << objectName << ":" << reason;
    // The first few reasons are enough to tell what the org (or what stands between) sends.
    constexpr int kReasonsShown = 5;
    if (m_report.refused <= kReasonsShown) {
        m_report.warnings.append(
            QCoreApplication::translate("pasalista::Puller",
                                        "A %1 record from the org was refused: %2.")
                .arg(objectName, reason));
    }
}

bool Puller::applyPage(RemoteApplier &applier, RecordValidator &validator,
                       const QJsonArray &records, const RecordHook &hook)
{
    if (!m_store.begin()) {
        return storeFailed();
    }
    applier.beginPage();
    // Stamps are compared with the Date of the reply that carried them.
    validator.setOrgClock(m_pageDate);
    for (const QJsonValue &value : records) {
        QString reason;
        const auto checked = validator.check(value.toObject(), &reason);
        if (!checked) {
            refuse(m_store.mapping().objectFor(applier.role()).objectName, reason);
            continue;
        }
        const QJsonObject &record = *checked;
        if (!applier.apply(record)) {
            m_report.message = applier.errorString();
            return storeFailed();
        }
        // Scope closure shares the page's transaction: a kill cannot lose it.
        if (hook && !hook(record, applier.lastOutcome())) {
            return storeFailed();
        }
    }
    return m_store.commit() || storeFailed();
}

QString Puller::selectFor(Role role, const QStringList &conditions) const
{
    return Soql::select(fieldsFor(role), m_store.mapping().objectFor(role).objectName, conditions) +
           QStringLiteral(" ORDER BY SystemModstamp ASC, Id ASC");
}

QString Puller::deletionsQuery(const QString &objectName, const QDateTime &from) const
{
    return Soql::select({QStringLiteral("Id"), QStringLiteral("SystemModstamp")}, objectName,
                        {QStringLiteral("IsDeleted = true"),
                         QStringLiteral("SystemModstamp >= ") + windowStart(from)}) +
           QStringLiteral(" ORDER BY SystemModstamp ASC, Id ASC");
}

bool Puller::pullQuery(Role role, const QStringList &conditions, const RecordHook &hook)
{
    const Mapping &mapping = m_store.mapping();
    const QString soql = selectFor(role, conditions);
    qCDebug(lcSync) << "pull" << soql;
    // One applier for every page: its prepared statements and parent-id cache are built
    // once per object, not once per 2,000 records (parents do not change meanwhile).
    const RecordCodec codec(mapping, role);
    RemoteApplier applier(m_store, codec, mapping.binding(role).conflictPolicy, m_report);
    RecordValidator validator(mapping, codec, m_shapes);
    return fetchAll(soql, false, [&](const QJsonArray &records) {
        return applyPage(applier, validator, records, hook);
    });
}

bool Puller::skipped(Role role) const
{
    return !m_onlyObjects.isEmpty() &&
           !m_onlyObjects.contains(m_store.mapping().objectFor(role).objectName);
}

bool Puller::pullObject(Role role, const QString &scope, const RecordHook &hook)
{
    if (skipped(role)) {
        return true;
    }
    const QString objectName = m_store.mapping().objectFor(role).objectName;
    const QDateTime until = serverNow();
    if (!until.isValid()) {
        return false;
    }
    const QDateTime covered = m_state.coveredUntil(objectName);
    if (!covered.isValid() && !m_state.deletionsCoveredUntil(objectName).isValid() &&
        !m_state.setDeletionsCoveredUntil(objectName, until)) {
        // A full read shows what lives now; what is deleted from now on is read later,
        // even if this first pull is killed half-way.
        return storeFailed();
    }
    if (covered.isValid() &&
        m_probe.nothingUpdatedSince(objectName, covered.addSecs(-m_overlapSeconds))) {
        // The org listed nothing changed in the window: covered without a query.
        return m_state.setCoveredUntil(objectName, until) || storeFailed();
    }
    // Covered-until moves only once the whole window is applied, never to a page's last
    // record: a record edited during the pull is served later with a newer stamp. A window
    // with a refused record is read again next cycle.
    const int refusedBefore = m_report.refused;
    if (!pullQuery(role, windowConditions(role, scope), hook)) {
        return false;
    }
    return m_report.refused > refusedBefore || m_state.setCoveredUntil(objectName, until) ||
           storeFailed();
}

QStringList Puller::windowConditions(Role role, const QString &scope) const
{
    const QDateTime covered = m_state.coveredUntil(m_store.mapping().objectFor(role).objectName);
    QStringList conditions;
    if (covered.isValid()) {
        conditions.append(QStringLiteral("SystemModstamp >= ") + windowStart(covered));
    }
    if (covered.isValid() && !scope.isEmpty()) {
        // Records with edits not sent yet are read even if they left the scope meanwhile,
        // so that the office's change meets the teacher's (an enrollment moved to another
        // course while the teacher unenrolled the student).
        const QStringList pending = pendingSfids(role);
        conditions.append(
            pending.isEmpty()
                ? scope
                : QStringLiteral("((%1) OR Id IN %2)").arg(scope, Soql::idList(pending)));
    } else if (!scope.isEmpty()) {
        conditions.append(scope);
    }
    return conditions;
}

bool Puller::pullDeletions(Role role, const QString &scope)
{
    if (skipped(role)) {
        return true;
    }
    const Mapping &mapping = m_store.mapping();
    const QString objectName = mapping.objectFor(role).objectName;
    QDateTime from = m_state.deletionsCoveredUntil(objectName);
    if (!from.isValid()) {
        from = m_state.coveredUntil(objectName);
    }
    if (!from.isValid()) {
        return true; // never pulled: nothing here to delete
    }
    const QDateTime until = serverNow();
    if (!until.isValid()) {
        return false;
    }
    const int refusedBefore = m_report.refused;
    if (from.addDays(kRecycleBinDays - 1) < until) {
        // Away longer than the recycle bin keeps deleted records: queryAll no longer
        // shows them, so compare the Ids in scope with what this laptop holds.
        if (!reconcile(role, scope)) {
            return false;
        }
    } else if (const auto probed =
                   m_probe.deletedSince(objectName, from.addSecs(-m_overlapSeconds))) {
        const RecordCodec codec(mapping, role);
        RemoteApplier applier(m_store, codec, mapping.binding(role).conflictPolicy, m_report);
        RecordValidator validator(mapping, codec, m_shapes);
        if (!applyDeletions(applier, validator, objectName, *probed)) {
            return false;
        }
    } else {
        const QString soql = deletionsQuery(objectName, from);
        const RecordCodec codec(mapping, role);
        RemoteApplier applier(m_store, codec, mapping.binding(role).conflictPolicy, m_report);
        RecordValidator validator(mapping, codec, m_shapes);
        const bool ok = fetchAll(soql, true, [&](const QJsonArray &records) {
            QStringList ids;
            for (const QJsonValue &value : records) {
                ids.append(value.toObject().value(QLatin1String("Id")).toString());
            }
            return applyDeletions(applier, validator, objectName, ids);
        });
        if (!ok) {
            return false;
        }
    }
    return m_report.refused > refusedBefore ||
           m_state.setDeletionsCoveredUntil(objectName, until) || storeFailed();
}

bool Puller::applyDeletions(RemoteApplier &applier, RecordValidator &validator,
                            const QString &objectName, const QStringList &ids)
{
    if (!m_store.begin()) {
        return storeFailed();
    }
    for (const QString &id : ids) {
        QString reason;
        const auto sfid = validator.checkId(QJsonValue(id), &reason);
        if (!sfid) {
            refuse(objectName, reason);
            continue;
        }
        if (!applier.applyDeletion(*sfid)) {
            m_report.message = applier.errorString();
            return storeFailed();
        }
    }
    return m_store.commit() || storeFailed();
}

void Puller::probeChanges()
{
    const QDateTime now =
        m_client.serverTime().isValid() ? m_client.serverTime() : QDateTime::currentDateTimeUtc();
    QList<ChangeProbe::Window> windows;
    for (Role role : Mapping::dependencyOrder()) {
        const QString objectName = m_store.mapping().objectFor(role).objectName;
        ChangeProbe::Window window{objectName, {}, {}};
        const QDateTime covered = m_state.coveredUntil(objectName);
        if (covered.isValid()) {
            window.updatedFrom = covered.addSecs(-m_overlapSeconds);
        }
        QDateTime deletions = m_state.deletionsCoveredUntil(objectName);
        if (!deletions.isValid()) {
            deletions = covered;
        }
        // Past the recycle bin's memory the deletions are reconciled instead.
        if (deletions.isValid() && deletions.addDays(kRecycleBinDays - 1) >= now) {
            window.deletedFrom = deletions.addSecs(-m_overlapSeconds);
        }
        if (window.updatedFrom.isValid() || window.deletedFrom.isValid()) {
            windows.append(window);
        }
    }
    // A first pull reads everything anyway: asking first would only spend a call.
    if (windows.size() == Mapping::dependencyOrder().size()) {
        m_probe.run(windows);
        m_cycleTime = m_probe.cycleTime();
    }
}

bool Puller::reconcile(Role role, const QString &scope)
{
    const Mapping &mapping = m_store.mapping();
    const QString objectName = mapping.objectFor(role).objectName;
    QSet<QString> live;
    const QStringList conditions = scope.isEmpty() ? QStringList() : QStringList{scope};
    const RecordCodec codec(mapping, role);
    RecordValidator validator(mapping, codec, m_shapes);
    if (!fetchAll(Soql::select({QStringLiteral("Id")}, objectName, conditions), false,
                  [&](const QJsonArray &records) {
                      for (const QJsonValue &value : records) {
                          QString reason;
                          const auto sfid = validator.checkId(
                              value.toObject().value(QLatin1String("Id")), &reason);
                          if (!sfid) {
                              // A list with junk in it cannot say what is gone: delete nothing.
                              refuse(objectName, reason);
                              m_report.result = SyncReport::Result::Error;
                              m_report.message =
                                  QCoreApplication::translate(
                                      "pasalista::Puller",
                                      "The org's list of %1 records was damaged; nothing was "
                                      "deleted.")
                                      .arg(objectName);
                              return false;
                          }
                          live.insert(*sfid);
                      }
                      return true;
                  })) {
        return false;
    }
    QSqlQuery local(m_store.database());
    local.exec(QStringLiteral("SELECT sfid FROM %1 WHERE sfid IS NOT NULL AND isdeleted = 0")
                   .arg(quoted(mapping.table(role))));
    QStringList ghosts;
    while (local.next()) {
        if (!live.contains(local.value(0).toString())) {
            ghosts.append(local.value(0).toString());
        }
    }
    qCInfo(lcSync) << "reconcile" << objectName << live.size() << "in scope," << ghosts.size()
                   << "local ghosts";
    RemoteApplier applier(m_store, codec, mapping.binding(role).conflictPolicy, m_report);
    if (!m_store.begin()) {
        return storeFailed();
    }
    for (const QString &sfid : std::as_const(ghosts)) {
        if (!applier.applyDeletion(sfid)) {
            m_report.message = applier.errorString();
            return storeFailed();
        }
    }
    return m_store.commit() || storeFailed();
}

QString Puller::attendanceCutoff() const
{
    const Mapping &mapping = m_store.mapping();
    return QStringLiteral("%1 >= %2")
        .arg(mapping.field(Role::Attendance, QStringLiteral("date")),
             m_today.addDays(-mapping.scope().attendanceSinceDays).toString(Qt::ISODate));
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

QString Puller::courseScope(const QString &teacher, bool includeLocal) const
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

Puller::RecordHook Puller::courseHook(const QStringList &before, const QString &teacher)
{
    const Mapping &mapping = m_store.mapping();
    const bool incremental =
        m_state.coveredUntil(mapping.objectFor(Role::Enrollment).objectName).isValid();
    return [this, &mapping, before, teacher, incremental](const QJsonObject &record,
                                                          RemoteApplier::Outcome outcome) {
        const QString sfid = record.value(QLatin1String("Id")).toString();
        if (!incremental || outcome == RemoteApplier::Outcome::Unchanged || before.contains(sfid) ||
            !mapping.scope().onlyTeacherCourses) {
            return true;
        }
        for (const QString &logical :
             {QStringLiteral("facilitator_1"), QStringLiteral("facilitator_2")}) {
            const QString field = mapping.field(Role::Course, logical);
            if (!field.isEmpty() && record.value(field).toString() == teacher) {
                // A course newly led: its enrollments, students and marks are older than
                // the windows, so they are fetched in full, even after a kill.
                return m_state.addBackfill(mapping.objectFor(Role::Course).objectName, sfid);
            }
        }
        return true;
    };
}

Puller::RecordHook Puller::enrollmentHook(bool backfillMarks)
{
    const Mapping &mapping = m_store.mapping();
    const QString studentField = mapping.field(Role::Enrollment, QStringLiteral("student"));
    const bool marksIncremental =
        m_state.coveredUntil(mapping.objectFor(Role::Attendance).objectName).isValid();
    return [this, &mapping, studentField, backfillMarks,
            marksIncremental](const QJsonObject &record, RemoteApplier::Outcome outcome) {
        if (outcome == RemoteApplier::Outcome::Unchanged) {
            return true;
        }
        // An enrollment of a student not on this laptop: the student may be years old,
        // far below the window, so it is fetched by Id.
        const QString student = record.value(studentField).toString();
        if (!student.isEmpty() &&
            !m_store.idByColumn(Role::Student, QStringLiteral("sfid"), student) &&
            !m_state.addBackfill(mapping.objectFor(Role::Student).objectName, student)) {
            return false;
        }
        // An enrollment new here (say, moved into one of the teacher's courses) brings its
        // older marks along.
        if (backfillMarks && marksIncremental && outcome == RemoteApplier::Outcome::Inserted) {
            return m_state.addBackfill(mapping.objectFor(Role::Enrollment).objectName,
                                       record.value(QLatin1String("Id")).toString());
        }
        return true;
    };
}

bool Puller::backfillInChunks(const QString &objectName,
                              const std::function<bool(const QStringList &chunk)> &fetch)
{
    const QStringList pending = m_state.backfills(objectName);
    for (qsizetype start = 0; start < pending.size(); start += kBackfillChunk) {
        const QStringList chunk = pending.mid(start, kBackfillChunk);
        const int refusedBefore = m_report.refused;
        if (!fetch(chunk)) {
            return false;
        }
        if (m_report.refused > refusedBefore) {
            continue; // something hanging from the chunk was refused: fetched again next cycle
        }
        // Removed only once everything hanging from the chunk is applied.
        if (!m_store.begin() || !m_state.removeBackfills(objectName, chunk) || !m_store.commit()) {
            return storeFailed();
        }
    }
    return true;
}

bool Puller::backfill()
{
    const Mapping &mapping = m_store.mapping();
    const bool courses = backfillInChunks(
        mapping.objectFor(Role::Course).objectName, [this](const QStringList &chunk) {
            qCInfo(lcSync) << "back-filling courses that entered the scope" << chunk;
            return pullQuery(Role::Student, {scopeFor(Role::Student, chunk)}, {}) &&
                   pullQuery(Role::Enrollment, {scopeFor(Role::Enrollment, chunk)},
                             enrollmentHook(false)) &&
                   pullQuery(Role::Attendance, {scopeFor(Role::Attendance, chunk)}, {});
        });
    const bool enrollments =
        courses &&
        backfillInChunks(mapping.objectFor(Role::Enrollment).objectName,
                         [this, &mapping](const QStringList &chunk) {
                             return pullQuery(
                                 Role::Attendance,
                                 {mapping.field(Role::Attendance, QStringLiteral("enrollment")) +
                                      QStringLiteral(" IN ") + Soql::idList(chunk),
                                  attendanceCutoff()},
                                 {});
                         });
    return enrollments &&
           backfillInChunks(
               mapping.objectFor(Role::Student).objectName, [this](const QStringList &chunk) {
                   return pullQuery(Role::Student, {QStringLiteral("Id IN ") + Soql::idList(chunk)},
                                    {});
               });
}

bool Puller::run(const QString &teacherEmail)
{
    const Mapping &mapping = m_store.mapping();
    StoreRepair repair(m_store, m_state, m_shapes);
    if (!repair.run(m_client.serverTime())) {
        m_report.result = SyncReport::Result::Error;
        m_report.message = repair.errorString();
        return false;
    }
    if (m_probeChanges && m_onlyObjects.isEmpty()) {
        probeChanges();
    }
    if (!batchFirstPages(teacherEmail)) {
        return false;
    }
    for (Role role : {Role::Teacher, Role::Program}) {
        if (!pullObject(role, {})) {
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
    const QString courseObject = mapping.objectFor(Role::Course).objectName;
    if (!onlyMine || !teacher.isEmpty()) {
        const QStringList before = coursesInScope(onlyMine ? teacher : QString());
        const bool incremental = m_state.coveredUntil(courseObject).isValid();
        if (!pullObject(Role::Course, courseScope(teacher, incremental),
                        courseHook(before, teacher))) {
            return false;
        }
    }
    const QStringList courses = coursesInScope(onlyMine ? teacher : QString());
    if (!onlyMine || !courses.isEmpty()) {
        if (!pullObject(Role::Student, scopeFor(Role::Student, courses)) ||
            !pullObject(Role::Enrollment, scopeFor(Role::Enrollment, courses),
                        enrollmentHook(true)) ||
            !pullObject(Role::Attendance, scopeFor(Role::Attendance, courses))) {
            return false;
        }
    }
    if (!backfill()) {
        return false;
    }
    for (Role role : Mapping::dependencyOrder()) {
        if (role == Role::Course && onlyMine && teacher.isEmpty()) {
            continue; // no scope to reconcile against
        }
        const QString scope =
            role == Role::Course ? courseScope(teacher, false) : scopeFor(role, courses);
        if (!pullDeletions(role, scope)) {
            return false;
        }
    }
    if (!fixDanglingLookups()) {
        return false;
    }
    if (onlyMine && !teacher.isEmpty()) {
        ScopePruner pruner(m_store, m_report);
        if (!pruner.run(teacher)) {
            return storeFailed();
        }
    }
    return true;
}

} // namespace pasalista
