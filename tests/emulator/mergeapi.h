#pragma once

#include "httprequest.h"
#include "httpresponse.h"

namespace pasalista::emulator {

class Emulator;

// POST /__emulator/merge/<Object> {"masterRecord": id, "recordToMergeIds": [id, ...]}:
// the office merging duplicates as Salesforce's merge() does. Every record whose lookup
// points at a merged (victim) record is re-parented to the master, an update like any
// other (new SystemModstamp); then the victims are deleted (to the recycle bin).
class MergeApi
{
public:
    explicit MergeApi(Emulator &emulator) : m_emulator(emulator) {}

    HttpResponse handle(const HttpRequest &request, const QString &objectName);

private:
    // Children of every object re-parented from `victim` to `master`; false on a refused write.
    bool reparentChildren(const QString &objectName, const QString &victim, const QString &master,
                          QString *error);

    Emulator &m_emulator;
};

} // namespace pasalista::emulator
