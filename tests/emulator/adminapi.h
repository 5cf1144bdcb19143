#pragma once

#include "httprequest.h"
#include "httpresponse.h"
#include "recordstore.h"

namespace pasalista::emulator {

class Emulator;

// /__emulator/: what a test (or an office worker) does to the org behind the app's back.
// No authentication; the server only accepts these from loopback addresses.
class AdminApi
{
public:
    explicit AdminApi(Emulator &emulator) : m_emulator(emulator) {}

    HttpResponse handle(const HttpRequest &request);

private:
    HttpResponse faults(const HttpRequest &request);
    HttpResponse records(const HttpRequest &request, const QStringList &segments);
    HttpResponse writeOrRead(const HttpRequest &request, const ObjectDef &definition,
                             const QStringList &segments);
    std::optional<RecordStore::WriteTiming> lateTiming(const HttpRequest &request) const;
    HttpResponse listRecords(const HttpRequest &request, const QString &object);
    HttpResponse createRecords(const HttpRequest &request, const QString &object);
    HttpResponse changeRecord(const HttpRequest &request, const QString &object,
                              const QStringList &segments);
    HttpResponse clock(const HttpRequest &request);
    HttpResponse tokenPolicy(const HttpRequest &request);
    HttpResponse log(const HttpRequest &request);
    HttpResponse users(const HttpRequest &request);
    HttpResponse userPermissions(const HttpRequest &request, const QString &username);
    HttpResponse validationRules(const HttpRequest &request, const QStringList &segments);
    HttpResponse automations(const HttpRequest &request, const QStringList &segments);
    HttpResponse schema(const HttpRequest &request, const QStringList &segments);
    HttpResponse changeField(const HttpRequest &request, const QString &objectName,
                             const QString &fieldName);
    HttpResponse generate(const HttpRequest &request);
    HttpResponse state() const;

    Emulator &m_emulator;
};

} // namespace pasalista::emulator
