#include "salesforceclient.h"

#include "laptopclock.h"
#include "logging.h"
#include "net/backoff.h"
#include "net/gzip.h"
#include "net/tokensource.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QTimeZone>
#include <QTimer>

namespace pasalista {

namespace {

// Request bodies above this size travel gzip-compressed (Salesforce accepts
// Content-Encoding: gzip); smaller ones are not worth the CPU.
constexpr qsizetype kCompressAbove = 1024;
constexpr int kReadAttempts = 4;

// Errors the org answers with when it is busy rather than when the record is wrong.
bool isTransientErrorCode(const QString &code)
{
    static const QStringList transient = {
        QStringLiteral("UNABLE_TO_LOCK_ROW"), QStringLiteral("REQUEST_LIMIT_EXCEEDED"),
        QStringLiteral("SERVER_UNAVAILABLE"), QStringLiteral("REQUEST_RUNNING_TOO_LONG"),
        QStringLiteral("QUERY_TIMEOUT")};
    return transient.contains(code);
}

// Salesforce sends [{"message","errorCode","fields"}]; OAuth endpoints send
// {"error","error_description"}.
void readErrorBody(ApiResponse *response)
{
    const QJsonArray list = response->json.array();
    if (!list.isEmpty()) {
        const QJsonObject first = list.first().toObject();
        response->errorCode = first.value(QLatin1String("errorCode")).toString();
        response->errorMessage = first.value(QLatin1String("message")).toString();
        return;
    }
    const QJsonObject object = response->json.object();
    response->errorCode = object.value(QLatin1String("error")).toString();
    response->errorMessage = object.value(QLatin1String("error_description")).toString();
}

ApiResponse::Outcome classify(int status, const QString &errorCode)
{
    if (status >= 200 && status < 300) {
        return ApiResponse::Outcome::Success;
    }
    if (status >= 500 || status == 429 || status == 408 || isTransientErrorCode(errorCode)) {
        return ApiResponse::Outcome::Transient;
    }
    return ApiResponse::Outcome::Permanent;
}

} // namespace

SalesforceClient::SalesforceClient(TokenSource *tokens, QObject *parent)
    : QObject(parent), m_tokens(tokens), m_network(std::make_unique<QNetworkAccessManager>())
{
    // finish() deletes each reply once read: a prefetched reply must outlive its finished().
    m_network->setAutoDeleteReplies(false);
}

SalesforceClient::~SalesforceClient()
{
    dropPrefetch();
}

bool SalesforceClient::isAllowedUrl(const QUrl &url)
{
    if (url.scheme() == QLatin1String("https")) {
        return true;
    }
    if (url.scheme() != QLatin1String("http")) {
        return false;
    }
    // Plain http only to this machine: the emulator. Tokens never cross a network in clear.
    const QString host = url.host();
    return host == QLatin1String("localhost") || QHostAddress(host).isLoopback();
}

bool SalesforceClient::isSameOrigin(const QUrl &url, const QUrl &origin)
{
    return url.scheme() == origin.scheme() &&
           url.host().compare(origin.host(), Qt::CaseInsensitive) == 0 &&
           url.port(url.scheme() == QLatin1String("https") ? 443 : 80) ==
               origin.port(origin.scheme() == QLatin1String("https") ? 443 : 80);
}

bool SalesforceClient::isDataApiPath(const QString &nextRecordsUrl)
{
    // A page link the org hands out is always a path under /services/data: never a
    // scheme, a host, a protocol-relative "//host" or a way out through "..".
    return nextRecordsUrl.startsWith(QLatin1String("/services/data/")) &&
           !nextRecordsUrl.contains(QLatin1String("..")) &&
           !nextRecordsUrl.contains(QLatin1Char('\\')) &&
           QUrl(nextRecordsUrl, QUrl::StrictMode).isRelative();
}

QUrl SalesforceClient::urlFor(const QString &path, const QUrlQuery &query) const
{
    QUrl url;
    if (path.startsWith(QLatin1String("http://")) || path.startsWith(QLatin1String("https://"))) {
        url = QUrl(path);
    } else {
        url = m_tokens->instanceUrl();
        const QString base =
            url.path().endsWith(QLatin1Char('/')) ? url.path().chopped(1) : url.path();
        const QString relative =
            path.startsWith(QLatin1Char('/'))
                ? path
                : QStringLiteral("/services/data/") + m_apiVersion + QLatin1Char('/') + path;
        const qsizetype queryStart = relative.indexOf(QLatin1Char('?'));
        url.setPath(base + relative.left(queryStart));
        if (queryStart >= 0) {
            url.setQuery(relative.mid(queryStart + 1));
        }
    }
    if (!query.isEmpty()) {
        url.setQuery(query);
    }
    return url;
}

ApiResponse SalesforceClient::get(const QString &path, const QUrlQuery &query)
{
    return sendRead("GET", urlFor(path, query), {});
}

ApiResponse SalesforceClient::postRead(const QString &path, const QJsonDocument &body)
{
    return sendRead("POST", urlFor(path, {}), body.toJson(QJsonDocument::Compact));
}

ApiResponse SalesforceClient::sendRead(const QByteArray &verb, const QUrl &url,
                                       const QByteArray &body)
{
    // Reads are idempotent: ride out a flaky link or a busy org before giving up.
    ApiResponse response;
    for (int attempt = 0; attempt < kReadAttempts; ++attempt) {
        if (attempt > 0 && !pause(Backoff::withinCycle(attempt - 1))) {
            break;
        }
        response = send(verb, url, body);
        if (response.outcome != ApiResponse::Outcome::Transient || isCancelled()) {
            break;
        }
    }
    return response;
}

ApiResponse SalesforceClient::post(const QString &path, const QJsonDocument &body)
{
    return send("POST", urlFor(path, {}), body.toJson(QJsonDocument::Compact));
}

ApiResponse SalesforceClient::patch(const QString &path, const QJsonDocument &body)
{
    return send("PATCH", urlFor(path, {}), body.toJson(QJsonDocument::Compact));
}

ApiResponse SalesforceClient::del(const QString &path, const QUrlQuery &query)
{
    return send("DELETE", urlFor(path, query), {});
}

ApiResponse SalesforceClient::query(const QString &soql, bool includeDeleted)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("q"), QString::fromLatin1(QUrl::toPercentEncoding(soql)));
    return get(includeDeleted ? QStringLiteral("queryAll") : QStringLiteral("query"), query);
}

