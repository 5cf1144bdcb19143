#pragma once

#include "apicontext.h"
#include "httpresponse.h"
#include "recordstore.h"

namespace pasalista::emulator {

// sobjects/Obj/updated/?start=&end= and sobjects/Obj/deleted/?start=&end=, with
// Salesforce's replication rules: the seconds of start and end are ignored (minute
// granularity), start may be at most 30 days back, deleted records are only listed while
// the recycle bin keeps them (earliestDateAvailable), and latestDateCovered stops before
// the oldest transaction that is not visible yet.
class ReplicationApi
{
public:
    explicit ReplicationApi(const RecordStore &store) : m_store(store) {}

    static bool handles(const QStringList &segments);
    HttpResponse handle(const ApiContext &context, const ObjectDef &object) const;

private:
    struct Window
    {
        qint64 startMs = 0;
        qint64 latestMs = 0; // exclusive
    };
    std::optional<Window> window(const ApiContext &context, const ObjectDef &object, bool deleted,
                                 HttpResponse *error) const;
    qint64 earliestAvailableMs(const ObjectDef &object) const;

    const RecordStore &m_store;
};

} // namespace pasalista::emulator
