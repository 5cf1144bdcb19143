#pragma once

#include "apicontext.h"
#include "httpresponse.h"
#include "queryengine.h"

#include <QHash>

namespace pasalista::emulator {

// query and queryAll with nextRecordsUrl paging. A query runs once; its matching Ids are
// kept under a query locator and each page renders its slice of them with the values the
// records have when the page is fetched. Pages hold 2,000 records (batchSize 200..2,000),
// 200 when parent fields are selected; a user keeps at most 10 open locators, opening
// another releases the oldest (its nextRecordsUrl then answers INVALID_QUERY_LOCATOR).
class QueryApi
{
public:
    explicit QueryApi(const QueryEngine &engine) : m_engine(engine) {}

    HttpResponse handle(const ApiContext &context, bool includeDeleted);
    void clear() { m_cursors.clear(); }

private:
    struct Cursor
    {
        QueryResult result;
        int batchSize = 2000;
        quint64 serial = 0;
        QString userId;
    };

    HttpResponse runQuery(const ApiContext &context, bool includeDeleted);
    HttpResponse nextPage(const ApiContext &context, const QString &locator);
    HttpResponse page(const ApiContext &context, const QString &locatorId, const Cursor &cursor,
                      int offset);
    static int batchSize(const HttpRequest &request, const QueryResult &result);
    void releaseOldestCursor(const QString &userId);

    const QueryEngine &m_engine;
    QHash<QString, Cursor> m_cursors;
    quint64 m_serial = 0;
};

} // namespace pasalista::emulator