ApiResponse SalesforceClient::queryMore(const QString &nextRecordsUrl)
{
    if (!isDataApiPath(nextRecordsUrl)) {
        ApiResponse refused;
        refused.outcome = ApiResponse::Outcome::Permanent;
        refused.errorCode = QStringLiteral("INVALID_NEXT_RECORDS_URL");
        refused.errorMessage =
            tr("The org named a next page outside its data API: %1.").arg(nextRecordsUrl.left(200));
        return refused;
    }
    return get(nextRecordsUrl);
}

ApiResponse SalesforceClient::subresponse(int httpStatus, const QJsonValue &body)
{
    ApiResponse response;
    response.httpStatus = httpStatus;
    if (body.isObject()) {
        response.json = QJsonDocument(body.toObject());
    } else if (body.isArray()) {
        response.json = QJsonDocument(body.toArray());
    }
    if (httpStatus < 100 || httpStatus > 599) {
        response.outcome = ApiResponse::Outcome::Transient;
        response.errorCode = QStringLiteral("MALFORMED_REPLY");
        response.errorMessage = tr("The org answered a subrequest with no HTTP status.");
        return response;
    }
    readErrorBody(&response);
    m_sawFieldError = m_sawFieldError || response.errorCode == QLatin1String("INVALID_FIELD");
    response.outcome = classify(httpStatus, response.errorCode);
    if (response.ok()) {
        response.errorCode.clear();
        response.errorMessage.clear();
    } else if (response.errorMessage.isEmpty()) {
        response.errorMessage = tr("The org answered HTTP %1.").arg(httpStatus);
    }
    return response;
}

