// Record Ids, the demo org and the start-up banner.
#include "emulatorfixture.h"
#include "sfid.h"

#include <QDate>

using namespace pasalista::emulator;
using pasalista::test::EmulatorProcess;

namespace {

TEST(SfIdTest, EighteenCharacterIdsCarryTheCaseSafeSuffix)
{
    const QString id = SfId::make(QStringLiteral("a04"), 1);
    EXPECT_EQ(id.size(), 18);
    EXPECT_EQ(id.left(3), QStringLiteral("a04"));
    EXPECT_EQ(SfId::normalize(id.left(15)), id);
    const QString mixed = SfId::withSuffix(QStringLiteral("a045g00000000Ab"));
    EXPECT_EQ(SfId::normalize(mixed.left(15).toLower() + mixed.right(3)), std::nullopt);
    EXPECT_EQ(SfId::normalize(QStringLiteral("not an id")), std::nullopt);
    // Ids that differ only in case get different suffixes.
    EXPECT_NE(SfId::withSuffix(QStringLiteral("a045g000000000a")).right(3),
              SfId::withSuffix(QStringLiteral("a045g000000000A")).right(3));
    EXPECT_LT(SfId::make(QStringLiteral("a04"), 61), SfId::make(QStringLiteral("a04"), 62));
}

TEST(DemoOrgTest, SeedsTheDreamProgrammeUpToToday)
{
    EmulatorProcess org({QStringLiteral("--demo")});
    ASSERT_TRUE(org.isRunning());
    EXPECT_TRUE(org.startupOutput().contains(QStringLiteral("maria.rodriguez@dream.demo")));
    EXPECT_TRUE(org.startupOutput().contains(QStringLiteral("Maria-2024")));
    ASSERT_FALSE(
        org.login(QStringLiteral("maria.rodriguez@dream.demo"), QStringLiteral("Maria-2024"))
            .isEmpty());
    const auto count = [&](const QString &soql) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("q"), soql);
        return org.api("GET", QStringLiteral("query?") + query.toString(QUrl::FullyEncoded))
            .object()
            .value(QStringLiteral("totalSize"))
            .toInt();
    };
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT() FROM Program__c")), 3);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT() FROM Class__c")), 8);
    EXPECT_EQ(count(QStringLiteral("SELECT COUNT() FROM Student__c")), 150);
    EXPECT_GT(count(QStringLiteral("SELECT COUNT() FROM ParticipantEnrollment__c")), 150);
    EXPECT_GT(count(QStringLiteral(
                  "SELECT COUNT() FROM Attendance__c WHERE Start_Date__c = LAST_N_DAYS:7")),
              0);
    EXPECT_EQ(
        count(QStringLiteral("SELECT COUNT() FROM Attendance__c WHERE Start_Date__c > TODAY")), 0);
    EXPECT_EQ(count(QStringLiteral(
                  "SELECT COUNT() FROM Attendance__c WHERE Start_Date__c < LAST_N_DAYS:95")),
              0);
    // The teacher's user email finds her classes, as the app's scope does.
    const QString email = org.request("GET", QStringLiteral("/services/oauth2/userinfo"), {},
                                      {{"Authorization", "Bearer " + org.accessToken().toLatin1()}})
                              .object()
                              .value(QStringLiteral("email"))
                              .toString();
    EXPECT_EQ(
        count(QStringLiteral("SELECT COUNT() FROM Class__c WHERE Facilitator_1__r.Email__c = '%1' "
                             "OR Facilitator_2__r.Email__c = '%1'")
                  .arg(email)),
        6);
    const QJsonObject student = org.records(QStringLiteral("Student__c")).at(0).toObject();
    EXPECT_TRUE(student.value(QStringLiteral("Phone_Number_1__c"))
                    .toString()
                    .contains(QStringLiteral("-555-")));
}

} // namespace
