// MergeTable, the merge of an org record with the teacher's unsent edits, row by row: each
// test is one row of the decision table (who changed the field, the policy) and what it
// decides to keep, to log as a conflict and to send. No store, no org: a pure function.
#include "sync/mergetable.h"

#include <gtest/gtest.h>

using namespace pasalista;

namespace {

const QString kPhone = QStringLiteral("phone__c");
const QString kNote = QStringLiteral("note__c");
const QString kKey = QStringLiteral("pasalista_id__c");
const QString kDeleted = QStringLiteral("isdeleted");

OutboxEntry entry(qint64 id, const QString &action, const QVariantMap &values,
                  const QVariantMap &old = {})
{
    return OutboxEntry{id, action, {}, 0, values, old, {}, {}, {}, {}};
}

OutboxEntry update(const QString &column, const QVariant &from, const QVariant &to)
{
    return entry(1, QStringLiteral("UPDATE"), {{column, to}}, {{column, from}});
}

OutboxEntry created(const QString &phone)
{
    return entry(1, QStringLiteral("INSERT"), {{kPhone, phone}});
}

// One row of the table on the phone column alone.
MergeDecision decidePhone(const QString &local, const QString &remote, const OutboxEntry &edit,
                          ConflictPolicy policy = ConflictPolicy::RemoteWins)
{
    return MergeTable::decide({{kPhone, local}}, {{kPhone, remote}}, {edit}, policy);
}

// The teacher deleted the record; the office changed its phone meanwhile.
MergeDecision deletedHereChangedThere(ConflictPolicy policy)
{
    return MergeTable::decide(
        {{kPhone, QStringLiteral("111")}}, {{kPhone, QStringLiteral("222")}, {kDeleted, 0}},
        {entry(1, QStringLiteral("DELETE"), {}, {{kPhone, QStringLiteral("111")}})}, policy);
}

bool marksSynced(const MergeDecision &decision)
{
    return decision.accepted.value(kLastOpColumn).toString() == lastOpName(LastOp::Synced);
}

} // namespace

TEST(MergeTable, AFieldOnlyTheOrgChangedTakesTheOrgsValue)
{
    const auto decision = MergeTable::decide(
        {{kPhone, QStringLiteral("111")}, {kNote, QStringLiteral("a")}},
        {{kPhone, QStringLiteral("111")}, {kNote, QStringLiteral("office")}},
        {update(kPhone, QStringLiteral("000"), QStringLiteral("111"))}, ConflictPolicy::RemoteWins);
    EXPECT_EQ(decision.accepted.value(kNote).toString(), QStringLiteral("office"));
    EXPECT_TRUE(decision.conflicts.isEmpty());
    ASSERT_EQ(decision.entries.size(), 1);
    EXPECT_TRUE(decision.entries.first().values.contains(kPhone))
        << "the teacher's edit still goes";
    EXPECT_FALSE(marksSynced(decision));
}

TEST(MergeTable, AFieldOnlyTheTeacherChangedIsKeptAndSent)
{
    const auto decision = decidePhone(QStringLiteral("111"), QStringLiteral("000"),
                                      update(kPhone, QStringLiteral("000"), QStringLiteral("111")));
    EXPECT_FALSE(decision.accepted.contains(kPhone));
    EXPECT_TRUE(decision.conflicts.isEmpty());
    EXPECT_EQ(decision.entries.first().values.value(kPhone).toString(), QStringLiteral("111"));
    EXPECT_FALSE(decision.dropLocalDelete);
}

TEST(MergeTable, BothChangedAndTheOrgWinsLogsTheTeachersValue)
{
    const auto decision = decidePhone(QStringLiteral("111"), QStringLiteral("222"),
                                      update(kPhone, QStringLiteral("000"), QStringLiteral("111")));
    ASSERT_EQ(decision.conflicts.size(), 1);
    const MergeConflict &conflict = decision.conflicts.first();
    EXPECT_EQ(conflict.column, kPhone);
    EXPECT_EQ(conflict.base.toString(), QStringLiteral("000"));
    EXPECT_EQ(conflict.local.toString(), QStringLiteral("111"));
    EXPECT_EQ(conflict.remote.toString(), QStringLiteral("222"));
    EXPECT_EQ(conflict.kept, QStringLiteral("remote"));
    EXPECT_EQ(decision.accepted.value(kPhone).toString(), QStringLiteral("222"));
    EXPECT_TRUE(decision.entries.first().values.isEmpty()) << "nothing left to send";
    EXPECT_TRUE(marksSynced(decision));
}

