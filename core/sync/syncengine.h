#pragma once

// core/sync owns keeping the store and the org in step: the cycle (SyncEngine, run on a
// thread by SyncWorker, started by SyncScheduler), the pull (Puller and its org clock,
// read-ahead, scope queries and back-fill), the merge (RemoteApplier carrying out
// MergeTable's decisions), the push (Pusher, PushLookup, TwinCheck), the streaming channel
// and the sync issues shown to the teacher. It builds on core/store, core/net and core/auth.

#include "auth/identity.h"
#include "mapping.h"
#include "sync/describerules.h"
#include "sync/recordvalidator.h"
#include "sync/syncreport.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>

namespace pasalista {

class LocalStore;
class Puller;
class SalesforceClient;

// One full sync cycle between the local store and the org: learn what the org's objects
// have (describe), pull the teacher's scope and merge it with pending local edits, then
// push the outbox. Pulling first means an office edit is merged field by field before the
// teacher's change goes out, instead of being overwritten by it.
//
// Blocking: run it in a worker thread (SyncScheduler does) or in the CLI.
class SyncEngine : public QObject
{
    Q_OBJECT

public:
    SyncEngine(LocalStore &store, SalesforceClient &client, const Identity &identity,
               QObject *parent = nullptr);

    void setRespectBackoff(bool respect) { m_respectBackoff = respect; }
    // The longest a whole cycle may take (default 10 minutes); past it the cycle ends as an
    // Error with its reason, keeping what it applied and leaving the rest pending.
    void setCycleDeadlineMs(qint64 ms) { m_cycleDeadlineMs = ms; }
    static constexpr qint64 kDefaultCycleDeadlineMs = 10 * 60 * 1000;
    // See Puller::setProbeChanges and Puller::setOnlyObjects.
    void setProbeChanges(bool probe) { m_probeChanges = probe; }
    void setOnlyObjects(const QSet<QString> &objectNames) { m_onlyObjects = objectNames; }
    SyncReport run();

    // Records the org refused and conflicts not yet dismissed, for the report's verdict.
    static int failedRecordCount(const LocalStore &store);
    static int openConflictCount(const LocalStore &store);
    // _meta key of the last describe revalidation; describes are asked again after a day.
    static constexpr const char *kDescribeCheckedKey = "describe-checked";
    // The value of kDescribeCheckedKey that asks the next cycle to read the describes whole.
    static constexpr const char *kDescribeWhole = "whole";
    static constexpr int kDescribeMaxAgeSeconds = 24 * 3600;

Q_SIGNALS:
    void phaseChanged(const QString &phase);

private:
    // `aheadOf`: a puller whose first pages may ride in the same call (a first sync).
    bool describeObjects(SyncReport &report, Puller *aheadOf = nullptr);
    static QSet<QString> fieldsOf(const QJsonObject &describe);
    static QJsonObject cacheEntryOf(const QJsonObject &describe, const QString &lastModified);
    void useShapes(const QString &objectName, const QJsonObject &describe);
    void useFields(const ObjectMapping &object, const QSet<QString> &fields, SyncReport &report);
    QString metaValue(const QString &key) const;
    void setMetaValue(const QString &key, const QString &value);
    // The org's rules survive in the store, so a record that breaks them is shown offline.
    void cacheRules(const QString &objectName, const DescribeRules &rules);
    QHash<QString, DescribeRules> cachedRules() const;
    void validateOffline(SyncReport &report);
    // Keeps how far the laptop's clock is from the org's, from the last reply's Date header.
    void recordClock();
    void rereadDescribes(SyncReport &report);
    // One pull of `onlyObjects` (empty: every object), by `puller` or a new one.
    bool pull(const QSet<QString> &onlyObjects, bool probeChanges, SyncReport &report);
    bool pull(Puller &puller, const QSet<QString> &onlyObjects, bool probeChanges);
    // Columns per role the push keeps here: this user may not write their fields.
    QHash<Role, QSet<QString>> heldColumns() const;
    void warnOnce(SyncReport &report, const QString &key, const QString &message);

    LocalStore &m_store;
    SalesforceClient &m_client;
    Identity m_identity;
    bool m_respectBackoff = false;
    qint64 m_cycleDeadlineMs = kDefaultCycleDeadlineMs;
    bool m_probeChanges = false;
    QSet<QString> m_onlyObjects;
    QHash<QString, QSet<QString>> m_available;
    QHash<QString, DescribeRules> m_rules;
    OrgShapes m_shapes;
};

} // namespace pasalista
