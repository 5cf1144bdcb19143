#pragma once

#include <QJsonObject>
#include <QString>

namespace pasalista::emulator {

// The connected app's (External Client App's) OAuth policies that decide how long a sign-in
// lasts, on the org's clock. Rotation is on unless switched off: the stricter policy, the one
// a production org's admin is told to enable.
struct TokenPolicy
{
    bool rotateRefreshTokens = true;   // each refresh hands out a new refresh token
    bool requirePkce = false;          // the web-server flow must carry a code challenge
    qint64 refreshIdleSeconds = 0;     // a refresh token unused this long expires; 0: never
    qint64 refreshAbsoluteSeconds = 0; // a sign-in ends this long after it began; 0: never
    bool appInstalled = true;          // false: every token request is invalid_client

    QJsonObject toJson() const;
    // Changes the keys present in `json`; false (and `error`) on a key of the wrong type.
    bool apply(const QJsonObject &json, QString *error);
};

} // namespace pasalista::emulator
