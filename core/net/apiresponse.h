#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QString>

namespace pasalista {

// The result of one REST call, classified the way the sync engine needs it.
struct ApiResponse
{
    enum class Outcome
    {
        Success,       // 2xx
        Transient,     // timeout, connection lost, 5xx, UNABLE_TO_LOCK_ROW, limit: retry later
        Permanent,     // 4xx the org will keep refusing: show it, don't retry
        SignInRequired // the refresh token was refused
    };

    Outcome outcome = Outcome::Transient;
    int httpStatus = 0;
    QByteArray body;      // decompressed
    QJsonDocument json;   // when the body parsed as JSON
    QString errorCode;    // Salesforce errorCode, or a network error name
    QString errorMessage; // Salesforce message or a plain description

    bool ok() const { return outcome == Outcome::Success; }
};

} // namespace pasalista
