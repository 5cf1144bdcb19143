#pragma once

#include "sync/syncreport.h"

#include <QString>

namespace pasalista {

class LocalStore;

// Makes the laptop hold exactly the teacher's scope after a pull: a course no longer led
// by the teacher leaves with its enrollments and marks, an enrollment whose course is not
// here leaves with its marks, and a student no enrollment points at leaves. A record that
// holds pending edits stays, and its edits go to Sync issues instead of being lost.
// Everything happens in one transaction.
class ScopePruner
{
public:
    ScopePruner(LocalStore &store, SyncReport &report) : m_store(store), m_report(report) {}

    bool run(const QString &teacherSfid);

private:
    bool exec(const QString &sql, const QVariantList &bindings = {});
    QString pendingTest(const QString &table, const QString &alias) const;
    bool holdPending(const QString &table, const QString &where);

    LocalStore &m_store;
    SyncReport &m_report;
};

} // namespace pasalista
