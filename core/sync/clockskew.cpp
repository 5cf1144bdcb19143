#include "clockskew.h"

#include "logging.h"
#include "store/metastore.h"

#include <QLocale>

namespace pasalista {

namespace {

const QString kSkewKey = QStringLiteral("clock:skew_seconds");

QString longDate(const QDate &date)
{
    return QLocale().toString(date, QLocale::LongFormat);
}

} // namespace

bool ClockSkew::record(const QDateTime &orgTime, const QDateTime &laptopTime)
{
    if (!orgTime.isValid() || !laptopTime.isValid()) {
        return false;
    }
    const qint64 skew = laptopTime.secsTo(orgTime);
    if (qAbs(skew) > kToleratedSeconds) {
        qCWarning(lcSync) << "the laptop's clock is" << -skew << "s off the org's (org"
                          << orgTime.toString(Qt::ISODate) << "laptop"
                          << laptopTime.toString(Qt::ISODate) << ")";
    }
    MetaStore meta(m_store);
    if (!meta.setValue(kSkewKey, QString::number(skew))) {
        qCWarning(lcSync) << "could not keep the clock skew:" << meta.errorString();
        return false;
    }
    return true;
}

qint64 ClockSkew::seconds() const
{
    return MetaStore(m_store).value(kSkewKey).toLongLong();
}

bool ClockSkew::isReportable() const
{
    return qAbs(seconds()) > kToleratedSeconds;
}

QString ClockSkew::warning() const
{
    if (changesDay()) {
        return tr("This computer's clock says today is %1, but the org's clock says it is %2. "
                  "Attendance for \"today\" is refused until the computer's date and time are "
                  "set right; choose the class date by hand.")
            .arg(longDate(LaptopClock::today()), longDate(orgToday()));
    }
    if (isReportable()) {
        const qint64 minutes = qAbs(seconds()) / 60;
        return tr("This computer's clock is %n minute(s) off the org's clock; set its date and "
                  "time right.",
                  nullptr, int(minutes));
    }
    return {};
}

} // namespace pasalista
