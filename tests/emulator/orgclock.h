#pragma once

#include <QDate>
#include <QDateTime>

#include <algorithm>

namespace pasalista::emulator {

// The org's time: the real clock plus an offset that tests move forward through
// /__emulator/clock, so a laptop can be left "away" for weeks in a second. Every stamp,
// TODAY literal, token expiry and the recycle-bin purge read it.
class OrgClock
{
public:
    qint64 nowMs() const { return QDateTime::currentMSecsSinceEpoch() + m_offsetMs; }
    QDateTime now() const { return QDateTime::fromMSecsSinceEpoch(nowMs(), Qt::UTC); }
    QDate today() const { return now().date(); }
    qint64 offsetMs() const { return m_offsetMs; }
    // The org's time never goes back: a negative step is ignored.
    void advance(qint64 ms) { m_offsetMs += std::max<qint64>(ms, 0); }
    void reset() { m_offsetMs = 0; }

private:
    qint64 m_offsetMs = 0;
};

} // namespace pasalista::emulator
