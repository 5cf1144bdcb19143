#pragma once

#include <QObject>

class QNetworkReply;

#include <atomic>
#include <condition_variable>
#include <mutex>

namespace pasalista {

// A stop request that reaches a thread wherever it waits: a reply in flight is aborted
// through cancelled() (queued into the waiting thread's local event loop, so at once), and a
// back-off pause wakes up. Thread-safe; cancel() may come from any thread.
class Cancellation : public QObject
{
    Q_OBJECT

public:
    explicit Cancellation(QObject *parent = nullptr);

    void cancel();
    // For the next cycle of a worker that keeps its client: only its own thread calls it.
    void reset();
    bool isCancelled() const { return m_cancelled.load(); }
    // Sleeps `ms` unless cancelled first; true when the whole pause passed.
    bool pause(unsigned long ms);
    // Aborts `reply` once cancelled (at once if already), in the reply's thread. Disconnect
    // the connection when the reply has been read: a later cancel is not for it.
    QMetaObject::Connection abortOnCancel(QNetworkReply *reply) const;

    // Aborts `reply` only while it runs and has not failed. Qt hands a failed reply its error
    // and its end as two events, and an abort between them is a second error (Qt warns
    // "Internal problem, this method must only be called once"); a failed reply ends on its
    // own right after.
    static void abortRunning(QNetworkReply *reply);

Q_SIGNALS:
    void cancelled();

private:
    std::atomic_bool m_cancelled{false};
    std::mutex m_mutex;
    std::condition_variable m_wake;
};

} // namespace pasalista
