#pragma once

#include "domainerror.h"
#include "mapping.h"

#include <QDate>
#include <QObject>

class QThread;

namespace pasalista {

// Writes "Mark all present" off the GUI thread, in one transaction on a connection of its
// own to the store (SQLite connections are per thread, as CourseReader's reads): the window
// keeps answering while a course of 5,000 is marked. finished() comes on the GUI thread.
class MarkAllRunner : public QObject
{
    Q_OBJECT

public:
    MarkAllRunner(const QString &databasePath, const Mapping &mapping, QObject *parent = nullptr);
    ~MarkAllRunner() override; // waits for a run under way: its transaction ends whole

    void start(qint64 courseId, const QDate &date, bool confirmOutsideDates);
    bool isRunning() const { return m_thread != nullptr; }

Q_SIGNALS:
    void finished(qint64 courseId, const QDate &date, const pasalista::DomainError &error);

private:
    QString m_databasePath;
    Mapping m_mapping;
    QThread *m_thread = nullptr;
};

} // namespace pasalista
