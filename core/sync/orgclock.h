#pragma once

#include "net/apiresponse.h"

#include <QDateTime>
#include <QString>
#include <QUrlQuery>

#include <utility>

namespace pasalista {

class LocalStore;
class SalesforceClient;
struct SyncReport;

// The org's clock for one pull cycle: T, read once before the first page and used as the
// end of every object's window. It comes from the replication API's latestDateCovered
// (checked against the Date of its reply), or without that API from the Date of a reply.
class OrgClock
{
public:
    OrgClock(LocalStore &store, SalesforceClient &client, SyncReport &report);

    // T, read from the org the first time; invalid (the report says why) when the org's
    // replies carry no usable time.
    QDateTime cycleTime();
    // T when already known (from a change probe or a batch), else invalid.
    QDateTime knownTime() const { return m_cycleTime; }
    // `vouched`: the time is the replication API's latestDateCovered.
    void setKnownTime(const QDateTime &time, bool vouched);
    // Whether T is latestDateCovered: the org vouched that nothing stamped before it was
    // still invisible. A Date header vouches for no such thing.
    bool vouched() const { return m_vouched; }
    // The request that reads T, for a Composite batch to send first.
    QString path() const;
    QUrlQuery range() const;
    // T from a reply of the replication API, checked against the Date of that reply;
    // *vouched tells whether it is latestDateCovered rather than the Date header.
    QDateTime from(const ApiResponse &response, const QDateTime &dateHeader, bool *vouched);
    // Reports that no usable time came; returns false.
    bool fail();
    // Reports a change probe's answer refused for its clock (ChangeProbe::refusedAnswer()),
    // as a refused clock of its own is reported.
    void reportRefused(const std::pair<ApiResponse, QDateTime> &answer);

private:
    QDateTime read();
    // Keeps how far the laptop's clock is from the org's, before the pull stamps anything.
    void noteSkew();

    LocalStore &m_store;
    SalesforceClient &m_client;
    SyncReport &m_report;
    QDateTime m_cycleTime;
    bool m_vouched = false;
};

} // namespace pasalista
