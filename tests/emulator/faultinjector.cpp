#include "faultinjector.h"

#include <QStringList>

namespace pasalista::emulator {

namespace {
constexpr int kDefaultDailyApiLimit = 15000;

bool isShare(const QJsonValue &value)
{
    return value.isDouble() && value.toDouble() >= 0 && value.toDouble() <= 1;
}

bool isCount(const QJsonValue &value)
{
    return value.isDouble() && value.toDouble() >= 0;
}
} // namespace

FaultInjector::FaultInjector(quint32 seed) : m_seed(seed), m_random(seed) {}

void FaultInjector::reset()
{
    *this = FaultInjector(m_seed);
}

bool FaultInjector::configure(const QJsonObject &json, QString *error)
{
    QStringList problems;
    for (auto it = json.begin(); it != json.end(); ++it) {
        const QString &key = it.key();
        const QJsonValue value = it.value();
        const auto share = [&](double *target) {
            if (isShare(value))
                *target = value.toDouble();
            else
                problems.append(key + QStringLiteral(" must be a number from 0 to 1"));
        };
        const auto count = [&](int *target) {
            if (isCount(value))
                *target = value.toInt();
            else
                problems.append(key + QStringLiteral(" must be a non-negative number"));
        };
        if (key == QLatin1String("latencyMs"))
            count(&m_latencyMs);
        else if (key == QLatin1String("latencyJitterMs"))
            count(&m_latencyJitterMs);
        else if (key == QLatin1String("bandwidthBytesPerSecond"))
            count(&m_bandwidth);
        else if (key == QLatin1String("errorRate"))
            share(&m_errorRate);
        else if (key == QLatin1String("serviceUnavailableShare"))
            share(&m_serviceUnavailableShare);
        else if (key == QLatin1String("dropBeforeResponseRate"))
            share(&m_dropBeforeRate);
        else if (key == QLatin1String("dropMidResponseRate"))
            share(&m_dropMidRate);
        else if (key == QLatin1String("lockRowRate"))
            share(&m_lockRowRate);
        else if (key == QLatin1String("dailyApiLimit"))
            count(&m_dailyApiLimit);
        else if (key == QLatin1String("expireSessions"))
            m_expireSessions = value.toBool();
        else if (key == QLatin1String("tokenLifetimeSeconds") && isCount(value))
            m_tokenLifetime = value.toInt();
        else if (key == QLatin1String("apiUsage") && isCount(value))
            m_apiUsage = value.toInt();
        else if (key == QLatin1String("seed") && isCount(value))
            m_random.seed(static_cast<quint32>(value.toInteger()));
        else
            problems.append(QStringLiteral("unknown or invalid fault: ") + key);
    }
    *error = problems.join(QStringLiteral("; "));
    return problems.isEmpty();
}

QJsonObject FaultInjector::toJson() const
{
    return {{QStringLiteral("latencyMs"), m_latencyMs},
            {QStringLiteral("latencyJitterMs"), m_latencyJitterMs},
            {QStringLiteral("bandwidthBytesPerSecond"), m_bandwidth},
            {QStringLiteral("errorRate"), m_errorRate},
            {QStringLiteral("serviceUnavailableShare"), m_serviceUnavailableShare},
            {QStringLiteral("dropBeforeResponseRate"), m_dropBeforeRate},
            {QStringLiteral("dropMidResponseRate"), m_dropMidRate},
            {QStringLiteral("lockRowRate"), m_lockRowRate},
            {QStringLiteral("dailyApiLimit"), m_dailyApiLimit}};
}

bool FaultInjector::draw(double share)
{
    // Draw only when the fault is on, so enabling one fault does not shift the sequence
    // of another's draws.
    return share > 0 && m_random.generateDouble() < share;
}

TransportFaults FaultInjector::drawTransportFaults()
{
    TransportFaults faults;
    faults.latencyMs = m_latencyMs;
    if (m_latencyJitterMs > 0)
        faults.latencyMs += static_cast<int>(m_random.bounded(m_latencyJitterMs + 1));
    faults.bandwidthBytesPerSecond = m_bandwidth;
    faults.dropBeforeResponse = draw(m_dropBeforeRate);
    if (!faults.dropBeforeResponse && draw(m_errorRate))
        faults.serverErrorStatus =
            m_random.generateDouble() < m_serviceUnavailableShare ? 503 : 500;
    faults.dropMidResponse = !faults.dropBeforeResponse && draw(m_dropMidRate);
    return faults;
}

bool FaultInjector::drawLockRow()
{
    return draw(m_lockRowRate);
}

bool FaultInjector::takeExpireSessions()
{
    return std::exchange(m_expireSessions, false);
}

std::optional<int> FaultInjector::takeTokenLifetime()
{
    return std::exchange(m_tokenLifetime, std::nullopt);
}

std::optional<int> FaultInjector::takeApiUsage()
{
    return std::exchange(m_apiUsage, std::nullopt);
}

} // namespace pasalista::emulator
