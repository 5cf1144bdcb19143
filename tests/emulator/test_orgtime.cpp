// The org's time as Salesforce keeps it: second-precision stamps shared by the writes of
// one second, the controllable clock, the 15-day recycle bin, the updated/deleted
// replication resources, and commits that become visible after their stamp.
#include "emulatorfixture.h"

#include <QLocale>
#include <QRegularExpression>
#include <QSet>

using namespace pasalista::emulator::testing;
using pasalista::test::LateCommit;

namespace {

const QString kStudent = QStringLiteral("Student__c");

QDateTime parseStamp(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

QString isoMinute(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) + QStringLiteral("Z");
}

class OrgTimeTest : public EmulatorFixture
{
protected:
    QDateTime orgNow() { return parseStamp(org().clock().value(QStringLiteral("now"))); }

    // Days later the access token has expired, as it would: sign in again.
    void advanceDays(int days)
    {
        ASSERT_TRUE(org().advanceClock(days * 86400.0));
        ASSERT_FALSE(org().login().isEmpty());
    }

    QString create(const QString &last)
    {
        const HttpReply reply =
            org().api("POST", QStringLiteral("sobjects/Student__c"), QJsonDocument(student(last)));
        EXPECT_EQ(reply.status, 201) << reply.body.toStdString();
        return reply.object().value(QStringLiteral("id")).toString();
    }

    QStringList liveIds(const QString &resource = QStringLiteral("query"))
    {
        const QJsonObject page =
            org()
                .api("GET", queryPath(QStringLiteral("SELECT Id FROM Student__c"), resource))
                .object();
        QStringList ids;
        for (const QJsonValue &record : page.value(QStringLiteral("records")).toArray())
            ids.append(record.toObject().value(QStringLiteral("Id")).toString());
        return ids;
    }

    QJsonObject fetchRecord(const QString &id)
    {
        for (const QJsonValue &record : org().records(kStudent)) {
            if (record.toObject().value(QStringLiteral("Id")).toString() == id)
                return record.toObject();
        }
        return {};
    }

