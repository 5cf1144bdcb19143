// Sync benchmark against the org emulator on loopback. Prints:
//  - initial pull of 100,000 attendance + 5,000 students + 10,000 enrollments: seconds,
//    records/s, peak RSS;
//  - the same pull into an encrypted store (SQLCipher), in the same rounds: the ratio of the two;
//  - the same rows inserted straight into a store by a bare loop (the local limit);
//  - the pull's records fetched page by page as raw bytes, nothing parsed or stored (the
//    wire's limit);
//  - a push of 10,000 marks: seconds, HTTP write requests, bytes each way.
// The pull and the bare loop run --rounds times, one after the other, and the median of each is
// reported: on a shared machine one run of either can be a quarter off.
// Usage: pasalista-bench-sync [--attendance N] [--students N] [--enrollments N] [--marks N]
//                             [--rounds N]
#include "auth/session.h"
#include "benchsupport.h"
#include "mapping.h"
#include "net/salesforceclient.h"
#include "store/localstore.h"
#include "store/storekeyring.h"
#include "sync/pusher.h"
#include "sync/soql.h"
#include "sync/syncengine.h"
#include "wholeorgmapping.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>

#include <sys/resource.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>

using namespace pasalista;
using namespace pasalista::bench;
using pasalista::test::EmulatorProcess;
using pasalista::test::wholeOrgMapping;

