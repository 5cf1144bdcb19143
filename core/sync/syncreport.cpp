#include "syncreport.h"

#include <array>

namespace pasalista {

QString SyncReport::resultName(Result result)
{
    // In the order of Result; Error is the last.
    static constexpr std::array<const char *, 6> kNames = {
        "clean", "issues", "sign_in_required", "unreachable", "cancelled", "error"};
    static_assert(kNames.size() == std::size_t(Result::Error) + 1, "a name for every result");
    const auto index = std::size_t(result);
    return index < kNames.size() ? QString::fromLatin1(kNames[index]) : QString();
}

QJsonObject SyncReport::toJson() const
{
    return {{QStringLiteral("result"), resultName(result)},
            {QStringLiteral("pushed"), pushed},
            {QStringLiteral("pulled"), pulled},
            {QStringLiteral("reread"), reread},
            {QStringLiteral("deleted"), deleted},
            {QStringLiteral("failed"), failed},
            {QStringLiteral("conflicts"), conflicts},
            {QStringLiteral("retrying"), retrying},
            {QStringLiteral("refused"), refused},
            {QStringLiteral("held"), held},
            {QStringLiteral("write_requests"), writeRequests},
            {QStringLiteral("api_calls"), apiCalls},
            {QStringLiteral("api_calls_today"), apiCallsToday},
            {QStringLiteral("message"), message},
            {QStringLiteral("warnings"), QJsonArray::fromStringList(warnings)},
            {QStringLiteral("finished_at"), finishedAt.toString(Qt::ISODateWithMs)}};
}

} // namespace pasalista
