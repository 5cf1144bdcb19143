#pragma once

#include "mapping.h"
#include "sync/syncreport.h"

#include <QDateTime>
#include <QObject>
#include <QThread>
#include <QTimer>

#include <memory>

namespace pasalista {

class Session;
class StreamingClient;
class SyncWorker;

// Decides when to sync and runs one cycle at a time in a worker thread. Triggers: the
// poll timer (the mapping's sf_polling_seconds), a local edit (debounced), the network
// coming back (QNetworkInformation), change events (only the objects they name) and "Sync
// now". Failures back off with jitter (out of reach, a few minutes at most), and the org
// answering again (the network back, the streaming channel reconnected) ends the wait.
// Near the org's daily API limit, or the mapping's sf_max_daily_api_calls for this laptop,
// it polls less, then not at all until the next day ("Sync now" always works).
class SyncScheduler : public QObject
{
    Q_OBJECT

public:
    enum class State
    {
        Offline,
        Idle,
        Syncing,
        Error,
        NeedsSignIn
    };
    Q_ENUM(State)

    // Shares the session with its owner (the account manager): signing out may drop the
    // manager's reference while a cycle runs.
    SyncScheduler(const QString &databasePath, const Mapping &mapping,
                  std::shared_ptr<Session> session, QObject *parent = nullptr);
    ~SyncScheduler() override;

    // Ends the cycle in flight at once, runs no other and waits for the sync thread to let
    // go of the store and the session (sign-out, account switch, quit). Idempotent.
    void stop();
    bool isStopped() const { return m_worker == nullptr; }
    // Store connections and REST clients the worker made so far (tests: one of each).
    int workerConnectionsOpened() const;

    State state() const { return m_state; }
    QDateTime lastSuccess() const { return m_lastSuccess; }
    SyncReport lastReport() const { return m_lastReport; }
    int pollIntervalMs() const { return m_pollTimer.interval(); }
    // False once today's calls reached the laptop's budget (see ApiBudget::pollFactor).
    bool isPolling() const { return m_budgetFactor > 0.0; }
    int dailyCallBudget() const { return m_dailyCallBudget; }
    int basePollIntervalMs() const { return m_basePollMs; }
    void setEditDebounceMs(int ms) { m_editDebounce.setInterval(ms); }
    // Tests poll every few seconds; the app polls as the mapping says (at least 30 s).
    void setBasePollIntervalMs(int ms);
    void setStreamDebounceMs(int ms) { m_streamDebounce.setInterval(ms); }
    // While streaming is up, polling is only the safety net: this many times slower.
    static constexpr int kStreamingPollFactor = 4;
    bool isStreaming() const;
    StreamingClient *streamingClient() const { return m_streaming.get(); }

public Q_SLOTS:
    void syncNow();
    void localEditMade();
    void cancel();
    // Listens to the org's change events (the open window, online): an event for a mapped
    // object asks for a sync within 2 seconds, and polling slows down meanwhile.
    void startStreaming();
    void stopStreaming();
    // The org answers again (the network came back, or the streaming channel reconnected):
    // after an outage, what waits goes now rather than when the backoff ends.
    void orgReachableAgain();

Q_SIGNALS:
    void stateChanged(pasalista::SyncScheduler::State state);
    void phaseChanged(const QString &phase);
    void cycleFinished(const pasalista::SyncReport &report);
    void requestCycle(bool manual, const QStringList &objects); // to the worker thread

private:
    void start(bool manual, const QStringList &objects = {});
    void startStreamedObjects();
    void onCycleFinished(const SyncReport &report, int apiUsed, int apiMax);
    void onReachabilityChanged();
    void setState(State state);
    void onStreamedChange(const QString &objectName);
    void onStreamingConnectedChanged(bool connected);
    int pollDelayMs() const;

    std::shared_ptr<Session> m_session; // before m_streaming, which uses it
    QThread m_thread;
    SyncWorker *m_worker = nullptr;
    QTimer m_pollTimer;
    QTimer m_editDebounce;
    QTimer m_streamDebounce;
    std::unique_ptr<StreamingClient> m_streaming;
    bool m_streamingWanted = false;
    State m_state = State::Idle;
    bool m_pendingManual = false;
    bool m_queued = false;
    QStringList m_streamedObjects; // named by events since the last pull of them
    QStringList m_queuedObjects;   // for the queued cycle; empty: a whole cycle
    double m_budgetFactor = 1.0;
    int m_failures = 0;
    double m_limitSlowdown = 1.0;
    int m_basePollMs = 600'000;
    int m_dailyCallBudget = 0;
    QDateTime m_lastSuccess;
    SyncReport m_lastReport;
};

} // namespace pasalista
