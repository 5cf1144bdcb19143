#pragma once

// core/net: the network layer, standing alone below auth and sync. It owns talking to the
// org's REST API (SalesforceClient, Composite batches, query pages through QueryPager),
// gzip, cancellation and the back-off between tries. It reaches the signed-in org only
// through TokenSource, which core/auth's Session implements.

#include "apiresponse.h"
#include "cancellation.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QJsonValue>
#include <QObject>
#include <QPointer>
#include <QUrlQuery>

#include <atomic>
#include <future>
#include <memory>
#include <optional>
#include <utility>

class QNetworkAccessManager;
class QNetworkReply;

namespace pasalista {

class TokenSource;

// Talks to the org's REST API for one thread: bearer token from the TokenSource, one shared
// refresh and a retry on 401, gzip both ways, Sforce-Limit-Info read from every reply,
// Salesforce's error bodies turned into ApiResponse. Calls are blocking (a local event
// loop per request), so create and use it in a worker thread or in the CLI.
class SalesforceClient : public QObject
{
    Q_OBJECT

public:
    explicit SalesforceClient(TokenSource *tokens, QObject *parent = nullptr);
    ~SalesforceClient() override;

    void setApiVersion(const QString &version) { m_apiVersion = version; } // "v60.0"
    QString apiVersion() const { return m_apiVersion; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    // The longest one reply may take from request to last byte, however steadily it drips.
    void setReplyDeadlineMs(int ms) { m_replyDeadlineMs = ms; }
    // A deadline for a whole sync cycle: once past it no request starts (CYCLE_DEADLINE,
    // transient: nothing was sent) and a reply in flight is abandoned. Forever: none.
    void setCycleDeadline(const QDeadlineTimer &deadline) { m_cycleDeadline = deadline; }
    bool isPastCycleDeadline() const { return m_cycleDeadline.hasExpired(); }
    // Plain http is refused unless the host is loopback (the emulator).
    static bool isAllowedUrl(const QUrl &url);
    // Same scheme, host and port: the only place the bearer token may go.
    static bool isSameOrigin(const QUrl &url, const QUrl &origin);
    // A nextRecordsUrl is accepted only as a relative path under /services/data/.
    static bool isDataApiPath(const QString &nextRecordsUrl);

    // Paths are relative to /services/data/<version>/ unless they start with '/'.
    ApiResponse get(const QString &path, const QUrlQuery &query = {});
    ApiResponse post(const QString &path, const QJsonDocument &body);
    // A POST that only reads (a Composite of GETs and queries): retried like get().
    ApiResponse postRead(const QString &path, const QJsonDocument &body);
    ApiResponse patch(const QString &path, const QJsonDocument &body);
    ApiResponse del(const QString &path, const QUrlQuery &query = {});
    // SOQL: the first page, or the next one from a nextRecordsUrl.
    ApiResponse query(const QString &soql, bool includeDeleted = false);
    ApiResponse queryMore(const QString &nextRecordsUrl);
    // One subrequest's reply out of a Composite call, classified as the same request sent
    // alone would be (an INVALID_FIELD in it noted too). A status that is no HTTP status
    // is a malformed reply.
    ApiResponse subresponse(int httpStatus, const QJsonValue &body);
    // Asks for the page at `nextRecordsUrl` now, so the org prepares and sends it while the
    // caller applies the page in hand; the next queryMore() of that url takes the reply.
    // One prefetch at a time: a new one, or dropPrefetch(), abandons the previous one; the
    // same url asked again keeps the one on its way.
    void prefetch(const QString &nextRecordsUrl);
    void dropPrefetch();
    // Call now and then while the page in hand is applied: takes in what has come of the
    // prefetched page and, once it is whole, parses it on a worker thread, so that the
    // sync thread finds it read instead of reading it between two pages.
    void advancePrefetch();

    // Thread-safe: aborts the request in flight, a token refresh and a back-off pause at
    // once, and makes every later call fail fast until resetCancel().
    void cancel();
    bool isCancelled() const { return m_cancel.isCancelled(); }
    // A worker that keeps its client across cycles clears a cancelled cycle (own thread only).
    void resetCancel() { m_cancel.reset(); }
    // A back-off between attempts that a cancel cuts short; false when cancelled.
    bool pause(unsigned long ms) { return m_cancel.pause(ms); }

    // From the last Sforce-Limit-Info header: api-usage=used/max (-1 when unknown).
    int apiUsed() const { return m_apiUsed; }
    int apiMax() const { return m_apiMax; }
    // The org's clock from the Date header of the last reply (second precision, UTC);
    // invalid before the first reply. The pull takes it as a time the org vouches for.
    QDateTime serverTime() const { return m_serverTime; }
    // The laptop's clock when that reply came (LaptopClock): the two clocks compared.
    QDateTime serverTimeReadAt() const { return m_serverTimeReadAt; }
    // Counters for benchmarks and the activity view.
    qint64 requestCount() const { return m_requests; }
    // API calls the org counted for this client: replies past authentication that carried
    // Sforce-Limit-Info (a Composite request is one; a 401 or the token endpoint none).
    int apiCallCount() const { return m_apiCalls; }
    // Whether a reply named a field the org does not have (INVALID_FIELD) since the last
    // call: the cached describes are out of date.
    bool takeFieldError() { return std::exchange(m_sawFieldError, false); }
    qint64 bytesSent() const { return m_bytesSent; }
    qint64 bytesReceived() const { return m_bytesReceived; }

Q_SIGNALS:
    void apiUsageChanged(int used, int max);

private:
    struct ParsedBody
    {
        QByteArray body;
        QJsonDocument json;
        QJsonParseError error{};
    };
    static ParsedBody parse(const QByteArray &body);

    ApiResponse sendRead(const QByteArray &verb, const QUrl &url, const QByteArray &body);
    ApiResponse send(const QByteArray &verb, const QUrl &url, const QByteArray &body);
    ApiResponse sendOnce(const QByteArray &verb, const QUrl &url, const QByteArray &body,
                         int *tokenGeneration);
    QNetworkReply *start(const QByteArray &verb, const QUrl &url, const QByteArray &body,
                         int *tokenGeneration);
    // `parsed`: the reply's body, already read and parsed (advancePrefetch).
    ApiResponse finish(QNetworkReply *reply, const ParsedBody *parsed = nullptr);
    QNetworkReply *takePrefetched(const QByteArray &verb, const QUrl &url, int *tokenGeneration,
                                  std::optional<ParsedBody> *parsed);
    QUrl urlFor(const QString &path, const QUrlQuery &query) const;
    void readLimitInfo(const QByteArray &header);
    void describe(QNetworkReply *reply, ApiResponse *response, const ParsedBody *parsed);

    TokenSource *m_tokens;
    std::unique_ptr<QNetworkAccessManager> m_network;
    struct Prefetch
    {
        QUrl url;
        QPointer<QNetworkReply> reply;
        int tokenGeneration = 0;
        std::future<ParsedBody> parsed; // valid once the whole body is read
    } m_prefetch;
    QString m_apiVersion = QStringLiteral("v60.0");
    int m_timeoutMs = 60000;
    int m_replyDeadlineMs = 300000;
    QDeadlineTimer m_cycleDeadline{QDeadlineTimer::Forever};
    Cancellation m_cancel;
    QDateTime m_serverTime;
    QDateTime m_serverTimeReadAt;
    int m_apiUsed = -1;
    int m_apiMax = -1;
    qint64 m_requests = 0;
    bool m_sawFieldError = false;
    int m_apiCalls = 0;
    qint64 m_bytesSent = 0;
    qint64 m_bytesReceived = 0;
};

} // namespace pasalista
