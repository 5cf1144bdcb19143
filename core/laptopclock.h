#pragma once

#include <QDate>
#include <QDateTime>
#include <QTimeZone>

namespace pasalista {

// This laptop's clock, the one place the domain and the sync read "now" from when it is
// compared with the org's. Tests move it (a dead clock battery, a wrong setting) with
// setOffsetSeconds(), or in a child process with PASALISTA_TEST_CLOCK_OFFSET_SECONDS, which
// only Debug builds (the ones tests run) read.
class LaptopClock
{
public:
    static QDateTime nowUtc();
    // The calendar day it is now in the programme's time zone (a wrong clock leaves the
    // zone right).
    static QDate today() { return dayOf(nowUtc()); }
    static QDate dayOf(const QDateTime &time)
    {
        return time.toTimeZone(programmeTimeZone()).date();
    }
    static void setOffsetSeconds(qint64 seconds);
    static qint64 offsetSeconds();
    // The org settings' programme time zone (OrgSettings::programmeTimeZone), read at first
    // use: a volunteer's laptop set to her own country's zone still files the roll under the
    // programme's day. Tests set it.
    static QTimeZone programmeTimeZone();
    static void setProgrammeTimeZone(const QTimeZone &zone);
};

} // namespace pasalista
