#include "puller.h"

#include "logging.h"
#include "net/compositebatch.h"
#include "net/querypager.h"
#include "net/salesforceclient.h"
#include "store/execstatement.h"
#include "store/localstore.h"
#include "store/metastore.h"
#include "store/sqltext.h"
#include "sync/preparedpage.h"
#include "sync/recordcodec.h"
#include "sync/scopepruner.h"
#include "sync/soql.h"
#include "sync/storerepair.h"

#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrlQuery>

#include <tuple>

namespace pasalista {

using sql::quoted;

namespace {

// Often enough that the next page is parsed well before this one is written, seldom enough
// to cost nothing.
constexpr qsizetype kRecordsBetweenPrefetchChecks = 200;

} // namespace

Puller::Puller(LocalStore &store, SalesforceClient &client, SyncReport &report)
    : m_store(store), m_client(client), m_report(report), m_reporter(store, report), m_state(store),
      m_queries(store, m_state), m_clock(store, client, report), m_readAhead(client, m_clock),
      m_backfill(store, m_state, m_queries, m_reporter, report), m_probe(client)
{
}

bool Puller::fetchAll(const QString &soql, bool includeDeleted, const PageHandler &handler)
{
    QueryPager pager(m_client);
    pager.setReadAhead(true);
    const PullReadAhead::Page first = m_readAhead.firstPage(soql, includeDeleted);
    return pager.run(first.response, first.date, [&](const QJsonArray &records) {
        m_pageDate = pager.pageDate();
        return handler(records);
    }) || m_reporter.stopPaging(pager);
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
                qCWarning(lcSyncPull) << "lookup fix-up failed" << query.lastError().text();
                return false;
            }
        }
    }
    return true;
}

QList<PullReadAhead::Query> Puller::queriesAhead(const QString &teacherEmail,
                                                 bool probeInBatch) const
{
    const Mapping &mapping = m_store.mapping();
    const bool onlyMine = mapping.scope().onlyTeacherCourses;
    const QString teacher = m_queries.teacherSfid(teacherEmail);
    const Ahead ahead{teacher, m_queries.coursesInScope(onlyMine ? teacher : QString()),
                      probeInBatch};
    QList<PullReadAhead::Query> queries;
    QList<PullReadAhead::Query> readOnly;
    bool firstReads = false;
    for (Role role : Mapping::dependencyOrder()) {
        if (skipped(role)) {
            continue;
        }
        QList<PullReadAhead::Query> &into = mapping.objectFor(role).writable ? queries : readOnly;
        if (m_state.coveredUntil(mapping.objectFor(role).objectName).isValid()) {
            windowAhead(role, ahead, into, queries);
            continue;
        }
        // A first read whose scope SOQL can say alone is asked with the others at once.
        firstReads = true;
        if (const auto scope = firstReadScope(role, teacherEmail)) {
            into.append(
                {m_queries.selectFor(role, m_queries.windowConditions(role, *scope)), false});
        }
    }
    if (!probeInBatch && !firstReads) {
        return readOnly + queries;
    }
    // In one call: the objects the teacher only reads take the room left (the probe answers
    // for them up to its minute; a first read asks for them in their turn, while the next
    // page of what was read ahead is on its way).
    return queries +
           readOnly.mid(0, std::max<qsizetype>(0, CompositeBatch::kMaxQueries - queries.size()));
}

