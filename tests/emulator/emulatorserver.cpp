#include "emulatorserver.h"

#include "net/gzip.h"
#include "replymutator.h"
#include "responsewriter.h"

#include <QDateTime>
#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QLoggingCategory>
#include <QPointer>
#include <QRegularExpression>
#include <QTcpSocket>

namespace pasalista::emulator {

Q_LOGGING_CATEGORY(lcServer, "pasalista.emulator.http")

namespace {
QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    default:
        return "UNKNOWN";
    }
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 300:
        return "Multiple Choices";
    case 302:
        return "Found";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 414:
        return "URI Too Long";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 503:
        return "Service Unavailable";
    default:
        return "Status";
    }
}

// Salesforce Help 000386264: a REST call's URI and headers together may hold 16,384 bytes.
constexpr qint64 kMaxUriAndHeaderBytes = 16384;

QString requestTarget(const QHttpServerRequest &request)
{
    return request.url().toString(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::FullyEncoded);
}

qint64 headerBytes(const QHttpServerRequest &request)
{
    qint64 bytes = 0;
    for (const auto &header : request.headers())
        bytes += header.first.size() + header.second.size() + 4; // ": " and CRLF
    return bytes;
}

// 414 when the URI alone passes the limit, 431 when the URI and headers do; 0 otherwise.
int sizeLimitStatus(const QHttpServerRequest &request)
{
    const qint64 uri = requestTarget(request).size();
    if (uri > kMaxUriAndHeaderBytes)
        return 414;
    return uri + headerBytes(request) > kMaxUriAndHeaderBytes ? 431 : 0;
}

// The org's own time (its clock may have been moved forward by a test), as a real org's
// Date header tells a client what time the org thinks it is.
QByteArray httpDate(const QDateTime &orgNow)
{
    return QLocale::c().toString(orgNow, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss")).toLatin1() +
           " GMT";
}
} // namespace

EmulatorServer::EmulatorServer(Emulator *emulator, HttpRequest::Host host, QObject *parent)
    : QAbstractHttpServer(parent), m_emulator(emulator), m_host(host)
{
}

quint16 EmulatorServer::listenOnLoopback(quint16 port)
{
    const quint16 bound = listen(QHostAddress::LocalHost, port);
    m_baseUrl = QStringLiteral("http://127.0.0.1:%1").arg(bound);
    return bound;
}

HttpRequest EmulatorServer::convert(const QHttpServerRequest &request) const
{
    HttpRequest converted;
    converted.method = methodName(request.method());
    converted.path = request.url().path();
    converted.query = HttpRequest::parseForm(request.url().query(QUrl::FullyEncoded).toLatin1());
    for (const auto &header : request.headers())
        converted.headers.insert(header.first.toLower(), header.second);
    converted.body = request.body();
    converted.baseUrl = m_baseUrl;
    converted.host = m_host;
    return converted;
}

bool EmulatorServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const HttpRequest converted = convert(request);
    const bool admin = Emulator::isAdminPath(converted.path);
    if (admin && !request.remoteAddress().isLoopback()) {
        ResponseWriter::send(socket, serialize(HttpResponse::notFound(), converted), {}, true, {});
        return true;
    }
    // The admin endpoints are how tests steer faults, so they are never faulted themselves.
    if (const int status = admin ? 0 : sizeLimitStatus(request)) {
        // Refused at the org's front door: not processed, not an API call.
        send(socket, converted, request, HttpResponse::html({}, status), {}, admin);
        return true;
    }
    TransportFaults faults =
        admin ? TransportFaults{}
              : m_emulator->faults().drawTransportFaults(converted.method, converted.path);
    if (CometdApi::handles(converted.path) && m_host == HttpRequest::Host::Instance &&
        !faults.dropBeforeResponse && faults.serverErrorStatus == 0) {
        handleStreaming(converted, request, socket, faults);
        return true;
    }
    noteTokenOffOrigin(converted);
    // Only an armed fault or a mutation reads the batch's parts: unread, a large batch costs
    // one parse less.
    const QJsonArray subrequests = m_emulator->faults().hasArmed() || !faults.mutation.isEmpty()
                                       ? compositeSubrequests(converted)
                                       : QJsonArray();
    carryWriteFaults(subrequests, &faults);
    MutationContext mutation{
        request.url().toString(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::FullyEncoded),
        m_emulator->loginUrl(),
        m_emulator->clock().now(),
        {}};
    for (const QJsonValue &spec : subrequests) {
        mutation.subrequestUrls.insert(
            spec.toObject().value(QLatin1String("referenceId")).toString(),
            spec.toObject().value(QLatin1String("url")).toString());
    }
    HttpResponse response;
    if (faults.dropBeforeResponse) {
        response.status = 0;
    } else if (ReplyMutator::answersInstead(faults.mutation)) {
        // A proxy's answer: the request never reaches the org.
        response = ReplyMutator::redirect(mutation);
        m_emulator->faults().noteMutation();
    } else if (faults.serverErrorStatus != 0) {
        response = serverError(faults.serverErrorStatus, faults.maintenancePage);
    } else {
        m_emulator->setForcedLockRow(faults.lockRow);
        response = m_emulator->handle(converted);
        m_emulator->setForcedLockRow(false);
        strikeSubrequests(subrequests, &response, mutation);
        // Committed, but the client never hears of it.
        faults.dropBeforeResponse = faults.dropAfterCommit;
        if (faults.wrongShape && response.status / 100 == 2) {
            // Committed, and answered with a readable reply of the wrong shape (what a
            // misbehaving proxy or a mangled reply looks like): one null for any count.
            response.body = QByteArrayLiteral("[null]");
        }
        if (!faults.mutation.isEmpty()) {
            if (ReplyMutator::mutate(faults.mutation, &response, &faults, mutation,
                                     m_emulator->faults().mutationRandom()))
                m_emulator->faults().noteMutation();
            else
                faults.mutation.clear(); // nothing of that kind in this reply
        }
    }
    send(socket, converted, request, response, faults, admin);
    return true;
}

