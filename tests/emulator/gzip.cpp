#include "gzip.h"

#include <zlib.h>

namespace pasalista::emulator {

namespace {
constexpr int kGzipWindowBits = 15 + 16; // +16 selects the gzip header instead of zlib's
constexpr int kChunk = 64 * 1024;
constexpr qsizetype kMaxInflated = 512 * 1024 * 1024; // a bound against zip bombs
} // namespace

QByteArray Gzip::compress(const QByteArray &data)
{
    z_stream stream{};
    if (deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, kGzipWindowBits, 8,
                     Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out(static_cast<qsizetype>(deflateBound(&stream, static_cast<uLong>(data.size()))),
                   Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = static_cast<uInt>(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = static_cast<uInt>(out.size());
    const int result = deflate(&stream, Z_FINISH);
    out.resize(static_cast<qsizetype>(stream.total_out));
    deflateEnd(&stream);
    return result == Z_STREAM_END ? out : QByteArray();
}

std::optional<QByteArray> Gzip::decompress(const QByteArray &data)
{
    z_stream stream{};
    if (inflateInit2(&stream, kGzipWindowBits) != Z_OK)
        return std::nullopt;
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = static_cast<uInt>(data.size());
    QByteArray out;
    int result = Z_OK;
    char buffer[kChunk];
    while (result == Z_OK && out.size() < kMaxInflated) {
        stream.next_out = reinterpret_cast<Bytef *>(buffer);
        stream.avail_out = kChunk;
        result = inflate(&stream, Z_NO_FLUSH);
        out.append(buffer, kChunk - static_cast<qsizetype>(stream.avail_out));
        if (result == Z_BUF_ERROR && stream.avail_in == 0)
            break;
    }
    inflateEnd(&stream);
    if (result != Z_STREAM_END)
        return std::nullopt;
    return out;
}

} // namespace pasalista::emulator
