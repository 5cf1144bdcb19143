#include "syncscheduler.h"

#include "logging.h"
#include "net/backoff.h"
#include "sync/apibudget.h"
#include "sync/streamingclient.h"
#include "sync/syncworker.h"

#include <QNetworkInformation>
#include <QTimeZone>

#include <utility>

namespace pasalista {

namespace {

constexpr int kMinimumPollMs = 30'000;
// Events of one transaction arrive together: gather them into one sync, well within 2 s.
constexpr int kStreamDebounceMs = 300;
// Out of reach, the marks wait for the next try: tries go on every 2 to 6 minutes (the fourth
// step of the backoff, jittered) rather than up to an hour, for an org without change events
// whose channel cannot say it answers again.
constexpr int kOfflineBackoffSteps = 3;

} // namespace

SyncScheduler::SyncScheduler(const QString &databasePath, const Mapping &mapping,
                             std::shared_ptr<Session> session, QObject *parent)
    : QObject(parent), m_session(std::move(session))
{
    m_dailyCallBudget = ApiBudget::capOf(mapping);
    int pollSeconds = 0;
    for (const ObjectMapping &object : mapping.objects()) {
        pollSeconds =
            pollSeconds == 0 ? object.pollingSeconds : std::min(pollSeconds, object.pollingSeconds);
    }
    m_basePollMs = std::max(kMinimumPollMs, pollSeconds * 1000);
    m_pollTimer.setInterval(m_basePollMs);
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, [this] { start(false); });
    m_editDebounce.setInterval(5000);
    m_editDebounce.setSingleShot(true);
    connect(&m_editDebounce, &QTimer::timeout, this, [this] {
        if (isPolling()) // past the day's budget only "Sync now" spends calls
            start(false);
    });
    m_streamDebounce.setInterval(kStreamDebounceMs);
    m_streamDebounce.setSingleShot(true);
    connect(&m_streamDebounce, &QTimer::timeout, this, &SyncScheduler::startStreamedObjects);
    QStringList objectNames;
    for (const ObjectMapping &object : mapping.objects())
        objectNames.append(object.objectName);
    m_streaming = std::make_unique<StreamingClient>(m_session.get(), objectNames);
    connect(m_streaming.get(), &StreamingClient::changed, this,
            [this](const QString &objectName) { onStreamedChange(objectName); });
    connect(m_streaming.get(), &StreamingClient::connectedChanged, this,
            &SyncScheduler::onStreamingConnectedChanged);
    // A sync refreshes the access token the Streaming API refused.
    connect(m_streaming.get(), &StreamingClient::sessionRefused, this, [this] {
        if (m_state != State::NeedsSignIn)
            start(false);
    });

    m_worker = new SyncWorker(databasePath, mapping, m_session);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(this, &SyncScheduler::requestCycle, m_worker, &SyncWorker::runCycle);
    connect(m_worker, &SyncWorker::phaseChanged, this, &SyncScheduler::phaseChanged);
    connect(m_worker, &SyncWorker::cycleFinished, this, &SyncScheduler::onCycleFinished);
    m_thread.setObjectName(QStringLiteral("pasalista-sync"));
    m_thread.start();

    if (QNetworkInformation::loadDefaultBackend() && QNetworkInformation::instance()) {
        connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this,
                &SyncScheduler::onReachabilityChanged);
    }
    m_pollTimer.start();
}

SyncScheduler::~SyncScheduler()
{
    stop();
}

void SyncScheduler::stop()
{
    if (!m_worker) {
        return;
    }
    m_pollTimer.stop();
    m_editDebounce.stop();
    m_streamDebounce.stop();
    m_streaming->disconnect(this); // its last connectedChanged(false) is not ours to handle
    m_streaming->stop();
    m_worker->stop();
    m_thread.quit();
    m_thread.wait(); // the worker is deleted in its thread as it ends, and its session with it
    m_worker = nullptr;
    qCInfo(lcSync) << "sync stopped";
}

void SyncScheduler::setBasePollIntervalMs(int ms)
{
    m_basePollMs = ms;
    if (m_pollTimer.isActive())
        m_pollTimer.start(pollDelayMs());
}

int SyncScheduler::workerConnectionsOpened() const
{
    return m_worker ? m_worker->connectionsOpened() : 0;
}

void SyncScheduler::setState(State state)
{
    if (m_state != state) {
        m_state = state;
        Q_EMIT stateChanged(state);
    }
}

void SyncScheduler::syncNow()
{
    start(true);
}

void SyncScheduler::localEditMade()
{
    if (m_state != State::NeedsSignIn) {
        m_editDebounce.start();
    }
}

void SyncScheduler::startStreaming()
{
    m_streamingWanted = true;
    if (m_worker && m_state != State::NeedsSignIn && m_state != State::Offline)
        m_streaming->start();
}

void SyncScheduler::stopStreaming()
{
    m_streamingWanted = false;
    m_streaming->stop();
}

bool SyncScheduler::isStreaming() const
{
    return m_streaming && m_streaming->isConnected();
}

void SyncScheduler::onStreamedChange(const QString &objectName)
{
    if (m_state == State::NeedsSignIn || !isPolling())
        return; // past the day's budget only "Sync now" spends calls
    qCDebug(lcSync) << "org change event for" << objectName << ": pulling it";
    if (!m_streamedObjects.contains(objectName))
        m_streamedObjects.append(objectName);
    if (!m_streamDebounce.isActive())
        m_streamDebounce.start();
}

