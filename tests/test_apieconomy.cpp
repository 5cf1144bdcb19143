// What a sync costs in API calls, counted by the emulator as Salesforce counts them (a
// Composite request is one call) and read back from Sforce-Limit-Info: a count, not a time.
#include "diagnostics.h"
#include "laptop.h"
#include "sync/apibudget.h"
#include "sync/syncengine.h"

#include <QJsonObject>
#include <QSqlQuery>
#include <gtest/gtest.h>

using namespace pasalista;
using pasalista::test::EmulatorProcess;
using pasalista::test::firstActiveCourse;
using pasalista::test::Laptop;

namespace {

class ApiEconomyTest : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(org.isRunning()) << org.startupOutput().toStdString(); }

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

    void describesCheckedDaysAgo(Laptop &laptop, int days)
    {
        QSqlQuery query(laptop.store().database());
        query.prepare(QStringLiteral("UPDATE _meta SET value = ? WHERE key = ?"));
        query.addBindValue(QDateTime::currentDateTimeUtc().addDays(-days).toString(Qt::ISODate));
        query.addBindValue(QLatin1String(SyncEngine::kDescribeCheckedKey));
        ASSERT_TRUE(query.exec());
        ASSERT_EQ(query.numRowsAffected(), 1);
    }

    // The first sync, then one poll once the demo's records (stamped when the org started)
    // are older than the pull's overlap: from then on the org has nothing new to say.
    void firstSync(Laptop &laptop)
    {
        ASSERT_EQ(laptop.sync().result, SyncReport::Result::Clean);
        ASSERT_TRUE(org.advanceClock(11 * 60));
        ASSERT_EQ(laptop.poll().result, SyncReport::Result::Clean);
    }

    EmulatorProcess org{{QStringLiteral("--demo")}};
};

TEST_F(ApiEconomyTest, AnIdleSyncCostsOneApiCall)
{
    Laptop laptop(org, QStringLiteral("a"));
    firstSync(laptop);
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
    Laptop laptop(org, QStringLiteral("a"));
    firstSync(laptop);
    describesCheckedDaysAgo(laptop, 2);
    EXPECT_EQ(callsOf(laptop), 2) << "the describes (304 each) and the probe";
    EXPECT_EQ(callsOf(laptop), 1) << "revalidated today: not asked again";
}

TEST_F(ApiEconomyTest, AnOfficeEditCostsTheProbeAndOneQuery)
{
    Laptop laptop(org, QStringLiteral("a"));
    firstSync(laptop);
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
    Laptop laptop(org, QStringLiteral("a"));
    firstSync(laptop);
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

} // namespace
