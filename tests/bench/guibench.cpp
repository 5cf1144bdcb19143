// GUI-thread stalls on a real-sized org. Pulls the emulator's --generate org (5,000 students,
// 100,000 marks by default) into a store, then prints how long the GUI thread is blocked by:
//  - start-up: the main window built, shown and painted;
//  - a course switch: the largest course selected, then another, then the largest again;
//  - a sync end: MainWindow::refresh (what SyncScheduler::cycleFinished calls), on the
//    attendance tab of the largest course, with no change and after 50 pulled marks;
//  - on the largest course's sheet: a status key (one mark written, the row shown in place),
//    a change of the class date (the day's marks read again) and "Mark all present" on that
//    date (written in a thread of its own in the app).
// Each figure is the longest gap between two ticks of a 1 ms timer on the GUI thread while
// the action runs, until the window shows its result (read in the background, as in the app)
// and 400 ms have passed (target: under 100 ms).
// Usage: QT_QPA_PLATFORM=offscreen pasalista-bench-gui [--students N] [--enrollments N]
//                                                      [--attendance N] [--store FILE]
//                                                      [--on-gui-thread]
// --on-gui-thread measures the window reading on the GUI thread (MainWindow::Loading::
// OnGuiThread, what the app did before it read in the background), for comparison.
// --store keeps the pulled store in FILE and, when FILE exists, reuses it without the
// emulator (to compare builds on the same data). Measure an optimised build: cmake --preset
// bench && cmake --build build/bench --target pasalista-bench-gui.
#include "attendancemodel.h"
#include "attendancesheet.h"
#include "attendancetableview.h"
#include "auth/session.h"
#include "benchsupport.h"
#include "mainwindow.h"
#include "net/salesforceclient.h"
#include "reports.h"
#include "repository.h"
#include "store/localstore.h"
#include "sync/syncengine.h"
#include "wholeorgmapping.h"

#include <QApplication>
#include <QCheckBox>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cstdio>
#include <functional>

using namespace pasalista;
using namespace pasalista::bench;
using pasalista::test::EmulatorProcess;
using pasalista::test::wholeOrgMapping;

namespace {

struct Stall
{
    double longestMs = 0; // the GUI thread's longest gap between two ticks
    double shownMs = 0;   // until the window showed the result (the background read included)
};

// Runs action from the event loop and measures the GUI thread's longest stall until the
// window has shown what the action asked for (settled) and 400 ms have passed.
Stall longestStall(const std::function<void()> &action, const std::function<bool()> &settled)
{
    QElapsedTimer clock;
    qint64 last = 0;
    qint64 longest = 0;
    qint64 shown = -1;
    bool started = false;
    QEventLoop loop;
    QTimer ticker;
    ticker.setInterval(1);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        longest = std::max(longest, now - last);
        last = now;
        if (started && shown < 0 && settled()) {
            shown = now;
        }
        if (shown >= 0 && now > 400'000'000) {
            loop.quit();
        }
    });
    QTimer::singleShot(0, [&] {
        clock.start();
        last = 0;
        ticker.start();
        QTimer::singleShot(0, [&] {
            action();
            started = true;
        });
    });
    loop.exec();
    ticker.stop();
    return {double(longest) / 1e6, double(shown) / 1e6};
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