void SyncScheduler::startStreamedObjects()
{
    const QStringList objects = std::exchange(m_streamedObjects, {});
    if (!objects.isEmpty())
        start(false, objects);
}

void SyncScheduler::onStreamingConnectedChanged(bool connected)
{
    qCInfo(lcSync) << (connected ? "streaming up: polling is the safety net"
                                 : "streaming down: polling at the normal interval");
    if (connected && (m_failures > 0 || m_state == State::Offline)) {
        orgReachableAgain(); // the channel answering is the org answering
        return;
    }
    if (m_pollTimer.isActive() && m_failures == 0) // a backoff keeps its own delay
        m_pollTimer.start(pollDelayMs());
}

void SyncScheduler::orgReachableAgain()
{
    if (m_state == State::NeedsSignIn)
        return;
    qCInfo(lcSync) << "org reachable again: syncing";
    m_failures = 0;
    start(false);
}

int SyncScheduler::pollDelayMs() const
{
    if (!isPolling()) {
        // Budget spent: the next poll is the first of tomorrow (UTC, as the count).
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QDateTime tomorrow(now.date().addDays(1), QTime(0, 1), QTimeZone::utc());
        return static_cast<int>(std::max<qint64>(kMinimumPollMs, now.msecsTo(tomorrow)));
    }
    const double streaming = isStreaming() ? kStreamingPollFactor : 1.0;
    return static_cast<int>(std::min<double>(
        m_basePollMs * m_limitSlowdown * m_budgetFactor * streaming, 24.0 * 3600 * 1000));
}

void SyncScheduler::cancel()
{
    if (m_worker) {
        m_worker->cancel();
    }
}

void SyncScheduler::start(bool manual, const QStringList &objects)
{
    if (!m_worker) {
        return; // stopped
    }
    if (m_state == State::Syncing) {
        // One sync at a time: remember to run again when this one ends. A whole cycle
        // queued covers every object.
        const bool whole = (m_queued && m_queuedObjects.isEmpty()) || objects.isEmpty();
        m_queuedObjects = whole ? QStringList() : m_queuedObjects + objects;
        m_queuedObjects.removeDuplicates();
        m_queued = true;
        m_pendingManual = m_pendingManual || manual;
        return;
    }
    if (m_state == State::NeedsSignIn && !manual) {
        return;
    }
    m_pollTimer.stop();
    m_editDebounce.stop();
    m_streamDebounce.stop();
    setState(State::Syncing);
    Q_EMIT requestCycle(manual, objects);
}

void SyncScheduler::onCycleFinished(const SyncReport &report, int apiUsed, int apiMax)
{
    if (!m_worker) {
        return; // the last word of a stopped worker, queued before it ended
    }
    m_lastReport = report;
    switch (report.result) {
    case SyncReport::Result::Clean:
    case SyncReport::Result::Issues:
        m_failures = 0;
        m_lastSuccess = report.finishedAt;
        setState(State::Idle);
        if (m_streamingWanted && !m_streaming->isRunning())
            m_streaming->start();
        break;
    case SyncReport::Result::SignInRequired:
        setState(State::NeedsSignIn);
        m_streaming->stop();
        break;
    case SyncReport::Result::Unreachable:
        ++m_failures;
        setState(State::Offline);
        break;
    case SyncReport::Result::Cancelled:
        setState(State::Idle);
        break;
    case SyncReport::Result::Error:
        ++m_failures;
        setState(State::Error);
        break;
    }
    // Near the org's daily API limit (shared by everyone), poll less: x4 past 80 %, x16 past
    // 95 %. This laptop's own budget slows, then stops, polling before its cap.
    const double used = (apiMax > 0 && apiUsed >= 0) ? double(apiUsed) / apiMax : 0.0;
    m_limitSlowdown = used > 0.95 ? 16.0 : used > 0.8 ? 4.0 : 1.0;
    if (report.result != SyncReport::Result::Error || report.apiCalls > 0)
        m_budgetFactor =
            ApiBudget::pollFactor(report.apiCallsToday, m_dailyCallBudget, report.apiCalls);
    if (!isPolling())
        qCInfo(lcSync) << "spent" << report.apiCallsToday << "of" << m_dailyCallBudget
                       << "API calls today: no polling until tomorrow";
    Q_EMIT cycleFinished(report);
    if (m_queued) {
        m_queued = false;
        const bool manual = m_pendingManual;
        m_pendingManual = false;
        start(manual, std::exchange(m_queuedObjects, {}));
        return;
    }
    const int step = report.result == SyncReport::Result::Unreachable
                         ? std::min(m_failures - 1, kOfflineBackoffSteps)
                         : m_failures - 1;
    const long long delay =
        m_failures > 0 ? Backoff::betweenCycles(step) : static_cast<long long>(pollDelayMs());
    m_pollTimer.start(static_cast<int>(std::min<long long>(delay, 24LL * 3600 * 1000)));
}

void SyncScheduler::onReachabilityChanged()
{
    const auto reachability = QNetworkInformation::instance()->reachability();
    if (reachability == QNetworkInformation::Reachability::Online) {
        qCInfo(lcSync) << "network back";
        orgReachableAgain();
        if (m_streamingWanted)
            m_streaming->start();
    } else if (reachability == QNetworkInformation::Reachability::Disconnected) {
        setState(State::Offline);
        m_streaming->stop();
    }
}

} // namespace pasalista
