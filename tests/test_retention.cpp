// Issue 24: marks older than the programme keeps (this school year and the one before, school
// years starting in August) leave the laptop after a sync, never the org; one with a change
// not sent yet stays until the org has it, and the pull does not bring purged marks back.
#include "laptop.h"
#include "store/retention.h"

#include <gtest/gtest.h>

using namespace pasalista;
using namespace pasalista::test;

namespace {

const QString kAttendance = QStringLiteral("Attendance__c");

// The org's live marks of `day`, by Pasalista_Id__c.
QSet<QString> orgMarkKeysOn(const EmulatorProcess &org, const QDate &day)
{
    QSet<QString> keys;
    for (const QJsonValue &value : liveRecords(org, kAttendance)) {
        const QJsonObject record = value.toObject();
        if (record.value(QStringLiteral("Start_Date__c")).toString() == day.toString(Qt::ISODate))
            keys.insert(record.value(QStringLiteral("Pasalista_Id__c")).toString());
    }
    return keys;
}

class LaptopRetention : public SyncedLaptopTest
{
protected:
    // Marks every student of the course on `day`; their Pasalista Ids.
    QSet<QString> markEveryone(const QDate &day)
    {
        for (const Student &student : repository.roster(course.id))
            EXPECT_TRUE(repository.markAttendance(course.id, student.id, day, 1, {}, true).ok());
        QSet<QString> keys;
        for (const AttendanceMark &mark : repository.attendanceOn(course.id, day))
            keys.insert(mark.key);
        return keys;
    }

    const QDate today = QDate::currentDate();
    const QDate firstDayKept = Retention::firstDayKept(Mapping::dream().scope(), today);
};

} // namespace

TEST(RetentionWindow, ThisSchoolYearAndTheOneBeforeFromAugust)
{
    const SyncScope scope = Mapping::dream().scope();
    EXPECT_EQ(scope.schoolYearStartMonth, 8);
    EXPECT_EQ(scope.schoolYearsKept, 2);
    EXPECT_EQ(Retention::firstDayKept(scope, QDate(2026, 12, 7)), QDate(2025, 8, 1));
    EXPECT_EQ(Retention::firstDayKept(scope, QDate(2026, 8, 1)), QDate(2025, 8, 1));
    EXPECT_EQ(Retention::firstDayKept(scope, QDate(2026, 7, 31)), QDate(2024, 8, 1));
    SyncScope oneYearFromMarch = scope;
    oneYearFromMarch.schoolYearStartMonth = 3;
    oneYearFromMarch.schoolYearsKept = 1;
    EXPECT_EQ(Retention::firstDayKept(oneYearFromMarch, QDate(2026, 12, 7)), QDate(2026, 3, 1));
}

TEST_F(LaptopRetention, OldMarksLeaveTheLaptopAfterASyncAndStayInTheOrg)
{
    ASSERT_FALSE(course.sfid.isEmpty());
    const QDate old = firstDayKept.addDays(-20);
    const QDate kept = firstDayKept.addDays(3);
    const QSet<QString> oldKeys = markEveryone(old);
    const QSet<QString> keptKeys = markEveryone(kept);
    ASSERT_FALSE(oldKeys.isEmpty());

    // The sync sends them, then the laptop lets the old ones go.
    ASSERT_EQ(laptop.sync().result, SyncReport::Result::Clean);
    EXPECT_EQ(orgMarkKeysOn(org, old), oldKeys) << "the org keeps every old mark";
    EXPECT_EQ(orgMarkKeysOn(org, kept), keptKeys);
    EXPECT_TRUE(repository.attendanceOn(course.id, old).isEmpty()) << "purged from the laptop";
    EXPECT_EQ(repository.attendanceOn(course.id, kept).size(), keptKeys.size());

    // The office edits an old mark: the next syncs do not bring it back.
    const QJsonArray all = liveRecords(org, kAttendance);
    for (const QJsonValue &value : all) {
        const QJsonObject record = value.toObject();
        if (oldKeys.contains(record.value(QStringLiteral("Pasalista_Id__c")).toString())) {
            ASSERT_TRUE(org.adminUpdate(kAttendance, record.value(QStringLiteral("Id")).toString(),
                                        {{QStringLiteral("Notes__c"), QStringLiteral("Oficina")}}));
            break;
        }
    }
    ASSERT_EQ(laptop.sync().result, SyncReport::Result::Clean);
    ASSERT_EQ(laptop.sync().result, SyncReport::Result::Clean);
    EXPECT_TRUE(repository.attendanceOn(course.id, old).isEmpty());
    EXPECT_EQ(orgMarkKeysOn(org, old), oldKeys);
}

TEST_F(LaptopRetention, AnOldMarkWithAnUnsentChangeStaysUntilTheOrgHasIt)
{
    const QDate old = firstDayKept.addDays(-40);
    const QSet<QString> keys = markEveryone(old);
    ASSERT_FALSE(keys.isEmpty());

    EXPECT_EQ(Retention::purge(laptop.store(), today), 0) << "unsent: kept";
    EXPECT_EQ(repository.attendanceOn(course.id, old).size(), keys.size());
    EXPECT_TRUE(orgMarkKeysOn(org, old).isEmpty());

    ASSERT_EQ(laptop.sync().result, SyncReport::Result::Clean);
    EXPECT_EQ(orgMarkKeysOn(org, old), keys) << "sent first";
    EXPECT_TRUE(repository.attendanceOn(course.id, old).isEmpty()) << "then purged";
}
