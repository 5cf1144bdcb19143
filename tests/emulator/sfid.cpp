#include "sfid.h"

#include "sync/salesforceid.h"

namespace pasalista::emulator {

// The org's Ids are the app's Ids: one helper in core makes and checks them both.
QString SfId::make(const QString &keyPrefix, quint64 counter)
{
    return SalesforceId::fromCounter(keyPrefix, QStringLiteral("5g0"), counter);
}

QString SfId::withSuffix(const QString &id15)
{
    return SalesforceId::withSuffix(id15);
}

std::optional<QString> SfId::normalize(const QString &id)
{
    return SalesforceId::normalized(id);
}

} // namespace pasalista::emulator
