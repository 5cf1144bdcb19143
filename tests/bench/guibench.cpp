// GUI-thread stalls on a real-sized org. Pulls the emulator's --generate org (5,000 students,
// 100,000 marks by default) into a store, then prints how long the GUI thread is blocked by:
//  - start-up: the main window built, shown and painted;
//  - a course switch: the largest course selected, then another, then the largest again;
//  - a sync end: MainWindow::refresh (what SyncScheduler::cycleFinished calls), on the
//    attendance tab of the largest course, with no change and after 50 pulled marks.
// Each figure is the longest gap between two ticks of a 1 ms timer on the GUI thread while
// the action runs and the events it posted are handled (target: under 100 ms).
// Usage: QT_QPA_PLATFORM=offscreen pasalista-bench-gui [--students N] [--enrollments N]
//                                                      [--attendance N]
#include "attendancemodel.h"
#include "attendancesheet.h"
#include "auth/session.h"
#include "emulatorprocess.h"
#include "localstore.h"
#include "mainwindow.h"
#include "net/salesforceclient.h"
#include "reports.h"
#include "repository.h"
#include "sync/syncengine.h"
#include "wholeorgmapping.h"

#include <QApplication>
#include <QCheckBox>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <functional>

using namespace pasalista;
using pasalista::test::EmulatorProcess;
using pasalista::test::wholeOrgMapping;

namespace {

// Runs action from the event loop and returns the GUI thread's longest stall in ms.
double longestStallMs(const std::function<void()> &action)
{
    QElapsedTimer clock;
    qint64 last = 0;
    qint64 longest = 0;
    QTimer ticker;
    ticker.setInterval(1);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        longest = std::max(longest, now - last);
        last = now;
    });
    QEventLoop loop;
    QTimer::singleShot(0, [&] {
        clock.start();
        last = 0;
        ticker.start();
        QTimer::singleShot(0, action);
        QTimer::singleShot(400, &loop, &QEventLoop::quit);
    });
    loop.exec();
    ticker.stop();
    return double(longest) / 1e6;
}

qint64 largestCourse(LocalStore &store, qint64 other = 0)
{
    const Mapping &mapping = store.mapping();
    const QString course =
        LocalStore::refColumn(mapping.column(Role::Enrollment, QStringLiteral("course")));
    QSqlQuery query(store.database());
    query.exec(QStringLiteral("SELECT %1, COUNT(*) c FROM %2 WHERE %1 <> %3 GROUP BY %1"
                              " ORDER BY c DESC LIMIT 1")
                   .arg(course, mapping.objectFor(Role::Enrollment).tableName)
                   .arg(other));
    return query.next() ? query.value(0).toLongLong() : 0;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption students(QStringLiteral("students"), QStringLiteral("Students."),
                                      QStringLiteral("n"), QStringLiteral("5000"));
    const QCommandLineOption enrollments(QStringLiteral("enrollments"),
                                         QStringLiteral("Enrollments."), QStringLiteral("n"),
                                         QStringLiteral("10000"));
    const QCommandLineOption attendance(QStringLiteral("attendance"),
                                        QStringLiteral("Attendance records."), QStringLiteral("n"),
                                        QStringLiteral("100000"));
    parser.addOptions({students, enrollments, attendance});
    parser.process(app);
    const QString spec =
        QStringLiteral("students=%1,enrollments=%2,attendance=%3")
            .arg(parser.value(students), parser.value(enrollments), parser.value(attendance));
    std::printf("Starting the emulator with --generate %s and pulling it ...\n", qPrintable(spec));
    std::fflush(stdout);
    EmulatorProcess org({QStringLiteral("--generate"), spec});
    if (!org.isRunning()) {
        std::fprintf(stderr, "the emulator did not start\n%s\n", qPrintable(org.startupOutput()));
        return 1;
    }
    QTemporaryDir dir;
    Identity identity;
    identity.instanceUrl = org.instanceUrl();
    identity.loginUrl = org.loginUrl();
    Session session(identity, org.login().toUtf8(), QByteArray());
    SalesforceClient client(&session);
    LocalStore store(wholeOrgMapping());
    store.open(dir.filePath(QStringLiteral("gui.sqlite")));
    const SyncReport pull = SyncEngine(store, client, identity).run();
    std::printf("Pulled %d records (%s)\n", pull.pulled,
                qPrintable(SyncReport::resultName(pull.result)));
    Repository repository(store);
    const qint64 big = largestCourse(store);
    const qint64 other = largestCourse(store, big);

    const auto timed = [](const char *what, const std::function<void()> &step) {
        QElapsedTimer timer;
        timer.start();
        step();
        std::printf("  (%s: %.1f ms)\n", what, double(timer.nsecsElapsed()) / 1e6);
    };
    std::printf("Reads the window makes, each alone:\n");
    timed("Repository::courses", [&] { repository.courses(); });
    timed("Repository::roster of the largest course", [&] { repository.roster(big); });
    timed("Repository::attendanceOn today",
          [&] { repository.attendanceOn(big, QDate::currentDate()); });
    timed("Reports::courseReport", [&] { Reports(repository).courseReport(big); });

    std::unique_ptr<MainWindow> window;
    const double startup = longestStallMs([&] {
        window = std::make_unique<MainWindow>(repository);
        window->activeTodayCheck()->setChecked(false); // every course, the largest included
        window->show();
    });
    const double toBig = longestStallMs([&] {
        window->selectCourse(big);
        window->showTab(MainWindow::AttendanceTab);
    });
    const double toOther = longestStallMs([&] { window->selectCourse(other); });
    const double back = longestStallMs([&] { window->selectCourse(big); });
    const double emptySync = longestStallMs([&] { window->refresh(); });
    QSqlQuery marks(store.database());
    const QString table = store.mapping().objectFor(Role::Attendance).tableName;
    marks.exec(QStringLiteral("UPDATE %1 SET %2 = 'pulled' WHERE id IN"
                              " (SELECT id FROM %1 LIMIT 50)")
                   .arg(table, store.mapping().column(Role::Attendance, QStringLiteral("notes"))));
    const double changedSync = longestStallMs([&] { window->refresh(); });

    std::printf("Largest course: %d students on the sheet\n",
                window->attendanceSheet()->model()->rowCount());
    std::printf("GUI thread's longest stall (target under 100 ms):\n");
    std::printf("  start-up (window built, shown, painted): %8.1f ms\n", startup);
    std::printf("  switch to the largest course:            %8.1f ms\n", toBig);
    std::printf("  switch to another course:                %8.1f ms\n", toOther);
    std::printf("  switch back to the largest course:       %8.1f ms\n", back);
    std::printf("  sync end, nothing changed:               %8.1f ms\n", emptySync);
    std::printf("  sync end, 50 marks changed:              %8.1f ms\n", changedSync);
    return 0;
}
