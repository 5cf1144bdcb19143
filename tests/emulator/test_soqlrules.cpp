// Issue 21: what a production org refuses beyond the SOQL grammar (semi-join placement and
// shape, Id literals, OFFSET, statement length) and the REST API's URI and header limits.
// Each case names the rule's page in tests/emulator/README.md ("SOQL rules").
#include "emulator.h"
#include "emulatorfixture.h"

#include <gtest/gtest.h>

using namespace pasalista::emulator;
using pasalista::emulator::testing::EmulatorFixture;
using pasalista::test::HttpReply;

namespace {

const QString kMarksOfEnrolled =
    QStringLiteral("SELECT Id FROM Attendance__c WHERE Participant_Enrollment__c IN "
                   "(SELECT Id FROM ParticipantEnrollment__c WHERE Class__c != null)");

// The rules need no records: an empty org with the Dream schema, in process.
class SoqlRulesTest : public ::testing::Test
{
protected:
    // The org's answer to a query: nothing when it runs it, its error when it refuses it.
    std::optional<SfError> answer(const QString &soql)
    {
        if (!m_emulator)
            return SfError{QStringLiteral("NO_EMULATOR"), m_startError, {}};
        SfError error;
        if (m_emulator->queries().execute(soql, false, &error))
            return std::nullopt;
        return error;
    }

    bool accepted(const QString &soql)
    {
        const auto error = answer(soql);
        EXPECT_FALSE(error) << soql.toStdString() << ": " << error->message.toStdString();
        return !error;
    }

    SfError refused(const QString &soql)
    {
        const auto error = answer(soql);
        EXPECT_TRUE(error) << soql.toStdString();
        return error.value_or(SfError{});
    }

    void expectRefused(const QString &soql, const QString &errorCode, const QString &message)
    {
        const SfError error = refused(soql);
        EXPECT_EQ(error.errorCode, errorCode) << soql.toStdString();
        EXPECT_TRUE(error.message.contains(message))
            << soql.toStdString() << ": " << error.message.toStdString();
    }

    QString m_startError;
    std::unique_ptr<Emulator> m_emulator = Emulator::create(EmulatorOptions{}, &m_startError);
};

const QString kTopLevelOnly = QStringLiteral(
    "Semi join sub-selects are only allowed at the top level WHERE expressions and not in "
    "nested WHERE expressions.");

} // namespace

TEST_F(SoqlRulesTest, SemiJoinsAsTopLevelAndTermsAreAccepted)
{
    EXPECT_TRUE(accepted(kMarksOfEnrolled));
    EXPECT_TRUE(accepted(kMarksOfEnrolled + QStringLiteral(" AND Start_Date__c >= 2024-01-01")));
    // Parentheses around AND terms keep them top-level, as in the reference's Idea example.
    EXPECT_TRUE(accepted(QStringLiteral(
        "SELECT Id FROM Attendance__c WHERE (Start_Date__c >= 2024-01-01) AND "
        "(Participant_Enrollment__c IN (SELECT Id FROM ParticipantEnrollment__c)) AND "
        "(Participant_Enrollment__c NOT IN (SELECT Id FROM ParticipantEnrollment__c "
        "WHERE Class__c = null))")));
    // A subquery selecting a reference field (child to parent), and the anti-join form.
    EXPECT_TRUE(accepted(QStringLiteral("SELECT Id FROM Student__c WHERE Id NOT IN (SELECT "
                                        "Student__c FROM ParticipantEnrollment__c)")));
}

TEST_F(SoqlRulesTest, SemiJoinUnderOrIsRefused)
{
    // The attendance pull's query of issue 21, point 1.
    expectRefused(QStringLiteral("SELECT Id FROM Attendance__c WHERE SystemModstamp >= "
                                 "2024-01-01T00:00:00Z AND ((Participant_Enrollment__c IN (SELECT "
                                 "Id FROM ParticipantEnrollment__c WHERE Class__c != null) AND "
                                 "Start_Date__c >= 2024-01-01) OR Id IN ('a065g0000000001AAA'))"),
                  QStringLiteral("MALFORMED_QUERY"), kTopLevelOnly);
    expectRefused(kMarksOfEnrolled + QStringLiteral(" OR Start_Date__c = null"),
                  QStringLiteral("MALFORMED_QUERY"), kTopLevelOnly);
}

