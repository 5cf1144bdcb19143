// A chosen SQL statement fails during a pull, a push and a merge (issue 20), as Nextcloud's
// SyncJournalDb::autotestFailCounter lets its tests do: the sync must say it failed (never
// "Clean"), keep every edit the teacher typed in the outbox, and the next sync without the
// fault must leave the org and the laptop equal record by record.
#include "laptop.h"
#include "orgscope.h"
#include "store/execstatement.h"

#include <QJsonArray>
#include <QJsonObject>
#include <gtest/gtest.h>

using namespace pasalista;
using namespace pasalista::test;

namespace {

const QString kStudent = QStringLiteral("Student__c");

} // namespace

class StoreFaults : public SyncedLaptopTest
{
protected:
    void SetUp() override
    {
        ASSERT_NO_FATAL_FAILURE(SyncedLaptopTest::SetUp());
        roster = repository.roster(course.id);
        ASSERT_GE(roster.size(), 2) << "a course with students";
    }
    void TearDown() override { failStatementForTest(0); }

    // The teacher renames a student while the office moves the same student's address.
    Student editWhileTheOfficeEditsToo()
    {
        Student edited = roster.first();
        edited.nickname = QStringLiteral("Profe-nick");
        EXPECT_TRUE(repository.updateStudent(edited).ok());
        EXPECT_TRUE(
            org.adminUpdate(kStudent, edited.sfid,
                            {{QStringLiteral("Direccion__c"), QStringLiteral("Calle Duarte 7")}}));
        return edited;
    }

    // The sync with the fault stopped with an error and kept the teacher's edit waiting.
    void expectFailedKeepingTheEdit(const SyncReport &report, const Student &edited)
    {
        EXPECT_NE(report.result, SyncReport::Result::Clean);
        EXPECT_EQ(report.result, SyncReport::Result::Error) << report.message.toStdString();
        EXPECT_FALSE(report.message.isEmpty());
        EXPECT_GE(laptop.store().pendingChangeCount(), 1) << "the edit still waits to go out";
        EXPECT_EQ(repository.student(edited.id)->nickname, QStringLiteral("Profe-nick"))
            << "nothing typed is lost";
    }

    // The next sync, without the fault, leaves the org and the laptop alike.
    void expectTheNextSyncConverges(SyncReport::Result expected = SyncReport::Result::Clean)
    {
        const SyncReport report = laptop.sync();
        EXPECT_EQ(report.result, expected) << report.message.toStdString();
        EXPECT_EQ(laptop.store().pendingChangeCount(), 0);
        expectStoreHoldsExactlyTheScope(org, laptop.store());
    }

    // The teacher renames a student the office moves meanwhile; the statement containing
    // `statement` fails during the merge of the two.
    void expectAMergeFaultLosesNothing(const QString &statement)
    {
        const Student edited = editWhileTheOfficeEditsToo();
        failStatementForTest(1, statement);
        expectFailedKeepingTheEdit(laptop.sync(), edited);
        expectTheNextSyncConverges();
        const QJsonObject record = byId(org, kStudent).value(edited.sfid);
        EXPECT_EQ(record.value(QStringLiteral("Nickname__c")).toString(),
                  QStringLiteral("Profe-nick"));
        EXPECT_EQ(record.value(QStringLiteral("Direccion__c")).toString(),
                  QStringLiteral("Calle Duarte 7"));
        const Student here = *repository.student(edited.id);
        EXPECT_EQ(here.nickname, QStringLiteral("Profe-nick"));
        EXPECT_EQ(here.address, QStringLiteral("Calle Duarte 7"));
    }

    QList<Student> roster;
};

