#pragma once

#include "mapping.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QStringList>

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

    QString teacherSfid(const QString &email) const;
    // The courses held here that the teacher leads (every course held here when empty).
    QStringList coursesInScope(const QString &teacherSfid) const;
    // The condition that keeps `role`'s records to those hanging from `courseIds`.
    QString scopeFor(Role role, const QStringList &courseIds) const;
    QString courseScope(const QString &teacher, bool includeLocal) const;
    QString attendanceCutoff() const;
    // The window since covered-until (less the overlap) within the scope.
    QStringList windowConditions(Role role, const QString &scope) const;
    // The conditions of the queries that re-read, in the same window, the records with
    // edits not sent yet (even if they left the scope): one Id list each, short enough for
    // the URI that carries the query.
    QList<QStringList> pendingEditConditions(Role role, const QString &scope) const;
    QString selectFor(Role role, const QStringList &conditions) const;
    // The conditions of the queries that ask for every course held here by Id, whatever its
    // stamp: one short Id list each.
    QList<QStringList> heldCourseConditions() const;
    QString deletionsQuery(const QString &objectName, const QDateTime &from) const;

private:
    QStringList fieldsFor(Role role) const;
    QString windowStart(const QDateTime &coveredUntil) const;
    QStringList pendingSfids(Role role) const;

    LocalStore &m_store;
    const PullState &m_state;
    QHash<QString, QSet<QString>> m_available;
    QDate m_today = QDate::currentDate();
    int m_overlapSeconds = 600;
};

} // namespace pasalista
