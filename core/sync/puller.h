#pragma once

#include "mapping.h"
#include "net/apiresponse.h"
#include "sync/changeprobe.h"
#include "sync/orgclock.h"
#include "sync/pullbackfill.h"
#include "sync/pullqueries.h"
#include "sync/pullreadahead.h"
#include "sync/pullreporter.h"
#include "sync/pullstate.h"
#include "sync/recordvalidator.h"
#include "sync/remoteapplier.h"
#include "sync/syncreport.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QSet>
#include <QUrlQuery>

#include <functional>
#include <optional>

namespace pasalista {

class CompositeBatch;
class LocalStore;
class RecordCodec;
class SalesforceClient;

// The pull's flow: replicates the teacher's scope from the org (DESIGN.md, "Sync cycle"),
// object by object, with the clock (OrgClock), the read-ahead (PullReadAhead), the
// scope's queries (PullQueries), the back-fill (PullBackfill) and the report of a stop
// (PullReporter) beside it. Per object the store keeps a covered-until point; each pull
// reads the window [covered-until - overlap, T], T being the org's clock read before the
// first page, applies it page by page (each page one transaction, re-applying a record
// already here is no work) and moves covered-until to T only once the whole window is
// applied. Records that enter the scope
// (a course newly led, an enrollment of a student not on the laptop) are noted in the
// page's transaction and back-filled by Id whatever their stamp; records that leave it
// leave the laptop unless they hold pending edits. Deletions come from queryAll over the
// same window, or from a full reconcile of the Ids in scope once the recycle bin has
// forgotten them.
class Puller
{
public:
    Puller(LocalStore &store, SalesforceClient &client, SyncReport &report);

    // Fields the org has per object (from describe); an object missing here is queried
    // with every mapped field.
    void setAvailableFields(const QHash<QString, QSet<QString>> &fields)
    {
        m_queries.setAvailableFields(fields);
    }
    // The org's describe (field types, key prefixes): what each reply is checked against.
    void setOrgShapes(const OrgShapes &shapes) { m_shapes = shapes; }
    void setToday(const QDate &today) { m_queries.setToday(today); }
    // How far before covered-until each window starts: commits become visible later than
    // their stamp (default 10 minutes).
    void setOverlapSeconds(int seconds) { m_queries.setOverlapSeconds(seconds); }
    // Ask the org first, in one Composite call, which objects changed (the `updated` and
    // `deleted` resources): an idle cycle costs one API call. Their windows end at the
    // minute the org vouches for, so a change of the last minute waits for the next cycle.
    // Without it ("Sync now") the same questions go in the call that reads the windows'
    // first pages: one call too, and the last seconds are seen; change events query at once.
    void setProbeChanges(bool probe) { m_probeChanges = probe; }
    // Pull only these objects (a change event named them); the others keep their windows
    // for the next cycle. Empty: every object.
    void setOnlyObjects(const QSet<QString> &objectNames) { m_onlyObjects = objectNames; }
    // Returns false when the cycle must stop; the report then says why.
    bool run(const QString &teacherEmail);
    // A first sync's first pages ride in the call that reads the describes (SyncEngine),
    // after them and T: asked with every field the mapping names, as the describes have
    // not said yet which the org has; a page whose query they change is asked again by
    // run(). False when there was nothing to add (not a first sync).
    bool addReadAheadTo(CompositeBatch &batch, const QString &teacherEmail);
    void takeReadAhead(const CompositeBatch &batch);

    using PageHandler = std::function<bool(const QJsonArray &records)>;
    // Runs a SOQL query and hands every page to `handler` (QueryPager), retrying transient
    // failures.
    bool fetchAll(const QString &soql, bool includeDeleted, const PageHandler &handler);

    // The recycle bin keeps deleted records 15 days; past this the deletions are
    // reconciled from the Ids in scope instead.
    static constexpr int kRecycleBinDays = 15;
    // When the courses held here were last asked for by Id (MetaStore key), and how often.
    static constexpr const char *kCoursesShownKey = "courses-shown-checked";
    static constexpr int kCoursesShownMaxAgeSeconds = 24 * 60 * 60;

private:
    using RecordHook = PullRecordHook;

