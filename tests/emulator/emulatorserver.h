#pragma once

#include "emulator.h"

#include "replymutator.h"

#include <QAbstractHttpServer>
#include <QJsonArray>

namespace pasalista::emulator {

// The HTTP side: turns Qt HttpServer requests into the emulator's, and writes raw
// responses itself so faults can delay, throttle, cut or drop them. Adds gzip when the
// client accepts it and logs every API request with its bytes both ways.
class EmulatorServer : public QAbstractHttpServer
{
    Q_OBJECT
public:
    EmulatorServer(Emulator *emulator, HttpRequest::Host host, QObject *parent = nullptr);

    // Listens on 127.0.0.1 only; returns the port, 0 on failure.
    quint16 listenOnLoopback(quint16 port);
    QString baseUrl() const { return m_baseUrl; }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    HttpRequest convert(const QHttpServerRequest &request) const;
    void noteTokenOffOrigin(const HttpRequest &request) const;
    // The subrequests of a Composite request (none for any other request).
    static QJsonArray compositeSubrequests(const HttpRequest &request);
    void carryWriteFaults(const QJsonArray &subrequests, TransportFaults *faults);
    void strikeSubrequests(const QJsonArray &subrequests, HttpResponse *response,
                           const MutationContext &context);
    void handleStreaming(const HttpRequest &converted, const QHttpServerRequest &request,
                         QTcpSocket *socket, const TransportFaults &faults);
    void send(QTcpSocket *socket, const HttpRequest &converted, const QHttpServerRequest &request,
              const HttpResponse &response, const TransportFaults &faults, bool admin);
    void send(QTcpSocket *socket, const HttpRequest &converted, const QString &path,
              qint64 headerBytes, const HttpResponse &response, const TransportFaults &faults,
              bool admin);
    QByteArray serialize(HttpResponse response, const HttpRequest &request) const;
    static HttpResponse serverError(int status, bool maintenancePage);
    static QString faultName(const TransportFaults &faults);

    Emulator *m_emulator;
    HttpRequest::Host m_host;
    QString m_baseUrl;
};

} // namespace pasalista::emulator