QJsonArray EmulatorServer::compositeSubrequests(const HttpRequest &request)
{
    static const QRegularExpression composite(
        QStringLiteral("^/services/data/v\\d+\\.\\d+/composite/?$"));
    if (request.method != "POST" || !composite.match(request.path).hasMatch())
        return {};
    QByteArray body = request.body;
    if (request.header("content-encoding").contains("gzip"))
        body = pasalista::Gzip::decompress(body).value_or(QByteArray());
    return QJsonDocument::fromJson(body)
        .object()
        .value(QLatin1String("compositeRequest"))
        .toArray();
}

void EmulatorServer::carryWriteFaults(const QJsonArray &subrequests, TransportFaults *faults)
{
    // A write travels inside the batch: the connection, the commit and the reply that a fault
    // aimed at it would strike are the batch's.
    for (const QJsonValue &value : subrequests) {
        const QJsonObject spec = value.toObject();
        const auto carried = m_emulator->faults().takeCarriedWriteFault(
            spec.value(QLatin1String("method")).toString().toUpper().toLatin1(),
            QUrl(spec.value(QLatin1String("url")).toString()).path());
        if (!carried)
            continue;
        faults->dropBeforeResponse = faults->dropBeforeResponse || carried->dropBeforeResponse;
        faults->dropAfterCommit = faults->dropAfterCommit || carried->dropAfterCommit;
        faults->lockRow = faults->lockRow || carried->lockRow;
        faults->wrongShape = faults->wrongShape || carried->wrongShape;
        if (faults->mutation.isEmpty())
            faults->mutation = carried->mutation;
    }
}

void EmulatorServer::strikeSubrequests(const QJsonArray &subrequests, HttpResponse *response,
                                       const MutationContext &context)
{
    // Armed faults count a Composite request's subrequests as requests of their own, as a
    // proxy that understands the batch (or an org that fails one part of it) would strike.
    if (subrequests.isEmpty() || response->status != 200)
        return;
    QJsonObject reply = QJsonDocument::fromJson(response->body).object();
    QJsonArray results = reply.value(QLatin1String("compositeResponse")).toArray();
    bool struck = false;
    for (qsizetype i = 0; i < subrequests.size() && i < results.size(); ++i) {
        const QJsonObject spec = subrequests.at(i).toObject();
        const auto fault = m_emulator->faults().takeSubrequestFault(
            spec.value(QLatin1String("method")).toString().toUpper().toLatin1(),
            QUrl(spec.value(QLatin1String("url")).toString()).path());
        if (!fault)
            continue;
        QJsonObject subresult = results.at(i).toObject();
        if (*fault == QLatin1String("500") || *fault == QLatin1String("503")) {
            subresult.insert(QStringLiteral("httpStatusCode"), fault->toInt());
            subresult.insert(
                QStringLiteral("body"),
                QJsonArray{QJsonObject{
                    {QStringLiteral("errorCode"), *fault == QLatin1String("500")
                                                      ? QStringLiteral("UNKNOWN_EXCEPTION")
                                                      : QStringLiteral("SERVER_UNAVAILABLE")},
                    {QStringLiteral("message"), QStringLiteral("An unexpected error occurred.")}}});
        } else if (!ReplyMutator::mutateSubresult(*fault, &subresult, context,
                                                  m_emulator->faults().mutationRandom())) {
            continue;
        }
        m_emulator->faults().noteMutation();
        results[i] = subresult;
        struck = true;
    }
    if (struck) {
        reply.insert(QStringLiteral("compositeResponse"), results);
        response->body = QJsonDocument(reply).toJson(QJsonDocument::Compact);
    }
}

void EmulatorServer::noteTokenOffOrigin(const HttpRequest &request) const
{
    // The org's bearer token belongs to the instance. On the login host it may only come
    // to OAuth and identity URLs; anywhere else it was carried off by a client that
    // followed a redirect or a page link.
    const bool tokenPath = request.path.startsWith(QLatin1String("/services/data")) ||
                           request.path.startsWith(QLatin1String("/__redirected"));
    if (m_host == HttpRequest::Host::Login && tokenPath &&
        !request.header("authorization").isEmpty())
        m_emulator->faults().noteTokenOffOrigin();
}

