#pragma once

#include <QDateTime>
#include <QStringList>

namespace pasalista {

class LocalStore;

// What the pull knows it has applied, kept in the store so that a kill loses nothing:
// per object the time up to which the org's changes and deletions are covered
// (_sync_state), and the records that entered the scope and still wait for what hangs
// from them (_scope_backfill). Writes join the caller's transaction when there is one.
class PullState
{
public:
    explicit PullState(LocalStore &store) : m_store(store) {}

    QDateTime coveredUntil(const QString &objectName) const;
    // `vouched`: `until` is the org's latestDateCovered (see OrgClock::vouched()).
    bool setCoveredUntil(const QString &objectName, const QDateTime &until, bool vouched = false);
    // Whether the org vouched for covered-until: every record stamped before it was
    // visible when the window that moved it there was read.
    bool coveredUntilVouched(const QString &objectName) const;
    QDateTime deletionsCoveredUntil(const QString &objectName) const;
    bool setDeletionsCoveredUntil(const QString &objectName, const QDateTime &until);

    // `objectName` names what entered: a course (back-fill its enrollments, students and
    // marks), an enrollment (its marks) or a student (the record itself).
    bool addBackfill(const QString &objectName, const QString &sfid);
    QStringList backfills(const QString &objectName) const;
    bool removeBackfills(const QString &objectName, const QStringList &sfids);

private:
    static QString vouchedKey(const QString &objectName);
    QDateTime read(const QString &objectName, const QString &column) const;
    bool write(const QString &objectName, const QString &column, const QDateTime &until);

    LocalStore &m_store;
};

} // namespace pasalista
