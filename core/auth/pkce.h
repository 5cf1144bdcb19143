#pragma once

#include <QByteArray>

namespace pasalista {

// RFC 7636 proof key for the authorization code flow (S256), and the random `state`
// value that ties a browser redirect to the sign-in that started it. Qt 6.4's
// QOAuth2AuthorizationCodeFlow has neither PKCE nor a reportable state check.
class Pkce
{
public:
    // 32 random bytes base64url-encoded: 43 characters, the minimum length RFC 7636 allows
    // carries 256 bits of entropy.
    static QByteArray generateVerifier();
    // BASE64URL(SHA256(verifier)) without padding.
    static QByteArray challengeFor(const QByteArray &verifier);
    // An unguessable value for the `state` parameter.
    static QByteArray generateState();
    static QByteArray method() { return QByteArrayLiteral("S256"); }

private:
    static QByteArray randomUrlSafe(int byteCount);
};

} // namespace pasalista