TEST(MergeTable, BothChangedAndTheTeacherWinsSendsTheTeachersValueOverTheOrgs)
{
    const auto decision = decidePhone(QStringLiteral("111"), QStringLiteral("222"),
                                      update(kPhone, QStringLiteral("000"), QStringLiteral("111")),
                                      ConflictPolicy::LocalWins);
    ASSERT_EQ(decision.conflicts.size(), 1);
    EXPECT_EQ(decision.conflicts.first().kept, QStringLiteral("local"));
    EXPECT_FALSE(decision.accepted.contains(kPhone));
    const OutboxEntry &left = decision.entries.first();
    EXPECT_EQ(left.values.value(kPhone).toString(), QStringLiteral("111"));
    EXPECT_EQ(left.old.value(kPhone).toString(), QStringLiteral("222")) << "the org's is the base";
    EXPECT_FALSE(marksSynced(decision));
}

TEST(MergeTable, BothChangedToTheSameValueIsNoConflict)
{
    const auto decision = decidePhone(QStringLiteral("111"), QStringLiteral("111"),
                                      update(kPhone, QStringLiteral("000"), QStringLiteral("111")));
    EXPECT_TRUE(decision.conflicts.isEmpty());
    EXPECT_FALSE(decision.accepted.contains(kPhone));
    EXPECT_EQ(decision.entries.first().values.value(kPhone).toString(), QStringLiteral("111"));
}

TEST(MergeTable, TheOrgHoldingOurOwnEarlierWriteIsNoConflict)
{
    // A push whose reply was lost: the org has the first edit, the teacher made a second.
    const auto decision =
        MergeTable::decide({{kPhone, QStringLiteral("222")}}, {{kPhone, QStringLiteral("111")}},
                           {update(kPhone, QStringLiteral("000"), QStringLiteral("111")),
                            entry(2, QStringLiteral("UPDATE"), {{kPhone, QStringLiteral("222")}},
                                  {{kPhone, QStringLiteral("111")}})},
                           ConflictPolicy::RemoteWins);
    EXPECT_TRUE(decision.conflicts.isEmpty());
    EXPECT_FALSE(decision.accepted.contains(kPhone));
    EXPECT_EQ(decision.entries.size(), 2);
}

TEST(MergeTable, ARecordCreatedAlikeOnBothSidesHasNothingLeftToSend)
{
    const auto decision =
        MergeTable::decide({{kPhone, QStringLiteral("111")}, {kKey, QStringLiteral("k")}},
                           {{kPhone, QStringLiteral("111")}, {kKey, QStringLiteral("k")}},
                           {entry(1, QStringLiteral("INSERT"),
                                  {{kPhone, QStringLiteral("111")}, {kKey, QStringLiteral("k")}})},
                           ConflictPolicy::RemoteWins);
    EXPECT_TRUE(decision.conflicts.isEmpty());
    EXPECT_TRUE(decision.entries.first().values.isEmpty());
    EXPECT_TRUE(marksSynced(decision));
}

TEST(MergeTable, ACreatedFieldTheTeacherLeftEmptyTakesTheOrgsValue)
{
    const auto decision = decidePhone(QString(), QStringLiteral("222"), created(QString()));
    EXPECT_EQ(decision.accepted.value(kPhone).toString(), QStringLiteral("222"));
    EXPECT_TRUE(decision.conflicts.isEmpty());
    EXPECT_TRUE(decision.entries.first().values.isEmpty());
}

TEST(MergeTable, ACreatedFieldOnlyTheTeacherSetIsSent)
{
    const auto decision =
        decidePhone(QStringLiteral("111"), QString(), created(QStringLiteral("111")));
    EXPECT_TRUE(decision.conflicts.isEmpty());
    EXPECT_FALSE(decision.accepted.contains(kPhone));
    EXPECT_EQ(decision.entries.first().values.value(kPhone).toString(), QStringLiteral("111"));
}

TEST(MergeTable, ACreatedFieldSetDifferentlyOnBothSidesIsAConflictWithTheOrgsValueAsBase)
{
    const auto decision =
        decidePhone(QStringLiteral("111"), QStringLiteral("222"), created(QStringLiteral("111")));
    ASSERT_EQ(decision.conflicts.size(), 1);
    EXPECT_EQ(decision.conflicts.first().base.toString(), QStringLiteral("222"));
    EXPECT_EQ(decision.accepted.value(kPhone).toString(), QStringLiteral("222"));
}

TEST(MergeTable, OurKeyStaysEvenWhenTheOrgLacksIt)
{
    const auto decision =
        MergeTable::decide({{kKey, QStringLiteral("k")}}, {{kKey, QString()}},
                           {entry(1, QStringLiteral("INSERT"), {{kKey, QStringLiteral("k")}})},
                           ConflictPolicy::RemoteWins);
    EXPECT_FALSE(decision.accepted.contains(kKey));
    EXPECT_TRUE(decision.conflicts.isEmpty());
    EXPECT_EQ(decision.entries.first().values.value(kKey).toString(), QStringLiteral("k"));
}

