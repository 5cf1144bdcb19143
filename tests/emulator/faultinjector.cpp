#include "faultinjector.h"

#include "replymutator.h"

#include <QJsonArray>
#include <QStringList>
#include <algorithm>
#include <iterator>

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

QStringList armableFaults()
{
    return QStringList{QStringLiteral("500"),
                       QStringLiteral("503"),
                       QStringLiteral("drop-before-response"),
                       QStringLiteral("drop-after-commit"),
                       QStringLiteral("lock-row"),
                       QStringLiteral("wrong-shape")} +
           ReplyMutator::kinds();
}
} // namespace

std::optional<ArmedFault> ArmedFault::fromJson(const QJsonObject &json, QString *error)
{
    ArmedFault armed;
    armed.method = json.value(QStringLiteral("method")).toString().toUpper().toLatin1();
    armed.path = QRegularExpression(json.value(QStringLiteral("path")).toString());
    armed.remaining = json.value(QStringLiteral("nth")).toInt(1);
    armed.fault = json.value(QStringLiteral("fault")).toString();
    armed.subrequests = json.value(QStringLiteral("subrequests")).toBool(true);
    const QStringList armable = armableFaults();
    if (!armed.path.isValid() || armed.remaining < 1 || !armable.contains(armed.fault)) {
        *error = QStringLiteral("arm needs {method, path (a regular expression), nth >= 1, "
                                "fault: one of %1}")
                     .arg(armable.join(QStringLiteral(", ")));
        return std::nullopt;
    }
    return armed;
}

QJsonObject ArmedFault::toJson() const
{
    return {{QStringLiteral("method"), QString::fromLatin1(method)},
            {QStringLiteral("path"), path.pattern()},
            {QStringLiteral("nth"), remaining},
            {QStringLiteral("fault"), fault},
            {QStringLiteral("subrequests"), subrequests}};
}

void ArmedFault::applyTo(TransportFaults *faults) const
{
    if (fault == QLatin1String("500")) {
        faults->serverErrorStatus = 500;
    } else if (fault == QLatin1String("503")) {
        faults->serverErrorStatus = 503;
        faults->maintenancePage = true;
    } else if (fault == QLatin1String("drop-before-response")) {
        faults->dropBeforeResponse = true;
    } else if (fault == QLatin1String("drop-after-commit")) {
        faults->dropAfterCommit = true;
    } else if (fault == QLatin1String("lock-row")) {
        faults->lockRow = true;
    } else if (fault == QLatin1String("wrong-shape")) {
        faults->wrongShape = true;
    } else {
        faults->mutation = fault;
    }
}

const FaultInjector::NumberSetting FaultInjector::kNumberSettings[12] = {
    {"latencyMs", &FaultInjector::m_latencyMs, nullptr},
    {"latencyJitterMs", &FaultInjector::m_latencyJitterMs, nullptr},
    {"bandwidthBytesPerSecond", &FaultInjector::m_bandwidth, nullptr},
    {"errorRate", nullptr, &FaultInjector::m_errorRate},
    {"serviceUnavailableShare", nullptr, &FaultInjector::m_serviceUnavailableShare},
    {"dropBeforeResponseRate", nullptr, &FaultInjector::m_dropBeforeRate},
    {"dropMidResponseRate", nullptr, &FaultInjector::m_dropMidRate},
    {"lockRowRate", nullptr, &FaultInjector::m_lockRowRate},
    {"commitDelayMaxSeconds", &FaultInjector::m_commitDelayMaxSeconds, nullptr},
    {"commitDelayRate", nullptr, &FaultInjector::m_commitDelayRate},
    {"dailyApiLimit", &FaultInjector::m_dailyApiLimit, nullptr},
    {"mutateRate", nullptr, &FaultInjector::m_mutateRate},
};

FaultInjector::FaultInjector(quint32 seed) : m_seed(seed), m_random(seed), m_mutationRandom(seed) {}

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
        const auto number = std::find_if(
            std::begin(kNumberSettings), std::end(kNumberSettings),
            [&key](const NumberSetting &setting) { return key == QLatin1String(setting.key); });
        if (number != std::end(kNumberSettings)) {
            if (number->count && isCount(value))
                this->*number->count = value.toInt();
            else if (number->count)
                problems.append(key + QStringLiteral(" must be a non-negative number"));
            else if (isShare(value))
                this->*number->share = value.toDouble();
            else
                problems.append(key + QStringLiteral(" must be a number from 0 to 1"));
        } else if (key == QLatin1String("mutateSeed") && isCount(value))
            m_mutationRandom.seed(static_cast<quint32>(value.toInteger()));
        else if (key == QLatin1String("mutateKinds")) {
            QString kindsError;
            if (!setMutationKinds(value, &kindsError))
                problems.append(kindsError);
        } else if (key == QLatin1String("expireSessions"))
            m_expireSessions = value.toBool();
        else if (key == QLatin1String("tokenLifetimeSeconds") && isCount(value))
            m_tokenLifetime = value.toInt();
        else if (key == QLatin1String("apiUsage") && isCount(value))
            m_apiUsage = value.toInt();
        else if (key == QLatin1String("arm")) {
            QString armError;
            if (!armFaults(value, &armError))
                problems.append(armError);
        } else if (key == QLatin1String("seed") && isCount(value))
            m_random.seed(static_cast<quint32>(value.toInteger()));
        else
            problems.append(QStringLiteral("unknown or invalid fault: ") + key);
    }
    *error = problems.join(QStringLiteral("; "));
    return problems.isEmpty();
}

