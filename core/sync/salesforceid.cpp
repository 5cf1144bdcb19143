#include "salesforceid.h"

#include <algorithm>
#include <array>

namespace pasalista {

namespace {

const QLatin1String kBase62("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

bool isBase62(const QString &text)
{
    // Every pulled record's Ids pass here: a range test, not a search of the alphabet.
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) {
        return (c >= u'0' && c <= u'9') || (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z');
    });
}

// The case-safe suffix of the first 15 characters of `id`, which holds at least 15.
std::array<char16_t, 3> suffixOf(const QString &id)
{
    static const QLatin1String alphabet("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345");
    std::array<char16_t, 3> suffix{};
    for (int chunk = 0; chunk < 3; ++chunk) {
        int bits = 0;
        for (int i = 0; i < 5; ++i) {
            const QChar c = id.at(chunk * 5 + i);
            if (c >= u'A' && c <= u'Z') {
                bits |= 1 << i;
            }
        }
        suffix[chunk] = char16_t(alphabet[bits].unicode());
    }
    return suffix;
}

} // namespace

QString SalesforceId::withSuffix(const QString &id15)
{
    const auto suffix = suffixOf(id15);
    return QString(id15).append(QStringView(suffix.data(), qsizetype(suffix.size())));
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
    const auto suffix = suffixOf(id);
    const QStringView expected(suffix.data(), qsizetype(suffix.size()));
    if (id.size() == 15) {
        return QString(id).append(expected);
    }
    // Salesforce compares the suffix without regard to case. An Id already in its full form
    // comes back as it is, without a copy: every pulled record carries a few.
    const QStringView given = QStringView(id).right(3);
    if (given == expected) {
        return id;
    }
    if (given.compare(expected, Qt::CaseInsensitive) != 0) {
        return std::nullopt;
    }
    return id.left(15).append(expected);
}

} // namespace pasalista
