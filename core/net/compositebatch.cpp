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
    QJsonObject spec{{QStringLiteral("method"), QStringLiteral("GET")},
                     {QStringLiteral("url"), urlOf(path, query)},
                     {QStringLiteral("referenceId"), referenceId}};
    if (!headers.isEmpty()) {
        QJsonObject httpHeaders;
        for (auto header = headers.begin(); header != headers.end(); ++header) {
            httpHeaders.insert(header.key(), header.value());
        }
        spec.insert(QStringLiteral("httpHeaders"), httpHeaders);
    }
    m_requests.append({spec, path.startsWith(QLatin1String("query")), false});
}

void CompositeBatch::addCollectionWrite(const QString &referenceId, const QString &method,
                                        const QString &path, const QUrlQuery &query,
                                        const QJsonObject &body)
{
    QJsonObject spec{{QStringLiteral("method"), method},
                     {QStringLiteral("url"), urlOf(path, query)},
                     {QStringLiteral("referenceId"), referenceId}};
    if (!body.isEmpty()) {
        spec.insert(QStringLiteral("body"), body);
    }
    m_requests.append({spec, true, true});
}

QString CompositeBatch::urlOf(const QString &path, const QUrlQuery &query) const
{
    QString url =
        QStringLiteral("/services/data/") + m_client.apiVersion() + QLatin1Char('/') + path;
    if (!query.isEmpty()) {
        url += QLatin1Char('?') + query.toString(QUrl::FullyEncoded);
    }
    return url;
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
        if (call.isEmpty()) {
            return;
        }
        if (m_callFailure.ok()) {
            sendCall(call);
            ++calls;
        } else {
            fail(call, m_callFailure);
        }
        call.clear();
        queries = 0;
    };
    for (const Subrequest &request : std::as_const(m_requests)) {
        if (call.size() == kMaxSubrequests || (request.heavy && queries == kMaxQueries)) {
            flush();
        }
        call.append(request);
        queries += request.heavy ? 1 : 0;
    }
    flush();
    m_requests.clear();
    return calls;
}

QString CompositeBatch::referenceOf(const Subrequest &request)
{
    return request.spec.value(QLatin1String("referenceId")).toString();
}

void CompositeBatch::fail(const QList<Subrequest> &call, const ApiResponse &failure)
{
    for (const Subrequest &request : call) {
        m_results.insert(referenceOf(request), failure);
    }
}

bool CompositeBatch::sendCall(const QList<Subrequest> &call)
{
    QJsonArray specs;
    bool writes = false;
    for (const Subrequest &request : call) {
        specs.append(request.spec);
        writes = writes || request.write;
    }
    const QJsonDocument body(QJsonObject{{QStringLiteral("allOrNone"), false},
                                         {QStringLiteral("compositeRequest"), specs}});
    // A write is never resent blindly: its reply may be lost after the org committed it.
    const ApiResponse response = writes ? m_client.post(QStringLiteral("composite"), body)
                                        : m_client.postRead(QStringLiteral("composite"), body);
    const QJsonArray subresults =
        response.json.object().value(QLatin1String("compositeResponse")).toArray();
    // Salesforce answers every subrequest, in order: a reply that does not is not the org's.
    bool inOrder = subresults.size() == call.size();
    for (qsizetype i = 0; inOrder && i < call.size(); ++i) {
        inOrder = subresults.at(i).toObject().value(QLatin1String("referenceId")).toString() ==
                  referenceOf(call.at(i));
    }
    if (!response.ok() || !inOrder) {
        ApiResponse failed = response;
        if (response.ok()) {
            failed.outcome = ApiResponse::Outcome::Transient;
            failed.errorCode = QStringLiteral("MALFORMED_REPLY");
            failed.errorMessage = QCoreApplication::translate(
                "pasalista::CompositeBatch",
                "The org answered a batch of reads with a reply of the wrong shape.");
        }
        qCWarning(lcNet) << "composite call failed" << failed.errorCode << failed.errorMessage;
        m_callFailure = failed;
        fail(call, failed);
        return false;
    }
    for (const QJsonValue &subresult : subresults) {
        readSubresult(subresult.toObject());
    }
    return true;
}

void CompositeBatch::readSubresult(const QJsonObject &subresult)
{
    const QString referenceId = subresult.value(QLatin1String("referenceId")).toString();
    const QJsonValue status = subresult.value(QLatin1String("httpStatusCode"));
    m_results.insert(referenceId, m_client.subresponse(status.isDouble() ? status.toInt() : 0,
                                                       subresult.value(QLatin1String("body"))));
    m_dates.insert(referenceId, m_client.serverTime());
    const QString modified = subresult.value(QLatin1String("httpHeaders"))
                                 .toObject()
                                 .value(QLatin1String("Last-Modified"))
                                 .toString();
    if (!modified.isEmpty()) {
        m_lastModified.insert(referenceId, modified);
    }
}

} // namespace pasalista
