#pragma once

#include "mapping.h"
#include "sync/recordvalidator.h"

#include <QDateTime>

namespace pasalista {

class LocalStore;
class PullState;

// Rows that damaged replies let into the store before replies were checked (issue 15,
// case 3): Ids that are no Salesforce Id or not the object's, 15-character Ids beside their
// 18-character forms, dates that cannot be, stamps after the org's clock. Run before each
// pull: a 15-character Id takes its 18-character form (or yields to the row that has it),
// a junk row without pending edits is dropped, a bad stamp or date is cleared, and the
// object is read again in full so the org's values take their place.
class StoreRepair
{
public:
    StoreRepair(LocalStore &store, PullState &state, const OrgShapes &shapes);

    // `orgNow`: the org's clock; stamps after it (plus the skew) are cleared.
    bool run(const QDateTime &orgNow);
    int repairedRows() const { return m_repaired; }
    QString errorString() const { return m_error; }

private:
    bool repairRole(Role role, const QDateTime &orgNow);
    bool repairId(Role role, qint64 id, const QString &sfid);
    bool clearBadDates(Role role, const QString &condition, const QString &limit);
    QString badDateCondition(Role role) const;
    bool hasPendingEntries(Role role, qint64 id) const;
    bool dropRow(Role role, qint64 id, qint64 replacement);
    bool exec(const QString &sql, const QVariantList &values = {});

    LocalStore &m_store;
    PullState &m_state;
    const OrgShapes &m_shapes;
    int m_repaired = 0;
    QString m_error;
};

} // namespace pasalista
