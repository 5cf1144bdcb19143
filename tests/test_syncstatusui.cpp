// The status bar's sync corner over a real sync against the emulator: one honest line, the
// changes waiting counted the moment the outbox changes, the last sync read from the store.
#include "laptop.h"
#include "orgrules.h"
#include "sync/syncscheduler.h"
#include "syncstatuswidget.h"

#include <QAccessible>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <gtest/gtest.h>

#include <algorithm>

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

namespace {

// What assistive technology was told about the status: the widget's announcements, and
// where a platform bridge to a screen reader is active (AT-SPI), the accessibility events
// themselves (Qt 6.4 delivers them to an update handler only then; offscreen has none).
struct HeardEvent
{
    QAccessible::Event type;
    QString name;
};
QList<HeardEvent> &heard()
{
    static QList<HeardEvent> events;
    return events;
}
void listen(QAccessibleEvent *event)
{
    QAccessibleInterface *target = event->accessibleInterface();
    heard().append({event->type(), target ? target->text(QAccessible::Name) : QString()});
}
void startListening()
{
    heard().clear();
    QAccessible::installUpdateHandler(&listen);
}
void stopListening()
{
    QAccessible::installUpdateHandler(nullptr);
}
// `text` was announced as an alert, to the screen reader too where one can listen.
void expectAlerted(const QSignalSpy &announced, const QString &text)
{
    const bool told = std::any_of(announced.cbegin(), announced.cend(), [&](const auto &args) {
        return args.at(0).toString() == text && args.at(1).toBool();
    });
    EXPECT_TRUE(told) << "not announced as an alert: " << text.toStdString();
    if (QAccessible::isActive()) {
        const bool heardIt = std::any_of(heard().cbegin(), heard().cend(), [&](const auto &e) {
            return e.type == QAccessible::Alert && e.name == text;
        });
        EXPECT_TRUE(heardIt) << "no Alert event for " << text.toStdString();
    }
}

// The status bar over a laptop that synced once with the demo org: its own scheduler, and
// the window's connection to the same store.
class StatusBarAfterASync : public ::testing::Test
{
protected:
    void SetUp() override
    {
        scheduler.syncNow();
        ASSERT_TRUE(finished.wait(120000));
        ASSERT_TRUE(store.open(fixture.path)) << store.errorString().toStdString();
        widget.setRepository(&repository);
        widget.setScheduler(&scheduler);
    }

    // A mark of the first student of the first course, long ago, with `note`.
    void markFirstStudent(const QString &note)
    {
        const Course course = repository.courses().constFirst();
        const Student student = repository.roster(course.id).constFirst();
        ASSERT_TRUE(repository
                        .markAttendance(course.id, student.id, QDate::currentDate().addDays(-400),
                                        1, note, true)
                        .ok());
    }

    // One "Sync now", listened to as a screen reader would; its report.
    SyncReport syncListening()
    {
        startListening();
        scheduler.syncNow();
        EXPECT_TRUE(finished.wait(120000));
        stopListening();
        return finished.last().at(0).value<SyncReport>();
    }

    Fixture fixture;
    SyncScheduler scheduler{fixture.path, Mapping::dream(), fixture.session};
    QSignalSpy finished{&scheduler, &SyncScheduler::cycleFinished};
    LocalStore store{Mapping::dream()};
    Repository repository{store};
    SyncStatusWidget widget;
    QSignalSpy announced{&widget, &SyncStatusWidget::announced};
};

} // namespace

// Issue 25: "Al día" while the org had refused a mark. The status names what is left open, and
// a screen reader is told at once.
TEST_F(StatusBarAfterASync, NeverUpToDateWhileTheOrgRefusedAMark)
{
    ASSERT_EQ(widget.stateText(), QStringLiteral("Up to date"));
    ASSERT_TRUE(test::refuseMarksWithNote(fixture.org, QStringLiteral("rechazar")));
    ASSERT_NO_FATAL_FAILURE(markFirstStudent(QStringLiteral("rechazar")));
    const SyncReport report = syncListening();
    ASSERT_EQ(report.failed, 1) << report.message.toStdString();
    ASSERT_EQ(store.pendingChangeCount(), 0) << "refused: nothing left to send";

    EXPECT_EQ(scheduler.state(), SyncScheduler::State::Idle);
    EXPECT_NE(widget.stateText(), QStringLiteral("Up to date"));
    EXPECT_TRUE(widget.stateText().contains(QStringLiteral("1 issue")))
        << widget.stateText().toStdString();
    expectAlerted(announced, widget.stateText());

    // A new status bar over the same store, before any sync: the refusal is still there.
    SyncScheduler restarted(fixture.path, Mapping::dream(), fixture.session);
    SyncStatusWidget again;
    again.setRepository(&repository);
    again.setScheduler(&restarted);
    EXPECT_NE(again.stateText(), QStringLiteral("Up to date"));
}

// Issue 25: offline, the window says plainly that the marks are kept here, and says it to a
// screen reader too.
TEST_F(StatusBarAfterASync, OfflineSaysTheMarksAreSavedOnThisComputer)
{
    ASSERT_TRUE(fixture.org.setFaults({{QStringLiteral("dropBeforeResponseRate"), 1.0}}));
    syncListening();
    ASSERT_EQ(scheduler.state(), SyncScheduler::State::Offline);
    EXPECT_TRUE(widget.stateText().contains(QStringLiteral("saved on this computer")))
        << widget.stateText().toStdString();
    expectAlerted(announced, widget.stateText());

    ASSERT_NO_FATAL_FAILURE(markFirstStudent(QString()));
    EXPECT_TRUE(widget.stateText().startsWith(QStringLiteral("Offline: 1 change")))
        << widget.stateText().toStdString();
    EXPECT_TRUE(widget.stateText().contains(QStringLiteral("saved on this computer")));
    ASSERT_TRUE(fixture.org.clearFaults());
}
