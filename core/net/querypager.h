#pragma once

#include "apiresponse.h"

#include <QDateTime>
#include <QJsonArray>
#include <QString>

#include <functional>

namespace pasalista {

class SalesforceClient;

// Reads every page of one SOQL query: checks that each reply is a page, follows
// nextRecordsUrl, and stops a query whose links go round (a link seen twice, or more pages
// than totalSize allows). The pull and the push's look-ups both page through it.
class QueryPager
{
public:
    enum class Stop
    {
        None,       // every page was read
        Failed,     // a page could not be read (see reply())
        NotAPage,   // a reply without a records array, or (strict) without a bool `done`
        Incomplete, // strict: a page not done that names no next page
        Loop,       // the links go round (see link())
        Handler,    // the page handler said stop
    };
    using PageHandler = std::function<bool(const QJsonArray &records)>;

    explicit QueryPager(SalesforceClient &client) : m_client(client) {}

    // A look-up must prove it read everything: every page says whether it is the last,
    // and one that is not names the next. Otherwise a page without `done` is the last.
    void setStrict(bool strict) { m_strict = strict; }
    // The org serves the next page while the handler works on the one in hand.
    void setReadAhead(bool readAhead) { m_readAhead = readAhead; }

    // Hands the records of `first` (a reply dated `firstDate`) and of every page after it
    // to `handler`. False when it stopped early; stop() says why.
    bool run(const ApiResponse &first, const QDateTime &firstDate, const PageHandler &handler);
    Stop stop() const { return m_stop; }
    // The reply that stopped the query (Failed, NotAPage, Incomplete).
    const ApiResponse &reply() const { return m_reply; }
    // The link that went round (Loop).
    const QString &link() const { return m_link; }
    // The Date of the reply that carried the page being handed over: the org's clock then.
    const QDateTime &pageDate() const { return m_pageDate; }

private:
    bool isPage(const QJsonObject &page) const;
    bool stopWith(Stop stop);

    SalesforceClient &m_client;
    bool m_strict = false;
    bool m_readAhead = false;
    Stop m_stop = Stop::None;
    ApiResponse m_reply;
    QString m_link;
    QDateTime m_pageDate;
};

} // namespace pasalista
