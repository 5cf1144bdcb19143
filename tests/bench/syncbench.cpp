// Sync benchmark against the org emulator on loopback. Prints:
//  - initial pull of 100,000 attendance + 5,000 students + 10,000 enrollments: seconds,
//    records/s, peak RSS;
//  - the same rows inserted straight into a store by a bare loop (the local limit);
//  - a push of 10,000 marks: seconds, HTTP write requests, bytes each way.
// Usage: pasalista-bench-sync [--attendance N] [--students N] [--enrollments N] [--marks N]
#include "auth/session.h"
#include "emulatorprocess.h"
#include "localstore.h"
#include "mapping.h"
#include "net/salesforceclient.h"
#include "sync/pusher.h"
#include "sync/syncengine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>

#include <sys/resource.h>

#include <cmath>
#include <cstdio>

using namespace pasalista;
using pasalista::test::EmulatorProcess;

namespace {

double peakRssMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0; // Linux reports KiB
}

// The Dream mapping with the whole org in scope, so the generated volume is all pulled.
Mapping wholeOrgMapping()
{
    QFile file(QStringLiteral(":/mappings/dream.json"));
    file.open(QIODevice::ReadOnly);
    QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    QJsonObject section = json.value(QStringLiteral("pasalista")).toObject();
    section.insert(QStringLiteral("scope"),
                   QJsonObject{{QStringLiteral("only_teacher_courses"), false},
                               {QStringLiteral("attendance_since_days"), 3650}});
    json.insert(QStringLiteral("pasalista"), section);
    QString error;
    return Mapping::fromJson(QJsonDocument(json).toJson(), &error).value_or(Mapping::dream());
}

qint64 rowCount(LocalStore &store, const QString &table)
{
    QSqlQuery query(store.database());
    query.exec(QStringLiteral("SELECT COUNT(*) FROM ") + table);
    return query.next() ? query.value(0).toLongLong() : 0;
}

