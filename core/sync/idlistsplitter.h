#pragma once

#include <QList>
#include <QStringList>

#include <functional>

namespace pasalista {

// Splits Salesforce Ids into lists whose SOQL literal, ('id','id',...), fits a byte budget
// once percent-encoded in a request URI: a production org refuses a URI over 16,384 bytes
// (414), and Salesforce Help article 000386264 recommends URIs of at most 2,000.
class IdListSplitter
{
public:
    // The bytes a query's encoded text may take where it carries a list (pull re-reads, push
    // look-ups and read-backs): within the 2,000 characters the article recommends for the
    // whole URI, the path before the query text taking the rest.
    static constexpr qsizetype kMaxQueryUriBytes = 1950;
    // Every list holds at least one Id, whatever the budget.
    static QList<QStringList> split(const QStringList &ids, qsizetype encodedBudget);
    // The same for SOQL literals of any text ('Núñez', ...), each measured as encoded.
    static QList<QStringList> splitLiterals(const QStringList &literals, qsizetype encodedBudget);
    // The bytes one Id takes in an encoded list: %27 id %27 and the %2C after it.
    static qsizetype encodedSize(const QString &id) { return id.size() + 9; }

private:
    static QList<QStringList> split(const QStringList &items, qsizetype encodedBudget,
                                    const std::function<qsizetype(const QString &)> &sizeOf);
};

} // namespace pasalista
