#include "salesforceid.h"

namespace pasalista {

namespace {

const QLatin1String kBase62("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

bool isBase62(const QString &text)
{
    for (const QChar c : text) {
        if (!kBase62.contains(c)) {
            return false;
        }
    }
    return true;
}

} // namespace

QString SalesforceId::withSuffix(const QString &id15)
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
    return id15 + suffix;
}

QString SalesforceId::fromCounter(const QString &keyPrefix, const QString &instance,
                                  quint64 counter)
{
    QString body(9, u'0');
    for (int i = 8; i >= 0 && counter > 0; --i, counter /= 62) {
        body[i] = kBase62[int(counter % 62)];
    }
    return withSuffix(QString(keyPrefix + instance + body).left(15));
}

std::optional<QString> SalesforceId::normalized(const QString &id)
{
    if ((id.size() != 15 && id.size() != 18) || !isBase62(id)) {
        return std::nullopt;
    }
    const QString full = withSuffix(id.left(15));
    // Salesforce compares the suffix without regard to case.
    if (id.size() == 18 && id.right(3).compare(full.right(3), Qt::CaseInsensitive) != 0) {
        return std::nullopt;
    }
    return full;
}

} // namespace pasalista
