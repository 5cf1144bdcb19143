#pragma once

#include <QString>
#include <QTimeZone>
#include <QUrl>

#include <memory>

class QSettings;

namespace pasalista {

// Where the app signs in and as which app: the org's login address and the External Client
// App's consumer key. An admin can ship both in a system-wide settings file that the
// installers place (README, "For an org admin"); a value set there wins over the user's own,
// so the admin locks it. What a teacher enters on the first run goes to her own settings.
class OrgSettings
{
public:
    static const QString kClientIdKey; // oauth/clientId
    static const QString kLoginUrlKey; // oauth/loginUrl
    static const QString kTimeZoneKey; // programme/timeZone: an IANA id, America/Santo_Domingo

    // `system` may be null (no system-wide file).
    OrgSettings(QSettings *user, const QSettings *system);

    // The system-wide file of this application (QSettings::SystemScope, native format):
    // /etc/xdg/Pasalista/pasalista.conf on Linux, the HKEY_LOCAL_MACHINE registry hive on
    // Windows, /Library/Preferences on macOS (the README lists the exact places).
    static std::unique_ptr<QSettings> systemFile();

    // Empty when neither file sets it.
    QString clientId() const;
    QUrl loginUrl() const;
    // The zone whose calendar says which day it is for the programme (marks after its today
    // are refused; "today" on the sheet): the laptop's own zone when unset or unknown.
    QTimeZone programmeTimeZone() const;
    bool isClientIdLocked() const;
    bool isLoginUrlLocked() const;
    // The window's first run asks for what is missing.
    bool isComplete() const { return !clientId().isEmpty() && !loginUrl().isEmpty(); }

    // Into the user's settings; a value the admin locked stays as the admin set it.
    void setClientId(const QString &clientId);
    void setLoginUrl(const QUrl &loginUrl);

private:
    QString value(const QString &key) const;
    bool isLocked(const QString &key) const;
    void setUserValue(const QString &key, const QString &value);

    QSettings *m_user;
    const QSettings *m_system;
};

} // namespace pasalista
