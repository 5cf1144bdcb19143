#pragma once

#include "tokenpolicy.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace pasalista::emulator {

// Command-line settings of salesforce-emulator.
struct EmulatorOptions
{
    quint16 port = 0;         // the login host
    quint16 instancePort = 0; // the instance (instance_url); 0 picks a free one
    QString stateFile;
    QString schemaFile; // empty: the built-in Dream schema
    bool demo = false;
    QString generate; // students=5000,enrollments=10000,...
    quint32 seed = 1;
    bool noExternalId = false;
    bool millisecondStamps = false; // strictly increasing ms stamps instead of shared seconds
    QString autoApproveUser;
    QString clientId;
    int tokenLifetimeSeconds = 7200;
    int cometdTimeoutMs = 110'000; // how long a Streaming API connect is held open
    QStringList users;             // username:password[:email[:First Last]]
    QStringList callbacks;         // the connected app's callback URLs
    QJsonObject faults;
    TokenPolicy tokenPolicy; // rotation on unless --no-token-rotation

    static std::optional<EmulatorOptions> parse(const QStringList &arguments, QString *error);
};

} // namespace pasalista::emulator
