#include "restapi.h"

#include <QJsonArray>
#include <QLoggingCategory>
#include <QRegularExpression>

namespace pasalista::emulator {

Q_LOGGING_CATEGORY(lcRest, "pasalista.emulator.rest")

namespace {
constexpr int kFirstVersion = 20;
constexpr int kLastVersion = 62;

QString versionLabel(int version)
{
    // v20.0 was Winter '11; three releases a year since.
    static const char *const seasons[] = {"Winter", "Spring", "Summer"};
    const int index = version - kFirstVersion;
    return QStringLiteral("%1 '%2").arg(QLatin1String(seasons[index % 3])).arg(11 + index / 3);
}

bool supportedVersion(const QString &version)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d+)\\.0$"));
    const auto match = pattern.match(version);
    const int major = match.hasMatch() ? match.captured(1).toInt() : 0;
    return major >= kFirstVersion && major <= kLastVersion;
}
} // namespace

RestApi::RestApi(const Schema &schema, RecordStore &store, const QueryEngine &queries,
                 RecordWriter &writer, const OAuthService &oauth, const FaultInjector &faults)
    : m_schema(schema), m_oauth(oauth), m_faults(faults), m_sobjects(schema, store, writer),
      m_query(queries), m_replication(store), m_collections(schema, store, writer),
      m_composite(store, [this](const ApiContext &context) { return dispatch(context); }),
      m_permissions(schema, store, oauth)
{
}

void RestApi::reset()
{
    m_query.clear();
    m_apiUsage = 0;
    m_permissions.clearAll();
}

HttpResponse RestApi::handle(const HttpRequest &request)
{
    const QStringList parts = request.path.split(u'/', Qt::SkipEmptyParts); // services, data, vXX.X
    if (parts.size() == 2)
        return versions(request);
    const QString version = parts.at(2).mid(1);
    if (!parts.at(2).startsWith(u'v') || !supportedVersion(version))
        return HttpResponse::notFound();
    HttpResponse response = authenticated(request, version, parts.mid(3));
    response.setHeader(
        "Sforce-Limit-Info",
        QStringLiteral("api-usage=%1/%2").arg(m_apiUsage).arg(m_faults.dailyApiLimit()).toLatin1());
    return response;
}

HttpResponse RestApi::authenticated(const HttpRequest &request, const QString &version,
                                    const QStringList &segments)
{
    const auto userId = m_oauth.authenticate(request);
    if (!userId)
        return HttpResponse::error(401, {QStringLiteral("INVALID_SESSION_ID"),
                                         QStringLiteral("Session expired or invalid"),
                                         {}});
    if (m_apiUsage >= m_faults.dailyApiLimit())
        return HttpResponse::error(403, {QStringLiteral("REQUEST_LIMIT_EXCEEDED"),
                                         QStringLiteral("TotalRequests Limit exceeded."),
                                         {}});
    ++m_apiUsage;
    const ApiContext context{&request, version, segments, *userId};
    const Permissions::Acting acting(m_permissions, *userId);
    return dispatch(context);
}

HttpResponse RestApi::dispatch(const ApiContext &context)
{
    const QStringList &segments = context.segments;
    if (segments.isEmpty())
        return resources(context);
    const QString &resource = segments.first();
    if (resource == QLatin1String("query"))
        return m_query.handle(context, false);
    if (resource == QLatin1String("queryAll"))
        return m_query.handle(context, true);
    if (ReplicationApi::handles(segments)) {
        const ObjectDef *object = m_schema.object(segments.at(1));
        return object ? m_replication.handle(context, *object) : HttpResponse::notFound();
    }
    if (resource == QLatin1String("sobjects"))
        return m_sobjects.handle(context);
    if (resource == QLatin1String("limits") && segments.size() == 1)
        return limits();
    if (resource == QLatin1String("composite")) {
        if (segments.size() == 1)
            return m_composite.handle(context);
        if (segments.at(1) == QLatin1String("sobjects"))
            return m_collections.handle(context);
    }
    return HttpResponse::notFound();
}

HttpResponse RestApi::versions(const HttpRequest &request) const
{
    Q_UNUSED(request)
    QJsonArray list;
    for (int version = kFirstVersion; version <= kLastVersion; ++version) {
        list.append(QJsonObject{
            {QStringLiteral("label"), versionLabel(version)},
            {QStringLiteral("url"), QStringLiteral("/services/data/v%1.0").arg(version)},
            {QStringLiteral("version"), QStringLiteral("%1.0").arg(version)}});
    }
    return HttpResponse::json(list);
}

HttpResponse RestApi::resources(const ApiContext &context) const
{
    QJsonObject list;
    for (const char *name : {"sobjects", "query", "queryAll", "composite", "limits"})
        list.insert(QLatin1String(name), QString(context.dataPath() + u'/' + QLatin1String(name)));
    return HttpResponse::json(list);
}

HttpResponse RestApi::limits() const
{
    const auto limit = [](int max, int remaining) {
        return QJsonObject{{QStringLiteral("Max"), max}, {QStringLiteral("Remaining"), remaining}};
    };
    const int max = m_faults.dailyApiLimit();
    return HttpResponse::json(
        QJsonObject{{QStringLiteral("DailyApiRequests"), limit(max, std::max(0, max - m_apiUsage))},
                    {QStringLiteral("DailyBulkApiBatches"), limit(15000, 15000)},
                    {QStringLiteral("DataStorageMB"), limit(1024, 1000)},
                    {QStringLiteral("FileStorageMB"), limit(1024, 1024)},
                    {QStringLiteral("ConcurrentAsyncGetReportInstances"), limit(200, 200)}});
}

} // namespace pasalista::emulator
