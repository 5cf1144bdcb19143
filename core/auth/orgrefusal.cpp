#include "orgrefusal.h"

namespace pasalista {

namespace {

// Salesforce since September 2025: an app an admin has not installed is refused with
// invalid_client "app must be installed into org"; a user the app's policies do not admit gets
// OAUTH_APP_ACCESS_DENIED / "user is not admin approved to access this app".
bool appNotInstalled(const QString &error, const QString &description)
{
    return error == QLatin1String("invalid_client") &&
           description.contains(QLatin1String("must be installed"), Qt::CaseInsensitive);
}

bool userNotPermitted(const QString &error, const QString &description)
{
    return error.compare(QLatin1String("OAUTH_APP_ACCESS_DENIED"), Qt::CaseInsensitive) == 0 ||
           description.contains(QLatin1String("not admin approved"), Qt::CaseInsensitive);
}

} // namespace

QString OrgRefusal::adminAdvice(const QString &error, const QString &description)
{
    const QString said = description.isEmpty() ? error : description;
    if (appNotInstalled(error, description))
        return tr("Your Salesforce org does not allow the Pasalista app yet: it must be installed "
                  "in the org. Please forward this to your Salesforce administrator: "
                  "\"Install the Pasalista External Client App in the org and assign the "
                  "Pasalista Teacher permission set (Salesforce said: %1).\"")
            .arg(said);
    if (userNotPermitted(error, description))
        return tr("Your Salesforce user is not allowed to use the Pasalista app. Please forward "
                  "this to your Salesforce administrator: \"Assign me the Pasalista Teacher "
                  "permission set, or admit my user in the Pasalista app's policies "
                  "(Salesforce said: %1).\"")
            .arg(said);
    return {};
}

} // namespace pasalista
