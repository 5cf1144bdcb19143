#include "emulator.h"

#include "adminapi.h"
#include "net/gzip.h"
#include "sfid.h"

#include <QDateTime>
#include <QFile>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSaveFile>

// Q_INIT_RESOURCE cannot be used inside a namespace.
static void initEmulatorResources()
{
    Q_INIT_RESOURCE(emulator_resources);
}

namespace pasalista::emulator {

Q_LOGGING_CATEGORY(lcEmulator, "pasalista.emulator")

namespace {
const QString kOfficeUser = QStringLiteral("oficina@dream.demo");
const QString kOfficePassword = QStringLiteral("Oficina-2024");
constexpr int kStateVersion = 1;
} // namespace

std::unique_ptr<Emulator> Emulator::create(const EmulatorOptions &options, QString *error)
{
    initEmulatorResources();
    const QString schemaFile = options.schemaFile.isEmpty()
                                   ? QStringLiteral(":/emulator/dream-schema.json")
                                   : options.schemaFile;
    auto schema = Schema::fromFile(schemaFile, error);
    if (!schema)
        return nullptr;
    if (options.noExternalId)
        schema->removeField(QStringLiteral("Pasalista_Id__c"));
    std::unique_ptr<Emulator> emulator(new Emulator(options, std::move(*schema)));
    QString faultError;
    if (!emulator->applyFaults(options.faults, &faultError)) {
        *error = faultError;
        return nullptr;
    }
    const bool restored = !options.stateFile.isEmpty() && QFile::exists(options.stateFile);
    if (!(restored ? emulator->loadState(error) : emulator->seed(error)))
        return nullptr;
    return emulator;
}

Emulator::Emulator(const EmulatorOptions &options, Schema schema)
    : m_options(options), m_startSchema(schema), m_schema(std::move(schema)),
      m_store(&m_schema, &m_clock), m_queries(m_schema, m_store),
      m_writer(m_schema, m_store, m_queries), m_adminWriter(m_schema, m_store, m_queries),
      m_faults(options.seed), m_oauth(SfId::make(QStringLiteral("00D"), 1), &m_store, &m_schema),
      m_rest(m_schema, m_store, m_queries, m_writer, m_oauth, m_faults),
      m_seeder(m_store, m_oauth, options.seed), m_admin(std::make_unique<AdminApi>(*this)),
      m_cometd(std::make_unique<CometdApi>(m_oauth, m_schema, m_clock))
{
    m_cometd->setConnectTimeoutMs(options.cometdTimeoutMs);
    m_store.setChangeListener(
        [this](const RecordStore::Change &change) { m_cometd->publish(change); });
    m_store.setMillisecondStamps(options.millisecondStamps);
    m_writer.setInterceptor([this](const QString &id) { return injectedLockError(id); });
    m_oauth.setAutoApproveUser(options.autoApproveUser);
    m_oauth.setCallbacks(options.callbacks);
    m_oauth.setRequiredClientId(options.clientId);
    m_oauth.setTokenLifetimeSeconds(options.tokenLifetimeSeconds);
    m_oauth.setTokenPolicy(options.tokenPolicy);
}

Emulator::~Emulator() = default;

std::optional<SfError> Emulator::injectedLockError(const QString &id)
{
    if (!m_forcedLockRow && !m_faults.drawLockRow())
        return std::nullopt;
    return SfError{
        QStringLiteral("UNABLE_TO_LOCK_ROW"),
        QStringLiteral("unable to obtain exclusive access to this record or 1 records: %1")
            .arg(id.isEmpty() ? QStringLiteral("(new record)") : id),
        {}};
}

bool Emulator::seed(QString *error)
{
    // The org's start-up data (users included) is no change event for anyone.
    m_store.setPublishingChanges(false);
    m_oauth.addUser(kOfficeUser, kOfficePassword, kOfficeUser, QStringLiteral("Oficina"),
                    QStringLiteral("Dream"));
    for (const QString &spec : m_options.users) {
        const QStringList parts = spec.split(u':');
        if (parts.size() < 2) {
            *error = QStringLiteral("--user needs username:password, got %1").arg(spec);
            m_store.setPublishingChanges(true);
            return false;
        }
        const QString name = parts.value(3, QStringLiteral("Usuario Prueba"));
        m_oauth.addUser(parts.at(0), parts.at(1), parts.value(2, parts.at(0)),
                        name.section(u' ', 0, 0), name.section(u' ', 1));
    }
    const bool dream = m_schema.object(QStringLiteral("Attendance__c")) &&
                       m_schema.object(QStringLiteral("Teacher__c"));
    if ((m_options.demo || !m_options.generate.isEmpty()) && !dream) {
        *error = QStringLiteral("--demo and --generate need the Dream schema's objects");
        m_store.setPublishingChanges(true);
        return false;
    }
    if (m_options.demo)
        m_logins = m_seeder.seedDemo(m_clock.today());
    if (!m_options.generate.isEmpty()) {
        const auto counts = DemoSeeder::parseCounts(m_options.generate, error);
        if (!counts) {
            m_store.setPublishingChanges(true);
            return false;
        }
        m_seeder.generate(*counts, m_clock.today());
    }
    m_store.setPublishingChanges(true);
    m_dirty = true;
    return true;
}

QString Emulator::officeUserId() const
{
    const OrgUser *office = m_oauth.userByName(kOfficeUser);
    return office ? office->id : QString();
}

bool Emulator::isAdminPath(const QString &path)
{
    return path.startsWith(QLatin1String("/__emulator/"));
}

HttpResponse Emulator::handle(const HttpRequest &original)
{
    HttpRequest request = original;
    if (request.header("content-encoding").contains("gzip")) {
        const auto inflated = pasalista::Gzip::decompress(request.body);
        if (!inflated)
            return HttpResponse::error(400, {QStringLiteral("JSON_PARSER_ERROR"),
                                             QStringLiteral("Unable to read the gzip request body"),
                                             {}});
        request.body = *inflated;
    }
    if (request.method != "GET")
        m_dirty = true;
    m_store.purgeRecycleBin();
    if (isAdminPath(request.path))
        return m_admin->handle(request);
    if (auto response = m_oauth.handle(request))
        return *response;
    const bool rest = request.path == QLatin1String("/services/data") ||
                      request.path.startsWith(QLatin1String("/services/data/"));
    if (rest && request.host != HttpRequest::Host::Login)
        return handleRest(request);
    return HttpResponse::notFound();
}

HttpResponse Emulator::handleRest(const HttpRequest &request)
{
    const bool write = request.method != "GET" && request.method != "HEAD";
    const int delaySeconds = write ? m_faults.drawCommitDelaySeconds() : 0;
    if (delaySeconds == 0)
        return m_rest.handle(request);
    // A long transaction: its records carry the stamp of its start and stay invisible
    // to readers until it commits.
    const qint64 now = m_clock.nowMs();
    m_store.setWriteTiming(
        RecordStore::WriteTiming{now - now % 1000, now + qint64(delaySeconds) * 1000});
    HttpResponse response = m_rest.handle(request);
    m_store.setWriteTiming(std::nullopt);
    return response;
}

bool Emulator::applyFaults(const QJsonObject &faults, QString *error)
{
    if (!m_faults.configure(faults, error))
        return false;
    if (m_faults.takeExpireSessions())
        m_oauth.expireAccessTokens();
    if (const auto lifetime = m_faults.takeTokenLifetime())
        m_oauth.setTokenLifetimeSeconds(*lifetime);
    if (const auto usage = m_faults.takeApiUsage())
        m_rest.setApiUsage(*usage);
    return true;
}

void Emulator::advanceClock(qint64 ms)
{
    m_clock.advance(ms);
    m_store.purgeRecycleBin();
}

void Emulator::reset()
{
    m_clock.reset();
    m_schema = m_startSchema;
    m_store.clear();
    m_oauth.clear();
    m_rest.reset();
    m_log.clear();
    m_faults.reset();
    m_cometd->reset();
    m_cometd->setConnectTimeoutMs(m_options.cometdTimeoutMs);
    m_seeder.reseed(m_options.seed);
    QString ignored;
    applyFaults(m_options.faults, &ignored);
    m_oauth.setTokenLifetimeSeconds(m_options.tokenLifetimeSeconds);
    m_oauth.setTokenPolicy(m_options.tokenPolicy);
    seed(&ignored);
}

void Emulator::setHosts(const QString &loginUrl, const QString &instanceUrl)
{
    m_loginUrl = loginUrl;
    m_oauth.setHosts(loginUrl, instanceUrl);
}

QString Emulator::banner(const QString &baseUrl, const QString &instanceUrl) const
{
    QString text = QStringLiteral("salesforce-emulator listening on %1\n").arg(baseUrl);
    text += QStringLiteral("  Login URL: %1\n").arg(baseUrl);
    text += QStringLiteral("  instance on %1\n").arg(instanceUrl);
    text += QStringLiteral("  REST API:  %1/services/data/v62.0/\n").arg(instanceUrl);
    text += QStringLiteral("  OAuth:     %1/services/oauth2/authorize\n").arg(baseUrl);
    text += QStringLiteral("  Admin:     %1/__emulator/ (faults, records, log, reset, users)\n")
                .arg(baseUrl);
    text += QStringLiteral("  Logins (usuario / contraseña):\n");
    for (const OrgUser &user : m_oauth.users()) {
        text +=
            QStringLiteral("    %1  /  %2   (%3)\n").arg(user.username, user.password, user.name());
    }
    return text;
}

bool Emulator::saveState(QString *error)
{
    if (m_options.stateFile.isEmpty())
        return true;
    QSaveFile file(m_options.stateFile);
    const QJsonObject state{{QStringLiteral("version"), kStateVersion},
                            {QStringLiteral("store"), m_store.toJson()},
                            {QStringLiteral("oauth"), m_oauth.toJson()},
                            {QStringLiteral("apiUsage"), m_rest.apiUsage()}};
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(QJsonDocument(state).toJson(QJsonDocument::Compact)) < 0 || !file.commit()) {
        *error = file.errorString();
        return false;
    }
    m_dirty = false;
    return true;
}

void Emulator::saveStateIfDirty()
{
    QString error;
    if (m_dirty && !saveState(&error))
        qCWarning(lcEmulator) << "could not save state:" << error;
}

bool Emulator::loadState(QString *error)
{
    QFile file(m_options.stateFile);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return false;
    }
    const QJsonObject state = QJsonDocument::fromJson(file.readAll()).object();
    if (state.value(QStringLiteral("version")).toInt() != kStateVersion) {
        *error = QStringLiteral("%1 is not an emulator state file").arg(m_options.stateFile);
        return false;
    }
    m_store.loadJson(state.value(QStringLiteral("store")).toObject());
    m_oauth.loadJson(state.value(QStringLiteral("oauth")).toObject());
    m_rest.setApiUsage(state.value(QStringLiteral("apiUsage")).toInt());
    return true;
}

} // namespace pasalista::emulator
