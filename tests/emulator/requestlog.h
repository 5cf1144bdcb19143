#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QList>
#include <QString>

namespace pasalista::emulator {

struct RequestLogEntry
{
    QByteArray method;
    QString path; // with the query string
    int status = 0;
    qint64 bytesIn = 0;
    qint64 bytesOut = 0;
    QString fault; // what the fault injector did, if anything
    qint64 timestampMs = 0;
};

// What tests read back through /__emulator/log: each API request with its bytes both ways.
class RequestLog
{
public:
    void append(const RequestLogEntry &entry);
    QJsonArray toJson() const;
    void clear() { m_entries.clear(); }
    int size() const { return static_cast<int>(m_entries.size()); }

private:
    static constexpr int kMaxEntries = 200000; // bounded, even under a long benchmark
    QList<RequestLogEntry> m_entries;
    qint64 m_sequence = 0;
};

} // namespace pasalista::emulator
