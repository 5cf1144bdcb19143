#include "pkce.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

namespace pasalista {

namespace {
constexpr auto kUrlSafe = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
}

QByteArray Pkce::generateVerifier()
{
    return randomUrlSafe(32);
}

QByteArray Pkce::challengeFor(const QByteArray &verifier)
{
    return QCryptographicHash::hash(verifier, QCryptographicHash::Sha256).toBase64(kUrlSafe);
}

QByteArray Pkce::generateState()
{
    return randomUrlSafe(24);
}

QByteArray Pkce::randomUrlSafe(int byteCount)
{
    QByteArray bytes(byteCount, Qt::Uninitialized);
    // The system generator is cryptographically secure (getrandom / BCryptGenRandom).
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()),
                                          byteCount / int(sizeof(quint32)));
    return bytes.toBase64(kUrlSafe);
}

} // namespace pasalista
