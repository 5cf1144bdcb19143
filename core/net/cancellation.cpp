#include "cancellation.h"

#include <QNetworkReply>

#include <chrono>

namespace pasalista {

Cancellation::Cancellation(QObject *parent) : QObject(parent) {}

void Cancellation::cancel()
{
    {
        std::lock_guard lock(m_mutex);
        m_cancelled = true;
    }
    m_wake.notify_all();
    Q_EMIT cancelled();
}

void Cancellation::reset()
{
    std::lock_guard lock(m_mutex);
    m_cancelled = false;
}

bool Cancellation::pause(unsigned long ms)
{
    std::unique_lock lock(m_mutex);
    return !m_wake.wait_for(lock, std::chrono::milliseconds(ms),
                            [this] { return m_cancelled.load(); });
}

QMetaObject::Connection Cancellation::abortOnCancel(QNetworkReply *reply) const
{
    // Emitted from another thread: queued into the reply's thread, so the abort comes at once.
    QMetaObject::Connection connection =
        connect(this, &Cancellation::cancelled, reply, [reply] { abortRunning(reply); });
    if (isCancelled())
        abortRunning(reply); // cancelled before the connection was made
    return connection;
}

void Cancellation::abortRunning(QNetworkReply *reply)
{
    if (reply && reply->isRunning() && reply->error() == QNetworkReply::NoError)
        reply->abort();
}

} // namespace pasalista
