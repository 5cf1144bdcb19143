// The status bar's sync corner over a real sync against the emulator: one honest line, the
// changes waiting counted the moment the outbox changes, the last sync read from the store.
#include "laptop.h"
#include "sync/syncscheduler.h"
#include "syncstatuswidget.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace pasalista;

namespace {

using Fixture = pasalista::test::SignedInOrg;

} // namespace

TEST(SyncStatusUi, NoUpToDateBesideWaitingChangesAndNoNeverSyncedAfterASync)
{
    Fixture fixture;
    auto scheduler =
        std::make_unique<SyncScheduler>(fixture.path, Mapping::dream(), fixture.session);
    QSignalSpy finished(scheduler.get(), &SyncScheduler::cycleFinished);
    scheduler->syncNow();
    ASSERT_TRUE(finished.wait(120000));

    LocalStore store(Mapping::dream()); // the window's own connection to the same file
    ASSERT_TRUE(store.open(fixture.path)) << store.errorString().toStdString();
    Repository repository(store);
    SyncStatusWidget widget;
    widget.setRepository(&repository);
    widget.setScheduler(scheduler.get());
    EXPECT_EQ(widget.stateText(), QStringLiteral("Up to date"));
    EXPECT_TRUE(widget.lastSyncText().startsWith(QStringLiteral("Last sync:")))
        << widget.lastSyncText().toStdString();

    const QList<Course> courses = repository.courses();
    ASSERT_FALSE(courses.isEmpty());
    const QList<Student> roster = repository.roster(courses.first().id);
    ASSERT_FALSE(roster.isEmpty());
    ASSERT_TRUE(repository
                    .markAttendance(courses.first().id, roster.first().id, QDate::currentDate(), 1,
                                    QString(), true)
                    .ok());
    const int pending = store.pendingChangeCount();
    ASSERT_GT(pending, 0);
    EXPECT_NE(widget.stateText(), QStringLiteral("Up to date")) << "said with changes waiting";
    EXPECT_TRUE(widget.stateText().contains(QString::number(pending)))
        << widget.stateText().toStdString();

    // A restart: a new scheduler that has not synced yet still knows the last sync.
    widget.setScheduler(nullptr);
    scheduler.reset();
    SyncScheduler restarted(fixture.path, Mapping::dream(), fixture.session);
    widget.setScheduler(&restarted);
    EXPECT_NE(widget.lastSyncText(), QStringLiteral("Never synced"));
    EXPECT_TRUE(widget.stateText().contains(QString::number(pending)));
}
