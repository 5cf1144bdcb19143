#pragma once

#include "mapping.h"
#include "sync/remoteapplier.h"

#include <QJsonObject>
#include <QStringList>

#include <functional>

namespace pasalista {

class LocalStore;
class PullQueries;
class PullReporter;
class PullState;
struct SyncReport;

// Runs inside a page's transaction after each record is applied.
using PullRecordHook =
    std::function<bool(const QJsonObject &record, RemoteApplier::Outcome outcome)>;

// Records that enter the scope: a course newly led, an enrollment of a student not on the
// laptop. Hooks note them in the page's transaction (so a kill cannot lose them), and
// run() back-fills them by Id, whatever their stamp, chunk by chunk.
class PullBackfill
{
public:
    // Pulls `role`'s records that meet `conditions`, page by page, with `hook`.
    using PullQuery =
        std::function<bool(Role role, const QStringList &conditions, const PullRecordHook &hook)>;

    PullBackfill(LocalStore &store, PullState &state, const PullQueries &queries,
                 PullReporter &reporter, SyncReport &report)
        : m_store(store), m_state(state), m_queries(queries), m_reporter(reporter), m_report(report)
    {
    }

    // Notes the courses the teacher newly leads (those not in `before`).
    PullRecordHook courseHook(const QStringList &before, const QString &teacher);
    // Notes the students not here, and (with `backfillMarks`) enrollments new here.
    PullRecordHook enrollmentHook(bool backfillMarks);
    bool run(const PullQuery &pullQuery);

private:
    bool inChunks(const QString &objectName,
                  const std::function<bool(const QStringList &chunk)> &fetch);

    LocalStore &m_store;
    PullState &m_state;
    const PullQueries &m_queries;
    PullReporter &m_reporter;
    SyncReport &m_report;
};

} // namespace pasalista
