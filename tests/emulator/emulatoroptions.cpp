#include "emulatoroptions.h"

#include <QCommandLineParser>

namespace pasalista::emulator {

namespace {
struct FaultOption
{
    const char *flag;
    const char *key;
    const char *help;
};

const FaultOption kFaultOptions[] = {
    {"latency", "latencyMs", "Added latency per response, in ms."},
    {"latency-jitter", "latencyJitterMs", "Random extra latency up to this many ms."},
    {"bandwidth", "bandwidthBytesPerSecond", "Bandwidth cap in bytes/s (0: none)."},
    {"error-rate", "errorRate", "Share (0-1) of requests answered 500/503."},
    {"drop-rate", "dropBeforeResponseRate", "Share of connections closed before a response."},
    {"truncate-rate", "dropMidResponseRate", "Share of responses cut off in the middle."},
    {"lock-rate", "lockRowRate", "Share of record writes failing with UNABLE_TO_LOCK_ROW."},
    {"api-limit", "dailyApiLimit", "Daily API request limit (default 15000)."},
    {"mutate-rate", "mutateRate", "Share (0-1) of replies mutated (truncated, retyped, junk...)."},
    {"mutate-seed", "mutateSeed", "Seed of the response mutations (default: --seed)."},
    {"commit-delay", "commitDelayMaxSeconds",
     "A share of write requests stays invisible up to this many seconds, with its older stamp."},
    {"commit-delay-rate", "commitDelayRate",
     "Share (0-1) of write requests delayed (default 0.2)."},
};
} // namespace

std::optional<EmulatorOptions> EmulatorOptions::parse(const QStringList &arguments, QString *error)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Emulates the parts of a Salesforce org's REST API and OAuth that Pasalista uses."));
    parser.addHelpOption();
    const QCommandLineOption port(QStringLiteral("port"),
                                  QStringLiteral("Port on 127.0.0.1 (0 picks a free one)."),
                                  QStringLiteral("port"), QStringLiteral("0"));
    const QCommandLineOption instancePort(
        QStringLiteral("instance-port"),
        QStringLiteral("Port of the instance host (instance_url; 0 picks a free one)."),
        QStringLiteral("port"), QStringLiteral("0"));
    const QCommandLineOption callback(
        QStringLiteral("callback"),
        QStringLiteral("A callback URL of the connected app (repeatable; default: any loopback "
                       "URL)."),
        QStringLiteral("url"));
    const QCommandLineOption state(QStringLiteral("state"),
                                   QStringLiteral("Load state from FILE and save it there."),
                                   QStringLiteral("file"));
    const QCommandLineOption schema(QStringLiteral("schema"),
                                    QStringLiteral("Schema file (default: the Dream org)."),
                                    QStringLiteral("file"));
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        QStringLiteral("Seed the demo programme and print the teachers' logins."));
    const QCommandLineOption generate(
        QStringLiteral("generate"),
        QStringLiteral("Generate volume data: classes=N,students=N,enrollments=N,attendance=N."),
        QStringLiteral("spec"));
    const QCommandLineOption seed(QStringLiteral("seed"),
                                  QStringLiteral("Seed for faults and generated data."),
                                  QStringLiteral("n"), QStringLiteral("1"));
    const QCommandLineOption noExternalId(
        QStringLiteral("no-external-id"),
        QStringLiteral("Start without the Pasalista_Id__c field."));
    const QCommandLineOption msStamps(
        QStringLiteral("ms-stamps"),
        QStringLiteral("Strictly increasing millisecond stamps (Salesforce: shared seconds)."));
    const QCommandLineOption autoApprove(
        QStringLiteral("auto-approve"),
        QStringLiteral("Authorize as USERNAME without a login page."), QStringLiteral("username"));
    const QCommandLineOption clientId(QStringLiteral("client-id"),
                                      QStringLiteral("Accept only this OAuth client_id."),
                                      QStringLiteral("id"));
    const QCommandLineOption tokenLifetime(QStringLiteral("token-lifetime"),
                                           QStringLiteral("Access token lifetime in seconds."),
                                           QStringLiteral("seconds"), QStringLiteral("7200"));
    const QCommandLineOption cometdTimeout(
        QStringLiteral("cometd-timeout"),
        QStringLiteral("How long a Streaming API /meta/connect is held open (ms, default 110000)."),
        QStringLiteral("ms"), QStringLiteral("110000"));
    const QCommandLineOption user(
        QStringLiteral("user"),
        QStringLiteral("Add a user: username:password[:email[:First Last]]."),
        QStringLiteral("spec"));
    const QCommandLineOption noRotation(
        QStringLiteral("no-token-rotation"),
        QStringLiteral("Refreshes keep the refresh token (default: each refresh rotates it)."));
    const QCommandLineOption requirePkce(
        QStringLiteral("require-pkce"),
        QStringLiteral("The web-server flow must carry a PKCE code challenge."));
    const QCommandLineOption idleExpiry(
        QStringLiteral("refresh-idle-expiry"),
        QStringLiteral("A refresh token unused this many seconds expires (0: never)."),
        QStringLiteral("seconds"), QStringLiteral("0"));
    const QCommandLineOption absoluteExpiry(
        QStringLiteral("refresh-absolute-expiry"),
        QStringLiteral("A sign-in's refresh tokens expire this many seconds after it (0: never)."),
        QStringLiteral("seconds"), QStringLiteral("0"));
    const QCommandLineOption notInstalled(
        QStringLiteral("app-not-installed"),
        QStringLiteral("The connected app is not installed: token requests get invalid_client."));
    parser.addOptions({port,        instancePort, callback,      state,          schema,
                       demo,        generate,     seed,          noExternalId,   msStamps,
                       autoApprove, clientId,     tokenLifetime, cometdTimeout,  user,
                       noRotation,  requirePkce,  idleExpiry,    absoluteExpiry, notInstalled});
    QList<QCommandLineOption> faultOptions;
    for (const FaultOption &fault : kFaultOptions) {
        faultOptions.append(QCommandLineOption(QLatin1String(fault.flag), QLatin1String(fault.help),
                                               QStringLiteral("value")));
        parser.addOption(faultOptions.last());
    }
    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return std::nullopt;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        *error = parser.helpText();
        return std::nullopt;
    }
    EmulatorOptions options;
    bool portOk = false;
    const uint portNumber = parser.value(port).toUInt(&portOk);
    if (!portOk || portNumber > 65535) {
        *error = QStringLiteral("invalid --port");
        return std::nullopt;
    }
    options.port = static_cast<quint16>(portNumber);
    const uint instancePortNumber = parser.value(instancePort).toUInt(&portOk);
    if (!portOk || instancePortNumber > 65535) {
        *error = QStringLiteral("invalid --instance-port");
        return std::nullopt;
    }
    options.instancePort = static_cast<quint16>(instancePortNumber);
    options.callbacks = parser.values(callback);
    options.stateFile = parser.value(state);
    options.schemaFile = parser.value(schema);
    options.demo = parser.isSet(demo);
    options.generate = parser.value(generate);
    options.seed = parser.value(seed).toUInt();
    options.noExternalId = parser.isSet(noExternalId);
    options.millisecondStamps = parser.isSet(msStamps);
    options.autoApproveUser = parser.value(autoApprove);
    options.clientId = parser.value(clientId);
    options.tokenLifetimeSeconds = parser.value(tokenLifetime).toInt();
    options.cometdTimeoutMs = std::max(0, parser.value(cometdTimeout).toInt());
    options.users = parser.values(user);
    options.tokenPolicy.rotateRefreshTokens = !parser.isSet(noRotation);
    options.tokenPolicy.requirePkce = parser.isSet(requirePkce);
    options.tokenPolicy.refreshIdleSeconds = std::max(0LL, parser.value(idleExpiry).toLongLong());
    options.tokenPolicy.refreshAbsoluteSeconds =
        std::max(0LL, parser.value(absoluteExpiry).toLongLong());
    options.tokenPolicy.appInstalled = !parser.isSet(notInstalled);
    for (int i = 0; i < faultOptions.size(); ++i) {
        if (parser.isSet(faultOptions.at(i)))
            options.faults.insert(QLatin1String(kFaultOptions[i].key),
                                  parser.value(faultOptions.at(i)).toDouble());
    }
    return options;
}

} // namespace pasalista::emulator
