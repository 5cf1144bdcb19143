#pragma once

#include "httprequest.h"
#include "httpresponse.h"

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
    HttpResponse listRecords(const HttpRequest &request, const QString &object);
    HttpResponse createRecords(const HttpRequest &request, const QString &object);
    HttpResponse changeRecord(const HttpRequest &request, const QString &object,
                              const QStringList &segments);
    HttpResponse log(const HttpRequest &request);
    HttpResponse users(const HttpRequest &request);
    HttpResponse validationRules(const HttpRequest &request, const QStringList &segments);
    HttpResponse generate(const HttpRequest &request);
    HttpResponse state() const;

    Emulator &m_emulator;
};

} // namespace pasalista::emulator
