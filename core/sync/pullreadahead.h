#pragma once

#include "net/apiresponse.h"
#include "sync/changeprobe.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <utility>

namespace pasalista {

class CompositeBatch;
class OrgClock;
class SalesforceClient;

// The pull's read-ahead: an incremental cycle reads the first page of every window it can
// name ahead (and T) in Composite calls, 5 queries a call instead of one call each, with the
// questions of a ChangeProbe when the pull has some (the settled parts of windows). A query
// asked later with exactly the same text takes its page from there; one whose text changed
// meanwhile (the scope moved) is sent alone.
class PullReadAhead
{
public:
    struct Page
    {
        ApiResponse response;
        QDateTime date; // the Date of the reply that carried it
    };
    using Query = std::pair<QString, bool>; // SOQL, includeDeleted

    PullReadAhead(SalesforceClient &client, OrgClock &clock) : m_client(client), m_clock(clock) {}

    // Reads the first pages of `queries`, and T first when the clock does not know it yet.
    // False when the cycle must stop: a whole call failed (callFailure()), or the clock's
    // reply was unusable (the clock reported it).
    // `probe` asks `windows` in the same calls and reads its answers; when it asks what
    // changed (the `updated` resource), its time is T and no clock is read apart.
    bool read(const QList<Query> &queries, ChangeProbe &probe,
              const QList<ChangeProbe::Window> &windows);
    const ApiResponse &callFailure() const { return m_callFailure; }
    // read() in two halves, for a batch that carries other subrequests too (the describes
    // of a first sync): add() puts the questions in (false when there were none worth a
    // call of their own, unless `batchGoesAnyway`), take() reads the answers once sent.
    bool add(CompositeBatch &batch, const QList<Query> &queries, ChangeProbe &probe,
             const QList<ChangeProbe::Window> &windows, bool batchGoesAnyway);
    bool take(const CompositeBatch &batch, int calls);
    // The first page of a query: read ahead, or asked now.
    Page firstPage(const QString &soql, bool includeDeleted);
    // Whether this query was asked in a batch (its page read ahead, or failed there and then
    // asked alone by firstPage()).
    bool askedAhead(const QString &soql, bool includeDeleted) const
    {
        return m_asked.contains(pageKey(soql, includeDeleted));
    }

private:
    static QString pageKey(const QString &soql, bool includeDeleted);
    void prefetchSecondPage(const QList<Query> &queries);

    SalesforceClient &m_client;
    OrgClock &m_clock;
    QHash<QString, Page> m_pages;
    QSet<QString> m_asked;
    // Between add() and take(): what the batch carries.
    QList<Query> m_batched;
    ChangeProbe *m_probe = nullptr;
    bool m_needClock = false;
    bool m_probeGivesClock = false;
    ApiResponse m_callFailure{ApiResponse::Outcome::Success, 200, {}, {}, {}, {}};
};

} // namespace pasalista