void Puller::windowAhead(Role role, const Ahead &ahead, QList<PullReadAhead::Query> &window,
                         QList<PullReadAhead::Query> &others) const
{
    const Mapping &mapping = m_store.mapping();
    const QString objectName = mapping.objectFor(role).objectName;
    const QDateTime covered = m_state.coveredUntil(objectName);
    const bool onlyMine = mapping.scope().onlyTeacherCourses;
    const bool inScope =
        role == Role::Teacher || role == Role::Program || !onlyMine ||
        (role == Role::Course ? !ahead.teacher.isEmpty() : !ahead.courses.isEmpty());
    if (!inScope) {
        return;
    }
    const QString scope = role == Role::Course ? m_queries.courseScope(ahead.teacher, true)
                                               : m_queries.scopeFor(role, ahead.courses);
    if (!m_probe.nothingUpdatedSince(objectName, m_queries.windowFrom(objectName))) {
        // With the probe in the call, queryAll: a record deleted in its last seconds too.
        const QStringList folded =
            ahead.probeInBatch ? foldedWindow(role, ahead.courses) : QStringList();
        window.append(
            {m_queries.selectFor(role, folded.isEmpty() ? m_queries.windowConditions(role, scope)
                                                        : folded),
             ahead.probeInBatch && withDeletedRows(role)});
    }
    // A student deleted (or merged away) leaves the scope with her enrollments: a window
    // cannot show her deleted rows, a query of the object's deletions can.
    if (ahead.probeInBatch && role == Role::Student) {
        others.append({m_queries.deletionsQuery(objectName, deletionsFrom(objectName)), true});
    }
    // The probe listed records not held here in the settled part: their count rides along.
    if (const auto held = settledPartHeld(role); held && !*held) {
        others.append({m_queries.settledCountQuery(role, scope), false});
    }
    const QDateTime from = deletionsFrom(objectName);
    const QDateTime now = m_clock.knownTime().isValid()     ? m_clock.knownTime()
                          : m_client.serverTime().isValid() ? m_client.serverTime()
                                                            : QDateTime::currentDateTimeUtc();
    // The probe in the batch answers for deletions (the `deleted` resource).
    if (!ahead.probeInBatch && from.addDays(kRecycleBinDays - 1) >= now &&
        !m_probe.deletedSince(objectName, from.addSecs(-m_queries.overlapSeconds()))) {
        others.append({m_queries.deletionsQuery(objectName, from), true});
    }
}

QDateTime Puller::deletionsFrom(const QString &objectName) const
{
    const QDateTime deletions = m_state.deletionsCoveredUntil(objectName);
    return deletions.isValid() ? deletions : m_state.coveredUntil(objectName);
}

QStringList Puller::foldedWindow(Role role, const QStringList &courses) const
{
    return role == Role::Attendance ? m_queries.marksWindowWithPendingEdits(courses)
                                    : QStringList();
}

bool Puller::addReadAheadTo(CompositeBatch &batch, const QString &teacherEmail)
{
    for (Role role : Mapping::dependencyOrder()) {
        if (skipped(role) ||
            m_state.coveredUntil(m_store.mapping().objectFor(role).objectName).isValid()) {
            return false;
        }
    }
    return m_readAhead.add(batch, queriesAhead(teacherEmail, false), m_probe, {}, true);
}

void Puller::takeReadAhead(const CompositeBatch &batch)
{
    m_readAhead.take(batch, 1);
    // A field the org lacks fails its page here: no sign the describes are out of date, as
    // they were read in this same call.
    m_client.takeFieldError();
}

std::optional<QString> Puller::firstReadScope(Role role, const QString &teacherEmail) const
{
    const Mapping &mapping = m_store.mapping();
    if (role == Role::Teacher || role == Role::Program) {
        return QString();
    }
    if (!mapping.scope().onlyTeacherCourses) {
        return role == Role::Course ? QString() : m_queries.scopeFor(role, {});
    }
    const QString scope = m_queries.firstReadScope(role, teacherEmail);
    return scope.isEmpty() ? std::nullopt : std::optional<QString>(scope);
}

QString Puller::windowScope(Role role, const QString &teacherEmail, const QString &byIds) const
{
    if (m_state.coveredUntil(m_store.mapping().objectFor(role).objectName).isValid()) {
        return byIds;
    }
    return firstReadScope(role, teacherEmail).value_or(byIds);
}