TEST_F(SoqlRulesTest, NotBeforeASemiJoinIsRefused)
{
    expectRefused(
        QStringLiteral("SELECT Id FROM Attendance__c WHERE NOT (Participant_Enrollment__c "
                       "IN (SELECT Id FROM ParticipantEnrollment__c))"),
        QStringLiteral("MALFORMED_QUERY"), kTopLevelOnly);
}

TEST_F(SoqlRulesTest, AtMostTwoSemiJoinsPerWhere)
{
    const QString two = QStringLiteral(
        "SELECT Id FROM Student__c WHERE Id IN (SELECT Student__c FROM ParticipantEnrollment__c) "
        "AND Id NOT IN (SELECT Student__c FROM ParticipantEnrollment__c WHERE Class__c = null)");
    EXPECT_TRUE(accepted(two));
    expectRefused(two + QStringLiteral(" AND Id IN (SELECT Student__c FROM "
                                       "ParticipantEnrollment__c WHERE Class__c != null)"),
                  QStringLiteral("MALFORMED_QUERY"),
                  QStringLiteral("Maximum 2 semi join sub-selects are allowed"));
}

TEST_F(SoqlRulesTest, SemiJoinInsideASubqueryIsRefused)
{
    expectRefused(QStringLiteral("SELECT Id FROM Attendance__c WHERE Participant_Enrollment__c IN "
                                 "(SELECT Id FROM ParticipantEnrollment__c WHERE Student__c IN "
                                 "(SELECT Id FROM Student__c))"),
                  QStringLiteral("MALFORMED_QUERY"),
                  QStringLiteral("Nesting of semi join sub-selects is not supported"));
}

TEST_F(SoqlRulesTest, SubqueryOnTheMainQuerysObjectIsRefused)
{
    expectRefused(QStringLiteral("SELECT Id FROM Attendance__c WHERE Id IN (SELECT Id FROM "
                                 "Attendance__c WHERE Start_Date__c = null)"),
                  QStringLiteral("MALFORMED_QUERY"),
                  QStringLiteral("The inner and outer selects should not be on the same object "
                                 "type"));
}

TEST_F(SoqlRulesTest, SubquerySelectsAnIdOrReferenceField)
{
    expectRefused(QStringLiteral("SELECT Id FROM Class__c WHERE Title__c IN (SELECT Last_Name__c "
                                 "FROM Student__c)"),
                  QStringLiteral("MALFORMED_QUERY"), QStringLiteral("Id or reference field"));
}

TEST_F(SoqlRulesTest, OrderByLimitOrOffsetInASubqueryIsRefused)
{
    for (const QString &clause :
         {QStringLiteral("ORDER BY Id"), QStringLiteral("LIMIT 5"), QStringLiteral("OFFSET 5")}) {
        const SfError error = refused(
            QStringLiteral("SELECT Id FROM Attendance__c WHERE Participant_Enrollment__c IN "
                           "(SELECT Id FROM ParticipantEnrollment__c %1)")
                .arg(clause));
        EXPECT_EQ(error.errorCode, QStringLiteral("MALFORMED_QUERY")) << clause.toStdString();
        EXPECT_TRUE(error.message.contains(
            QStringLiteral("unexpected token: '%1'").arg(clause.section(u' ', 0, 0))))
            << error.message.toStdString();
    }
}

