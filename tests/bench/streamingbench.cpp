// Streaming benchmark: seconds from an office write in the org emulator to the change in the
// laptop's SQLite store, with the window's scheduler streaming Change Data Capture events
// (target: under 2 s). The poll timer is far away (minutes), so only events can do it.
// Usage: pasalista-bench-streaming [--writes N]
#include "auth/session.h"
#include "benchsupport.h"
#include "mapping.h"
#include "store/localstore.h"
#include "sync/streamingclient.h"
#include "sync/syncscheduler.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace pasalista;
using namespace pasalista::bench;
using pasalista::test::EmulatorProcess;

namespace {

QString query(const QString &path, const QString &sql, const QString &bind = {})
{
    LocalStore store(Mapping::dream());
    if (!store.open(path))
        return {};
    QSqlQuery statement(store.database());
    statement.prepare(sql);
    if (!bind.isEmpty())
        statement.addBindValue(bind);
    return statement.exec() && statement.next() ? statement.value(0).toString() : QString();
}

void spin(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        spin(20);
    }
    return true;
}

// Spins the event loop until the store holds the name; the seconds it took, or -1.
double secondsUntilStored(const QString &path, const QString &sfid, const QString &name)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 60000) {
        if (query(path, QStringLiteral("SELECT last_name__c FROM student__c WHERE sfid = ?"),
                  sfid) == name)
            return double(timer.nsecsElapsed()) / 1e9;
        spin(20); // lets the scheduler and the streaming client run
    }
    return -1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QCommandLineOption writes = countOption("writes", "Office writes.", "10");
    QCommandLineParser parser;
    parseOptions(parser, app, {writes});

    EmulatorProcess org({QStringLiteral("--demo")});
    if (!orgStarted(org)) {
        return 1;
    }
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("laptop.sqlite"));
    auto session = std::make_shared<Session>(
        identityIn(org, kTeacher), org.login(kTeacher, kTeacherPassword).toUtf8(), QByteArray());
    org.login(); // the office, for its writes

    SyncScheduler scheduler(path, Mapping::dream(), session);
    int cycles = 0;
    QObject::connect(&scheduler, &SyncScheduler::cycleFinished, [&cycles] { ++cycles; });
    scheduler.syncNow();
    if (!waitUntil([&cycles] { return cycles > 0; }, 120000)) {
        std::fprintf(stderr, "the first sync did not finish\n");
        return 1;
    }
    scheduler.startStreaming();
    if (!waitUntil([&scheduler] { return scheduler.isStreaming(); }, 30000)) {
        std::fprintf(stderr, "streaming did not connect\n");
        return 1;
    }
    const QString student =
        query(path, QStringLiteral("SELECT sfid FROM student__c ORDER BY sfid LIMIT 1"));
    QList<double> seconds;
    const int count = std::max(1, parser.value(writes).toInt());
    for (int i = 0; i < count; ++i) {
        const QString name = QStringLiteral("Bench-%1").arg(i);
        QElapsedTimer timer;
        timer.start();
        org.adminUpdate(QStringLiteral("Student__c"), student,
                        {{QStringLiteral("Last_Name__c"), name}});
        const double waited = secondsUntilStored(path, student, name);
        if (waited < 0) {
            std::fprintf(stderr, "write %d never reached the store\n", i);
            return 1;
        }
        seconds.append(double(timer.nsecsElapsed()) / 1e9);
        // Next write in a new second, so each one is a fresh change for the pull.
        spin(1100);
    }
    std::sort(seconds.begin(), seconds.end());
    std::printf("office write -> laptop store with streaming (poll every %d s): "
                "median %.2f s, max %.2f s over %d writes (target < 2 s)\n",
                scheduler.pollIntervalMs() / 1000, seconds.at(seconds.size() / 2), seconds.last(),
                int(seconds.size()));
    return 0;
}