    bool pullObject(Role role, const QString &scope, const RecordHook &hook = {});
    bool pullQuery(Role role, const QStringList &conditions, const RecordHook &hook);
    // A window read by queryAll: its deleted rows are applied as deletions.
    bool pullWithDeletedRows(Role role, const QString &soql, const RecordHook &hook);
    // Whether `role`'s queries select IsDeleted, so that queryAll tells deleted rows apart.
    bool withDeletedRows(Role role) const;
    // The settled part of `role`'s window (PullQueries::settledPart()): only what is not
    // held here is read.
    bool pullSettled(Role role, const QString &scope, const RecordHook &hook);
    // Whether the org's answer about the settled part lists only records held here with
    // such a stamp (true when the window has no settled part); nullopt before it answered.
    std::optional<bool> settledPartHeld(Role role) const;
    bool pullDeletions(Role role, const QString &scope);
    bool applyDeletions(RemoteApplier &applier, RecordValidator &validator,
                        const QString &objectName, const QStringList &ids);
    // The probe's questions for every object (empty when an object was never pulled: a
    // first pull reads everything anyway).
    QList<ChangeProbe::Window> probeWindows() const;
    bool reconcile(Role role, const QString &scope);
    // The Ids of `role` the org returns under `conditions`, added to *live.
    bool liveIds(Role role, const QStringList &conditions, QSet<QString> *live);
    // Local records the org no longer has for this user leave, as if deleted there.
    bool deleteGhosts(Role role, const QStringList &ghosts);
    bool forgetCoursesNoLongerShown(const QString &teacher, bool incremental);
    bool unassignCourses(const QString &teacher, const QStringList &sfids);
    bool applyPage(RemoteApplier &applier, RecordValidator &validator, const RecordCodec &codec,
                   const QJsonArray &records, const RecordHook &hook);
    // The windows an incremental cycle can name before its first page, for the read-ahead.
    // `probeInBatch`: the probe's questions go in the same call, so deletions come from it
    // and the queries fit the call's five.
    QList<PullReadAhead::Query> queriesAhead(const QString &teacherEmail, bool probeInBatch) const;
    struct Ahead
    {
        QString teacher;
        QStringList courses;
        bool probeInBatch = false;
    };
    // An incremental object's queries ahead: its window into `window`, its settled count
    // and deletions into `others`.
    void windowAhead(Role role, const Ahead &ahead, QList<PullReadAhead::Query> &window,
                     QList<PullReadAhead::Query> &others) const;
    // The settled parts the org is to be asked about with the read-ahead (those the change
    // probe has not answered).
    QList<ChangeProbe::Window> settledWindows() const;
    bool fixDanglingLookups();
    // Where `objectName`'s deletions window starts (before the overlap).
    QDateTime deletionsFrom(const QString &objectName) const;
    // `role`'s window and its edits not sent yet in one query ("Sync now"), when it has one
    // (PullQueries::marksWindowWithPendingEdits()); empty otherwise.
    QStringList foldedWindow(Role role, const QStringList &courses) const;
    // The scope of `role`'s first read when it needs no Id from an earlier reply (SOQL
    // through the teacher's email, see PullQueries::firstReadScope()); nullopt otherwise.
    std::optional<QString> firstReadScope(Role role, const QString &teacherEmail) const;
    // The scope of `role`'s window this cycle: firstReadScope() on a first read when there is
    // one (so that its page read ahead is the one asked), else `byIds`.
    QString windowScope(Role role, const QString &teacherEmail, const QString &byIds) const;

    LocalStore &m_store;
    SalesforceClient &m_client;
    SyncReport &m_report;
    PullReporter m_reporter;
    PullState m_state;
    PullQueries m_queries;
    OrgClock m_clock;
    PullReadAhead m_readAhead;
    PullBackfill m_backfill;
    OrgShapes m_shapes;
    ChangeProbe m_probe;
    // The Date of the reply that carried the page being applied.
    QDateTime m_pageDate;
    bool m_probeChanges = false;
    // Objects read whole for the first time this cycle: no deletions to ask for.
    QSet<QString> m_firstRead;
    // Per object, the Ids a window's queryAll showed deleted, applied with the deletions.
    QHash<QString, QStringList> m_deletedInWindows;
    // "Sync now": the probe travelled with the windows' first pages (see run()).
    bool m_probeInBatch = false;
    QString m_teacherEmail;
    QSet<QString> m_onlyObjects;
    bool skipped(Role role) const;
};

} // namespace pasalista
