#include "laptopclock.h"

#include <atomic>

namespace pasalista {

namespace {

qint64 offsetFromEnvironment()
{
#ifdef PASALISTA_TEST_HOOKS
    return qEnvironmentVariableIntValue("PASALISTA_TEST_CLOCK_OFFSET_SECONDS");
#else
    return 0;
#endif
}

std::atomic<qint64> &offset()
{
    static std::atomic<qint64> seconds{offsetFromEnvironment()};
    return seconds;
}

} // namespace

QDateTime LaptopClock::nowUtc()
{
    return QDateTime::currentDateTimeUtc().addSecs(offset().load());
}

void LaptopClock::setOffsetSeconds(qint64 seconds)
{
    offset().store(seconds);
}

qint64 LaptopClock::offsetSeconds()
{
    return offset().load();
}

} // namespace pasalista
