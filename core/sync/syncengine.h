#pragma once

#include "auth/identity.h"
#include "sync/describerules.h"
#include "sync/recordvalidator.h"
#include "sync/syncreport.h"

#include <QHash>
#include <QObject>
#include <QSet>

namespace pasalista {

class LocalStore;
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
    SyncReport run();

    // Records the org refused and conflicts not yet dismissed, for the report's verdict.
    static int failedRecordCount(const LocalStore &store);
    static int openConflictCount(const LocalStore &store);

Q_SIGNALS:
    void phaseChanged(const QString &phase);

private:
    bool describeObjects(SyncReport &report);
    // The org's rules survive in the store, so a record that breaks them is shown offline.
    void cacheRules(const QString &objectName, const DescribeRules &rules);
    QHash<QString, DescribeRules> cachedRules() const;
    void validateOffline(SyncReport &report);
    void warnOnce(SyncReport &report, const QString &key, const QString &message);

    LocalStore &m_store;
    SalesforceClient &m_client;
    Identity m_identity;
    bool m_respectBackoff = false;
    qint64 m_cycleDeadlineMs = kDefaultCycleDeadlineMs;
    QHash<QString, QSet<QString>> m_available;
    QHash<QString, DescribeRules> m_rules;
    OrgShapes m_shapes;
};

} // namespace pasalista
