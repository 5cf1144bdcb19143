#pragma once

#include "apiresponse.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QUrlQuery>

namespace pasalista {

class SalesforceClient;

// Read-only subrequests sent together through the Composite resource: one API call for up
// to 25 of them, of which at most 5 queries (Salesforce's limits). More subrequests than
// that go in as few calls as the limits allow. Each subrequest's reply comes back as an
// ApiResponse of its own; a whole call that fails gives every subrequest of it that failure.
class CompositeBatch
{
public:
    static constexpr int kMaxSubrequests = 25;
    static constexpr int kMaxQueries = 5;

    explicit CompositeBatch(SalesforceClient &client) : m_client(client) {}

    // `path` is relative to /services/data/<version>/, as for SalesforceClient::get().
    void addGet(const QString &referenceId, const QString &path, const QUrlQuery &query = {},
                const QHash<QString, QString> &headers = {});
    void addQuery(const QString &referenceId, const QString &soql, bool includeDeleted = false);
    bool isEmpty() const { return m_requests.isEmpty(); }
    qsizetype size() const { return m_requests.size(); }

    // Sends every subrequest added so far (retrying the calls that fail for passing
    // reasons, as reads are idempotent) and returns the number of calls made.
    int send();
    ApiResponse result(const QString &referenceId) const { return m_results.value(referenceId); }
    // The Last-Modified header of a subrequest's reply, when the org sent one.
    QString lastModified(const QString &referenceId) const
    {
        return m_lastModified.value(referenceId);
    }

private:
    struct Subrequest
    {
        QJsonObject spec;
        bool query = false;
    };
    bool sendCall(const QList<Subrequest> &call);
    void readSubresult(const QJsonObject &subresult);

    SalesforceClient &m_client;
    QList<Subrequest> m_requests;
    QHash<QString, ApiResponse> m_results;
    QHash<QString, QString> m_lastModified;
};

} // namespace pasalista
