#pragma once

#include "cometdapi.h"
#include "demoseeder.h"
#include "emulatoroptions.h"
#include "faultinjector.h"
#include "httprequest.h"
#include "httpresponse.h"
#include "oauthservice.h"
#include "orgclock.h"
#include "queryengine.h"
#include "recordstore.h"
#include "recordwriter.h"
#include "requestlog.h"
#include "restapi.h"
#include "schema.h"

#include <memory>

namespace pasalista::emulator {

class AdminApi;

// The org: schema, records, OAuth, REST API, admin endpoints, faults and the request log,
// independent of the HTTP transport so it can be driven directly.
class Emulator
{
public:
    static std::unique_ptr<Emulator> create(const EmulatorOptions &options, QString *error);
    ~Emulator();

    HttpResponse handle(const HttpRequest &request);
    static bool isAdminPath(const QString &path);

    QString banner(const QString &baseUrl, const QString &instanceUrl) const;
    void setHosts(const QString &loginUrl, const QString &instanceUrl);
    QString loginUrl() const { return m_loginUrl; }
    bool saveState(QString *error);
    void saveStateIfDirty();
    void reset();
    bool applyFaults(const QJsonObject &faults, QString *error);

    Schema &schema() { return m_schema; }
    OrgClock &clock() { return m_clock; }
    // Moves the org's time forward and purges what the recycle bin no longer keeps.
    void advanceClock(qint64 ms);
    RecordStore &store() { return m_store; }
    QueryEngine &queries() { return m_queries; }
    RecordWriter &adminWriter() { return m_adminWriter; }
    OAuthService &oauth() { return m_oauth; }
    FaultInjector &faults() { return m_faults; }
    RequestLog &log() { return m_log; }
    RestApi &rest() { return m_rest; }
    CometdApi &cometd() { return *m_cometd; }
    DemoSeeder &seeder() { return m_seeder; }
    QString officeUserId() const;
    // An armed lock-row fault: every record write of the current request fails.
    void setForcedLockRow(bool on) { m_forcedLockRow = on; }

private:
    Emulator(const EmulatorOptions &options, Schema schema);
    bool seed(QString *error);
    HttpResponse handleRest(const HttpRequest &request);
    bool loadState(QString *error);
    std::optional<SfError> injectedLockError(const QString &id);

    EmulatorOptions m_options;
    Schema m_startSchema; // what reset() goes back to (an admin may delete fields)
    Schema m_schema;
    OrgClock m_clock;
    RecordStore m_store;
    QueryEngine m_queries;
    RecordWriter m_writer;      // API writes, subject to lock faults
    RecordWriter m_adminWriter; // "office staff" writes through the admin endpoints
    FaultInjector m_faults;
    OAuthService m_oauth;
    RestApi m_rest;
    RequestLog m_log;
    DemoSeeder m_seeder;
    std::unique_ptr<AdminApi> m_admin;
    std::unique_ptr<CometdApi> m_cometd;
    QList<DemoLogin> m_logins;
    bool m_dirty = false;
    bool m_forcedLockRow = false;
    QString m_loginUrl;
};

} // namespace pasalista::emulator