TEST_F(StoreFaults, APulledRecordThatCannotBeSavedStopsThePullAndLosesNoEdit)
{
    // The teacher edits one student; the office edits another, which the pull must save.
    Student edited = roster.first();
    edited.nickname = QStringLiteral("Profe-nick");
    ASSERT_TRUE(repository.updateStudent(edited).ok());
    const Student other = roster.at(1);
    ASSERT_TRUE(
        org.adminUpdate(kStudent, other.sfid,
                        {{QStringLiteral("Direccion__c"), QStringLiteral("Calle Duarte 7")}}));

    // RemoteApplier::updateSynced: an org change written over a row without local edits.
    failStatementForTest(1, QStringLiteral("_hc_lastop = 'SYNCED', _hc_err = NULL WHERE id = ?"));
    expectFailedKeepingTheEdit(laptop.sync(), edited);
    EXPECT_NE(repository.student(other.id)->address, QStringLiteral("Calle Duarte 7"))
        << "the failed page was rolled back";

    expectTheNextSyncConverges();
    EXPECT_EQ(
        byId(org, kStudent).value(edited.sfid).value(QStringLiteral("Nickname__c")).toString(),
        QStringLiteral("Profe-nick"));
    EXPECT_EQ(repository.student(other.id)->address, QStringLiteral("Calle Duarte 7"));
}

TEST_F(StoreFaults, APushWhoseResultCannotBeSavedIsSentAgainWithoutATwin)
{
    const QDate day = QDate::currentDate().addDays(-300); // no marks there yet
    ASSERT_TRUE(repository.markAllPresent(course.id, day, true).ok());
    const int marks = laptop.store().pendingChangeCount();
    ASSERT_GT(marks, 0);
    const auto orgMarksOnDay = [&] {
        int count = 0;
        for (const QJsonValue &value : liveRecords(org, QStringLiteral("Attendance__c"))) {
            count += value.toObject().value(QStringLiteral("Start_Date__c")).toString() ==
                     day.toString(Qt::ISODate);
        }
        return count;
    };
    const int before = orgMarksOnDay();

    // Outbox::markSent: the org took the marks, but the laptop cannot note it.
    failStatementForTest(1, QStringLiteral("processed_at = ? WHERE id IN"));
    const SyncReport report = laptop.sync();
    EXPECT_EQ(report.result, SyncReport::Result::Error) << report.message.toStdString();
    EXPECT_EQ(laptop.store().pendingChangeCount(), marks) << "every mark still waits";

    expectTheNextSyncConverges();
    EXPECT_EQ(orgMarksOnDay(), before + marks) << "each mark once in the org";
}

TEST_F(StoreFaults, AMergeWhoseOutboxRewriteFailsStopsAndLosesNoEdit)
{
    // Outbox::rewrite: what the merge leaves of the teacher's entry to send.
    expectAMergeFaultLosesNothing(QStringLiteral("UPDATE _trigger_log SET \"values\" = ?"));
}

TEST_F(StoreFaults, AMergeThatCannotReadTheLocalEditsStopsInsteadOfOverwritingThem)
{
    // Before issue 20 a failed read of the record's outbox entries looked like "no local
    // edits": the org's version was written over the teacher's.
    expectAMergeFaultLosesNothing(
        QStringLiteral("SELECT id, action, \"values\", old FROM _trigger_log"));
}

TEST_F(StoreFaults, AConflictThatCannotBeLoggedStopsTheMergeAndIsLoggedOnceLater)
{
    // Both change the phone: a conflict the office wins, the teacher's value kept in the log.
    Student edited = roster.first();
    edited.nickname = QStringLiteral("Profe-nick");
    edited.phone1 = QStringLiteral("809-555-1111");
    ASSERT_TRUE(repository.updateStudent(edited).ok());
    ASSERT_TRUE(
        org.adminUpdate(kStudent, edited.sfid,
                        {{QStringLiteral("Phone_Number_1__c"), QStringLiteral("829-555-2222")}}));

    failStatementForTest(1, QStringLiteral("INSERT INTO _conflict_log"));
    expectFailedKeepingTheEdit(laptop.sync(), edited);
    EXPECT_EQ(repository.student(edited.id)->phone1, QStringLiteral("809-555-1111"));

    expectTheNextSyncConverges(SyncReport::Result::Issues);
    EXPECT_EQ(laptop.count(QStringLiteral("SELECT COUNT(*) FROM _conflict_log")), 1);
    const QJsonObject record = byId(org, kStudent).value(edited.sfid);
    EXPECT_EQ(record.value(QStringLiteral("Nickname__c")).toString(), QStringLiteral("Profe-nick"));
    EXPECT_EQ(record.value(QStringLiteral("Phone_Number_1__c")).toString(),
              QStringLiteral("829-555-2222"));
}
