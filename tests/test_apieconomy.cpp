// What a sync costs in API calls, counted by the emulator as Salesforce counts them (a
// Composite request is one call) and read back from Sforce-Limit-Info: a count, not a time.
#include "diagnostics.h"
#include "laptop.h"
#include "orgscope.h"
#include "storecheck.h"
#include "sync/apibudget.h"
#include "sync/syncengine.h"

#include <QJsonObject>
#include <QSqlQuery>
#include <gtest/gtest.h>

using namespace pasalista;
using namespace pasalista::test;

namespace {

class ApiEconomyTest : public pasalista::test::OrgTest
{
protected:
    // API calls one sync spends, from the org's own counter before and after.
    int callsOf(Laptop &laptop, SyncReport *report = nullptr)
    {
        const int before = laptop.client().apiUsed();
        const SyncReport result = laptop.poll();
        EXPECT_TRUE(result.result == SyncReport::Result::Clean ||
                    result.result == SyncReport::Result::Issues)
            << result.message.toStdString();
        if (report) {
            *report = result;
        }
        return laptop.client().apiUsed() - before;
    }

    // API calls one "Sync now" spends (no probe: every object is queried).
    int callsOfSyncNow(Laptop &laptop, SyncReport *report = nullptr)
    {
        const int before = laptop.client().apiUsed();
        const SyncReport result = laptop.sync();
        if (report) {
            *report = result;
        }
        return laptop.client().apiUsed() - before;
    }

    void describesCheckedDaysAgo(Laptop &laptop, int days)
    {
        QSqlQuery query(laptop.store().database());
        query.prepare(QStringLiteral("UPDATE _meta SET value = ? WHERE key = ?"));
        query.addBindValue(QDateTime::currentDateTimeUtc().addDays(-days).toString(Qt::ISODate));
        query.addBindValue(QLatin1String(SyncEngine::kDescribeCheckedKey));
        ASSERT_TRUE(query.exec());
        ASSERT_EQ(query.numRowsAffected(), 1);
    }

    // The laptop's first sync, then one poll once the demo's records (stamped when the org
    // started) are older than the pull's overlap: from then on the org has nothing new to say.
    void SetUp() override
    {
        ASSERT_NO_FATAL_FAILURE(OrgTest::SetUp());
        ASSERT_EQ(laptop.sync().result, SyncReport::Result::Clean);
        ASSERT_TRUE(org.advanceClock(11 * 60));
        ASSERT_EQ(laptop.poll().result, SyncReport::Result::Clean);
    }

