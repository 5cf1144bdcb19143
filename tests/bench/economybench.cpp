// API economy benchmark: what an idle sync and a day's 40 marks cost in API calls (counted
// by the emulator as Salesforce counts them, read from Sforce-Limit-Info), HTTP requests,
// bytes and seconds, first on loopback, then with the emulator at 300 ms latency and
// 32 kB/s (a rural 3G link). Targets (issue 26): idle "Sync now" 1 API call; 40 marks at
// most 2 calls and < 1 s; the first sync of the demo teacher's scope < 3 s.
// Usage: pasalista-bench-economy [--latency MS] [--bandwidth BYTES_PER_S] [--marks N] [--log]
#include "auth/session.h"
#include "benchsupport.h"
#include "mapping.h"
#include "net/salesforceclient.h"
#include "repository.h"
#include "store/localstore.h"
#include "sync/syncengine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <cstdio>

using namespace pasalista;
using namespace pasalista::bench;
using pasalista::test::EmulatorProcess;

namespace {

struct Cost
{
    SyncReport report;
    double seconds = 0;
    qint64 requests = 0;
    int apiCalls = 0;
    qint64 sent = 0;
    qint64 received = 0;
    qint64 wire = 0; // the org's reply bytes as sent (gzip), from the emulator's log
};

// The emulator's request log: every request of one cycle, and what its replies weighed on the
// wire. With `verbose`, each request is printed (method, path, status, bytes, time).
qint64 wireBytes(const EmulatorProcess &org, bool verbose)
{
    qint64 total = 0;
    const QJsonArray log = org.requestLog();
    const qint64 start = log.isEmpty() ? 0 : log.first()[QLatin1String("timestampMs")].toInteger();
    for (const QJsonValue &value : log) {
        const QJsonObject entry = value.toObject();
        total += entry[QLatin1String("bytesOut")].toInteger();
        if (verbose) {
            std::printf(
                "    %+6lld ms %-6s %-60s %3d %7lld B\n",
                static_cast<long long>(entry[QLatin1String("timestampMs")].toInteger() - start),
                qPrintable(entry[QLatin1String("method")].toString()),
                qPrintable(entry[QLatin1String("path")].toString().left(60)),
                entry[QLatin1String("status")].toInt(),
                static_cast<long long>(entry[QLatin1String("bytesOut")].toInteger()));
        }
    }
    org.clearRequestLog();
    return total;
}

// Where the cycles run: the org, the laptop's REST client and its identity.
struct Link
{
    const EmulatorProcess &org;
    SalesforceClient &client;
    const Identity &identity;
    bool verbose = false;
};

// One sync cycle as the poll timer runs it (probe first), or as "Sync now" does.
Cost measure(const Link &link, LocalStore &store, bool poll)
{
    SalesforceClient &client = link.client;
    Cost cost;
    wireBytes(link.org, false); // what came before is not this cycle's
    const qint64 requests = client.requestCount();
    const int calls = client.apiCallCount();
    const qint64 sent = client.bytesSent();
    const qint64 received = client.bytesReceived();
    QElapsedTimer timer;
    timer.start();
    SyncEngine engine(store, client, link.identity);
    engine.setProbeChanges(poll);
    cost.report = engine.run();
    cost.seconds = double(timer.nsecsElapsed()) / 1e9;
    cost.requests = client.requestCount() - requests;
    cost.apiCalls = client.apiCallCount() - calls;
    cost.sent = client.bytesSent() - sent;
    cost.received = client.bytesReceived() - received;
    cost.wire = wireBytes(link.org, link.verbose);
    return cost;
}

void print(const char *what, const Cost &cost)
{
    std::printf("%-56s %6.2f s  %3lld HTTP requests  %3d API calls  %7lld B sent  %8lld B "
                "received (%7lld B on the wire)  (%s, pushed %d)\n",
                what, cost.seconds, static_cast<long long>(cost.requests), cost.apiCalls,
                static_cast<long long>(cost.sent), static_cast<long long>(cost.received),
                static_cast<long long>(cost.wire),
                qPrintable(SyncReport::resultName(cost.report.result)), cost.report.pushed);
}

bool describesAreStale(LocalStore &store)
{
    QSqlQuery query(store.database());
    query.prepare(QStringLiteral("DELETE FROM _meta WHERE key = ?"));
    query.addBindValue(QLatin1String(SyncEngine::kDescribeCheckedKey));
    return query.exec();
}

// A day's marks: every student of the teacher's courses on `date` (and the days before, if
// the courses hold fewer students than `count`). `*changing` counts those that change a
// value: re-marking a day the org has already marked with the same status and no note
// sends nothing.
int markStudents(Repository &repository, int count, const QDate &date, int *changing)
{
    int marked = 0;
    *changing = 0;
    for (int back = 0; back < 7 && marked < count; ++back) {
        for (const Course &course : repository.courses()) {
            const QHash<qint64, AttendanceMark> before =
                repository.attendanceOn(course.id, date.addDays(-back * 10));
            for (const Student &student : repository.roster(course.id)) {
                if (marked == count) {
                    return marked;
                }
                const int status = marked % 3;
                const auto existing = before.constFind(student.id);
                const bool changes = existing == before.constEnd() || existing->status != status ||
                                     !existing->notes.isEmpty();
                if (repository
                        .markAttendance(course.id, student.id, date.addDays(-back * 10), status, {},
                                        true)
                        .ok()) {
                    ++marked;
                    *changing += changes ? 1 : 0;
                }
            }
        }
    }
    return marked;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QCommandLineOption latency(QStringLiteral("latency"), QStringLiteral("Latency (ms)."),
                                     QStringLiteral("ms"), QStringLiteral("300"));
    const QCommandLineOption bandwidth(QStringLiteral("bandwidth"),
                                       QStringLiteral("Response bandwidth (bytes/s)."),
                                       QStringLiteral("bytes"), QStringLiteral("32768"));
    const QCommandLineOption marks = countOption("marks", "Marks to send.", "40");
    const QCommandLineOption log(QStringLiteral("log"),
                                 QStringLiteral("Print each cycle's requests (the org's log)."));
    QCommandLineParser parser;
    parseOptions(parser, app, {latency, bandwidth, marks, log});

    EmulatorProcess org({QStringLiteral("--demo")});
    if (!orgStarted(org)) {
        return 1;
    }
    QTemporaryDir dir;
    LocalStore store(Mapping::dream());
    if (!store.open(dir.filePath(QStringLiteral("laptop.sqlite")))) {
        std::fprintf(stderr, "%s\n", qPrintable(store.errorString()));
        return 1;
    }
    const Identity identity = identityIn(org, kTeacher);
    Session session(identity, org.login(kTeacher, kTeacherPassword).toUtf8(), {});
    SalesforceClient client(&session);
    Repository repository(store);
    const Link link{org, client, identity, parser.isSet(log)};

    print("first sync (loopback)", measure(link, store, false));
    // The demo's records are stamped when the org starts: once they are older than the
    // pull's overlap (10 min), the org has nothing new to report.
    org.advanceClock(11 * 60);
    measure(link, store, true);
    print("idle sync (loopback)", measure(link, store, true));
    describesAreStale(store);
    print("idle sync, describes revalidated (loopback)", measure(link, store, true));

    const int latencyMs = parser.value(latency).toInt();
    const int bytesPerSecond = parser.value(bandwidth).toInt();
    org.setFaults({{QStringLiteral("latencyMs"), latencyMs},
                   {QStringLiteral("bandwidthBytesPerSecond"), bytesPerSecond}});
    std::printf("-- emulator at %d ms latency, %d B/s --\n", latencyMs, bytesPerSecond);
    // Issue 26: the first sync of the demo teacher's scope over the rural link.
    LocalStore fresh(Mapping::dream());
    if (!fresh.open(dir.filePath(QStringLiteral("fresh.sqlite")))) {
        std::fprintf(stderr, "%s\n", qPrintable(fresh.errorString()));
        return 1;
    }
    const Cost first = measure(link, fresh, false);
    print("first sync of the teacher's scope (target < 3 s)", first);
    printFigure("rural_first_sync_seconds", first.seconds);
    printFigure("rural_first_sync_calls", first.apiCalls);
    printFigure("rural_first_sync_records", first.report.pulled);
    print("idle sync (target 1 API call, < 1 s)", measure(link, store, true));
    describesAreStale(store);
    print("idle sync, describes revalidated", measure(link, store, true));
    const Cost idle = measure(link, store, false);
    print("\"Sync now\" with nothing to do (target 1 API call)", idle);
    printFigure("rural_idle_seconds", idle.seconds);
    printFigure("rural_idle_calls", idle.apiCalls);

    const int wanted = parser.value(marks).toInt();
    int day = 0;
    for (const bool poll : {true, false}) {
        int changing = 0;
        const int marked =
            markStudents(repository, wanted, QDate::currentDate().addDays(-++day), &changing);
        if (marked < wanted) {
            std::fprintf(stderr, "only %d students in the largest course\n", marked);
        }
        const Cost cost = measure(link, store, poll);
        const QByteArray label =
            QStringLiteral("%1 marks (%2 changing), %3 (target at most 2 API calls, < 1 s)")
                .arg(marked)
                .arg(changing)
                .arg(poll ? QStringLiteral("background sync") : QStringLiteral("Sync now"))
                .toUtf8();
        print(label.constData(), cost);
        if (!poll) {
            printFigure("rural_marks_seconds", cost.seconds);
            printFigure("rural_marks_calls", cost.apiCalls);
            printFigure("rural_marks_pushed", cost.report.pushed);
        }
    }
    return 0;
}
