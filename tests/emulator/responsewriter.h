#pragma once

#include "faultinjector.h"

#include <QObject>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <functional>

namespace pasalista::emulator {

// Writes one raw HTTP response to a socket, applying latency, a bandwidth cap and
// connection drops. Lives as a child of the socket, so it dies with the connection. The
// replies written at the same time share the bandwidth, as on one link.
class ResponseWriter : public QObject
{
    Q_OBJECT
public:
    // bytesSent is what reached the socket; dropped says whether the connection was cut.
    using Done = std::function<void(qint64 bytesSent, bool dropped)>;

    static void send(QTcpSocket *socket, const QByteArray &raw, const TransportFaults &faults,
                     bool closeAfter, Done done);
    ~ResponseWriter() override;

private:
    ResponseWriter(QTcpSocket *socket, const QByteArray &raw, const TransportFaults &faults,
                   bool closeAfter, Done done);
    void start();
    void writeChunk();
    void finish(bool dropped);
    // Stops counting among the replies that share the bandwidth.
    void leaveLink();
    bool isCut() const { return m_faults.dropBeforeResponse || m_stopAt < m_raw.size(); }

    QPointer<QTcpSocket> m_socket;
    QByteArray m_raw;
    TransportFaults m_faults;
    bool m_closeAfter;
    Done m_done;
    qint64 m_offset = 0;
    qint64 m_stopAt;
    QTimer m_timer;
    bool m_sharing = false;
};

} // namespace pasalista::emulator