bool pullOrg(LocalStore &store, const QString &spec)
{
    std::printf("Starting the emulator with --generate %s and pulling it ...\n", qPrintable(spec));
    std::fflush(stdout);
    EmulatorProcess org({QStringLiteral("--generate"), spec});
    if (!orgStarted(org)) {
        return false;
    }
    const Identity identity = identityIn(org);
    Session session(identity, org.login().toUtf8(), QByteArray());
    SalesforceClient client(&session);
    const SyncReport pull = SyncEngine(store, client, identity).run();
    std::printf("Pulled %d records (%s)\n", pull.pulled,
                qPrintable(SyncReport::resultName(pull.result)));
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const OrgSizeOptions size;
    const QCommandLineOption storeFile(QStringLiteral("store"),
                                       QStringLiteral("Store file to keep, or reuse if it exists."),
                                       QStringLiteral("file"));
    const QCommandLineOption onGuiThread(QStringLiteral("on-gui-thread"),
                                         QStringLiteral("Read on the GUI thread, for comparison."));
    QCommandLineParser parser;
    parseOptions(parser, app, size.all() + QList<QCommandLineOption>{storeFile, onGuiThread});
    const QString spec = size.spec(parser);
    QTemporaryDir dir;
    const QString path = parser.isSet(storeFile) ? parser.value(storeFile)
                                                 : dir.filePath(QStringLiteral("gui.sqlite"));
    const bool reuse = QFileInfo::exists(path);
    LocalStore store(wholeOrgMapping());
    if (!store.open(path)) {
        std::fprintf(stderr, "%s\n", qPrintable(store.errorString()));
        return 1;
    }
    if (reuse) {
        std::printf("Reusing the store %s\n", qPrintable(path));
    } else if (!pullOrg(store, spec)) {
        return 1;
    }
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
    const auto settled = [&] { return window && !window->isLoading(); };
    const Stall startup = longestStall(
        [&] {
            window = std::make_unique<MainWindow>(
                repository, parser.isSet(onGuiThread) ? MainWindow::Loading::OnGuiThread
                                                      : MainWindow::Loading::InBackground);
            window->activeTodayCheck()->setChecked(false); // every course, the largest included
            window->show();
        },
        settled);
    const Stall toBig = longestStall(
        [&] {
            window->selectCourse(big);
            window->showTab(MainWindow::AttendanceTab);
        },
        settled);
    const Stall toOther = longestStall([&] { window->selectCourse(other); }, settled);
    const Stall back = longestStall([&] { window->selectCourse(big); }, settled);
    const Stall emptySync = longestStall([&] { window->refresh(); }, settled);
    QSqlQuery marks(store.database());
    const QString table = store.mapping().objectFor(Role::Attendance).tableName;
    // A note of this run's time: a reused store still sees 50 marks change.
    marks.exec(QStringLiteral("UPDATE %1 SET %2 = 'pulled %3' WHERE id IN"
                              " (SELECT id FROM %1 LIMIT 50)")
                   .arg(table, store.mapping().column(Role::Attendance, QStringLiteral("notes")),
                        QString::number(QDateTime::currentMSecsSinceEpoch())));
    const Stall changedSync = longestStall([&] { window->refresh(); }, settled);

    AttendanceSheet *sheet = window->attendanceSheet();
    sheet->setConfirmationHandler([](const QString &) { return true; });
    sheet->view()->setFocus();
    const Stall statusKey =
        longestStall([&] { QTest::keyClick(sheet->view(), Qt::Key_1); }, settled);
    const Stall dateChange =
        longestStall([&] { sheet->setDate(sheet->date().addDays(-1)); }, settled);
    const Stall keyOnNewDate =
        longestStall([&] { QTest::keyClick(sheet->view(), Qt::Key_0); }, settled);
    const Stall markAll = longestStall([&] { sheet->markAllPresent(); },
                                       [&] { return settled() && !sheet->isMarkingAll(); });

    std::printf("Largest course: %d students on the sheet\n",
                window->attendanceSheet()->model()->rowCount());
    std::printf("GUI thread's longest stall (target under 100 ms), and when the result showed:\n");
    const auto line = [](const char *what, const Stall &stall) {
        std::printf("  %-42s %8.1f ms   (shown after %.0f ms)\n", what, stall.longestMs,
                    stall.shownMs);
    };
    line("start-up (window built, shown, painted):", startup);
    line("switch to the largest course:", toBig);
    line("switch to another course:", toOther);
    line("switch back to the largest course:", back);
    line("sync end, nothing changed:", emptySync);
    line("sync end, 50 marks changed:", changedSync);
    line("status key on the largest course:", statusKey);
    line("class date changed on the largest course:", dateChange);
    line("status key on that date:", keyOnNewDate);
    line("mark all present on that date:", markAll);
    return 0;
}
