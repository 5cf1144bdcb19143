// Which org and app the sign-in uses (issue 23): the admin's system-wide settings file wins
// where it sets a value; the user's own settings fill in the rest.
#include "auth/orgsettings.h"
#include "orgsettingsfiles.h"

using namespace pasalista;

using OrgSettingsTest = test::OrgSettingsFiles;

TEST_F(OrgSettingsTest, NothingConfiguredAsksOnTheFirstRun)
{
    const OrgSettings org(&user, &system);
    EXPECT_FALSE(org.isComplete());
    EXPECT_TRUE(org.clientId().isEmpty());
    EXPECT_TRUE(org.loginUrl().isEmpty());
    EXPECT_FALSE(org.isClientIdLocked());
    EXPECT_FALSE(org.isLoginUrlLocked());
    EXPECT_FALSE(OrgSettings(&user, nullptr).isComplete()) << "no system-wide file at all";
}

TEST_F(OrgSettingsTest, WhatTheUserEntersIsKeptInHerSettings)
{
    OrgSettings org(&user, &system);
    org.setLoginUrl(QUrl(QStringLiteral("https://dream.my.salesforce.com")));
    org.setClientId(QStringLiteral("  3MVG9user  "));
    EXPECT_TRUE(org.isComplete());
    EXPECT_EQ(org.clientId(), QStringLiteral("3MVG9user"));
    EXPECT_EQ(user.value(OrgSettings::kLoginUrlKey).toString(),
              QStringLiteral("https://dream.my.salesforce.com"));
    EXPECT_FALSE(system.contains(OrgSettings::kClientIdKey)) << "never the admin's file";
}

TEST_F(OrgSettingsTest, TheSystemFileWinsWhereItSetsAValue)
{
    user.setValue(OrgSettings::kClientIdKey, QStringLiteral("3MVG9user"));
    user.setValue(OrgSettings::kLoginUrlKey, QStringLiteral("https://test.salesforce.com"));
    system.setValue(OrgSettings::kClientIdKey, QStringLiteral("3MVG9admin"));

    OrgSettings org(&user, &system);
    EXPECT_EQ(org.clientId(), QStringLiteral("3MVG9admin"));
    EXPECT_TRUE(org.isClientIdLocked());
    EXPECT_EQ(org.loginUrl(), QUrl(QStringLiteral("https://test.salesforce.com")))
        << "the admin did not set it: the user's";
    EXPECT_FALSE(org.isLoginUrlLocked());

    // A locked value is not overwritten, not even in the user's own file.
    org.setClientId(QStringLiteral("3MVG9other"));
    EXPECT_EQ(org.clientId(), QStringLiteral("3MVG9admin"));
    EXPECT_EQ(user.value(OrgSettings::kClientIdKey).toString(), QStringLiteral("3MVG9user"));
    org.setLoginUrl(QUrl(QStringLiteral("https://dream.my.salesforce.com")));
    EXPECT_EQ(org.loginUrl(), QUrl(QStringLiteral("https://dream.my.salesforce.com")));
}

TEST_F(OrgSettingsTest, AnEmptyValueInTheSystemFileLocksNothing)
{
    // The installers' template lists the keys empty.
    system.setValue(OrgSettings::kClientIdKey, QString());
    user.setValue(OrgSettings::kClientIdKey, QStringLiteral("3MVG9user"));
    const OrgSettings org(&user, &system);
    EXPECT_FALSE(org.isClientIdLocked());
    EXPECT_EQ(org.clientId(), QStringLiteral("3MVG9user"));
}
