#include "courseloader.h"

#include "coursereader.h"
#include "mapping.h"

namespace pasalista {

CourseLoader::CourseLoader(const QString &databasePath, const Mapping &mapping, QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<pasalista::CourseRequest>();
    qRegisterMetaType<pasalista::CourseSnapshot>();
    auto *reader = new CourseReader(databasePath, mapping, m_latestTicket);
    reader->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, reader, &QObject::deleteLater);
    connect(this, &CourseLoader::readRequested, reader, &CourseReader::read);
    connect(reader, &CourseReader::snapshotRead, this, &CourseLoader::onSnapshotRead);
    m_thread.setObjectName(QStringLiteral("pasalista-courses"));
    m_thread.start();
}

CourseLoader::~CourseLoader()
{
    ++m_latestTicket; // a read under way stops at its next step: the window closes sooner
    m_thread.quit();
    m_thread.wait();
}

void CourseLoader::request(CourseRequest request)
{
    request.ticket = ++m_latestTicket;
    m_waiting = true;
    Q_EMIT readRequested(request);
}

void CourseLoader::onSnapshotRead(const CourseSnapshot &snapshot)
{
    if (snapshot.request.ticket != m_latestTicket.load()) {
        return;
    }
    m_waiting = false;
    Q_EMIT loaded(snapshot);
}

} // namespace pasalista
