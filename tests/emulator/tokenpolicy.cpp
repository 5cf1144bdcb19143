#include "tokenpolicy.h"

namespace pasalista::emulator {

namespace {
const QString kRotate = QStringLiteral("rotateRefreshTokens");
const QString kPkce = QStringLiteral("requirePkce");
const QString kIdle = QStringLiteral("refreshIdleSeconds");
const QString kAbsolute = QStringLiteral("refreshAbsoluteSeconds");
const QString kInstalled = QStringLiteral("appInstalled");
} // namespace

QJsonObject TokenPolicy::toJson() const
{
    return {{kRotate, rotateRefreshTokens},
            {kPkce, requirePkce},
            {kIdle, static_cast<double>(refreshIdleSeconds)},
            {kAbsolute, static_cast<double>(refreshAbsoluteSeconds)},
            {kInstalled, appInstalled}};
}

bool TokenPolicy::apply(const QJsonObject &json, QString *error)
{
    for (auto it = json.begin(); it != json.end(); ++it) {
        const bool flag = it.key() == kRotate || it.key() == kPkce || it.key() == kInstalled;
        const bool seconds = it.key() == kIdle || it.key() == kAbsolute;
        if ((flag && !it->isBool()) || (seconds && (!it->isDouble() || it->toDouble() < 0)) ||
            (!flag && !seconds)) {
            *error = QStringLiteral("token policy: bad or unknown key %1").arg(it.key());
            return false;
        }
    }
    TokenPolicy changed = *this;
    changed.rotateRefreshTokens = json.value(kRotate).toBool(rotateRefreshTokens);
    changed.requirePkce = json.value(kPkce).toBool(requirePkce);
    changed.appInstalled = json.value(kInstalled).toBool(appInstalled);
    changed.refreshIdleSeconds =
        static_cast<qint64>(json.value(kIdle).toDouble(static_cast<double>(refreshIdleSeconds)));
    changed.refreshAbsoluteSeconds = static_cast<qint64>(
        json.value(kAbsolute).toDouble(static_cast<double>(refreshAbsoluteSeconds)));
    *this = changed;
    return true;
}

} // namespace pasalista::emulator
