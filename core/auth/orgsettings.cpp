#include "orgsettings.h"

#include "logging.h"

#include <QCoreApplication>
#include <QSettings>

namespace pasalista {

const QString OrgSettings::kClientIdKey = QStringLiteral("oauth/clientId");
const QString OrgSettings::kLoginUrlKey = QStringLiteral("oauth/loginUrl");
const QString OrgSettings::kTimeZoneKey = QStringLiteral("programme/timeZone");

OrgSettings::OrgSettings(QSettings *user, const QSettings *system) : m_user(user), m_system(system)
{
}

std::unique_ptr<QSettings> OrgSettings::systemFile()
{
    auto file =
        std::make_unique<QSettings>(QSettings::SystemScope, QCoreApplication::organizationName(),
                                    QCoreApplication::applicationName());
    // Only this file: not the user's, which QSettings would otherwise read first.
    file->setFallbacksEnabled(false);
    return file;
}

QString OrgSettings::clientId() const
{
    return value(kClientIdKey);
}

QUrl OrgSettings::loginUrl() const
{
    return QUrl(value(kLoginUrlKey));
}

QTimeZone OrgSettings::programmeTimeZone() const
{
    const QString id = value(kTimeZoneKey);
    const QTimeZone zone(id.toUtf8());
    if (!id.isEmpty() && !zone.isValid()) {
        qCWarning(lcDomain) << "unknown programme time zone" << id << "in the settings; using"
                            << QTimeZone::systemTimeZoneId();
    }
    return zone.isValid() ? zone : QTimeZone::systemTimeZone();
}

bool OrgSettings::isClientIdLocked() const
{
    return isLocked(kClientIdKey);
}

bool OrgSettings::isLoginUrlLocked() const
{
    return isLocked(kLoginUrlKey);
}

void OrgSettings::setClientId(const QString &clientId)
{
    setUserValue(kClientIdKey, clientId.trimmed());
}

void OrgSettings::setLoginUrl(const QUrl &loginUrl)
{
    setUserValue(kLoginUrlKey, loginUrl.toString());
}

QString OrgSettings::value(const QString &key) const
{
    if (isLocked(key)) {
        return m_system->value(key).toString().trimmed();
    }
    return m_user->value(key).toString().trimmed();
}

bool OrgSettings::isLocked(const QString &key) const
{
    return m_system && !m_system->value(key).toString().trimmed().isEmpty();
}

void OrgSettings::setUserValue(const QString &key, const QString &value)
{
    if (!isLocked(key)) {
        m_user->setValue(key, value);
    }
}

} // namespace pasalista