QJsonObject FaultInjector::toJson() const
{
    QJsonArray armed;
    for (const ArmedFault &fault : m_armed)
        armed.append(fault.toJson());
    QJsonObject json{{QStringLiteral("mutateKinds"), QJsonArray::fromStringList(m_mutationKinds)},
                     {QStringLiteral("mutations"), m_mutations},
                     {QStringLiteral("tokensOffOrigin"), m_tokensOffOrigin},
                     {QStringLiteral("armed"), armed}};
    for (const NumberSetting &setting : kNumberSettings) {
        json.insert(QLatin1String(setting.key), setting.count ? QJsonValue(this->*setting.count)
                                                              : QJsonValue(this->*setting.share));
    }
    return json;
}

bool FaultInjector::armFaults(const QJsonValue &value, QString *error)
{
    const QJsonArray list = value.isArray() ? value.toArray() : QJsonArray{value};
    for (const QJsonValue &entry : list) {
        auto armed = ArmedFault::fromJson(entry.toObject(), error);
        if (!armed)
            return false;
        m_armed.append(*armed);
    }
    return true;
}

bool FaultInjector::setMutationKinds(const QJsonValue &value, QString *error)
{
    QStringList kinds;
    for (const QJsonValue &entry : value.toArray()) {
        if (!ReplyMutator::kinds().contains(entry.toString())) {
            *error = QStringLiteral("mutateKinds: each one of %1")
                         .arg(ReplyMutator::kinds().join(QStringLiteral(", ")));
            return false;
        }
        kinds.append(entry.toString());
    }
    m_mutationKinds = kinds;
    return true;
}

QString FaultInjector::drawMutation()
{
    if (m_mutateRate <= 0 || m_mutationRandom.generateDouble() >= m_mutateRate)
        return {};
    const QStringList &kinds = m_mutationKinds.isEmpty() ? ReplyMutator::kinds() : m_mutationKinds;
    return kinds.at(
        static_cast<qsizetype>(m_mutationRandom.bounded(static_cast<int>(kinds.size()))));
}

std::optional<ArmedFault>
FaultInjector::takeArmed(const QByteArray &method, const QString &path,
                         const std::function<bool(const ArmedFault &)> &kind)
{
    // Every matching fault counts this request; the first whose count runs out fires.
    std::optional<ArmedFault> fired;
    for (auto it = m_armed.begin(); it != m_armed.end();) {
        const bool matches = kind(*it) && (it->method.isEmpty() || it->method == method) &&
                             it->path.match(path).hasMatch();
        if (matches && --it->remaining == 0) {
            if (!fired)
                fired = *it;
            it = m_armed.erase(it);
            continue;
        }
        ++it;
    }
    return fired;
}

std::optional<TransportFaults> FaultInjector::takeArmedFault(const QByteArray &method,
                                                             const QString &path)
{
    const auto armed = takeArmed(method, path, [](const ArmedFault &) { return true; });
    if (!armed)
        return std::nullopt;
    TransportFaults fired;
    armed->applyTo(&fired);
    return fired;
}

namespace {
// The armed kinds a Composite reply can carry inside one subrequest's result.
bool strikesInsideAReply(const QString &fault)
{
    return fault == QLatin1String("500") || fault == QLatin1String("503") ||
           ReplyMutator::appliesToSubrequest(fault);
}
} // namespace

std::optional<QString> FaultInjector::takeSubrequestFault(const QByteArray &method,
                                                          const QString &path)
{
    const auto armed = takeArmed(method, path, [](const ArmedFault &fault) {
        return fault.subrequests && strikesInsideAReply(fault.fault);
    });
    return armed ? std::optional<QString>(armed->fault) : std::nullopt;
}

std::optional<TransportFaults> FaultInjector::takeCarriedWriteFault(const QByteArray &method,
                                                                    const QString &path)
{
    if (method == "GET")
        return std::nullopt;
    const auto armed = takeArmed(method, path, [](const ArmedFault &fault) {
        return fault.subrequests && !strikesInsideAReply(fault.fault);
    });
    if (!armed)
        return std::nullopt;
    TransportFaults fired;
    armed->applyTo(&fired);
    return fired;
}

bool FaultInjector::draw(double share)
{
    // Draw only when the fault is on, so enabling one fault does not shift the sequence
    // of another's draws.
    return share > 0 && m_random.generateDouble() < share;
}

TransportFaults FaultInjector::drawTransportFaults(const QByteArray &method, const QString &path)
{
    if (auto armed = takeArmedFault(method, path)) {
        armed->latencyMs = m_latencyMs;
        armed->bandwidthBytesPerSecond = m_bandwidth;
        return *armed;
    }
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
    faults.mutation = drawMutation();
    return faults;
}

bool FaultInjector::drawLockRow()
{
    return draw(m_lockRowRate);
}

int FaultInjector::drawCommitDelaySeconds()
{
    if (m_commitDelayMaxSeconds <= 0 || !draw(m_commitDelayRate))
        return 0;
    return 1 + static_cast<int>(m_random.bounded(m_commitDelayMaxSeconds));
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
