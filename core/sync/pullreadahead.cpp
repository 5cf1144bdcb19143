#include "pullreadahead.h"

#include "logging.h"
#include "net/compositebatch.h"
#include "net/salesforceclient.h"
#include "sync/orgclock.h"

#include <QJsonObject>

#include <algorithm>
#include <utility>

namespace pasalista {

namespace {
const QString kClockReference = QStringLiteral("clock");
} // namespace

QString PullReadAhead::pageKey(const QString &soql, bool includeDeleted)
{
    return (includeDeleted ? QStringLiteral("queryAll ") : QStringLiteral("query ")) + soql;
}

PullReadAhead::Page PullReadAhead::firstPage(const QString &soql, bool includeDeleted)
{
    const auto batched = m_pages.constFind(pageKey(soql, includeDeleted));
    if (batched == m_pages.constEnd()) {
        const ApiResponse response = m_client.query(soql, includeDeleted);
        return {response, m_client.serverTime()};
    }
    const Page page = *batched;
    m_pages.erase(batched);
    return page;
}

bool PullReadAhead::read(const QList<Query> &queries, ChangeProbe &probe,
                         const QList<ChangeProbe::Window> &windows)
{
    CompositeBatch batch(m_client);
    if (!add(batch, queries, probe, windows, false)) {
        return true;
    }
    return take(batch, batch.send());
}

bool PullReadAhead::add(CompositeBatch &batch, const QList<Query> &queries, ChangeProbe &probe,
                        const QList<ChangeProbe::Window> &windows, bool batchGoesAnyway)
{
    m_probeGivesClock =
        std::any_of(windows.cbegin(), windows.cend(),
                    [](const ChangeProbe::Window &window) { return window.updatedFrom.isValid(); });
    m_needClock = !m_clock.knownTime().isValid() && !m_probeGivesClock;
    // Alone, a query costs the same one call as a batch of one.
    if (queries.size() + windows.size() < (batchGoesAnyway ? 1 : m_needClock ? 1 : 2)) {
        return false;
    }
    if (m_needClock) {
        // First among the pull's subrequests: the org runs subrequests in order, so T is
        // read before any page, as OrgClock::cycleTime() would.
        batch.addGet(kClockReference, m_clock.path(), m_clock.range());
    }
    // Not queries: they share the first call with T and the first pages.
    probe.add(batch, windows);
    for (qsizetype i = 0; i < queries.size(); ++i) {
        batch.addQuery(QStringLiteral("page%1").arg(i), queries.at(i).first, queries.at(i).second);
    }
    m_batched = queries;
    m_probe = &probe;
    return true;
}

bool PullReadAhead::take(const CompositeBatch &batch, int calls)
{
    const QList<Query> queries = std::exchange(m_batched, {});
    ChangeProbe &probe = *std::exchange(m_probe, nullptr);
    probe.read(batch);
    m_clock.reportRefused(probe.refusedAnswer());
    if (!batch.callFailure().ok()) {
        // What the same failure of a query sent alone does: the cycle stops.
        qCWarning(lcSyncPull) << "batched first pages failed" << batch.callFailure().errorCode;
        m_callFailure = batch.callFailure();
        return false;
    }
    if (m_probeGivesClock && !m_clock.knownTime().isValid()) {
        // The probe's `updated` questions came before any page: their time is T.
        if (!probe.cycleTime().isValid()) {
            qCInfo(lcSyncPull) << "no time from the probe in the batch; reading the clock alone";
            return true;
        }
        m_clock.setKnownTime(probe.cycleTime(), true);
    }
    if (m_needClock) {
        const ApiResponse time = batch.result(kClockReference);
        if (!time.ok() || !time.json.object().contains(QLatin1String("latestDateCovered"))) {
            // The Date of this reply is later than its pages: they cannot be vouched for.
            qCInfo(lcSyncPull) << "no clock in the batch" << time.errorCode << "; reading alone";
            return true;
        }
        bool vouched = false;
        const QDateTime known = m_clock.from(time, batch.replyDate(kClockReference), &vouched);
        m_clock.setKnownTime(known, vouched);
        if (!m_clock.knownTime().isValid()) {
            return m_clock.fail();
        }
    }
    for (qsizetype i = 0; i < queries.size(); ++i) {
        m_asked.insert(pageKey(queries.at(i).first, queries.at(i).second));
        const QString reference = QStringLiteral("page%1").arg(i);
        const ApiResponse response = batch.result(reference);
        // Sent alone, a query that failed for a passing reason would be retried, and one
        // refused for its token asked again after a refresh: such a page is read alone.
        if (response.ok() ||
            (response.outcome == ApiResponse::Outcome::Permanent && response.httpStatus != 401)) {
            m_pages.insert(pageKey(queries.at(i).first, queries.at(i).second),
                           {response, batch.replyDate(reference)});
        }
    }
    qCInfo(lcSyncPull) << "first pages of" << queries.size() << "queries read in" << calls
                       << "Composite call(s)";
    prefetchSecondPage(queries);
    return true;
}

void PullReadAhead::prefetchSecondPage(const QList<Query> &queries)
{
    // The next page of the first query (in the pull's order) that has one travels while the
    // pull applies what came: on a slow link its wait overlaps the work, not the other way.
    for (const Query &query : queries) {
        const auto page = m_pages.constFind(pageKey(query.first, query.second));
        if (page == m_pages.constEnd()) {
            continue;
        }
        const QJsonObject body = page->response.json.object();
        const QString next = body.value(QLatin1String("nextRecordsUrl")).toString();
        if (!body.value(QLatin1String("done")).toBool(true) && !next.isEmpty()) {
            m_client.prefetch(next);
            return;
        }
    }
}

} // namespace pasalista
