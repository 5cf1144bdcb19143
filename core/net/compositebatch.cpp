#include "compositebatch.h"

#include "logging.h"
#include "net/salesforceclient.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QUrl>

namespace pasalista {

void CompositeBatch::addGet(const QString &referenceId, const QString &path, const QUrlQuery &query,
                            const QHash<QString, QString> &headers)
{
    QString url =
        QStringLiteral("/services/data/") + m_client.apiVersion() + QLatin1Char('/') + path;
    if (!query.isEmpty()) {
        url += QLatin1Char('?') + query.toString(QUrl::FullyEncoded);
    }
    QJsonObject spec{{QStringLiteral("method"), QStringLiteral("GET")},
                     {QStringLiteral("url"), url},
                     {QStringLiteral("referenceId"), referenceId}};
    if (!headers.isEmpty()) {
        QJsonObject httpHeaders;
        for (auto header = headers.begin(); header != headers.end(); ++header) {
            httpHeaders.insert(header.key(), header.value());
        }
        spec.insert(QStringLiteral("httpHeaders"), httpHeaders);
    }
    m_requests.append({spec, path.startsWith(QLatin1String("query"))});
}

void CompositeBatch::addQuery(const QString &referenceId, const QString &soql, bool includeDeleted)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("q"), QString::fromLatin1(QUrl::toPercentEncoding(soql)));
    addGet(referenceId, includeDeleted ? QStringLiteral("queryAll") : QStringLiteral("query"),
           query);
}

int CompositeBatch::send()
{
    int calls = 0;
    QList<Subrequest> call;
    int queries = 0;
    const auto flush = [&] {
        if (!call.isEmpty()) {
            sendCall(call);
            ++calls;
            call.clear();
            queries = 0;
        }
    };
    for (const Subrequest &request : std::as_const(m_requests)) {
        if (call.size() == kMaxSubrequests || (request.query && queries == kMaxQueries)) {
            flush();
        }
        call.append(request);
        queries += request.query ? 1 : 0;
    }
    flush();
    m_requests.clear();
    return calls;
}

bool CompositeBatch::sendCall(const QList<Subrequest> &call)
{
    QJsonArray specs;
    for (const Subrequest &request : call) {
        specs.append(request.spec);
    }
    const ApiResponse response =
        m_client.postRead(QStringLiteral("composite"),
                          QJsonDocument(QJsonObject{{QStringLiteral("allOrNone"), false},
                                                    {QStringLiteral("compositeRequest"), specs}}));
    const QJsonArray subresults =
        response.json.object().value(QLatin1String("compositeResponse")).toArray();
    if (!response.ok() || subresults.size() != call.size()) {
        ApiResponse failed = response;
        if (response.ok()) {
            failed.outcome = ApiResponse::Outcome::Transient;
            failed.errorCode = QStringLiteral("MALFORMED_REPLY");
            failed.errorMessage = QCoreApplication::translate(
                "pasalista::CompositeBatch",
                "The org answered a batch of reads with a reply of the wrong shape.");
        }
        qCWarning(lcNet) << "composite call failed" << failed.errorCode << failed.errorMessage;
        for (const Subrequest &request : call) {
            m_results.insert(request.spec.value(QLatin1String("referenceId")).toString(), failed);
        }
        return false;
    }
    for (const QJsonValue &subresult : subresults) {
        readSubresult(subresult.toObject());
    }
    return true;
}

void CompositeBatch::readSubresult(const QJsonObject &subresult)
{
    ApiResponse response;
    response.httpStatus = subresult.value(QLatin1String("httpStatusCode")).toInt();
    const QJsonValue body = subresult.value(QLatin1String("body"));
    if (body.isObject()) {
        response.json = QJsonDocument(body.toObject());
    } else if (body.isArray()) {
        response.json = QJsonDocument(body.toArray());
        const QJsonObject first = body.toArray().first().toObject();
        response.errorCode = first.value(QLatin1String("errorCode")).toString();
        response.errorMessage = first.value(QLatin1String("message")).toString();
    }
    if (response.httpStatus >= 200 && response.httpStatus < 300) {
        response.outcome = ApiResponse::Outcome::Success;
        response.errorCode.clear();
        response.errorMessage.clear();
    } else {
        response.outcome = response.httpStatus >= 500 ? ApiResponse::Outcome::Transient
                                                      : ApiResponse::Outcome::Permanent;
    }
    const QString referenceId = subresult.value(QLatin1String("referenceId")).toString();
    m_results.insert(referenceId, response);
    const QString modified = subresult.value(QLatin1String("httpHeaders"))
                                 .toObject()
                                 .value(QLatin1String("Last-Modified"))
                                 .toString();
    if (!modified.isEmpty()) {
        m_lastModified.insert(referenceId, modified);
    }
}

} // namespace pasalista
