#include "syncreport.h"

namespace pasalista {

QString SyncReport::resultName(Result result)
{
    switch (result) {
    case Result::Clean:
        return QStringLiteral("clean");
    case Result::Issues:
        return QStringLiteral("issues");
    case Result::SignInRequired:
        return QStringLiteral("sign_in_required");
    case Result::Unreachable:
        return QStringLiteral("unreachable");
    case Result::Cancelled:
        return QStringLiteral("cancelled");
    case Result::Error:
        return QStringLiteral("error");
    }
    return {};
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
            {QStringLiteral("write_requests"), writeRequests},
            {QStringLiteral("api_calls"), apiCalls},
            {QStringLiteral("api_calls_today"), apiCallsToday},
            {QStringLiteral("message"), message},
            {QStringLiteral("warnings"), QJsonArray::fromStringList(warnings)},
            {QStringLiteral("finished_at"), finishedAt.toString(Qt::ISODateWithMs)}};
}

} // namespace pasalista
