#pragma once

#include <QString>
#include <QStringList>

namespace pasalista {

// Builds SOQL text from trusted parts (mapping names) and escaped literals. Values from
// the org or the teacher only ever enter a query through these literal functions.
class Soql
{
public:
    static QString select(const QStringList &fields, const QString &objectName,
                          const QStringList &conditions);
    // 'text' with backslash escapes for quote, backslash and control characters.
    static QString stringLiteral(const QString &text);
    // ('a','b') from Salesforce Ids; ids that are not 15/18 alphanumerics are dropped.
    static QString idList(const QStringList &ids);
    // 2026-11-25T10:00:00Z from the API's 2026-11-25T10:00:00.000+0000.
    static QString dateTimeLiteral(const QString &apiDateTime);
};

} // namespace pasalista
