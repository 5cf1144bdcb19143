#include "coursereader.h"

#include "store/localstore.h"
#include "reports.h"
#include "repository.h"
#include "uilogging.h"

#include <QElapsedTimer>

namespace pasalista {

CourseReader::CourseReader(const QString &databasePath, const Mapping &mapping,
                           const std::atomic<quint64> &latestTicket)
    : m_databasePath(databasePath), m_mapping(mapping), m_latestTicket(latestTicket)
{
}

// Destroyed in the reader's thread (deleteLater on the thread's end): the connection closes
// in the thread that opened it.
CourseReader::~CourseReader()
{
    m_repository.reset();
    m_store.reset();
}

bool CourseReader::ensureOpen()
{
    if (m_store) {
        return true;
    }
    auto store = std::make_unique<LocalStore>(m_mapping);
    if (!store->open(m_databasePath)) {
        qCWarning(lcUi) << "the course reader cannot open the store:" << store->errorString();
        return false;
    }
    m_store = std::move(store);
    m_repository = std::make_unique<Repository>(*m_store);
    return true;
}

void CourseReader::read(const CourseRequest &request)
{
    if (request.ticket != m_latestTicket.load()) {
        return; // the teacher has moved on: a newer request is queued behind this one
    }
    CourseSnapshot snapshot;
    snapshot.request = request;
    if (!ensureOpen()) {
        Q_EMIT snapshotRead(snapshot); // nothing to show, but the window stops waiting
        return;
    }
    QElapsedTimer timer;
    timer.start();
    if (request.courses) {
        snapshot.courses = m_repository->courses();
    }
    const auto overtaken = [&] { return request.ticket != m_latestTicket.load(); };
    if (request.courseId) {
        snapshot.roster = m_repository->roster(request.courseId);
        if (request.date.isValid() && !overtaken()) {
            snapshot.marks = m_repository->attendanceOn(request.courseId, request.date);
        }
        if (overtaken()) {
            return; // a newer request (or the window closing) waits behind this one
        }
        if (request.report) {
            snapshot.report = Reports(*m_repository).courseReport(request.courseId);
        }
    }
    qCDebug(lcUi) << "read course" << request.courseId << snapshot.roster.size() << "students in"
                  << timer.elapsed() << "ms";
    Q_EMIT snapshotRead(snapshot);
}

} // namespace pasalista
