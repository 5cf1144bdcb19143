#include "identitycodec.h"

namespace pasalista {

namespace {

QString text(const QJsonObject &json, const char *key)
{
    return json.value(QLatin1String(key)).toString();
}

QString firstOf(const QJsonObject &json, const char *key, const char *fallbackKey)
{
    const QString value = text(json, key);
    return value.isEmpty() ? text(json, fallbackKey) : value;
}

} // namespace

QJsonObject IdentityCodec::toJson(const Identity &identity)
{
    return QJsonObject{
        {QStringLiteral("userId"), identity.userId},
        {QStringLiteral("organizationId"), identity.organizationId},
        {QStringLiteral("username"), identity.username},
        {QStringLiteral("email"), identity.email},
        {QStringLiteral("displayName"), identity.displayName},
        {QStringLiteral("loginUrl"), identity.loginUrl.toString()},
        {QStringLiteral("instanceUrl"), identity.instanceUrl.toString()},
    };
}

Identity IdentityCodec::fromJson(const QJsonObject &json)
{
    Identity identity;
    identity.userId = text(json, "userId");
    identity.organizationId = text(json, "organizationId");
    identity.username = text(json, "username");
    identity.email = text(json, "email");
    identity.displayName = text(json, "displayName");
    identity.loginUrl = QUrl(text(json, "loginUrl"));
    identity.instanceUrl = QUrl(text(json, "instanceUrl"));
    return identity;
}

Identity IdentityCodec::fromIdentityService(const QJsonObject &json)
{
    Identity identity;
    identity.userId = text(json, "user_id");
    identity.organizationId = text(json, "organization_id");
    identity.username = firstOf(json, "username", "preferred_username");
    identity.email = text(json, "email");
    identity.displayName = firstOf(json, "display_name", "name");
    return identity;
}

} // namespace pasalista
