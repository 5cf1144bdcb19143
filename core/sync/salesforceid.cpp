#include "salesforceid.h"

namespace pasalista {

namespace {

bool isBase62(const QString &text)
{
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        const bool digit = u >= u'0' && u <= u'9';
        const bool upper = u >= u'A' && u <= u'Z';
        const bool lower = u >= u'a' && u <= u'z';
        if (!digit && !upper && !lower) {
            return false;
        }
    }
    return true;
}

// Each 5-character chunk's upper-case letters as bits, as a letter of A-Z0-5.
QString caseSafeSuffix(const QString &id15)
{
    static const QLatin1String alphabet("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345");
    QString suffix;
    for (int chunk = 0; chunk < 3; ++chunk) {
        int bits = 0;
        for (int i = 0; i < 5; ++i) {
            const QChar c = id15.at(chunk * 5 + i);
            if (c >= u'A' && c <= u'Z') {
                bits |= 1 << i;
            }
        }
        suffix += alphabet[bits];
    }
    return suffix;
}

} // namespace

std::optional<QString> SalesforceId::normalized(const QString &id)
{
    if ((id.size() != 15 && id.size() != 18) || !isBase62(id)) {
        return std::nullopt;
    }
    const QString id15 = id.left(15);
    const QString suffix = caseSafeSuffix(id15);
    // Salesforce compares the suffix without regard to case.
    if (id.size() == 18 && id.right(3).compare(suffix, Qt::CaseInsensitive) != 0) {
        return std::nullopt;
    }
    return id15 + suffix;
}

} // namespace pasalista
