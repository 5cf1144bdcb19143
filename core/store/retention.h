#pragma once

#include <QDate>

namespace pasalista {

class LocalStore;
struct SyncScope;

// How long marks stay on the laptop: from the start of the school year `schoolYearsKept - 1`
// years before this one (the mapping's scope; default this school year and the one before,
// school years starting on 1 August). Older marks are purged from the laptop after a sync,
// never from the org, and never one with a change not sent yet; the pull does not bring
// them back.
class Retention
{
public:
    // The first day whose marks stay on the laptop.
    static QDate firstDayKept(const SyncScope &scope, const QDate &today);
    // Removes from the store the marks dated before firstDayKept() that wait for nothing in
    // the outbox. Nothing is logged to send: the org keeps them. The number removed, or -1
    // on a store error.
    static int purge(LocalStore &store, const QDate &today);
};

} // namespace pasalista