std::optional<bool> Puller::settledPartHeld(Role role) const
{
    const QString objectName = m_store.mapping().objectFor(role).objectName;
    const auto [from, until] = m_queries.settledPart(objectName);
    if (!from.isValid()) {
        return true; // the window reads the whole overlap
    }
    const auto stamped = m_probe.updatedBetween(objectName, from, until);
    if (!stamped) {
        return std::nullopt;
    }
    return m_queries.notHeldSince(role, *stamped, from).isEmpty();
}

QList<ChangeProbe::Window> Puller::settledWindows() const
{
    QList<ChangeProbe::Window> windows;
    for (Role role : Mapping::dependencyOrder()) {
        const QString objectName = m_store.mapping().objectFor(role).objectName;
        const auto [from, until] = m_queries.settledPart(objectName);
        if (!skipped(role) && from.isValid() && !m_probe.updatedBetween(objectName, from, until)) {
            windows.append({objectName, {}, {}, from, until});
        }
    }
    return windows;
}

bool Puller::applyPage(RemoteApplier &applier, RecordValidator &validator, const RecordCodec &codec,
                       const QJsonArray &records, const RecordHook &hook)
{
    if (!m_store.begin()) {
        return m_reporter.storeFailed();
    }
    applier.beginPage();
    // Stamps are compared with the Date of the reply that carried them.
    validator.setOrgClock(m_pageDate);
    // Checked and decoded on a worker while the records before are written.
    PreparedPage page(validator, codec, records);
    qsizetype applied = 0;
    while (PreparedPage::Record *prepared = page.next()) {
        // The next page, asked for before this one, is taken in and parsed meanwhile.
        if (++applied % kRecordsBetweenPrefetchChecks == 0) {
            m_client.advancePrefetch();
        }
        if (!prepared->checked) {
            m_reporter.refuse(m_store.mapping().objectFor(applier.role()).objectName,
                              prepared->reason);
            continue;
        }
        const QJsonObject &record = *prepared->checked;
        if (!applier.applyColumns(std::move(prepared->columns))) {
            m_report.message = applier.errorString();
            return m_reporter.storeFailed();
        }
        // Scope closure shares the page's transaction: a kill cannot lose it.
        if (hook && !hook(record, applier.lastOutcome())) {
            return m_reporter.storeFailed();
        }
    }
    return m_store.commit() || m_reporter.storeFailed();
}

