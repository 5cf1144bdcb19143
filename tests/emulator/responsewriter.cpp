#include "responsewriter.h"

#include <QHash>

namespace pasalista::emulator {

namespace {
constexpr int kTickMs = 50;
constexpr int kTicksPerSecond = 1000 / kTickMs;

// The replies being written at each bandwidth: they share it, as replies to one laptop
// share its link (parallel requests get no more of it than one). The server runs in one
// thread.
QHash<int, int> &repliesSharing()
{
    static QHash<int, int> replies;
    return replies;
}
} // namespace

ResponseWriter::~ResponseWriter()
{
    leaveLink();
}

void ResponseWriter::leaveLink()
{
    if (m_sharing && --repliesSharing()[m_faults.bandwidthBytesPerSecond] == 0)
        repliesSharing().remove(m_faults.bandwidthBytesPerSecond);
    m_sharing = false;
}

void ResponseWriter::send(QTcpSocket *socket, const QByteArray &raw, const TransportFaults &faults,
                          bool closeAfter, Done done)
{
    auto *writer = new ResponseWriter(socket, raw, faults, closeAfter, std::move(done));
    // Start from the event loop, never inside the server's read handler: a drop must not
    // close the socket under the code that is still parsing it.
    QTimer::singleShot(faults.latencyMs, writer, &ResponseWriter::start);
}

ResponseWriter::ResponseWriter(QTcpSocket *socket, const QByteArray &raw,
                               const TransportFaults &faults, bool closeAfter, Done done)
    : QObject(socket), m_socket(socket), m_raw(raw), m_faults(faults), m_closeAfter(closeAfter),
      m_done(std::move(done)), m_stopAt(raw.size())
{
    if (faults.dropBeforeResponse)
        m_stopAt = 0;
    else if (faults.dropMidResponse)
        m_stopAt = raw.size() / 2; // the headers and part of the body
    connect(&m_timer, &QTimer::timeout, this, &ResponseWriter::writeChunk);
}

void ResponseWriter::start()
{
    if (m_faults.bandwidthBytesPerSecond > 0 && m_stopAt > 0) {
        ++repliesSharing()[m_faults.bandwidthBytesPerSecond];
        m_sharing = true;
        m_timer.start(kTickMs);
        writeChunk();
        return;
    }
    if (m_socket && m_stopAt > 0)
        m_socket->write(m_raw.constData(), m_stopAt);
    m_offset = m_stopAt;
    finish(isCut());
}

void ResponseWriter::writeChunk()
{
    if (!m_socket) {
        finish(true);
        return;
    }
    const int sharing = std::max(1, repliesSharing().value(m_faults.bandwidthBytesPerSecond));
    const qint64 chunk = std::max(1, m_faults.bandwidthBytesPerSecond / kTicksPerSecond / sharing);
    const qint64 size = std::min(chunk, m_stopAt - m_offset);
    m_socket->write(m_raw.constData() + m_offset, size);
    m_offset += size;
    if (m_offset >= m_stopAt) {
        m_timer.stop();
        leaveLink();
        finish(isCut());
    }
}

void ResponseWriter::finish(bool dropped)
{
    if (m_done)
        m_done(m_offset, dropped);
    m_done = nullptr;
    // disconnectFromHost() sends what is buffered first, so a truncated response really
    // arrives truncated rather than not at all.
    if (m_socket && (dropped || m_closeAfter))
        m_socket->disconnectFromHost();
    deleteLater();
}

} // namespace pasalista::emulator
