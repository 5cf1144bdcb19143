#include "apibudget.h"

#include "logging.h"
#include "mapping.h"
#include "store/localstore.h"
#include "store/metastore.h"

#include <algorithm>

namespace pasalista {

namespace {

QString dayKey(const QDate &day)
{
    return QStringLiteral("api-calls:") + day.toString(Qt::ISODate);
}

} // namespace

int ApiBudget::intValue(const QString &key) const
{
    bool ok = false;
    const int value = MetaStore(m_store).value(key).toInt(&ok);
    return ok ? value : (key.startsWith(QLatin1String("api-org")) ? -1 : 0);
}

void ApiBudget::setValue(const QString &key, const QString &value)
{
    MetaStore meta(m_store);
    if (!meta.setValue(key, value)) {
        qCWarning(lcSync) << "could not count API calls:" << meta.errorString();
    }
}

void ApiBudget::recordSync(int calls, int orgUsed, int orgMax, const QDate &day)
{
    // Days before yesterday are of no use to anyone: keep _meta small.
    MetaStore(m_store).removeWithPrefixBefore(QStringLiteral("api-calls:"),
                                              dayKey(day.addDays(-1)));
    setValue(dayKey(day), QString::number(spentOn(day) + calls));
    setValue(QStringLiteral("api-calls-last-sync"), QString::number(calls));
    if (orgUsed >= 0 && orgMax > 0) {
        setValue(QStringLiteral("api-org-used"), QString::number(orgUsed));
        setValue(QStringLiteral("api-org-max"), QString::number(orgMax));
    }
}

int ApiBudget::spentOn(const QDate &day) const
{
    return intValue(dayKey(day));
}

int ApiBudget::lastSyncCalls() const
{
    return intValue(QStringLiteral("api-calls-last-sync"));
}

int ApiBudget::orgUsed() const
{
    return intValue(QStringLiteral("api-org-used"));
}

int ApiBudget::orgMax() const
{
    return intValue(QStringLiteral("api-org-max"));
}

int ApiBudget::capOf(const Mapping &mapping)
{
    int cap = 0;
    for (const ObjectMapping &object : mapping.objects()) {
        cap = std::max(cap, object.maxDailyApiCalls);
    }
    return cap;
}

double ApiBudget::pollFactor(int spent, int cap, int callsPerSync)
{
    if (cap <= 0) {
        return 1.0;
    }
    // The next poll must not eat into the reserve.
    const double afterNext = spent + std::max(callsPerSync, 1);
    if (afterNext > cap * (1.0 - kReserve)) {
        return 0.0;
    }
    return afterNext > cap * 0.8 ? 4.0 : 1.0;
}

} // namespace pasalista
