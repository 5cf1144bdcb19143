#include "requestlog.h"

#include <QJsonObject>

namespace pasalista::emulator {

void RequestLog::append(const RequestLogEntry &entry)
{
    if (m_entries.size() >= kMaxEntries)
        m_entries.removeFirst();
    m_entries.append(entry);
    ++m_sequence;
}

QJsonArray RequestLog::toJson() const
{
    QJsonArray entries;
    const qint64 first = m_sequence - m_entries.size();
    for (int i = 0; i < m_entries.size(); ++i) {
        const RequestLogEntry &entry = m_entries.at(i);
        entries.append(QJsonObject{{QStringLiteral("sequence"), first + i + 1},
                                   {QStringLiteral("method"), QString::fromLatin1(entry.method)},
                                   {QStringLiteral("path"), entry.path},
                                   {QStringLiteral("status"), entry.status},
                                   {QStringLiteral("bytesIn"), entry.bytesIn},
                                   {QStringLiteral("bytesOut"), entry.bytesOut},
                                   {QStringLiteral("fault"), entry.fault},
                                   {QStringLiteral("timestampMs"), entry.timestampMs}});
    }
    return entries;
}

} // namespace pasalista::emulator
