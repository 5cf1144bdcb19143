#pragma once

#include "net/apiresponse.h"

#include <QString>

namespace pasalista {

class LocalStore;
class QueryPager;
struct SyncReport;

// What the pull writes in the SyncReport when it stops (the store failed, the org or the
// network refused, a query's pages could not be read) or refuses one record of a reply.
class PullReporter
{
public:
    PullReporter(LocalStore &store, SyncReport &report) : m_store(store), m_report(report) {}

    // Rolls back the page in hand; returns false.
    bool storeFailed();
    // The cycle stops for the reply's reason; returns false.
    bool stopWith(const ApiResponse &response);
    // A query's pages stopped (QueryPager::stop()); returns false.
    bool stopPaging(const QueryPager &pager);
    // A record of a reply that failed its checks: reported, never stored, and the window
    // it came in is read again next cycle.
    void refuse(const QString &objectName, const QString &reason);

private:
    LocalStore &m_store;
    SyncReport &m_report;
};

} // namespace pasalista