void SalesforceClient::prefetch(const QString &nextRecordsUrl)
{
    const QUrl url = urlFor(nextRecordsUrl, {});
    if (m_prefetch.reply && m_prefetch.url == url) {
        return; // already on its way (the pull's read-ahead asked for it early)
    }
    dropPrefetch();
    if (isCancelled() || !isDataApiPath(nextRecordsUrl) || !isAllowedUrl(url)) {
        return; // queryMore() reports why
    }
    m_prefetch.url = url;
    m_prefetch.reply = start("GET", url, {}, &m_prefetch.tokenGeneration);
    // Qt starts a reply from a queued call; deliver it now, or the request would wait until
    // this thread next spins an event loop, that is, until queryMore() — too late to overlap.
    QCoreApplication::sendPostedEvents(m_prefetch.reply, QEvent::MetaCall);
}

void SalesforceClient::dropPrefetch()
{
    if (m_prefetch.reply) {
        Cancellation::abortRunning(m_prefetch.reply);
        m_prefetch.reply->deleteLater();
    }
    m_prefetch = {};
}

void SalesforceClient::advancePrefetch()
{
    if (!m_prefetch.reply || m_prefetch.parsed.valid()) {
        return;
    }
    QCoreApplication::sendPostedEvents(m_prefetch.reply, QEvent::MetaCall);
    QNetworkReply *reply = m_prefetch.reply;
    // A reply that failed is left to finish(), which tells why.
    if (reply && reply->isFinished() && reply->isOpen() &&
        reply->error() == QNetworkReply::NoError) {
        m_prefetch.parsed =
            std::async(std::launch::async, &SalesforceClient::parse, reply->readAll());
    }
}

SalesforceClient::ParsedBody SalesforceClient::parse(const QByteArray &body)
{
    ParsedBody parsed{body, {}, {}};
    if (!body.isEmpty()) {
        parsed.json = QJsonDocument::fromJson(body, &parsed.error);
    }
    return parsed;
}

QNetworkReply *SalesforceClient::takePrefetched(const QByteArray &verb, const QUrl &url,
                                                int *tokenGeneration,
                                                std::optional<ParsedBody> *parsed)
{
    if (verb != "GET" || !m_prefetch.reply || m_prefetch.url != url) {
        return nullptr;
    }
    QNetworkReply *reply = m_prefetch.reply;
    *tokenGeneration = m_prefetch.tokenGeneration;
    if (m_prefetch.parsed.valid()) {
        *parsed = m_prefetch.parsed.get();
    }
    m_prefetch = {};
    return reply;
}

void SalesforceClient::cancel()
{
    m_cancel.cancel();
}

ApiResponse SalesforceClient::send(const QByteArray &verb, const QUrl &url, const QByteArray &body)
{
    if (!isAllowedUrl(url)) {
        ApiResponse refused;
        refused.outcome = ApiResponse::Outcome::Permanent;
        refused.errorCode = QStringLiteral("INSECURE_URL");
        refused.errorMessage =
            tr("Refusing to send credentials over plain http to %1.").arg(url.host());
        return refused;
    }
    if (m_tokens && !isSameOrigin(url, m_tokens->instanceUrl())) {
        // The bearer token is the org's: it goes to the instance and nowhere else.
        ApiResponse refused;
        refused.outcome = ApiResponse::Outcome::Permanent;
        refused.errorCode = QStringLiteral("FOREIGN_ORIGIN");
        refused.errorMessage =
            tr("Refusing to send the org's credentials to %1.")
                .arg(url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery).toDisplayString());
        return refused;
    }
    int generation = 0;
    ApiResponse response = sendOnce(verb, url, body, &generation);
    if (response.httpStatus != 401 || !m_tokens) {
        return response;
    }
    // INVALID_SESSION_ID: the access token expired. One refresh, shared with every other
    // request that saw the same token fail, then one retry.
    QString error;
    switch (m_tokens->refreshAccessToken(generation, &error, &m_cancel)) {
    case TokenSource::RefreshResult::Refreshed:
        return sendOnce(verb, url, body, &generation);
    case TokenSource::RefreshResult::InvalidGrant:
        response.outcome = ApiResponse::Outcome::SignInRequired;
        response.errorMessage =
            tr("Your sign-in has expired. Sign in again; your changes are kept.");
        return response;
    case TokenSource::RefreshResult::Failed:
        response.outcome = ApiResponse::Outcome::Transient;
        response.errorMessage = error;
        return response;
    }
    return response;
}

