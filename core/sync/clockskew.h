#pragma once

#include "laptopclock.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace pasalista {

class LocalStore;

// How far this laptop's clock is from the org's, as the last sync measured it from the
// Date header of the org's replies (kept in _meta). A dead clock battery must not file the
// roll under another day nor show a last sync in the future: times the teacher sees and the
// day "today" means come from here.
class ClockSkew
{
    Q_DECLARE_TR_FUNCTIONS(pasalista::ClockSkew)

public:
    // Clocks a few minutes apart are normal; past this the teacher is told.
    static constexpr qint64 kToleratedSeconds = 300;

    explicit ClockSkew(const LocalStore &store) : m_store(store) {}

    // Notes the org's time from a reply's Date header against the laptop's clock.
    bool record(const QDateTime &orgTime, const QDateTime &laptopTime = LaptopClock::nowUtc());
    // The org's clock minus the laptop's; 0 until a sync measured it.
    qint64 seconds() const;
    bool isReportable() const;
    QDateTime orgNow() const { return LaptopClock::nowUtc().addSecs(seconds()); }
    QDate orgToday() const { return LaptopClock::dayOf(orgNow()); }
    // The laptop's "today" is not the org's: marks for it would be filed under another day.
    bool changesDay() const { return isReportable() && orgToday() != LaptopClock::today(); }
    // The teacher's words for a reportable skew; empty when the clocks agree.
    QString warning() const;

private:
    const LocalStore &m_store;
};

} // namespace pasalista