void EmulatorServer::handleStreaming(const HttpRequest &converted,
                                     const QHttpServerRequest &request, QTcpSocket *socket,
                                     const TransportFaults &faults)
{
    // A /meta/connect may be answered much later (a long poll): by then the client may have
    // gone, and the events it would have carried stay queued.
    QPointer<QTcpSocket> guard(socket);
    const QString path = request.url().toString(QUrl::RemoveScheme | QUrl::RemoveAuthority);
    m_emulator->cometd().handle(
        converted, [this, guard, converted, path, faults](const HttpResponse &response) {
            if (!guard || guard->state() != QAbstractSocket::ConnectedState)
                return false;
            TransportFaults applied = faults;
            // Taken from the queue, but the client never hears of it.
            applied.dropBeforeResponse = response.status == 0 || faults.dropAfterCommit;
            send(guard, converted, path, {}, response, applied, false);
            return true;
        });
}

void EmulatorServer::send(QTcpSocket *socket, const HttpRequest &converted,
                          const QHttpServerRequest &request, const HttpResponse &response,
                          const TransportFaults &faults, bool admin)
{
    send(socket, converted, request.url().toString(QUrl::RemoveScheme | QUrl::RemoveAuthority),
         headerBytes(request), response, faults, admin);
}

void EmulatorServer::send(QTcpSocket *socket, const HttpRequest &converted, const QString &path,
                          qint64 headerBytes, const HttpResponse &response,
                          const TransportFaults &faults, bool admin)
{
    const QByteArray raw = serialize(response, converted);
    RequestLogEntry entry{converted.method,
                          path,
                          response.status,
                          converted.body.size() + headerBytes,
                          0,
                          faultName(faults),
                          QDateTime::currentMSecsSinceEpoch()};
    const bool close = converted.header("connection").toLower() == "close";
    Emulator *emulator = m_emulator;
    ResponseWriter::send(socket, raw, faults, close,
                         [emulator, entry, admin](qint64 sent, bool) mutable {
                             entry.bytesOut = sent;
                             if (!admin)
                                 emulator->log().append(entry);
                         });
}

void EmulatorServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    ResponseWriter::send(socket, serialize(HttpResponse::notFound(), convert(request)), {}, true,
                         {});
}

QByteArray EmulatorServer::serialize(HttpResponse response, const HttpRequest &request) const
{
    if (response.status == 0)
        return {};
    if (!response.body.isEmpty() && request.header("accept-encoding").contains("gzip")) {
        response.body = pasalista::Gzip::compress(response.body);
        response.setHeader("Content-Encoding", "gzip");
        response.setHeader("Vary", "Accept-Encoding");
    }
    QByteArray raw = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' +
                     reasonPhrase(response.status) + "\r\n";
    response.setHeader("Date", httpDate(m_emulator->clock().now()));
    if (response.status != 204 && response.status != 304)
        response.setHeader("Content-Length", QByteArray::number(response.body.size()));
    for (const auto &header : response.headers)
        raw += header.first + ": " + header.second + "\r\n";
    raw += "\r\n";
    if (request.method != "HEAD")
        raw += response.body;
    return raw;
}

HttpResponse EmulatorServer::serverError(int status, bool maintenancePage)
{
    if (status == 503 && maintenancePage)
        return HttpResponse::html(
            QStringLiteral("<!DOCTYPE html><html><head><title>Down for Maintenance</title></head>"
                           "<body><h1>Salesforce is down for maintenance</h1><p>This org is "
                           "undergoing scheduled maintenance. Please try again later.</p>"
                           "</body></html>"),
            503);
    if (status == 503)
        return HttpResponse::error(503, {QStringLiteral("SERVER_UNAVAILABLE"),
                                         QStringLiteral("Server temporarily unavailable"),
                                         {}});
    return HttpResponse::error(500, {QStringLiteral("UNKNOWN_EXCEPTION"),
                                     QStringLiteral("An unexpected error occurred. Please include "
                                                    "this ErrorId if you contact support: "
                                                    "1337420-8085 (-1551392)"),
                                     {}});
}

QString EmulatorServer::faultName(const TransportFaults &faults)
{
    if (faults.dropAfterCommit)
        return QStringLiteral("drop-after-commit");
    if (faults.dropBeforeResponse)
        return QStringLiteral("drop-before-response");
    if (faults.lockRow)
        return QStringLiteral("lock-row");
    if (faults.wrongShape)
        return QStringLiteral("wrong-shape");
    if (faults.serverErrorStatus != 0)
        return QStringLiteral("http-%1").arg(faults.serverErrorStatus);
    if (faults.dropMidResponse)
        return QStringLiteral("drop-mid-response");
    if (!faults.mutation.isEmpty())
        return QStringLiteral("mutate-") + faults.mutation;
    return {};
}

} // namespace pasalista::emulator
