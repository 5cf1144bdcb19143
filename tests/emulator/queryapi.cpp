#include "queryapi.h"

#include "sfid.h"

#include <QJsonArray>

#include <algorithm>

namespace pasalista::emulator {

namespace {
constexpr int kDefaultBatchSize = 2000;
constexpr int kMinBatchSize = 200;
constexpr int kParentFieldsBatchSize = 200;
constexpr int kMaxOpenCursorsPerUser = 10;

HttpResponse invalidLocator()
{
    return HttpResponse::error(
        400,
        {QStringLiteral("INVALID_QUERY_LOCATOR"), QStringLiteral("invalid query locator"), {}});
}
} // namespace

HttpResponse QueryApi::handle(const ApiContext &context, bool includeDeleted)
{
    if (context.method() != "GET")
        return HttpResponse::error(405, {QStringLiteral("METHOD_NOT_ALLOWED"),
                                         QStringLiteral("HTTP Method '%1' not allowed. Allowed "
                                                        "are GET,HEAD")
                                             .arg(QString::fromLatin1(context.method())),
                                         {}});
    if (context.segments.size() == 2)
        return nextPage(context, context.segments.at(1));
    return runQuery(context, includeDeleted);
}

int QueryApi::batchSize(const HttpRequest &request, const QueryResult &result)
{
    int size = kDefaultBatchSize;
    const QString options = QString::fromLatin1(request.header("sforce-query-options"));
    for (const QString &option : options.split(u',', Qt::SkipEmptyParts)) {
        const QString name = option.section(u'=', 0, 0).trimmed();
        if (name.compare(QLatin1String("batchSize"), Qt::CaseInsensitive) == 0)
            size = std::clamp(option.section(u'=', 1).trimmed().toInt(), kMinBatchSize,
                              kDefaultBatchSize);
    }
    const bool parentFields =
        std::any_of(result.fields.begin(), result.fields.end(),
                    [](const ResolvedField &field) { return !field.hops.isEmpty(); });
    return parentFields ? std::min(size, kParentFieldsBatchSize) : size;
}

HttpResponse QueryApi::runQuery(const ApiContext &context, bool includeDeleted)
{
    const QString soql = context.request->queryValue(QStringLiteral("q"));
    if (soql.trimmed().isEmpty())
        return HttpResponse::error(400, {QStringLiteral("MALFORMED_QUERY"),
                                         QStringLiteral("A query string has to be specified"),
                                         {}});
    SfError error;
    auto result = m_engine.execute(soql, includeDeleted, &error);
    if (!result)
        return HttpResponse::error(400, error);
    const int size = batchSize(*context.request, *result);
    Cursor cursor{std::move(*result), size, ++m_serial, context.userId};
    if (cursor.result.ids.size() <= cursor.batchSize)
        return page(context, {}, cursor, 0);
    releaseOldestCursor(context.userId);
    const QString locatorId = SfId::make(QStringLiteral("01g"), cursor.serial);
    m_cursors.insert(locatorId, cursor);
    return page(context, locatorId, m_cursors[locatorId], 0);
}

HttpResponse QueryApi::nextPage(const ApiContext &context, const QString &locator)
{
    const QString locatorId = locator.section(u'-', 0, 0);
    bool ok = false;
    const int offset = locator.section(u'-', 1).toInt(&ok);
    const auto it = m_cursors.constFind(locatorId);
    if (!ok || offset < 0 || it == m_cursors.constEnd() || offset > it->result.ids.size())
        return invalidLocator();
    HttpResponse response = page(context, locatorId, *it, offset);
    if (offset + it->batchSize >= it->result.ids.size())
        m_cursors.erase(it); // the last page closes the cursor
    return response;
}

HttpResponse QueryApi::page(const ApiContext &context, const QString &locatorId,
                            const Cursor &cursor, int offset)
{
    QJsonArray records;
    const int end = std::min(offset + cursor.batchSize, static_cast<int>(cursor.result.ids.size()));
    for (int i = offset; i < end; ++i) {
        const QJsonObject record =
            m_engine.render(cursor.result, cursor.result.ids.at(i), context.version);
        if (!record.isEmpty())
            records.append(record);
    }
    const bool done = end >= cursor.result.ids.size();
    QJsonObject body{{QStringLiteral("totalSize"), cursor.result.totalSize},
                     {QStringLiteral("done"), done},
                     {QStringLiteral("records"), records}};
    if (!done) {
        body.insert(QStringLiteral("nextRecordsUrl"),
                    QStringLiteral("%1/query/%2-%3").arg(context.dataPath(), locatorId).arg(end));
    }
    return HttpResponse::json(body);
}

void QueryApi::releaseOldestCursor(const QString &userId)
{
    int open = 0;
    auto oldest = m_cursors.end();
    for (auto it = m_cursors.begin(); it != m_cursors.end(); ++it) {
        if (it->userId != userId)
            continue;
        ++open;
        if (oldest == m_cursors.end() || it->serial < oldest->serial)
            oldest = it;
    }
    if (open >= kMaxOpenCursorsPerUser)
        m_cursors.erase(oldest);
}

} // namespace pasalista::emulator
