#pragma once

#include "coursesnapshot.h"
#include "mapping.h"

#include <QObject>

#include <atomic>
#include <memory>

namespace pasalista {

class LocalStore;
class Repository;

// Lives in CourseLoader's thread: reads courses, rosters, marks and reports on its own
// connection to the store (SQLite connections are per thread), so the GUI thread never waits
// for a large course. A request already overtaken by a newer one is skipped.
class CourseReader : public QObject
{
    Q_OBJECT

public:
    CourseReader(const QString &databasePath, const Mapping &mapping,
                 const std::atomic<quint64> &latestTicket);
    ~CourseReader() override;

public Q_SLOTS:
    void read(const pasalista::CourseRequest &request);

Q_SIGNALS:
    void snapshotRead(const pasalista::CourseSnapshot &snapshot);

private:
    bool ensureOpen();

    QString m_databasePath;
    Mapping m_mapping;
    const std::atomic<quint64> &m_latestTicket;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<Repository> m_repository;
};

} // namespace pasalista
