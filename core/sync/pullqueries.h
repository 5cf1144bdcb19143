#pragma once

#include "mapping.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QStringList>

#include <utility>

namespace pasalista {

class LocalStore;
class PullState;

// The pull's scope and SOQL: which records of each object belong on this laptop (the
// teacher's courses, their enrollments and students, the recent marks), the window of
// SystemModstamp each query reads, and the query texts built from them.
class PullQueries
{
public:
    PullQueries(LocalStore &store, const PullState &state) : m_store(store), m_state(state) {}

    // Fields the org has per object (from describe); an object missing here is queried
    // with every mapped field.
    void setAvailableFields(const QHash<QString, QSet<QString>> &fields) { m_available = fields; }
    void setToday(const QDate &today) { m_today = today; }
    // How far before covered-until each window starts (default 10 minutes).
    void setOverlapSeconds(int seconds) { m_overlapSeconds = seconds; }
    int overlapSeconds() const { return m_overlapSeconds; }
    // Where an object's window starts: covered-until less the overlap, which catches
    // commits that became visible after their stamp. When the org vouched for covered-until
    // (latestDateCovered), only its last minute is read again whole: a record the office
    // writes in the second of the version held here shares its stamp (stamps are to the
    // second, the org's clock to the minute). The rest of the overlap is the settled part.
    QDateTime windowFrom(const QString &objectName) const;
    // The settled part of a window, [covered-until - overlap, windowFrom()): records the
    // org vouched for when they were read. The pull asks the org which Ids it stamped there
    // and fetches only those not held here with such a stamp, so that an office import is
    // not read again by every sync of the next ten minutes. Invalid when not vouched.
    std::pair<QDateTime, QDateTime> settledPart(const QString &objectName) const;
    // Of `ids`, those not held here with a stamp at or after `since`.
    QStringList notHeldSince(Role role, const QStringList &ids, const QDateTime &since) const;
    // The conditions that read `ids` within `scope`: one short Id list each.
    QList<QStringList> idConditions(Role role, const QString &scope, const QStringList &ids) const;
    // The records held here stamped in [from, until).
    qint64 heldBetween(Role role, const QDateTime &from, const QDateTime &until) const;
    // How many of `role`'s records within `scope` the org stamped in the settled part:
    // compared with heldBetween() when it lists records not held here.
    QString settledCountQuery(Role role, const QString &scope) const;
    // The conditions that read [from, until) within `scope`.
    QStringList rangeConditions(const QString &scope, const QDateTime &from,
                                const QDateTime &until) const;

    QString teacherSfid(const QString &email) const;
    // The courses held here that the teacher leads (every course held here when empty).
    QStringList coursesInScope(const QString &teacherSfid) const;
    // The condition that keeps `role`'s records to those hanging from `courseIds`.
    QString scopeFor(Role role, const QStringList &courseIds) const;
    QString courseScope(const QString &teacher, bool includeLocal) const;
    // The scope of a first read in SOQL alone, through the lookups up to the teacher's email
    // (Class__r.Facilitator_1__r.Email__c = ...): no Id learnt from an earlier reply, so
    // every object's first page can be asked at once. Empty when a lookup on the way has no
    // relationship name known here (not a custom field) or the mapping reads everything.
    QString firstReadScope(Role role, const QString &teacherEmail) const;
    QString attendanceCutoff() const;
    // The window since covered-until (less the overlap) within the scope.
    QStringList windowConditions(Role role, const QString &scope) const;
    // The conditions of the queries that re-read, in the same window, the records with
    // edits not sent yet (even if they left the scope): one Id list each, short enough for
    // the URI that carries the query.
    QList<QStringList> pendingEditConditions(Role role, const QString &scope) const;
    QString selectFor(Role role, const QStringList &conditions) const;
    // The marks' window and their edits not sent yet in one query, when the scope can be said
    // without a semi-join (through Participant_Enrollment__r, legal under OR) and the Ids
    // fit one list: "Sync now" then reads both in its one call. Empty otherwise.
    QStringList marksWindowWithPendingEdits(const QStringList &courseIds) const;
    // The conditions of the queries that ask for every course held here by Id, whatever its
    // stamp: one short Id list each.
    QList<QStringList> heldCourseConditions() const;
    QString deletionsQuery(const QString &objectName, const QDateTime &from) const;

private:
    QStringList fieldsFor(Role role) const;
    // "Path.Facilitator_1__r.Email__c = 'email' OR ..." for each facilitator of a course
    // reached through `path` (empty: the course itself); empty when not expressible.
    QString ledBy(const QString &path, const QString &teacherEmail) const;
    QString windowStart(const QDateTime &coveredUntil) const;
    static QString literal(const QDateTime &time);
    static QString stampText(const QDateTime &time);
    QStringList pendingSfids(Role role) const;
    // `conditions` and one short list of `ids` each, the URI within what Salesforce
    // recommends.
    QList<QStringList> byIdLists(Role role, const QStringList &conditions,
                                 const QStringList &ids) const;

    LocalStore &m_store;
    const PullState &m_state;
    QHash<QString, QSet<QString>> m_available;
    QDate m_today = QDate::currentDate();
    int m_overlapSeconds = 600;
};

} // namespace pasalista
