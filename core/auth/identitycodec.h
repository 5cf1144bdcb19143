#pragma once

#include "identity.h"

#include <QJsonObject>

namespace pasalista {

// Identity <-> JSON, for the keychain entry and the account list in the settings, and the
// parser of the org's identity / userinfo answers. Identity is not secret.
class IdentityCodec
{
public:
    static QJsonObject toJson(const Identity &identity);
    static Identity fromJson(const QJsonObject &json);
    // Salesforce's identity URL answer (user_id, organization_id, username, display_name) or
    // the OpenID userinfo answer (preferred_username, name): both are accepted.
    static Identity fromIdentityService(const QJsonObject &json);
};

} // namespace pasalista
