#pragma once

#include "coursesnapshot.h"

#include <QObject>
#include <QThread>

#include <atomic>

namespace pasalista {

class Mapping;

// Reads course data off the GUI thread: request() queues a read on a CourseReader in a
// thread of its own and returns at once; loaded() brings the answer to the latest request
// back to the GUI thread (answers to requests overtaken meanwhile are dropped).
class CourseLoader : public QObject
{
    Q_OBJECT

public:
    CourseLoader(const QString &databasePath, const Mapping &mapping, QObject *parent = nullptr);
    ~CourseLoader() override;

    void request(CourseRequest request);
    bool isBusy() const { return m_waiting; } // a request has not been answered yet

Q_SIGNALS:
    void loaded(const pasalista::CourseSnapshot &snapshot);
    void readRequested(const pasalista::CourseRequest &request); // to the reader's thread

private:
    void onSnapshotRead(const CourseSnapshot &snapshot);

    QThread m_thread;
    std::atomic<quint64> m_latestTicket{0};
    bool m_waiting = false;
};

} // namespace pasalista
