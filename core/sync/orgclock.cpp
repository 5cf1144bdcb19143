#include "orgclock.h"

#include "logging.h"
#include "net/salesforceclient.h"
#include "store/localstore.h"
#include "sync/clockskew.h"
#include "sync/recordvalidator.h"
#include "sync/syncreport.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace pasalista {

OrgClock::OrgClock(LocalStore &store, SalesforceClient &client, SyncReport &report)
    : m_store(store), m_client(client), m_report(report)
{
}

QDateTime OrgClock::cycleTime()
{
    if (!m_cycleTime.isValid()) {
        m_cycleTime = read();
        noteSkew();
    }
    if (!m_cycleTime.isValid()) {
        fail();
    }
    return m_cycleTime;
}

void OrgClock::setKnownTime(const QDateTime &time, bool vouched)
{
    m_cycleTime = time;
    m_vouched = vouched && time.isValid();
    noteSkew();
}

void OrgClock::noteSkew()
{
    if (m_client.serverTime().isValid()) {
        ClockSkew(m_store).record(m_client.serverTime(), m_client.serverTimeReadAt());
    }
}

bool OrgClock::fail()
{
    m_report.result = SyncReport::Result::Error;
    m_report.message = QCoreApplication::translate(
        "pasalista::Puller", "The org's replies carry no usable date; cannot pull safely.");
    return false;
}

void OrgClock::reportRefused(const std::pair<ApiResponse, QDateTime> &answer)
{
    if (answer.second.isValid()) {
        bool vouched = false;
        from(answer.first, answer.second, &vouched);
    }
}

QDateTime OrgClock::read()
{
    // The replication API's latestDateCovered is the org's own clock, held back before any
    // transaction not visible yet: every record stamped before it can be read now. Read
    // once per cycle, before the first page.
    const ApiResponse response = m_client.get(path(), range());
    return from(response, m_client.serverTime(), &m_vouched);
}

QString OrgClock::path() const
{
    return QStringLiteral("sobjects/%1/updated/")
        .arg(m_store.mapping().objectFor(Role::Teacher).objectName);
}

QUrlQuery OrgClock::range() const
{
    const QDateTime base =
        m_client.serverTime().isValid() ? m_client.serverTime() : QDateTime::currentDateTimeUtc();
    QUrlQuery range;
    range.addQueryItem(QStringLiteral("start"),
                       base.addDays(-1).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ")));
    range.addQueryItem(QStringLiteral("end"),
                       base.addDays(40).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ")));
    return range;
}

QDateTime OrgClock::from(const ApiResponse &response, const QDateTime &dateHeader, bool *vouched)
{
    *vouched = false;
    const QString latest =
        response.json.object().value(QLatin1String("latestDateCovered")).toString();
    if (response.ok() && !latest.isEmpty()) {
        // T becomes every object's covered-until: a clock that does not parse, or runs
        // ahead of the org's own Date header, would skip every later change.
        const QDateTime covered = RecordValidator::parseDateTime(latest);
        if (covered.isValid() &&
            (!dateHeader.isValid() ||
             covered <= dateHeader.addSecs(RecordValidator::kClockSkewSeconds))) {
            *vouched = true;
            return covered.addMSecs(-covered.time().msec());
        }
        qCWarning(lcSyncPull) << "latestDateCovered" << latest << "refused; Date" << dateHeader;
        m_report.refused++;
        m_report.warnings.append(
            QCoreApplication::translate("pasalista::Puller",
                                        "The org's replication clock read %1, which is not a "
                                        "time before its own clock; it was not used.")
                .arg(latest.left(40)));
        return {};
    }
    // Without the replication API: the Date of a reply received before the first query.
    qCInfo(lcSyncPull) << "no latestDateCovered" << response.errorCode << "; using the Date header";
    return dateHeader;
}

} // namespace pasalista