TEST(MergeTable, ATeachersDeleteLosesToTheOrgsChange)
{
    const auto decision = deletedHereChangedThere(ConflictPolicy::RemoteWins);
    ASSERT_EQ(decision.conflicts.size(), 1);
    EXPECT_EQ(decision.conflicts.first().column, kDeleted);
    EXPECT_EQ(decision.conflicts.first().kept, QStringLiteral("remote"));
    EXPECT_TRUE(decision.dropLocalDelete);
    EXPECT_EQ(decision.accepted.value(kPhone).toString(), QStringLiteral("222"));
    EXPECT_EQ(decision.accepted.value(kDeleted).toInt(), 0);
    EXPECT_TRUE(marksSynced(decision));
    EXPECT_TRUE(decision.entries.isEmpty());
}

TEST(MergeTable, ATeachersDeleteWinsOverTheOrgsChangeAndStillGoesOut)
{
    const auto decision = deletedHereChangedThere(ConflictPolicy::LocalWins);
    ASSERT_EQ(decision.conflicts.size(), 1);
    EXPECT_EQ(decision.conflicts.first().kept, QStringLiteral("local"));
    EXPECT_FALSE(decision.dropLocalDelete);
    EXPECT_FALSE(decision.accepted.contains(kDeleted)) << "the row stays deleted here";
    EXPECT_EQ(decision.accepted.value(kPhone).toString(), QStringLiteral("222"));
    EXPECT_FALSE(marksSynced(decision));
}

TEST(MergeTable, EditsBeforeALosingDeleteStillMeetTheOrgFieldByField)
{
    const auto decision = MergeTable::decide(
        {{kPhone, QStringLiteral("111")}, {kNote, QStringLiteral("a")}},
        {{kPhone, QStringLiteral("000")}, {kNote, QStringLiteral("office")}, {kDeleted, 0}},
        {update(kPhone, QStringLiteral("000"), QStringLiteral("111")),
         entry(2, QStringLiteral("DELETE"), {}, {})},
        ConflictPolicy::RemoteWins);
    EXPECT_TRUE(decision.dropLocalDelete);
    ASSERT_EQ(decision.entries.size(), 1) << "the delete is merged away";
    EXPECT_EQ(decision.entries.first().values.value(kPhone).toString(), QStringLiteral("111"));
    EXPECT_EQ(decision.accepted.value(kNote).toString(), QStringLiteral("office"));
    EXPECT_EQ(decision.accepted.value(kDeleted).toInt(), 0);
    EXPECT_FALSE(decision.accepted.contains(kPhone));
    EXPECT_FALSE(marksSynced(decision));
}

// Issue 22: a mark's status and note are one fact (here phone and note stand for them).
// The teacher changed one, the office the other: no mix is settled, the policy's side keeps
// its whole version and both differing columns are conflicts.
TEST(MergeTable, OneFactChangedOnBothSidesKeepsAWholeVersion)
{
    const QVariantMap row{{kPhone, QStringLiteral("1")}, {kNote, QVariant()}};
    const QVariantMap remote{{kPhone, QStringLiteral("2")}, {kNote, QStringLiteral("cita")}};
    const QList<OutboxEntry> edits{update(kPhone, QStringLiteral("0"), QStringLiteral("1"))};
    const QStringList fact{kPhone, kNote};

    const auto teachers = MergeTable::decide(row, remote, edits, ConflictPolicy::LocalWins, fact);
    ASSERT_EQ(teachers.conflicts.size(), 2);
    EXPECT_FALSE(teachers.accepted.contains(kNote))
        << "not the office's note on the teacher's mark";
    ASSERT_EQ(teachers.entries.size(), 1);
    EXPECT_EQ(teachers.entries.first().values.value(kPhone).toString(), QStringLiteral("1"));
    EXPECT_TRUE(teachers.entries.first().values.contains(kNote)) << "the whole version goes out";
    EXPECT_EQ(teachers.entries.first().old.value(kNote).toString(), QStringLiteral("cita"));

    const auto offices = MergeTable::decide(row, remote, edits, ConflictPolicy::RemoteWins, fact);
    ASSERT_EQ(offices.conflicts.size(), 2);
    EXPECT_EQ(offices.accepted.value(kPhone).toString(), QStringLiteral("2"));
    EXPECT_EQ(offices.accepted.value(kNote).toString(), QStringLiteral("cita"));
    EXPECT_TRUE(marksSynced(offices)) << "nothing of the teacher's version left to send";

    // Field by field, as before, when only one side changed the fact.
    const auto alone = MergeTable::decide(row, {{kPhone, QStringLiteral("0")}, {kNote, QVariant()}},
                                          edits, ConflictPolicy::LocalWins, fact);
    EXPECT_TRUE(alone.conflicts.isEmpty());
}