TEST_F(SoqlRulesTest, IdLiteralsMustBeIds)
{
    const QString id18 = QStringLiteral("a065g0000000001AAA");
    EXPECT_TRUE(accepted(QStringLiteral("SELECT Id FROM Attendance__c WHERE Id = '%1'").arg(id18)));
    EXPECT_TRUE(accepted(
        QStringLiteral("SELECT Id FROM Attendance__c WHERE Id IN ('%1')").arg(id18.left(15))));
    EXPECT_TRUE(accepted(
        QStringLiteral("SELECT Id FROM Attendance__c WHERE Participant_Enrollment__c != null")));
    for (const QString &junk :
         {QStringLiteral("123"), QStringLiteral("a065g0000000001AAB"),
          QStringLiteral("a065g000000000!"), QStringLiteral("a065g0000000001AAAx")}) {
        expectRefused(
            QStringLiteral("SELECT Id FROM Attendance__c WHERE Id IN ('%1', '%2')").arg(id18, junk),
            QStringLiteral("INVALID_QUERY_FILTER_OPERATOR"),
            QStringLiteral("invalid ID field: ") + junk);
    }
    // Reference fields are Ids too.
    expectRefused(
        QStringLiteral("SELECT Id FROM Attendance__c WHERE Participant_Enrollment__c = 'Ana'"),
        QStringLiteral("INVALID_QUERY_FILTER_OPERATOR"), QStringLiteral("invalid ID field: Ana"));
}

TEST_F(SoqlRulesTest, OffsetAbove2000IsRefused)
{
    EXPECT_TRUE(accepted(QStringLiteral("SELECT Id FROM Attendance__c ORDER BY Id OFFSET 2000")));
    expectRefused(QStringLiteral("SELECT Id FROM Attendance__c ORDER BY Id OFFSET 2001"),
                  QStringLiteral("NUMBER_OUTSIDE_VALID_RANGE"),
                  QStringLiteral("Maximum SOQL offset allowed is 2000"));
}

TEST_F(SoqlRulesTest, StatementOver100000CharactersIsRefused)
{
    const QString head = QStringLiteral("SELECT Id FROM Attendance__c");
    const QString tail = QStringLiteral("WHERE Notes__c != null");
    const auto ofLength = [&](int length) -> QString {
        return head + QString(length - head.size() - tail.size(), u' ') + tail;
    };
    EXPECT_TRUE(accepted(ofLength(100000)));
    expectRefused(ofLength(100001), QStringLiteral("MALFORMED_QUERY"),
                  QStringLiteral("100000 characters"));
}

namespace {

class RequestLimitsTest : public EmulatorFixture
{
protected:
    // A query whose request target is `length` bytes long, padded with a parameter the
    // query resource does not read.
    QString queryOfTargetLength(int length)
    {
        const QString base =
            queryPath(QStringLiteral("SELECT Id FROM Class__c")) + QStringLiteral("&pad=");
        return base + QString(length - int(org().dataPath(base).size()), u'x');
    }
};

} // namespace

TEST_F(RequestLimitsTest, UriOver16384BytesIs414)
{
    EXPECT_EQ(org().api("GET", queryOfTargetLength(8000)).status, 200);
    EXPECT_EQ(org().api("GET", queryOfTargetLength(16385)).status, 414);
}

TEST_F(RequestLimitsTest, UriAndHeadersOver16384BytesIs431)
{
    const QString path = queryOfTargetLength(15000);
    EXPECT_EQ(org().api("GET", path).status, 200) << "15,000 bytes plus the usual headers";
    const HttpReply reply = org().api("GET", path, {}, {{"X-Padding", QByteArray(1500, 'p')}});
    EXPECT_EQ(reply.status, 431);
    EXPECT_EQ(org()
                  .api("GET", queryOfTargetLength(8000), {}, {{"X-Padding", QByteArray(9000, 'p')}})
                  .status,
              431)
        << "headers count with the URI";
}

TEST_F(RequestLimitsTest, RefusedRequestsAreNotApiCalls)
{
    const auto used = [this] {
        return org()
            .get(QStringLiteral("/__emulator/state"))
            .object()
            .value(QStringLiteral("apiUsage"))
            .toInt();
    };
    const int before = used();
    EXPECT_EQ(org().api("GET", queryOfTargetLength(17000)).status, 414);
    EXPECT_EQ(used(), before);
}