    Laptop laptop{org, QStringLiteral("a")};
};

TEST_F(ApiEconomyTest, AnIdleSyncCostsOneApiCall)
{
    ASSERT_GT(laptop.client().apiUsed(), 0) << "Sforce-Limit-Info was read";
    EXPECT_EQ(callsOf(laptop), 1);
    EXPECT_EQ(callsOf(laptop), 1);

    // Help -> Copy diagnostics shows what this laptop spent today and in the last sync.
    const ApiBudget budget(laptop.store());
    EXPECT_EQ(budget.lastSyncCalls(), 1);
    EXPECT_GT(budget.spentToday(), 3);
    const Diagnostics::Lines lines = Diagnostics::storeStatistics(laptop.store());
    EXPECT_TRUE(lines.contains(
        {QStringLiteral("API calls today"), QStringLiteral("%1 of %2")
                                                .arg(budget.spentToday())
                                                .arg(ApiBudget::capOf(Mapping::dream()))}));
    EXPECT_TRUE(lines.contains({QStringLiteral("API calls last sync"), QStringLiteral("1")}));
}

TEST_F(ApiEconomyTest, DescribesAreRevalidatedDailyInOneMoreCall)
{
    describesCheckedDaysAgo(laptop, 2);
    EXPECT_EQ(callsOf(laptop), 2) << "the describes (304 each) and the probe";
    EXPECT_EQ(callsOf(laptop), 1) << "revalidated today: not asked again";
}

TEST_F(ApiEconomyTest, AnOfficeEditCostsTheProbeAndOneQuery)
{
    const Course course = firstActiveCourse(laptop.repository());
    const QList<Student> roster = laptop.repository().roster(course.id);
    ASSERT_FALSE(roster.isEmpty());
    ASSERT_TRUE(org.adminUpdate(QStringLiteral("Student__c"), roster.first().sfid,
                                {{QStringLiteral("Nickname__c"), QStringLiteral("Tito")}}));
    // The org vouches for whole minutes only: the edit shows once its minute is over.
    ASSERT_TRUE(org.advanceClock(61));
    EXPECT_EQ(callsOf(laptop), 2);
    EXPECT_EQ(laptop.repository().student(roster.first().id)->nickname, QStringLiteral("Tito"));
}

TEST_F(ApiEconomyTest, AnOfficeDeleteIsAppliedFromTheProbeAlone)
{
    const qint64 marks = laptop.count(QStringLiteral("SELECT COUNT(*) FROM attendance__c"));
    QSqlQuery any(laptop.store().database());
    ASSERT_TRUE(any.exec(QStringLiteral("SELECT sfid FROM attendance__c LIMIT 1")) && any.next());
    ASSERT_TRUE(org.adminDelete(QStringLiteral("Attendance__c"), any.value(0).toString()));
    ASSERT_TRUE(org.advanceClock(61));
    EXPECT_EQ(callsOf(laptop), 1) << "the deleted resource named it; no queryAll";
    EXPECT_EQ(
        laptop.count(QStringLiteral("SELECT COUNT(*) FROM attendance__c WHERE isdeleted = 0")),
        marks - 1);
}

// "Sync now" must see an office edit of this very minute, which the probe cannot vouch for:
// the probe's questions (whole minutes) and the queryAll of the windows of the objects the
// teacher writes (the last seconds, deletions included) travel in one Composite call
// (issue 26; 3 calls before, 13 before batching).
TEST_F(ApiEconomyTest, SyncNowCostsOneCall)
{
    SyncReport report;
    EXPECT_EQ(callsOfSyncNow(laptop, &report), 1);
    EXPECT_EQ(report.result, SyncReport::Result::Clean) << report.message.toStdString();
    EXPECT_EQ(callsOfSyncNow(laptop), 1);

    const Course course = firstActiveCourse(laptop.repository());
    const QList<Student> roster = laptop.repository().roster(course.id);
    ASSERT_FALSE(roster.isEmpty());
    ASSERT_TRUE(org.adminUpdate(QStringLiteral("Student__c"), roster.first().sfid,
                                {{QStringLiteral("Nickname__c"), QStringLiteral("Tito")}}));
    const QList<AttendanceMark> marks = laptop.repository().attendanceOfCourse(course.id);
    ASSERT_FALSE(marks.isEmpty());
    ASSERT_TRUE(org.adminDelete(QStringLiteral("Attendance__c"), marks.first().sfid));
    EXPECT_EQ(callsOfSyncNow(laptop, &report), 1) << "an edit and a delete of this second";
    EXPECT_EQ(report.result, SyncReport::Result::Clean) << report.message.toStdString();
    EXPECT_EQ(laptop.repository().student(roster.first().id)->nickname, QStringLiteral("Tito"));
    expectStoreHoldsExactlyTheScope(org, laptop.store());
}

// The office hands the teacher a course and, in the same seconds, deletes an enrollment of
// one she already leads. "Sync now" learns of the course in its window, so the enrollments'
// scope moves after their window was read ahead: that window is then asked again, with its
// deleted rows, since the probe vouches for whole minutes only. One sync leaves exactly the
// scope (before, the enrollment, its marks and its student stayed until a later sync).
TEST_F(ApiEconomyTest, SyncNowSeesADeleteOfTheseSecondsWhileTheScopeMoves)
{
    const QString maria = teacherId(org, kTeacher);
    QString handedOver;
    QString ledCourse;
    for (const QJsonObject &course : byId(org, QStringLiteral("Class__c"))) {
        const bool led = text(course, QStringLiteral("Facilitator_1__c")) == maria ||
                         text(course, QStringLiteral("Facilitator_2__c")) == maria;
        (led ? ledCourse : handedOver) = text(course, QStringLiteral("Id"));
    }
    ASSERT_FALSE(handedOver.isEmpty());
    ASSERT_FALSE(ledCourse.isEmpty());
    QString enrollment;
    for (const QJsonObject &record : byId(org, QStringLiteral("ParticipantEnrollment__c"))) {
        if (text(record, QStringLiteral("Class__c")) == ledCourse) {
            enrollment = text(record, QStringLiteral("Id"));
        }
    }
    ASSERT_FALSE(enrollment.isEmpty());
    ASSERT_TRUE(org.adminUpdate(QStringLiteral("Class__c"), handedOver,
                                {{QStringLiteral("Facilitator_2__c"), maria}}));
    ASSERT_TRUE(org.adminDelete(QStringLiteral("ParticipantEnrollment__c"), enrollment));
    SyncReport report;
    callsOfSyncNow(laptop, &report);
    EXPECT_EQ(report.result, SyncReport::Result::Clean) << report.message.toStdString();
    expectStoreHoldsExactlyTheScope(org, laptop.store());
}

// A subrequest that fails is handled as its query sent alone would be: a passing failure
// (500) is asked again alone and the cycle ends clean; the records still match the org.
TEST_F(ApiEconomyTest, AFailedSubrequestIsAskedAgainAlone)
{
    const Course course = firstActiveCourse(laptop.repository());
    const QList<AttendanceMark> marks = laptop.repository().attendanceOfCourse(course.id);
    ASSERT_FALSE(marks.isEmpty());
    ASSERT_TRUE(org.adminDelete(QStringLiteral("Attendance__c"), marks.first().sfid));
    // The marks' queryAll is the last subrequest of the batch.
    for (int nth = 1; nth <= 6; ++nth) {
        ASSERT_TRUE(org.armFault("GET", QStringLiteral("/queryAll$"), QStringLiteral("500"), nth));
    }
    SyncReport report;
    const int calls = callsOfSyncNow(laptop, &report);
    EXPECT_EQ(report.result, SyncReport::Result::Clean) << report.message.toStdString();
    EXPECT_GT(calls, 1) << "the failed subrequests were asked again";
    EXPECT_EQ(laptop.count(QStringLiteral("SELECT COUNT(*) FROM attendance__c WHERE sfid = '%1'"
                                          " AND isdeleted = 0")
                               .arg(marks.first().sfid)),
              0)
        << "the deletion from the queryAll asked alone is applied";
    ASSERT_TRUE(org.clearFaults());
    expectStoreHoldsExactlyTheScope(org, laptop.store());
}

// An admin deletes a field Pasalista reads: the query naming it fails with INVALID_FIELD
// inside the batch. The teacher is told so (an error, never "in sync"), and the next cycle
// reads the describes again, whole (a change in the second they were cached would be
// answered 304 to If-Modified-Since), leaves the field out of its queries and ends clean.
TEST_F(ApiEconomyTest, AFieldDeletedInTheOrgIsAnErrorThenTheDescribesAreReadAgain)
{
    ASSERT_EQ(
        org.request("DELETE", QStringLiteral("/__emulator/schema/Student__c/Nickname__c")).status,
        204);
    SyncReport failed;
    callsOfSyncNow(laptop, &failed);
    EXPECT_EQ(failed.result, SyncReport::Result::Error);
    EXPECT_TRUE(failed.message.contains(QStringLiteral("Nickname__c")))
        << failed.message.toStdString();
    QSqlQuery checked(laptop.store().database());
    ASSERT_TRUE(checked.exec(QStringLiteral("SELECT value FROM _meta WHERE key = '%1'")
                                 .arg(QLatin1String(SyncEngine::kDescribeCheckedKey))));
    EXPECT_TRUE(checked.next() &&
                checked.value(0).toString() == QLatin1String(SyncEngine::kDescribeWhole))
        << "the describes are due again, to be read whole";

    SyncReport next;
    EXPECT_EQ(callsOfSyncNow(laptop, &next), 2) << "the describes, then the batched pull";
    EXPECT_EQ(next.result, SyncReport::Result::Clean) << next.message.toStdString();
    EXPECT_TRUE(next.warnings.join(QLatin1Char(' ')).contains(QStringLiteral("Nickname__c")))
        << "the missing field is named";
    EXPECT_EQ(callsOfSyncNow(laptop), 1) << "revalidated: not asked again";
    expectStoreHoldsExactlyTheScope(org, laptop.store());
}

// The economy bench once reported "Sync now" pushing 33 records for 40 marks. Its marks fall
// on days the demo has marked already: re-marking a day with the same status and no note
// changes nothing, so nothing is sent. Every mark that changes a value is pushed once, none
// is lost, and the org and the laptop then hold the same records.
TEST_F(ApiEconomyTest, SyncNowPushesEveryMarkThatChangesSomething)
{
    Repository &repository = laptop.repository();
    const QDate day = QDate::currentDate().addDays(-2);
    int marked = 0;
    int changing = 0;
    int unchanged = 0;
    // As the bench marks: every student of every course, ten days further back each round.
    for (int back = 0; back < 7 && marked < 40; ++back) {
        for (const Course &course : repository.courses()) {
            const QDate date = day.addDays(-back * 10);
            const QHash<qint64, AttendanceMark> before = repository.attendanceOn(course.id, date);
            for (const Student &student : repository.roster(course.id)) {
                if (marked == 40) {
                    break;
                }
                const int status = marked % 3;
                const auto existing = before.constFind(student.id);
                const bool changes = existing == before.constEnd() || existing->status != status ||
                                     !existing->notes.isEmpty();
                if (repository.markAttendance(course.id, student.id, date, status, {}, true).ok()) {
                    ++marked;
                    changing += changes ? 1 : 0;
                    unchanged += changes ? 0 : 1;
                }
            }
        }
    }
    ASSERT_EQ(marked, 40);
    EXPECT_EQ(laptop.store().pendingChangeCount(), changing) << unchanged << " re-marks as before";
    SyncReport report;
    // Issue 26: the pull (the probe, the windows and the marks' edits in one call), then the
    // push with its read-back in one more.
    EXPECT_LE(callsOfSyncNow(laptop, &report), 2);
    EXPECT_EQ(report.result, SyncReport::Result::Clean) << report.message.toStdString();
    EXPECT_EQ(report.pushed, changing);
    EXPECT_EQ(laptop.store().pendingChangeCount(), 0);
    test::expectMarksMatchOrg(laptop, org);
    // The next pull brings the org's stamps of what was pushed; nothing is pushed twice.
    callsOfSyncNow(laptop, &report);
    EXPECT_EQ(report.pushed, 0);
    expectStoreHoldsExactlyTheScope(org, laptop.store());
}

// Issue 26: a first sync names every object's scope in SOQL (through the lookups up to the
// teacher's email), so every first page comes with T in the call that reads the describes;
// then the object that call had no room for, and the marks' second page, which travels
// while the pull applies the first (15 calls before, one after another). The laptop then
// holds exactly the teacher's scope. Then "Sync now" costs one call by the org's own count
// (Sforce-Limit-Info): the first sync's two last replies may come in either order, and the
// counter kept is the one of the reply the org sent last, not of the one read last.
TEST_F(ApiEconomyTest, AFirstSyncAsksEveryFirstPageAtOnce)
{
    Laptop fresh{org, QStringLiteral("b")};
    const int callsBefore = fresh.client().apiCallCount();
    const SyncReport report = fresh.sync();
    EXPECT_EQ(report.result, SyncReport::Result::Clean) << report.message.toStdString();
    EXPECT_LE(fresh.client().apiCallCount() - callsBefore, 3);
    expectStoreHoldsExactlyTheScope(org, fresh.store());
    const int before = fresh.client().apiUsed();
    EXPECT_EQ(fresh.sync().result, SyncReport::Result::Clean);
    EXPECT_EQ(fresh.client().apiUsed() - before, 1) << "and from then on, \"Sync now\" in one call";
    expectStoreHoldsExactlyTheScope(org, fresh.store());
}

} // namespace
