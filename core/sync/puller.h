#pragma once

#include "mapping.h"
#include "net/apiresponse.h"
#include "sync/changeprobe.h"
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

namespace pasalista {

class LocalStore;
class RecordCodec;
class SalesforceClient;

// Replicates the teacher's scope from the org (DESIGN.md, "Sync cycle"). Per object the
// store keeps a covered-until point; each pull reads the window [covered-until - overlap,
// T], T being the org's clock read before the first page, applies it page by page (each
// page one transaction, re-applying a record already here is no work) and moves
// covered-until to T only once the whole window is applied. Records that enter the scope
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
    void setAvailableFields(const QHash<QString, QSet<QString>> &fields) { m_available = fields; }
    // The org's describe (field types, key prefixes): what each reply is checked against.
    void setOrgShapes(const OrgShapes &shapes) { m_shapes = shapes; }
    void setToday(const QDate &today) { m_today = today; }
    // How far before covered-until each window starts: commits become visible later than
    // their stamp (default 10 minutes).
    void setOverlapSeconds(int seconds) { m_overlapSeconds = seconds; }
    // Ask the org first, in one Composite call, which objects changed (the `updated` and
    // `deleted` resources): an idle cycle costs one API call. Their windows end at the
    // minute the org vouches for, so a change of the last minute waits for the next cycle;
    // "Sync now" and change events query at once instead.
    void setProbeChanges(bool probe) { m_probeChanges = probe; }
    // Pull only these objects (a change event named them); the others keep their windows
    // for the next cycle. Empty: every object.
    void setOnlyObjects(const QSet<QString> &objectNames) { m_onlyObjects = objectNames; }
    // Returns false when the cycle must stop; the report then says why.
    bool run(const QString &teacherEmail);

    using PageHandler = std::function<bool(const QJsonArray &records)>;
    // Runs a SOQL query and hands every page to `handler`, retrying transient failures.
    bool fetchAll(const QString &soql, bool includeDeleted, const PageHandler &handler);

    // The recycle bin keeps deleted records 15 days; past this the deletions are
    // reconciled from the Ids in scope instead.
    static constexpr int kRecycleBinDays = 15;

private:
    // Runs inside a page's transaction after each record is applied.
    using RecordHook =
        std::function<bool(const QJsonObject &record, RemoteApplier::Outcome outcome)>;

    bool pullObject(Role role, const QString &scope, const RecordHook &hook = {});
    bool pullQuery(Role role, const QStringList &conditions, const RecordHook &hook);
    bool pullDeletions(Role role, const QString &scope);
    bool applyDeletions(RemoteApplier &applier, RecordValidator &validator,
                        const QString &objectName, const QStringList &ids);
    // One Composite call that tells which objects changed since their covered-until.
    void probeChanges();
    bool reconcile(Role role, const QString &scope);
    bool backfill();
    bool backfillInChunks(const QString &objectName,
                          const std::function<bool(const QStringList &chunk)> &fetch);
    bool applyPage(RemoteApplier &applier, RecordValidator &validator, const QJsonArray &records,
                   const RecordHook &hook);
    // A record of a reply that failed its checks: reported, never stored, and the window
    // it came in is read again next cycle.
    void refuse(const QString &objectName, const QString &reason);
    RecordHook courseHook(const QStringList &before, const QString &teacher);
    RecordHook enrollmentHook(bool backfillMarks);
    QString scopeFor(Role role, const QStringList &courseIds) const;
    QString courseScope(const QString &teacher, bool includeLocal) const;
    QString attendanceCutoff() const;
    QStringList coursesInScope(const QString &teacherSfid) const;
    QString teacherSfid(const QString &email) const;
    QStringList fieldsFor(Role role) const;
    // The cycle's T: read once, before the first page, and used for every object.
    QDateTime serverNow();
    QDateTime orgClock();
    QString clockPath() const;
    QUrlQuery clockRange() const;
    // T from a reply of the replication API, checked against the Date of that reply.
    QDateTime clockFrom(const ApiResponse &response, const QDateTime &dateHeader);
    bool noClock();
    // An incremental cycle reads the first page of every window it can name ahead (and T)
    // in Composite calls: 5 queries a call instead of one call each. A query asked later
    // with exactly the same text takes its page from there; one whose text changed meanwhile
    // (the scope moved) is sent alone. Returns false when the cycle must stop.
    bool batchFirstPages(const QString &teacherEmail);
    QList<std::pair<QString, bool>> queriesAhead(const QString &teacherEmail) const;
    static QString pageKey(const QString &soql, bool includeDeleted);
    // The first page of a query: read ahead in a batch, or asked now.
    ApiResponse firstPage(const QString &soql, bool includeDeleted);
    QStringList windowConditions(Role role, const QString &scope) const;
    QString selectFor(Role role, const QStringList &conditions) const;
    QString deletionsQuery(const QString &objectName, const QDateTime &from) const;
    QString windowStart(const QDateTime &coveredUntil) const;
    QStringList pendingSfids(Role role) const;
    bool fixDanglingLookups();
    bool storeFailed();
    bool stopWith(const ApiResponse &response);

    LocalStore &m_store;
    SalesforceClient &m_client;
    SyncReport &m_report;
    PullState m_state;
    QHash<QString, QSet<QString>> m_available;
    QDate m_today = QDate::currentDate();
    int m_overlapSeconds = 600;
    QDateTime m_cycleTime;
    OrgShapes m_shapes;
    ChangeProbe m_probe;
    struct FirstPage
    {
        ApiResponse response;
        QDateTime date; // the Date of the reply that carried it
    };
    QHash<QString, FirstPage> m_firstPages;
    // The Date of the reply that carried the page being applied.
    QDateTime m_pageDate;
    bool m_probeChanges = false;
    QSet<QString> m_onlyObjects;
    bool skipped(Role role) const;
};

} // namespace pasalista
