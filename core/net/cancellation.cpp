#include "cancellation.h"

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

} // namespace pasalista