// The local limit: the pulled rows copied into a fresh store by a bare prepared-insert
// loop, 2,000 rows a transaction like the pull's pages.
double bareInsertSeconds(LocalStore &source, const Mapping &mapping, const QString &path)
{
    LocalStore target(mapping);
    target.open(path);
    QElapsedTimer timer;
    timer.start();
    for (const ObjectMapping &object : mapping.objects()) {
        QSqlQuery read(source.database());
        read.exec(QStringLiteral("SELECT * FROM ") + object.tableName);
        QSqlQuery write(target.database());
        bool prepared = false;
        int inBatch = 0;
        target.begin();
        while (read.next()) {
            const QSqlRecord record = read.record();
            if (!prepared) {
                QStringList columns;
                QStringList marks;
                for (int i = 1; i < record.count(); ++i) { // skip the local id
                    columns.append(record.fieldName(i));
                    marks.append(QStringLiteral("?"));
                }
                write.prepare(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                                  .arg(object.tableName, columns.join(QLatin1Char(',')),
                                       marks.join(QLatin1Char(','))));
                prepared = true;
            }
            for (int i = 1; i < record.count(); ++i) {
                write.bindValue(i - 1, read.value(i));
            }
            write.exec();
            if (++inBatch == 2000) {
                target.commit();
                target.begin();
                inBatch = 0;
            }
        }
        target.commit();
    }
    return double(timer.nsecsElapsed()) / 1e9;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption attendance(QStringLiteral("attendance"),
                                        QStringLiteral("Attendance records."), QStringLiteral("n"),
                                        QStringLiteral("100000"));
    const QCommandLineOption students(QStringLiteral("students"), QStringLiteral("Students."),
                                      QStringLiteral("n"), QStringLiteral("5000"));
    const QCommandLineOption enrollments(QStringLiteral("enrollments"),
                                         QStringLiteral("Enrollments."), QStringLiteral("n"),
                                         QStringLiteral("10000"));
    const QCommandLineOption marks(QStringLiteral("marks"), QStringLiteral("Marks to push."),
                                   QStringLiteral("n"), QStringLiteral("10000"));
    parser.addOptions({attendance, students, enrollments, marks});
    parser.process(app);

    const QString spec =
        QStringLiteral("students=%1,enrollments=%2,attendance=%3")
            .arg(parser.value(students), parser.value(enrollments), parser.value(attendance));
    std::printf("Starting the emulator with --generate %s ...\n", qPrintable(spec));
    std::fflush(stdout);
    EmulatorProcess org({QStringLiteral("--generate"), spec});
    if (!org.isRunning()) {
        std::fprintf(stderr, "the emulator did not start\n%s\n", qPrintable(org.startupOutput()));
        return 1;
    }
    QTemporaryDir dir;
    const Mapping mapping = wholeOrgMapping();
    LocalStore store(mapping);
    store.open(dir.filePath(QStringLiteral("bench.sqlite")));
    Identity identity;
    identity.instanceUrl = org.baseUrl();
    identity.loginUrl = org.baseUrl();
    Session session(identity, org.login().toUtf8(), QByteArray());
    SalesforceClient client(&session);
    const double rssBefore = peakRssMb();

    QElapsedTimer timer;
    timer.start();
    const SyncReport pull = SyncEngine(store, client, identity).run();
    const double pullSeconds = double(timer.nsecsElapsed()) / 1e9;
    const double pullRss = peakRssMb();
    const qint64 pulledRows = rowCount(store, QStringLiteral("attendance__c")) +
                              rowCount(store, QStringLiteral("student__c")) +
                              rowCount(store, QStringLiteral("participantenrollment__c"));
    std::printf("\nInitial pull: %s, %d records (%lld attendance+students+enrollments) in %.2f s = "
                "%.0f records/s; peak RSS %.0f MB (%.0f MB before)\n",
                qPrintable(SyncReport::resultName(pull.result)), pull.pulled, pulledRows,
                pullSeconds, pull.pulled / pullSeconds, pullRss, rssBefore);

    const double bareSeconds =
        bareInsertSeconds(store, mapping, dir.filePath(QStringLiteral("bare.sqlite")));
    std::printf(
        "Bare local insert of the same rows: %.2f s = %.0f records/s; pull/bare ratio %.2f\n",
        bareSeconds, pull.pulled / bareSeconds, pullSeconds / bareSeconds);

    // Push: change the status of N pulled marks, as a teacher's offline week would.
    const int markCount = parser.value(marks).toInt();
    QSqlQuery ids(store.database());
    ids.exec(
        QStringLiteral("SELECT id, attendance_type__c FROM attendance__c LIMIT %1").arg(markCount));
    store.begin();
    int changed = 0;
    while (ids.next()) {
        changed += store.updateLocal(
            Role::Attendance, ids.value(0).toLongLong(),
            {{QStringLiteral("attendance_type__c"), (ids.value(1).toInt() + 1) % 5}});
    }
    store.commit();
    org.clearRequestLog();
    SyncReport pushReport;
    Pusher pusher(store, client, pushReport);
    timer.restart();
    pusher.run();
    const double pushSeconds = double(timer.nsecsElapsed()) / 1e9;
    qint64 bytesIn = 0;
    qint64 bytesOut = 0;
    int requests = 0;
    for (const QJsonValue &entry : org.requestLog()) {
        bytesIn += entry.toObject().value(QStringLiteral("bytesIn")).toInteger();
        bytesOut += entry.toObject().value(QStringLiteral("bytesOut")).toInteger();
        ++requests;
    }
    std::printf("Push of %d marks: %d pushed, %d failed in %.2f s; %d write requests (target %d), "
                "%d HTTP requests, %lld bytes sent, %lld bytes received\n",
                changed, pushReport.pushed, pushReport.failed, pushSeconds,
                pushReport.writeRequests, int(std::ceil(changed / 200.0)), requests, bytesIn,
                bytesOut);
    std::printf("Peak RSS of this process: %.0f MB\n", peakRssMb());
    return pull.result == SyncReport::Result::Clean && pushReport.failed == 0 ? 0 : 1;
}
