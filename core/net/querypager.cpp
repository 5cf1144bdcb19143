#include "querypager.h"

#include "net/salesforceclient.h"

#include <QJsonObject>
#include <QSet>

namespace pasalista {

namespace {

// Pages a query may have beyond totalSize / page size (the org may page unevenly), and the
// bound when a reply gives no usable total.
constexpr qint64 kPageMargin = 3;
constexpr qint64 kMaxPagesWithoutTotal = 1000;

} // namespace

bool QueryPager::isPage(const QJsonObject &page) const
{
    return page.value(QLatin1String("records")).isArray() &&
           (!m_strict || page.value(QLatin1String("done")).isBool());
}

bool QueryPager::stopWith(Stop stop)
{
    m_client.dropPrefetch();
    m_stop = stop;
    return false;
}

bool QueryPager::run(const ApiResponse &first, const QDateTime &firstDate,
                     const PageHandler &handler)
{
    m_stop = Stop::None;
    m_reply = first;
    m_pageDate = firstDate;
    QString next;
    bool isFirst = true;
    // A query has totalSize / page size pages; a link seen before, or pages past that bound
    // (plus a margin), is a loop the org would never end.
    QSet<QString> seen;
    qint64 maxPages = kMaxPagesWithoutTotal;
    qint64 pages = 0;
    while (isFirst || !next.isEmpty()) {
        if (!isFirst) {
            if (seen.contains(next) || ++pages > maxPages) {
                m_link = next;
                return stopWith(Stop::Loop);
            }
            seen.insert(next);
            // The client retries reads that fail for passing reasons.
            m_reply = m_client.queryMore(next);
            m_pageDate = m_client.serverTime();
        }
        if (!m_reply.ok()) {
            return stopWith(Stop::Failed);
        }
        const QJsonObject page = m_reply.json.object();
        if (!isPage(page)) {
            return stopWith(Stop::NotAPage);
        }
        const QJsonArray records = page.value(QLatin1String("records")).toArray();
        if (isFirst) {
            const qint64 total = page.value(QLatin1String("totalSize")).toInteger(-1);
            if (total >= 0 && !records.isEmpty()) {
                maxPages = total / records.size() + kPageMargin;
            }
        }
        isFirst = false;
        next = page.value(QLatin1String("done")).toBool(true)
                   ? QString()
                   : page.value(QLatin1String("nextRecordsUrl")).toString();
        if (m_strict && next.isEmpty() && !page.value(QLatin1String("done")).toBool()) {
            return stopWith(Stop::Incomplete);
        }
        if (m_readAhead && !next.isEmpty()) {
            m_client.prefetch(next);
        }
        if (!handler(records)) {
            return stopWith(Stop::Handler);
        }
    }
    return true;
}

} // namespace pasalista