ApiResponse SalesforceClient::sendOnce(const QByteArray &verb, const QUrl &url,
                                       const QByteArray &body, int *tokenGeneration)
{
    if (isCancelled()) {
        dropPrefetch();
        ApiResponse response;
        response.errorCode = QStringLiteral("CANCELLED");
        response.errorMessage = tr("Cancelled.");
        return response;
    }
    if (m_cycleDeadline.hasExpired()) {
        dropPrefetch();
        ApiResponse response;
        response.errorCode = QStringLiteral("CYCLE_DEADLINE");
        response.errorMessage = tr("The sync ran past its deadline and was stopped; it goes on "
                                   "at the next sync.");
        return response;
    }
    std::optional<ParsedBody> parsed;
    QNetworkReply *reply = takePrefetched(verb, url, tokenGeneration, &parsed);
    return finish(reply ? reply : start(verb, url, body, tokenGeneration),
                  parsed ? &*parsed : nullptr);
}

QNetworkReply *SalesforceClient::start(const QByteArray &verb, const QUrl &url,
                                       const QByteArray &body, int *tokenGeneration)
{
    QNetworkRequest request(url);
    request.setTransferTimeout(m_timeoutMs);
    // Never follow a redirect: Qt would carry the Authorization header to wherever it
    // points (and turn a write into a GET). A 3xx is reported as an error instead.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setRawHeader("Accept", "application/json");
    if (m_tokens) {
        request.setRawHeader("Authorization", "Bearer " + m_tokens->accessToken(tokenGeneration));
    }
    QByteArray payload = body;
    if (!body.isEmpty()) {
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        if (body.size() > kCompressAbove) {
            payload = Gzip::compress(body);
            request.setRawHeader("Content-Encoding", "gzip");
        }
    }
    // Qt adds Accept-Encoding: gzip itself and inflates the reply transparently.
    QNetworkReply *reply = m_network->sendCustomRequest(request, verb, payload);
    // The org's count of calls is read as the headers come, in the order the org answered:
    // a prefetched page taken in later carries an older count than the replies read since.
    connect(reply, &QNetworkReply::metaDataChanged, this,
            [this, reply] { readLimitInfo(reply->rawHeader("Sforce-Limit-Info")); });
    ++m_requests;
    m_bytesSent += payload.size();
    return reply;
}

