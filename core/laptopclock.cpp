#include "laptopclock.h"

#include "auth/orgsettings.h"

#include <QMutex>
#include <QSettings>

#include <atomic>
#include <memory>
#include <optional>

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

struct ZoneSetting
{
    QMutex mutex;
    std::optional<QTimeZone> zone; // unset until first read (or set by a test)
};

ZoneSetting &zoneSetting()
{
    static ZoneSetting setting;
    return setting;
}

QTimeZone zoneFromSettings()
{
    QSettings user;
    const std::unique_ptr<QSettings> system = OrgSettings::systemFile();
    return OrgSettings(&user, system.get()).programmeTimeZone();
}

} // namespace

QTimeZone LaptopClock::programmeTimeZone()
{
    ZoneSetting &setting = zoneSetting();
    const QMutexLocker lock(&setting.mutex);
    if (!setting.zone) {
        setting.zone = zoneFromSettings();
    }
    return *setting.zone;
}

void LaptopClock::setProgrammeTimeZone(const QTimeZone &zone)
{
    ZoneSetting &setting = zoneSetting();
    const QMutexLocker lock(&setting.mutex);
    setting.zone = zone;
}

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
