#include "sfid.h"

namespace pasalista::emulator {

namespace {
const QLatin1String kBase62("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
const QLatin1String kSuffixAlphabet("ABCDEFGHIJKLMNOPQRSTUVWXYZ012345");

bool isAlphanumeric(const QString &text)
{
    for (QChar c : text) {
        if (c.unicode() > 127 || !c.isLetterOrNumber())
            return false;
    }
    return true;
}
} // namespace

QString SfId::make(const QString &keyPrefix, quint64 counter)
{
    // Base62 digits are in ASCII order, so Ids of one object sort in creation order.
    QString body(9, u'0');
    for (int i = 8; i >= 0 && counter > 0; --i) {
        body[i] = kBase62[static_cast<int>(counter % 62)];
        counter /= 62;
    }
    return withSuffix(keyPrefix + QStringLiteral("5g0") + body);
}

QString SfId::withSuffix(const QString &id15)
{
    QString suffix;
    for (int chunk = 0; chunk < 3; ++chunk) {
        int bits = 0;
        for (int i = 0; i < 5; ++i) {
            const QChar c = id15.at(chunk * 5 + i);
            if (c >= u'A' && c <= u'Z')
                bits |= 1 << i;
        }
        suffix += kSuffixAlphabet[bits];
    }
    return id15 + suffix;
}

std::optional<QString> SfId::normalize(const QString &id)
{
    if ((id.size() != 15 && id.size() != 18) || !isAlphanumeric(id))
        return std::nullopt;
    const QString id15 = id.left(15);
    const QString full = withSuffix(id15);
    if (id.size() == 18 && id.right(3).compare(full.right(3), Qt::CaseInsensitive) != 0)
        return std::nullopt;
    return full;
}

} // namespace pasalista::emulator