ApiResponse SalesforceClient::finish(QNetworkReply *reply, const ParsedBody *parsed)
{
    // A prefetched reply may have finished while nobody waited for it.
    bool pastDeadline = false;
    if (!reply->isFinished()) {
        QEventLoop loop;
        // The transfer timeout restarts with every byte: a reply dripped a byte at a time
        // would never end without a deadline for the whole reply.
        QTimer deadline;
        deadline.setSingleShot(true);
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        // cancel() from another thread: queued into this loop, the reply ends at once.
        const QMetaObject::Connection onCancel = m_cancel.abortOnCancel(reply);
        connect(&deadline, &QTimer::timeout, reply, [reply, &pastDeadline] {
            if (reply->error() == QNetworkReply::NoError)
                pastDeadline = true; // not when it failed anyway and ends next
            Cancellation::abortRunning(reply);
        });
        deadline.start(static_cast<int>(
            std::min<qint64>(m_replyDeadlineMs, m_cycleDeadline.remainingTime() < 0
                                                    ? m_replyDeadlineMs
                                                    : m_cycleDeadline.remainingTime())));
        if (!reply->isFinished()) {
            loop.exec(QEventLoop::ExcludeUserInputEvents);
        }
        disconnect(onCancel); // read below, deleted later: a later cancel is for another
    }
    ApiResponse response;
    response.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    // An abandoned (aborted) reply is closed: there is nothing left to read.
    response.body = parsed ? parsed->body : reply->isOpen() ? reply->readAll() : QByteArray();
    m_bytesReceived += response.body.size();
    if (reply->hasRawHeader("Sforce-Limit-Info") && response.httpStatus != 401) {
        ++m_apiCalls;
    }
    // HTTP dates (RFC 9110): "Wed, 02 Dec 2026 01:41:58 GMT".
    const QString header = QString::fromLatin1(reply->rawHeader("Date"));
    QDateTime date =
        QLocale::c().toDateTime(header, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (date.isValid()) {
        date = QDateTime(date.date(), date.time(), QTimeZone::utc());
    } else {
        date = QDateTime::fromString(header, Qt::RFC2822Date);
    }
    if (date.isValid()) {
        m_serverTime = date.toUTC();
        m_serverTimeReadAt = LaptopClock::nowUtc();
    }
    describe(reply, &response, parsed);
    if (pastDeadline) {
        response.outcome = ApiResponse::Outcome::Transient;
        response.errorCode = QStringLiteral("REPLY_DEADLINE");
        response.errorMessage = tr("The org's reply took longer than %n second(s); abandoned.",
                                   nullptr, m_replyDeadlineMs / 1000);
    }
    reply->deleteLater();
    return response;
}

void SalesforceClient::describe(QNetworkReply *reply, ApiResponse *response,
                                const ParsedBody *parsed)
{
    QJsonParseError parseError{};
    if (parsed) {
        response->json = parsed->json;
        parseError = parsed->error;
    } else if (!response->body.isEmpty()) {
        response->json = QJsonDocument::fromJson(response->body, &parseError);
    }
    const bool malformed =
        !response->body.isEmpty() && parseError.error != QJsonParseError::NoError;
    if (response->httpStatus == 0) {
        // No HTTP answer at all: refused, timed out, cut, cancelled. Always worth a retry.
        response->outcome = ApiResponse::Outcome::Transient;
        response->errorCode =
            isCancelled() ? QStringLiteral("CANCELLED") : QStringLiteral("NETWORK_ERROR");
        response->errorMessage = isCancelled() ? tr("Cancelled.") : reply->errorString();
        return;
    }
    if (response->httpStatus >= 300 && response->httpStatus < 400) {
        // Redirects are never followed (see start()); name the target so an admin can see
        // which proxy or portal is in the way.
        response->outcome = ApiResponse::Outcome::Permanent;
        response->errorCode = QStringLiteral("REDIRECT_REFUSED");
        response->errorMessage =
            tr("The org answered with a redirect to %1, which is not followed.")
                .arg(QString::fromUtf8(reply->rawHeader("Location")).left(200));
        return;
    }
    if (!malformed) {
        readErrorBody(response);
        m_sawFieldError = m_sawFieldError || response->errorCode == QLatin1String("INVALID_FIELD");
    }
    response->outcome = classify(response->httpStatus, response->errorCode);
    if (response->outcome == ApiResponse::Outcome::Success) {
        response->errorCode.clear();
        response->errorMessage.clear();
    }
    if (reply->error() != QNetworkReply::NoError &&
        response->outcome == ApiResponse::Outcome::Success) {
        response->outcome = ApiResponse::Outcome::Transient; // cut in the middle of the body
    }
    if (malformed) {
        // A truncated or garbled reply proves nothing about what the org did: retry.
        response->outcome = ApiResponse::Outcome::Transient;
        response->errorCode = QStringLiteral("MALFORMED_REPLY");
        response->errorMessage = tr("The org's reply could not be read (%1 at byte %2).")
                                     .arg(parseError.errorString())
                                     .arg(parseError.offset);
    } else if (response->errorMessage.isEmpty() && !response->ok()) {
        response->errorMessage = tr("The org answered HTTP %1.").arg(response->httpStatus);
    }
    if (!response->ok()) {
        qCInfo(lcNet) << reply->operation() << reply->url().path() << response->httpStatus
                      << response->errorCode;
    }
}

void SalesforceClient::readLimitInfo(const QByteArray &header)
{
    static const QRegularExpression usage(QStringLiteral("api-usage=(\\d+)/(\\d+)"));
    const auto match = usage.match(QString::fromLatin1(header));
    if (!match.hasMatch()) {
        return;
    }
    m_apiUsed = match.captured(1).toInt();
    m_apiMax = match.captured(2).toInt();
    Q_EMIT apiUsageChanged(m_apiUsed, m_apiMax);
}

} // namespace pasalista
