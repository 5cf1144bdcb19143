#pragma once

#include "apiresponse.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QUrlQuery>

namespace pasalista {

class SalesforceClient;

// Subrequests sent together through the Composite resource: one API call for up to 25 of
// them, of which at most 5 queries or sObject Collections requests (Salesforce's limits,
// "Send Multiple Requests Using Composite"). More subrequests than that go in as few calls
// as the limits allow. Each subrequest's reply comes back as an ApiResponse of its own,
// classified as the same request sent alone would be; a whole call that fails gives its
// subrequests, and those of the calls not sent after it, that failure. A batch of reads only
// is retried like a read; a batch holding a write is sent once (its caller decides).
class CompositeBatch
{
public:
    static constexpr int kMaxSubrequests = 25;
    static constexpr int kMaxQueries = 5; // queries and sObject Collections requests

    explicit CompositeBatch(SalesforceClient &client) : m_client(client) {}

    // `path` is relative to /services/data/<version>/, as for SalesforceClient::get().
    void addGet(const QString &referenceId, const QString &path, const QUrlQuery &query = {},
                const QHash<QString, QString> &headers = {});
    void addQuery(const QString &referenceId, const QString &soql, bool includeDeleted = false);
    // A write to sObject Collections (`composite/sobjects...`): create, update, upsert or
    // delete of up to 200 records, answered with the per-record results.
    void addCollectionWrite(const QString &referenceId, const QString &method, const QString &path,
                            const QUrlQuery &query, const QJsonObject &body);
    bool isEmpty() const { return m_requests.isEmpty(); }
    qsizetype size() const { return m_requests.size(); }

    // Sends every subrequest added so far (retrying the read-only calls that fail for
    // passing reasons, as reads are idempotent) and returns the number of calls made. Once a
    // call fails as a whole, the calls after it are not sent.
    int send();
    ApiResponse result(const QString &referenceId) const { return m_results.value(referenceId); }
    // The first failure of a whole call (ok() when every call was answered).
    ApiResponse callFailure() const { return m_callFailure; }
    // The Date of the reply that carried a subrequest's result: the org's clock then.
    QDateTime replyDate(const QString &referenceId) const { return m_dates.value(referenceId); }
    // The Last-Modified header of a subrequest's reply, when the org sent one.
    QString lastModified(const QString &referenceId) const
    {
        return m_lastModified.value(referenceId);
    }

private:
    struct Subrequest
    {
        QJsonObject spec;
        bool heavy = false; // a query or an sObject Collections request: 5 a call
        bool write = false;
    };
    bool sendCall(const QList<Subrequest> &call);
    void fail(const QList<Subrequest> &call, const ApiResponse &failure);
    static QString referenceOf(const Subrequest &request);
    QString urlOf(const QString &path, const QUrlQuery &query) const;
    void readSubresult(const QJsonObject &subresult);

    SalesforceClient &m_client;
    QList<Subrequest> m_requests;
    QHash<QString, ApiResponse> m_results;
    QHash<QString, QString> m_lastModified;
    QHash<QString, QDateTime> m_dates;
    ApiResponse m_callFailure{ApiResponse::Outcome::Success, 200, {}, {}, {}, {}};
};

} // namespace pasalista
