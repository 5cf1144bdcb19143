#pragma once

#include <QString>
#include <QUrl>

namespace pasalista {

// Who is signed in, from the org's userinfo / identity URL. Not secret.
struct Identity
{
    QString userId;
    QString organizationId;
    QString username;
    QString email;
    QString displayName;
    QUrl loginUrl;    // where the user signed in (login, test, My Domain, emulator)
    QUrl instanceUrl; // the org's REST host
    // Stable key for the per-user local database and keychain entries.
    QString accountKey() const { return organizationId + QLatin1Char('-') + userId; }
};

} // namespace pasalista
