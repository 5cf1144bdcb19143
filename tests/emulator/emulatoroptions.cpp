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
// The emulator's own options, in the order of --help; a switch where valueName is empty.
struct Option
{
    const char *name;
    const char *help;
    const char *valueName;
    const char *defaultValue;
};

const Option kOptions[] = {
    {"port", "Port on 127.0.0.1 (0 picks a free one).", "port", "0"},
    {"instance-port", "Port of the instance host (instance_url; 0 picks a free one).", "port", "0"},
    {"callback", "A callback URL of the connected app (repeatable; default: any loopback URL).",
     "url", ""},
    {"state", "Load state from FILE and save it there.", "file", ""},
    {"schema", "Schema file (default: the Dream org).", "file", ""},
    {"demo", "Seed the demo programme and print the teachers' logins.", "", ""},
    {"generate", "Generate volume data: classes=N,students=N,enrollments=N,attendance=N.", "spec",
     ""},
    {"seed", "Seed for faults and generated data.", "n", "1"},
    {"no-external-id", "Start without the Pasalista_Id__c field.", "", ""},
    {"ms-stamps", "Strictly increasing millisecond stamps (Salesforce: shared seconds).", "", ""},
    {"auto-approve", "Authorize as USERNAME without a login page.", "username", ""},
    {"client-id", "Accept only this OAuth client_id.", "id", ""},
    {"token-lifetime", "Access token lifetime in seconds.", "seconds", "7200"},
    {"cometd-timeout", "How long a Streaming API /meta/connect is held open (ms, default 110000).",
     "ms", "110000"},
    {"user", "Add a user: username:password[:email[:First Last]].", "spec", ""},
    {"no-token-rotation", "Refreshes keep the refresh token (default: each refresh rotates it).",
     "", ""},
    {"require-pkce", "The web-server flow must carry a PKCE code challenge.", "", ""},
    {"refresh-idle-expiry", "A refresh token unused this many seconds expires (0: never).",
     "seconds", "0"},
    {"refresh-absolute-expiry",
     "A sign-in's refresh tokens expire this many seconds after it (0: never).", "seconds", "0"},
    {"app-not-installed", "The connected app is not installed: token requests get invalid_client.",
     "", ""},
};

bool readPort(const QCommandLineParser &parser, const char *name, quint16 *port, QString *error)
{
    bool ok = false;
    const uint number = parser.value(QLatin1String(name)).toUInt(&ok);
    if (!ok || number > 65535) {
        *error = QStringLiteral("invalid --") + QLatin1String(name);
        return false;
    }
    *port = static_cast<quint16>(number);
    return true;
}
} // namespace

std::optional<EmulatorOptions> EmulatorOptions::parse(const QStringList &arguments, QString *error)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Emulates the parts of a Salesforce org's REST API and OAuth that Pasalista uses."));
    parser.addHelpOption();
    for (const Option &option : kOptions) {
        parser.addOption(QCommandLineOption(QLatin1String(option.name), QLatin1String(option.help),
                                            QLatin1String(option.valueName),
                                            QLatin1String(option.defaultValue)));
    }
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
    const auto value = [&parser](const char *name) { return parser.value(QLatin1String(name)); };
    const auto isSet = [&parser](const char *name) { return parser.isSet(QLatin1String(name)); };
    EmulatorOptions options;
    if (!readPort(parser, "port", &options.port, error) ||
        !readPort(parser, "instance-port", &options.instancePort, error)) {
        return std::nullopt;
    }
    options.callbacks = parser.values(QStringLiteral("callback"));
    options.stateFile = value("state");
    options.schemaFile = value("schema");
    options.demo = isSet("demo");
    options.generate = value("generate");
    options.seed = value("seed").toUInt();
    options.noExternalId = isSet("no-external-id");
    options.millisecondStamps = isSet("ms-stamps");
    options.autoApproveUser = value("auto-approve");
    options.clientId = value("client-id");
    options.tokenLifetimeSeconds = value("token-lifetime").toInt();
    options.cometdTimeoutMs = std::max(0, value("cometd-timeout").toInt());
    options.users = parser.values(QStringLiteral("user"));
    options.tokenPolicy.rotateRefreshTokens = !isSet("no-token-rotation");
    options.tokenPolicy.requirePkce = isSet("require-pkce");
    options.tokenPolicy.refreshIdleSeconds =
        std::max(0LL, value("refresh-idle-expiry").toLongLong());
    options.tokenPolicy.refreshAbsoluteSeconds =
        std::max(0LL, value("refresh-absolute-expiry").toLongLong());
    options.tokenPolicy.appInstalled = !isSet("app-not-installed");
    for (int i = 0; i < faultOptions.size(); ++i) {
        if (parser.isSet(faultOptions.at(i)))
            options.faults.insert(QLatin1String(kFaultOptions[i].key),
                                  parser.value(faultOptions.at(i)).toDouble());
    }
    return options;
}

} // namespace pasalista::emulator
