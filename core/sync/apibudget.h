#pragma once

#include <QDateTime>
#include <QString>

namespace pasalista {

class LocalStore;
class Mapping;

// What this laptop spends of the org's daily API calls (DESIGN.md, "API economy"), kept in
// the store's _meta: the calls of each UTC day and of the last sync, counted from the
// replies that carried Sforce-Limit-Info, and the org's own count from that header. The
// mapping's sf_max_daily_api_calls caps the laptop: background polling slows past 80 % of
// it and stops with a reserve left, so that "Sync now" always has calls to spend.
class ApiBudget
{
public:
    explicit ApiBudget(const LocalStore &store) : m_store(store) {}

    // Adds one sync's calls to today's count; orgUsed/orgMax are -1 when unknown.
    void recordSync(int calls, int orgUsed, int orgMax,
                    const QDate &day = QDateTime::currentDateTimeUtc().date());
    int spentOn(const QDate &day) const;
    int spentToday() const { return spentOn(QDateTime::currentDateTimeUtc().date()); }
    int lastSyncCalls() const;
    int orgUsed() const;
    int orgMax() const;

    // The mapping's sf_max_daily_api_calls (the largest of its objects'); 0: no cap.
    static int capOf(const Mapping &mapping);
    // How many times slower than usual to poll, having spent `spent` of `cap` calls today
    // at `callsPerSync` a sync; 0 means stop polling until tomorrow. A cap of 0: no cap.
    static double pollFactor(int spent, int cap, int callsPerSync);
    // Share of the cap kept for "Sync now" and change events: polling stops before it.
    static constexpr double kReserve = 0.05;

private:
    int intValue(const QString &key) const;
    void setValue(const QString &key, const QString &value);

    const LocalStore &m_store;
};

} // namespace pasalista