bool Puller::pullQuery(Role role, const QStringList &conditions, const RecordHook &hook)
{
    const Mapping &mapping = m_store.mapping();
    const QString soql = m_queries.selectFor(role, conditions);
    qCDebug(lcSyncPull) << "pull" << soql;
    // One applier for every page: its prepared statements and parent-id cache are built
    // once per object, not once per 2,000 records (parents do not change meanwhile).
    const RecordCodec codec(mapping, role);
    RemoteApplier applier(m_store, codec, mapping.binding(role).conflictPolicy, m_report);
    RecordValidator validator(mapping, codec, m_shapes);
    return fetchAll(soql, false, [&](const QJsonArray &records) {
        return applyPage(applier, validator, codec, records, hook);
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
    const QDateTime until = m_clock.cycleTime();
    if (!until.isValid()) {
        return false;
    }
    const QDateTime covered = m_state.coveredUntil(objectName);
    if (!covered.isValid() && !m_state.deletionsCoveredUntil(objectName).isValid()) {
        // A full read shows what lives now; what is deleted from now on is read later,
        // even if this first pull is killed half-way: by the next cycle, whose deletions
        // window starts at T less the overlap, so this one asks for none.
        if (!m_state.setDeletionsCoveredUntil(objectName, until)) {
            return m_reporter.storeFailed();
        }
        m_firstRead.insert(objectName);
    }
    // Covered-until moves only once the whole window is applied, never to a page's last
    // record: a record edited during the pull is served later with a newer stamp. A window
    // with a refused record is read again next cycle.
    const int refusedBefore = m_report.refused;
    // The org listed nothing changed in the window: covered without a query. A page read
    // ahead with the probe ("Sync now") is applied all the same: it holds what changed since
    // the minute the probe vouches for.
    const bool changed = !covered.isValid() ||
                         !m_probe.nothingUpdatedSince(objectName, m_queries.windowFrom(objectName));
    const QStringList folded =
        m_probeInBatch
            ? foldedWindow(role,
                           m_queries.coursesInScope(m_store.mapping().scope().onlyTeacherCourses
                                                        ? m_queries.teacherSfid(m_teacherEmail)
                                                        : QString()))
            : QStringList();
    const QStringList window = folded.isEmpty() ? m_queries.windowConditions(role, scope) : folded;
    const QString windowSoql = m_queries.selectFor(role, window);
    if (m_readAhead.askedAhead(windowSoql, true) ||
        (m_probeInBatch && m_store.mapping().objectFor(role).writable && withDeletedRows(role))) {
        // Read ahead, or asked now when the scope moved since its text was read ahead: the
        // probe answers only up to its minute, so the window's last seconds, deleted rows
        // too, come from the window itself, or a "Sync now" would miss an office delete.
        if (!pullWithDeletedRows(role, windowSoql, hook)) {
            return false;
        }
    } else if ((changed || !folded.isEmpty()) && !pullQuery(role, window, hook)) {
        return false;
    }
    if (folded.isEmpty() && (changed || m_probeInBatch)) {
        for (const QStringList &conditions : m_queries.pendingEditConditions(role, scope)) {
            if (!pullQuery(role, conditions, hook)) {
                return false;
            }
        }
    }
    if (!pullSettled(role, scope, hook)) {
        return false;
    }
    return m_report.refused > refusedBefore ||
           m_state.setCoveredUntil(objectName, until, m_clock.vouched()) ||
           m_reporter.storeFailed();
}

bool Puller::withDeletedRows(Role role) const
{
    return m_store.mapping().objectFor(role).fields.contains(QLatin1String("IsDeleted"));
}

bool Puller::pullWithDeletedRows(Role role, const QString &soql, const RecordHook &hook)
{
    const Mapping &mapping = m_store.mapping();
    const QString objectName = mapping.objectFor(role).objectName;
    const RecordCodec codec(mapping, role);
    RemoteApplier applier(m_store, codec, mapping.binding(role).conflictPolicy, m_report);
    RecordValidator validator(mapping, codec, m_shapes);
    return fetchAll(soql, true, [&](const QJsonArray &records) {
        QJsonArray live;
        bool anyDeleted = false;
        for (const QJsonValue &value : records) {
            if (value.toObject().value(QLatin1String("IsDeleted")).toBool()) {
                // Applied with the other deletions, once every window is: a merge's moves
                // are then seen before the merged record leaves.
                m_deletedInWindows[objectName].append(
                    value.toObject().value(QLatin1String("Id")).toString());
                anyDeleted = true;
            } else {
                live.append(value);
            }
        }
        return applyPage(applier, validator, codec, anyDeleted ? live : records, hook);
    });
}

bool Puller::pullSettled(Role role, const QString &scope, const RecordHook &hook)
{
    const QString objectName = m_store.mapping().objectFor(role).objectName;
    const auto [from, until] = m_queries.settledPart(objectName);
    if (!from.isValid()) {
        return true; // the window read the whole overlap
    }
    if (settledPartHeld(role).value_or(false)) {
        return true;
    }
    // Some are not held: outside the scope, or a commit that became visible late. Read the
    // part whole only when the org holds more of the scope there than this laptop does.
    const ApiResponse counted =
        m_readAhead.firstPage(m_queries.settledCountQuery(role, scope), false).response;
    const qint64 orgCount = counted.json.object().value(QLatin1String("totalSize")).toInteger(-1);
    if (counted.ok() && orgCount >= 0 && orgCount == m_queries.heldBetween(role, from, until)) {
        return true;
    }
    qCInfo(lcSyncPull) << "settled part of" << objectName << "read whole:" << orgCount
                       << "in the org";
    return pullQuery(role, m_queries.rangeConditions(scope, from, until), hook);
}

bool Puller::pullDeletions(Role role, const QString &scope)
{
    if (skipped(role)) {
        return true;
    }
    const Mapping &mapping = m_store.mapping();
    const QString objectName = mapping.objectFor(role).objectName;
    const QDateTime from = deletionsFrom(objectName);
    if (!from.isValid() || m_firstRead.contains(objectName)) {
        return true; // never pulled, or read whole since T: nothing here to delete
    }
    const QDateTime until = m_clock.cycleTime();
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
                   m_readAhead.askedAhead(m_queries.deletionsQuery(objectName, from), true)
                       ? std::nullopt
                       : m_probe.deletedSince(objectName,
                                              from.addSecs(-m_queries.overlapSeconds()))) {
        const RecordCodec codec(mapping, role);
        RemoteApplier applier(m_store, codec, mapping.binding(role).conflictPolicy, m_report);
        RecordValidator validator(mapping, codec, m_shapes);
        // With those deleted since T that the window's queryAll showed ("Sync now"); any
        // other branch reads past T itself.
        if (!applyDeletions(applier, validator, objectName,
                            *probed + m_deletedInWindows.value(objectName))) {
            return false;
        }
    } else {
        const QString soql = m_queries.deletionsQuery(objectName, from);
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
           m_state.setDeletionsCoveredUntil(objectName, until) || m_reporter.storeFailed();
}

bool Puller::applyDeletions(RemoteApplier &applier, RecordValidator &validator,
                            const QString &objectName, const QStringList &ids)
{
    if (!m_store.begin()) {
        return m_reporter.storeFailed();
    }
    for (const QString &id : ids) {
        QString reason;
        const auto sfid = validator.checkId(QJsonValue(id), &reason);
        if (!sfid) {
            m_reporter.refuse(objectName, reason);
            continue;
        }
        if (!applier.applyDeletion(*sfid)) {
            m_report.message = applier.errorString();
            return m_reporter.storeFailed();
        }
    }
    return m_store.commit() || m_reporter.storeFailed();
}

QList<ChangeProbe::Window> Puller::probeWindows() const
{
    const QDateTime now =
        m_client.serverTime().isValid() ? m_client.serverTime() : QDateTime::currentDateTimeUtc();
    QList<ChangeProbe::Window> windows;
    for (Role role : Mapping::dependencyOrder()) {
        const QString objectName = m_store.mapping().objectFor(role).objectName;
        ChangeProbe::Window window{objectName, {}, {}, {}, {}};
        const QDateTime covered = m_state.coveredUntil(objectName);
        if (covered.isValid()) {
            window.updatedFrom = m_queries.windowFrom(objectName);
            std::tie(window.settledFrom, window.settledUntil) = m_queries.settledPart(objectName);
        }
        QDateTime deletions = m_state.deletionsCoveredUntil(objectName);
        if (!deletions.isValid()) {
            deletions = covered;
        }
        // Past the recycle bin's memory the deletions are reconciled instead.
        if (deletions.isValid() && deletions.addDays(kRecycleBinDays - 1) >= now) {
            window.deletedFrom = deletions.addSecs(-m_queries.overlapSeconds());
        }
        if (window.updatedFrom.isValid() || window.deletedFrom.isValid()) {
            windows.append(window);
        }
    }
    // A first pull reads everything anyway: asking first would only spend a call.
    if (windows.size() != Mapping::dependencyOrder().size()) {
        return {};
    }
    return windows;
}

bool Puller::reconcile(Role role, const QString &scope)
{
    const Mapping &mapping = m_store.mapping();
    QSet<QString> live;
    if (!liveIds(role, scope.isEmpty() ? QStringList() : QStringList{scope}, &live)) {
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
    qCInfo(lcSyncPull) << "reconcile" << mapping.objectFor(role).objectName << live.size()
                       << "in scope," << ghosts.size() << "local ghosts";
    return deleteGhosts(role, ghosts);
}

bool Puller::liveIds(Role role, const QStringList &conditions, QSet<QString> *live)
{
    const Mapping &mapping = m_store.mapping();
    const QString objectName = mapping.objectFor(role).objectName;
    const RecordCodec codec(mapping, role);
    RecordValidator validator(mapping, codec, m_shapes);
    return fetchAll(Soql::select({QStringLiteral("Id")}, objectName, conditions), false,
                    [&](const QJsonArray &records) {
                        for (const QJsonValue &value : records) {
                            QString reason;
                            const auto sfid = validator.checkId(
                                value.toObject().value(QLatin1String("Id")), &reason);
                            if (!sfid) {
                                // A list with junk in it cannot say what is gone: delete nothing.
                                m_reporter.refuse(objectName, reason);
                                m_report.result = SyncReport::Result::Error;
                                m_report.message =
                                    QCoreApplication::translate(
                                        "pasalista::Puller",
                                        "The org's list of %1 records was damaged; nothing was "
                                        "deleted.")
                                        .arg(objectName);
                                return false;
                            }
                            live->insert(*sfid);
                        }
                        return true;
                    });
}

bool Puller::deleteGhosts(Role role, const QStringList &ghosts)
{
    const Mapping &mapping = m_store.mapping();
    const RecordCodec codec(mapping, role);
    RemoteApplier applier(m_store, codec, mapping.binding(role).conflictPolicy, m_report);
    if (!m_store.begin()) {
        return m_reporter.storeFailed();
    }
    for (const QString &sfid : ghosts) {
        if (!applier.applyDeletion(sfid)) {
            m_report.message = applier.errorString();
            return m_reporter.storeFailed();
        }
    }
    return m_store.commit() || m_reporter.storeFailed();
}

bool Puller::forgetCoursesNoLongerShown(const QString &teacher, bool incremental)
{
    // Under private sharing a course handed to another teacher vanishes from what the org
    // shows her: no window returns it changed and no deletion names it. Once a day the
    // courses held here are asked for by Id; those the org no longer returns no longer name
    // her here, so the scope pruner lets them go with their enrollments, marks and students,
    // as it does a course she sees handed over. A full pull of the courses sees what she is
    // shown anyway.
    MetaStore meta(m_store);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime checked =
        QDateTime::fromString(meta.value(QLatin1String(kCoursesShownKey)), Qt::ISODate);
    if (incremental && checked.isValid() && checked.secsTo(now) < kCoursesShownMaxAgeSeconds) {
        return true;
    }
    if (incremental) {
        QSet<QString> shown;
        for (const QStringList &conditions : m_queries.heldCourseConditions()) {
            if (!liveIds(Role::Course, conditions, &shown)) {
                return false;
            }
        }
        QStringList gone;
        for (const QString &sfid : m_queries.coursesInScope(QString())) {
            if (!shown.contains(sfid)) {
                gone.append(sfid);
            }
        }
        qCInfo(lcSyncPull) << "courses no longer shown:" << gone.size();
        if (!unassignCourses(teacher, gone)) {
            return m_reporter.storeFailed();
        }
    }
    if (!meta.setValue(QLatin1String(kCoursesShownKey), now.toString(Qt::ISODate))) {
        qCWarning(lcSyncPull) << "could not note the courses' check:" << meta.errorString();
    }
    return true;
}

bool Puller::unassignCourses(const QString &teacher, const QStringList &sfids)
{
    const Mapping &mapping = m_store.mapping();
    for (const QString &logical :
         {QStringLiteral("facilitator_1"), QStringLiteral("facilitator_2")}) {
        const QString column = mapping.column(Role::Course, logical);
        if (column.isEmpty() || sfids.isEmpty()) {
            continue;
        }
        // Not a local edit: nothing goes to the outbox.
        QSqlQuery query(m_store.database());
        query.prepare(
            QStringLiteral("UPDATE %1 SET %2 = NULL WHERE %2 = ? AND sfid IN (%3)")
                .arg(quoted(mapping.table(Role::Course)), quoted(column),
                     QStringList(sfids.size(), QStringLiteral("?")).join(QLatin1Char(','))));
        query.addBindValue(teacher);
        for (const QString &sfid : sfids) {
            query.addBindValue(sfid);
        }
        if (!execStatement(query, &m_report.message)) {
            return false;
        }
    }
    return true;
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
    // A background cycle asks the probe first and queries only what changed, up to the
    // minute the org vouches for. "Sync now" asks the same questions in the call that reads
    // the windows' first pages, so it sees an office edit of the last seconds in one call.
    const QList<ChangeProbe::Window> windows =
        m_onlyObjects.isEmpty() ? probeWindows() : QList<ChangeProbe::Window>();
    const bool probeInBatch = !m_probeChanges && !windows.isEmpty();
    m_probeInBatch = probeInBatch;
    m_teacherEmail = teacherEmail;
    if (m_probeChanges && !windows.isEmpty()) {
        m_probe.run(windows);
        m_clock.reportRefused(m_probe.refusedAnswer());
        m_clock.setKnownTime(m_probe.cycleTime(), true);
    }
    QList<PullReadAhead::Query> ahead = queriesAhead(teacherEmail, probeInBatch);
    ahead.removeIf([this](const PullReadAhead::Query &query) {
        return m_readAhead.askedAhead(query.first, query.second); // with the describes
    });
    if (!m_readAhead.read(ahead, m_probe, probeInBatch ? windows : settledWindows())) {
        return m_readAhead.callFailure().ok() ? false
                                              : m_reporter.stopWith(m_readAhead.callFailure());
    }
    for (Role role : {Role::Teacher, Role::Program}) {
        if (!pullObject(role, {})) {
            return false;
        }
    }
    const QString teacher = m_queries.teacherSfid(teacherEmail);
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
        const QStringList before = m_queries.coursesInScope(onlyMine ? teacher : QString());
        const bool incremental = m_state.coveredUntil(courseObject).isValid();
        if (!pullObject(Role::Course,
                        windowScope(Role::Course, teacherEmail,
                                    m_queries.courseScope(teacher, incremental)),
                        m_backfill.courseHook(before, teacher)) ||
            !forgetCoursesNoLongerShown(teacher, incremental)) {
            return false;
        }
    }
    const QStringList courses = m_queries.coursesInScope(onlyMine ? teacher : QString());
    if (!onlyMine || !courses.isEmpty()) {
        const auto scope = [&](Role role) {
            return windowScope(role, teacherEmail, m_queries.scopeFor(role, courses));
        };
        if (!pullObject(Role::Student, scope(Role::Student)) ||
            !pullObject(Role::Enrollment, scope(Role::Enrollment),
                        m_backfill.enrollmentHook(true)) ||
            !pullObject(Role::Attendance, scope(Role::Attendance))) {
            return false;
        }
    }
    if (!m_backfill.run([this](Role role, const QStringList &conditions, const RecordHook &hook) {
            return pullQuery(role, conditions, hook);
        })) {
        return false;
    }
    for (Role role : Mapping::dependencyOrder()) {
        if (role == Role::Course && onlyMine && teacher.isEmpty()) {
            continue; // no scope to reconcile against
        }
        const QString scope = role == Role::Course ? m_queries.courseScope(teacher, false)
                                                   : m_queries.scopeFor(role, courses);
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
            return m_reporter.storeFailed();
        }
    }
    return true;
}

} // namespace pasalista
