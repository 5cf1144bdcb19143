#pragma once

#include "collectionsapi.h"
#include "compositeapi.h"
#include "faultinjector.h"
#include "oauthservice.h"
#include "permissions.h"
#include "queryapi.h"
#include "replicationapi.h"
#include "sobjectapi.h"

namespace pasalista::emulator {

// /services/data: versions, resources, and for authenticated calls the query, sobjects,
// collections, composite and limits resources. Counts API calls against the daily limit
// and reports usage in Sforce-Limit-Info on every response.
class RestApi
{
public:
    RestApi(const Schema &schema, RecordStore &store, const QueryEngine &queries,
            RecordWriter &writer, const OAuthService &oauth, const FaultInjector &faults);

    HttpResponse handle(const HttpRequest &request);
    int apiUsage() const { return m_apiUsage; }
    void setApiUsage(int used) { m_apiUsage = used; }
    void reset();
    // Forgets every open query cursor (their next pages answer INVALID_QUERY_LOCATOR).
    void dropCursors() { m_query.clear(); }
    // Per-user field-level security and sharing (`/__emulator/users/<name>/permissions`).
    Permissions &permissions() { return m_permissions; }

private:
    HttpResponse authenticated(const HttpRequest &request, const QString &version,
                               const QStringList &segments);
    HttpResponse dispatch(const ApiContext &context);
    HttpResponse versions(const HttpRequest &request) const;
    HttpResponse resources(const ApiContext &context) const;
    HttpResponse limits() const;

    const Schema &m_schema;
    const OAuthService &m_oauth;
    const FaultInjector &m_faults;
    SObjectApi m_sobjects;
    QueryApi m_query;
    ReplicationApi m_replication;
    CollectionsApi m_collections;
    CompositeApi m_composite;
    Permissions m_permissions;
    int m_apiUsage = 0;
};

} // namespace pasalista::emulator