namespace {

double peakRssMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0; // Linux reports KiB
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
        read.setForwardOnly(true); // stream the rows, as the pull does, instead of caching them
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

// The wire's limit: every page of each object's query fetched with the session's token, as
// bytes; only the next page's link is looked up in them.
double rawFetchSeconds(const EmulatorProcess &org, const QByteArray &token, const Mapping &mapping,
                       qint64 *bytes)
{
    QNetworkAccessManager network;
    const QByteArray authorization = QByteArrayLiteral("Bearer ") + token;
    const QByteArray linkKey = QByteArrayLiteral("\"nextRecordsUrl\":\"");
    const QString queryPath =
        QStringLiteral("/services/data/v%1/query").arg(QLatin1String(EmulatorProcess::kApiVersion));
    QElapsedTimer timer;
    timer.start();
    for (const ObjectMapping &object : mapping.objects()) {
        QUrl url = org.instanceUrl().resolved(QUrl(queryPath));
        url.setQuery(QStringLiteral("q=") +
                     QString::fromLatin1(QUrl::toPercentEncoding(
                         Soql::select(object.fields, object.objectName, {}))));
        while (url.isValid()) {
            QNetworkRequest request(url);
            request.setRawHeader(QByteArrayLiteral("Authorization"), authorization);
            QNetworkReply *reply = network.get(request);
            QEventLoop loop;
            QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
            loop.exec();
            const QByteArray body = reply->readAll();
            reply->deleteLater();
            *bytes += body.size();
            const qsizetype at = body.indexOf(linkKey);
            url = at < 0 ? QUrl()
                         : org.instanceUrl().resolved(QUrl(QString::fromLatin1(body.mid(
                               at + linkKey.size(),
                               body.indexOf('"', at + linkKey.size()) - at - linkKey.size()))));
        }
    }
    return double(timer.nsecsElapsed()) / 1e9;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const OrgSizeOptions size;
    const QCommandLineOption marks = countOption("marks", "Marks to push.", "10000");
    const QCommandLineOption rounds =
        countOption("rounds", "Pull and bare-loop rounds (median reported).", "3");
    QCommandLineParser parser;
    parseOptions(parser, app, size.all() + QList<QCommandLineOption>{marks, rounds});

    const QString spec = size.spec(parser);
    std::printf("Starting the emulator with --generate %s ...\n", qPrintable(spec));
    std::fflush(stdout);
    EmulatorProcess org({QStringLiteral("--generate"), spec});
    if (!orgStarted(org)) {
        return 1;
    }
    QTemporaryDir dir;
    const Mapping mapping = wholeOrgMapping();
    const Identity identity = identityIn(org);
    Session session(identity, org.login().toUtf8(), QByteArray());
    SalesforceClient client(&session);
    const double rssBefore = peakRssMb();

    std::unique_ptr<LocalStore> store;
    SyncReport pull;
    QList<double> pullTimes;
    QList<double> bareTimes;
    QList<double> fetchTimes;
    qint64 fetchedBytes = 0;
    double pullRss = 0;
    const int roundCount = std::max(1, parser.value(rounds).toInt());
    QList<double> encryptedPullTimes;
    for (int round = 1; round <= roundCount; ++round) {
        // Issue 24: the same pull into an encrypted store (SQLCipher, a raw key as the app
        // uses), in the same round, so that both meet the same machine load.
        const QString encryptedPath =
            dir.filePath(QStringLiteral("pull-%1-encrypted.sqlite").arg(round));
        StoreKeyRing::remember(encryptedPath, QByteArray(StoreKeyRing::kKeySize, '\x5a'));
        store = std::make_unique<LocalStore>(mapping); // the previous round's store closes
        store->open(encryptedPath);
        QElapsedTimer encryptedTimer;
        encryptedTimer.start();
        const SyncReport encryptedPull = SyncEngine(*store, client, identity).run();
        encryptedPullTimes.append(double(encryptedTimer.nsecsElapsed()) / 1e9);
        std::printf("Round %d: encrypted pull %s, %d records in %.2f s\n", round,
                    qPrintable(SyncReport::resultName(encryptedPull.result)), encryptedPull.pulled,
                    encryptedPullTimes.constLast());

        const QString pullPath = dir.filePath(QStringLiteral("pull-%1.sqlite").arg(round));
        const QString barePath = dir.filePath(QStringLiteral("bare-%1.sqlite").arg(round));
        store = std::make_unique<LocalStore>(mapping);
        store->open(pullPath);
        QElapsedTimer timer;
        timer.start();
        pull = SyncEngine(*store, client, identity).run();
        pullTimes.append(double(timer.nsecsElapsed()) / 1e9);
        pullRss = std::max(pullRss, peakRssMb()); // before the bare loop can raise it
        bareTimes.append(bareInsertSeconds(*store, mapping, barePath));
        QFile::remove(barePath);
        fetchedBytes = 0;
        fetchTimes.append(rawFetchSeconds(org, session.accessToken(), mapping, &fetchedBytes));
        const qint64 pulledRows = rowCount(*store, QStringLiteral("attendance__c")) +
                                  rowCount(*store, QStringLiteral("student__c")) +
                                  rowCount(*store, QStringLiteral("participantenrollment__c"));
        std::printf("Round %d: pull %s, %d records (%lld attendance+students+enrollments) in "
                    "%.2f s; bare local insert of the same rows %.2f s; ratio %.2f; raw fetch "
                    "of its pages %.2f s\n",
                    round, qPrintable(SyncReport::resultName(pull.result)), pull.pulled, pulledRows,
                    pullTimes.constLast(), bareTimes.constLast(),
                    pullTimes.constLast() / bareTimes.constLast(), fetchTimes.constLast());
        std::fflush(stdout);
    }
    const double pullSeconds = median(pullTimes);
    const double bareSeconds = median(bareTimes);
    std::printf("\nInitial pull (median of %d): %.2f s = %.0f records/s; peak RSS %.0f MB "
                "(%.0f MB before)\n",
                roundCount, pullSeconds, pull.pulled / pullSeconds, pullRss, rssBefore);
    const double encryptedSeconds = median(encryptedPullTimes);
    std::printf("Encrypted pull (SQLCipher, median of %d): %.2f s = %.0f records/s; "
                "encrypted/plain ratio %.2f (target at most 1.3)\n",
                roundCount, encryptedSeconds, pull.pulled / encryptedSeconds,
                encryptedSeconds / pullSeconds);
    std::printf("Bare local insert of the same rows (median of %d): %.2f s = %.0f records/s; "
                "pull/bare ratio %.2f (target under 2)\n",
                roundCount, bareSeconds, pull.pulled / bareSeconds, pullSeconds / bareSeconds);
    const double fetchSeconds = median(fetchTimes);
    const double floorSeconds = std::max(fetchSeconds, bareSeconds);
    std::printf("Raw page fetch, nothing parsed or stored (median of %d): %.2f s, %.1f MB; "
                "pull/max(fetch, bare) ratio %.2f (target at most 1.3)\n",
                roundCount, fetchSeconds, double(fetchedBytes) / 1e6, pullSeconds / floorSeconds);

    printFigure("pull_seconds", pullSeconds); // for issue 26's table (benchtable.sh)
    printFigure("pull_records", pull.pulled);
    printFigure("bare_insert_seconds", bareSeconds);
    printFigure("raw_fetch_seconds", fetchSeconds);

    // Push: change the status of N pulled marks, as a teacher's offline week would.
    const int markCount = parser.value(marks).toInt();
    QSqlQuery ids(store->database());
    ids.exec(
        QStringLiteral("SELECT id, attendance_type__c FROM attendance__c LIMIT %1").arg(markCount));
    store->begin();
    int changed = 0;
    while (ids.next()) {
        changed += store->updateLocal(
            Role::Attendance, ids.value(0).toLongLong(),
            {{QStringLiteral("attendance_type__c"), (ids.value(1).toInt() + 1) % 5}});
    }
    store->commit();
    org.clearRequestLog();
    SyncReport pushReport;
    Pusher pusher(*store, client, pushReport);
    QElapsedTimer timer;
    timer.start();
    const int callsBeforePush = client.apiCallCount();
    pusher.run();
    const double pushSeconds = double(timer.nsecsElapsed()) / 1e9;
    const int pushCalls = client.apiCallCount() - callsBeforePush;
    qint64 bytesIn = 0;
    qint64 bytesOut = 0;
    int requests = 0;
    for (const QJsonValue &entry : org.requestLog()) {
        bytesIn += entry.toObject().value(QStringLiteral("bytesIn")).toInteger();
        bytesOut += entry.toObject().value(QStringLiteral("bytesOut")).toInteger();
        ++requests;
    }
    // Five sObject Collections requests of 200 to a Composite call (issue 26).
    std::printf("Push of %d marks: %d pushed, %d failed in %.2f s; %d API calls (target at most "
                "%d), %d HTTP requests, %lld bytes sent, %lld bytes received\n",
                changed, pushReport.pushed, pushReport.failed, pushSeconds, pushCalls,
                int(std::ceil(changed / 1000.0)), requests, bytesIn, bytesOut);
    printFigure("push_seconds", pushSeconds);
    printFigure("push_calls", pushCalls);
    printFigure("push_marks", changed);
    std::printf("Peak RSS of this process: %.0f MB\n", peakRssMb());
    return pull.result == SyncReport::Result::Clean && pushReport.failed == 0 ? 0 : 1;
}
