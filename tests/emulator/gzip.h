#pragma once

#include <QByteArray>

#include <optional>

namespace pasalista::emulator {

// gzip framing (RFC 1952) through zlib; qCompress uses its own framing, which HTTP
// clients do not understand.
class Gzip
{
public:
    static QByteArray compress(const QByteArray &data);
    static std::optional<QByteArray> decompress(const QByteArray &data);
};

} // namespace pasalista::emulator
