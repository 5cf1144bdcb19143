#pragma once

#include <QDate>
#include <QDateTime>

namespace pasalista {

// This laptop's clock, the one place the domain and the sync read "now" from when it is
// compared with the org's. Tests move it (a dead clock battery, a wrong setting) with
// setOffsetSeconds(), or in a child process with PASALISTA_TEST_CLOCK_OFFSET_SECONDS, which
// only Debug builds (the ones tests run) read.
class LaptopClock
{
public:
    static QDateTime nowUtc();
    // The calendar day it is now in the programme's time zone (the laptop's zone setting,
    // which a wrong clock leaves right).
    static QDate today() { return dayOf(nowUtc()); }
    static QDate dayOf(const QDateTime &time) { return time.toLocalTime().date(); }
    static void setOffsetSeconds(qint64 seconds);
    static qint64 offsetSeconds();
};

} // namespace pasalista