    HttpReply replication(const QString &kind, const QString &start, const QString &end)
    {
        return org().api("GET", QStringLiteral("sobjects/Student__c/%1/?start=%2&end=%3")
                                    .arg(kind, QString::fromLatin1(QUrl::toPercentEncoding(start)),
                                         QString::fromLatin1(QUrl::toPercentEncoding(end))));
    }
};

TEST_F(OrgTimeTest, StampsHaveSecondPrecisionAndAreSharedWithinASecond)
{
    QJsonArray records;
    for (int i = 0; i < 200; ++i)
        records.append(typed(student(QStringLiteral("s%1").arg(i)), kStudent));
    const HttpReply reply =
        org().api("POST", QStringLiteral("composite/sobjects"),
                  QJsonDocument(QJsonObject{{QStringLiteral("records"), records}}));
    ASSERT_EQ(reply.status, 200) << reply.body.toStdString();
    QSet<QString> stamps;
    static const QRegularExpression wholeSecond(
        QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.000\\+0000$"));
    for (const QJsonValue &record : org().records(kStudent)) {
        const QString stamp = record.toObject().value(QStringLiteral("SystemModstamp")).toString();
        EXPECT_TRUE(wholeSecond.match(stamp).hasMatch()) << stamp.toStdString();
        EXPECT_EQ(record.toObject().value(QStringLiteral("CreatedDate")).toString(), stamp);
        stamps.insert(stamp);
    }
    // 200 writes of one call fall in one second, or two when the call straddles a tick.
    EXPECT_LE(stamps.size(), 2);
}

TEST_F(OrgTimeTest, MillisecondStampsOnlyBehindTheirFlag)
{
    EmulatorProcess precise({QStringLiteral("--ms-stamps")});
    ASSERT_TRUE(precise.isRunning());
    const QString first = precise.adminCreate(kStudent, student(QStringLiteral("a")));
    const QString second = precise.adminCreate(kStudent, student(QStringLiteral("b")));
    ASSERT_FALSE(first.isEmpty());
    ASSERT_FALSE(second.isEmpty());
    const QJsonArray rows = precise.records(kStudent);
    EXPECT_LT(rows.at(0).toObject().value(QStringLiteral("SystemModstamp")).toString(),
              rows.at(1).toObject().value(QStringLiteral("SystemModstamp")).toString());
}

TEST_F(OrgTimeTest, ClockMovesStampsAndDateLiterals)
{
    const QDateTime before = orgNow();
    advanceDays(20);
    const QDateTime after = orgNow();
    EXPECT_GE(before.secsTo(after), 20 * 86400);
    EXPECT_LT(before.secsTo(after), 20 * 86400 + 60);
    EXPECT_EQ(org().clock().value(QStringLiteral("offsetSeconds")).toDouble(), 20 * 86400);
    // The clock never goes back.
    EXPECT_EQ(org()
                  .sendJson("POST", QStringLiteral("/__emulator/clock"),
                            QJsonDocument(QJsonObject{{QStringLiteral("advanceSeconds"), -5}}))
                  .status,
              400);

    // The Date header is the org's time too: a client that reads the org's clock from it
    // must see the same day the stamps say.
    const QByteArray dateHeader = org().api("GET", QStringLiteral("limits")).header("Date");
    QDateTime header = QLocale::c().toDateTime(QString::fromLatin1(dateHeader),
                                               QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    header.setTimeSpec(Qt::UTC);
    ASSERT_TRUE(header.isValid()) << dateHeader.toStdString();
    EXPECT_LE(std::abs(header.secsTo(after)), 60);

    const QString id = create(QStringLiteral("Futuro"));
    const QDateTime stamp = parseStamp(fetchRecord(id).value(QStringLiteral("SystemModstamp")));
    EXPECT_LE(std::abs(stamp.secsTo(after)), 60);
    const QJsonObject today =
        org()
            .api("GET", queryPath(QStringLiteral("SELECT Id FROM Student__c WHERE CreatedDate = "
                                                 "TODAY")))
            .object();
    EXPECT_EQ(today.value(QStringLiteral("totalSize")).toInt(), 1);
}

TEST_F(OrgTimeTest, RecycleBinKeepsDeletedRecordsFifteenDays)
{
    const QString id = create(QStringLiteral("Borrado"));
    ASSERT_EQ(org().api("DELETE", QStringLiteral("sobjects/Student__c/") + id).status, 204);
    const QString start = isoMinute(orgNow().addSecs(-120));
    EXPECT_TRUE(liveIds(QStringLiteral("queryAll")).contains(id));
    advanceDays(14);
    EXPECT_TRUE(liveIds(QStringLiteral("queryAll")).contains(id));
    const HttpReply kept = replication(QStringLiteral("deleted"), start, isoMinute(orgNow()));
    ASSERT_EQ(kept.status, 200) << kept.body.toStdString();
    const QJsonArray deleted = kept.object().value(QStringLiteral("deletedRecords")).toArray();
    ASSERT_EQ(deleted.size(), 1);
    EXPECT_EQ(deleted.at(0).toObject().value(QStringLiteral("id")).toString(), id);

    advanceDays(2);
    EXPECT_FALSE(liveIds(QStringLiteral("queryAll")).contains(id));
    EXPECT_TRUE(fetchRecord(id).isEmpty());
    // Asking for deletions from before the purge: Salesforce refuses rather than answer short.
    const HttpReply purged = replication(QStringLiteral("deleted"), start, isoMinute(orgNow()));
    EXPECT_EQ(purged.status, 400);
    EXPECT_EQ(errorCode(purged), QStringLiteral("INVALID_REPLICATION_DATE"));
    const HttpReply later = replication(QStringLiteral("deleted"),
                                        isoMinute(orgNow().addSecs(-3600)), isoMinute(orgNow()));
    ASSERT_EQ(later.status, 200) << later.body.toStdString();
    EXPECT_GT(parseStamp(later.object().value(QStringLiteral("earliestDateAvailable"))),
              parseStamp(QJsonValue(start)));
}

TEST_F(OrgTimeTest, UpdatedFollowsSalesforceReplicationRules)
{
    const QDateTime begin = orgNow();
    const QString id = create(QStringLiteral("Nuevo"));
    ASSERT_TRUE(org().advanceClock(120));
    const QDateTime end = orgNow();
    // Seconds are ignored: start 10:00:59 means 10:00:00.
    const QString start =
        begin.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm")) + QStringLiteral(":59Z");
    const HttpReply reply = replication(QStringLiteral("updated"), start, isoMinute(end));
    ASSERT_EQ(reply.status, 200) << reply.body.toStdString();
    EXPECT_EQ(reply.object().value(QStringLiteral("ids")).toArray(), QJsonArray{id});
    const QDateTime covered = parseStamp(reply.object().value(QStringLiteral("latestDateCovered")));
    EXPECT_EQ(covered.time().second(), 0);
    EXPECT_EQ(covered.toString(QStringLiteral("yyyy-MM-ddTHH:mm")),
              end.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm")));

    const HttpReply tooOld =
        replication(QStringLiteral("updated"), isoMinute(end.addDays(-31)), isoMinute(end));
    EXPECT_EQ(tooOld.status, 400);
    EXPECT_EQ(errorCode(tooOld), QStringLiteral("INVALID_REPLICATION_DATE"));
    const HttpReply backwards =
        replication(QStringLiteral("updated"), isoMinute(end), isoMinute(begin));
    EXPECT_EQ(errorCode(backwards), QStringLiteral("INVALID_REPLICATION_DATE"));
}

TEST_F(OrgTimeTest, LateCommitsCarryTheirOldStampAndAppearLater)
{
    const QString early = create(QStringLiteral("Temprano"));
    ASSERT_TRUE(org().advanceClock(5));
    const QString late =
        org().adminCreate(kStudent, student(QStringLiteral("Tarde")), LateCommit{30, 60});
    ASSERT_FALSE(late.isEmpty());
    EXPECT_FALSE(liveIds().contains(late));
    EXPECT_EQ(org().api("GET", QStringLiteral("sobjects/Student__c/") + late).status, 404);
    // latestDateCovered stops before the transaction still running.
    const QDateTime now = orgNow();
    const HttpReply pending = replication(QStringLiteral("updated"), isoMinute(now.addSecs(-600)),
                                          isoMinute(now.addSecs(60)));
    ASSERT_EQ(pending.status, 200) << pending.body.toStdString();
    EXPECT_LE(parseStamp(pending.object().value(QStringLiteral("latestDateCovered"))),
              now.addSecs(-30));

    ASSERT_TRUE(org().advanceClock(61));
    ASSERT_TRUE(liveIds().contains(late));
    const QDateTime lateStamp =
        parseStamp(fetchRecord(late).value(QStringLiteral("SystemModstamp")));
    const QDateTime earlyStamp =
        parseStamp(fetchRecord(early).value(QStringLiteral("SystemModstamp")));
    EXPECT_LT(lateStamp, earlyStamp); // visible now, stamped before a record seen long ago

    // A late edit and a late delete: the old values stay visible until the commit.
    ASSERT_TRUE(org().adminUpdate(kStudent, early,
                                  {{QStringLiteral("Nickname__c"), QStringLiteral("Tardío")}},
                                  LateCommit{10, 30}));
    EXPECT_TRUE(fetchRecord(early).value(QStringLiteral("Nickname__c")).isNull());
    ASSERT_TRUE(org().adminDelete(kStudent, late, LateCommit{0, 30}));
    EXPECT_TRUE(liveIds().contains(late));
    ASSERT_TRUE(org().advanceClock(31));
    EXPECT_EQ(fetchRecord(early).value(QStringLiteral("Nickname__c")).toString(),
              QStringLiteral("Tardío"));
    EXPECT_FALSE(liveIds().contains(late));
}

TEST_F(OrgTimeTest, CommitDelayFaultHidesWritesUntilTheyCommit)
{
    ASSERT_TRUE(org().setFaults(
        {{QStringLiteral("commitDelayMaxSeconds"), 30}, {QStringLiteral("commitDelayRate"), 1}}));
    const QDateTime written = orgNow();
    const QString id = create(QStringLiteral("Lento"));
    EXPECT_FALSE(liveIds().contains(id));
    ASSERT_TRUE(org().clearFaults());
    ASSERT_TRUE(org().advanceClock(31));
    ASSERT_TRUE(liveIds().contains(id));
    const QDateTime stamp = parseStamp(fetchRecord(id).value(QStringLiteral("SystemModstamp")));
    EXPECT_LE(std::abs(stamp.secsTo(written)), 2);
}

} // namespace
