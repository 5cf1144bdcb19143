#pragma once

#include <QJsonObject>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <functional>
#include <optional>
#include <utility>

namespace pasalista::emulator {

// What the transport does to one response.
struct TransportFaults
{
    int latencyMs = 0;
    int bandwidthBytesPerSecond = 0; // 0: unlimited
    bool dropBeforeResponse = false; // close the connection without answering
    bool dropMidResponse = false;    // send part of the response, then close
    int serverErrorStatus = 0;       // 500 or 503 instead of processing the request
    bool maintenancePage = false;    // the 503 is Salesforce's HTML maintenance page
    bool dropAfterCommit = false;    // process the request, then close without answering
    bool lockRow = false;            // every record write of the request: UNABLE_TO_LOCK_ROW
    bool wrongShape = false; // process the request, then answer 2xx with [null] for its body
    QString mutation;        // a ReplyMutator kind (empty: none)
};

// A fault armed for the Nth request whose method and path match.
struct ArmedFault
{
    QByteArray method; // empty: any
    QRegularExpression path;
    int remaining = 1;       // matching requests until it fires
    bool subrequests = true; // false: only requests sent alone count and are struck
    QString fault; // 500, 503, drop-before-response, drop-after-commit, lock-row, wrong-shape,
                   // or a response mutation (ReplyMutator::kinds())

    static std::optional<ArmedFault> fromJson(const QJsonObject &json, QString *error);
    QJsonObject toJson() const;
    void applyTo(TransportFaults *faults) const;
};

// Fault settings and the seeded random draws that apply them, so a run with the same
// seed and the same requests fails the same way.
class FaultInjector
{
public:
    explicit FaultInjector(quint32 seed = 1);

    // Applies the keys present in json; unknown keys are reported in error.
    bool configure(const QJsonObject &json, QString *error);
    QJsonObject toJson() const;
    void reset();

    // The armed faults are checked first; the random rates apply when none fires.
    TransportFaults drawTransportFaults(const QByteArray &method = {}, const QString &path = {});
    // Whether any fault is armed (a request can only meet an armed one then).
    bool hasArmed() const { return !m_armed.isEmpty(); }
    // An armed fault that can strike one subrequest of a Composite request (`500`, `503`
    // or a mutation kind that applies inside it) whose method and path match: it counts
    // and fires as a request of its own would. The fault's name, or nothing.
    std::optional<QString> takeSubrequestFault(const QByteArray &method, const QString &path);
    // An armed fault that acts on a whole request (the connection, the commit or the whole
    // reply: every kind takeSubrequestFault does not strike inside a reply) aimed at a write
    // subrequest (any method but GET) of a Composite request: it counts as a request of its
    // own and strikes the Composite request that carries the write, as it would strike the
    // write sent alone. Reads inside a batch are never struck this way.
    std::optional<TransportFaults> takeCarriedWriteFault(const QByteArray &method,
                                                         const QString &path);
    bool drawLockRow();
    // Seconds the current write request's transaction stays invisible (0: commits at once).
    int drawCommitDelaySeconds();

    // The generator of response mutations: seeded on its own (mutateSeed), so turning
    // mutations on does not shift the other faults' draws.
    QRandomGenerator &mutationRandom() { return m_mutationRandom; }
    // A bearer token that reached another origin (a followed redirect or page link).
    void noteTokenOffOrigin() { ++m_tokensOffOrigin; }
    void noteMutation() { ++m_mutations; }

    int dailyApiLimit() const { return m_dailyApiLimit; }
    // One-shot requests taken by the caller (the emulator applies them to OAuth).
    bool takeExpireSessions();
    std::optional<int> takeTokenLifetime();
    std::optional<int> takeApiUsage();

private:
    // A setting that is one number: a count (a whole number from 0) or a share (0 to 1).
    struct NumberSetting
    {
        const char *key;
        int FaultInjector::*count;
        double FaultInjector::*share;
    };
    static const NumberSetting kNumberSettings[12];

    bool draw(double share);
    bool armFaults(const QJsonValue &value, QString *error);
    bool setMutationKinds(const QJsonValue &value, QString *error);
    QString drawMutation();
    std::optional<TransportFaults> takeArmedFault(const QByteArray &method, const QString &path);
    std::optional<ArmedFault> takeArmed(const QByteArray &method, const QString &path,
                                        const std::function<bool(const ArmedFault &)> &kind);

    quint32 m_seed;
    QRandomGenerator m_random;
    int m_latencyMs = 0;
    int m_latencyJitterMs = 0;
    int m_bandwidth = 0;
    double m_errorRate = 0;
    double m_serviceUnavailableShare = 0.5;
    double m_dropBeforeRate = 0;
    double m_dropMidRate = 0;
    double m_lockRowRate = 0;
    int m_commitDelayMaxSeconds = 0;
    double m_commitDelayRate = 0.2;
    int m_dailyApiLimit = 15000;
    bool m_expireSessions = false;
    std::optional<int> m_tokenLifetime;
    std::optional<int> m_apiUsage;
    QList<ArmedFault> m_armed;
    double m_mutateRate = 0;
    QStringList m_mutationKinds; // empty: every kind
    QRandomGenerator m_mutationRandom;
    int m_mutations = 0;
    int m_tokensOffOrigin = 0;
};

} // namespace pasalista::emulator
