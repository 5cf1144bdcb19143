// The window's first run without an org configured (issue 23): the dialog that asks for the
// org's login address and the app's consumer key, offscreen.
#include "auth/orgsettings.h"
#include "orgsettingsfiles.h"
#include "orgsetupdialog.h"

#include <QLineEdit>

using namespace pasalista;

using OrgSetupUi = test::OrgSettingsFiles;

TEST_F(OrgSetupUi, BothValuesEnteredGoToTheUsersSettings)
{
    OrgSettings org(&user, &system);
    OrgSetupDialog dialog(org);
    dialog.show();
    EXPECT_FALSE(dialog.loginUrlEdit()->isReadOnly());
    EXPECT_FALSE(dialog.clientIdEdit()->isReadOnly());

    // Not an address Pasalista may sign in at: the dialog stays, and says why.
    dialog.loginUrlEdit()->setText(QStringLiteral("http://dream.example.org"));
    dialog.clientIdEdit()->setText(QStringLiteral("3MVG9key"));
    dialog.accept();
    EXPECT_EQ(dialog.result(), QDialog::Rejected);
    EXPECT_FALSE(dialog.errorText().isEmpty());
    EXPECT_FALSE(org.isComplete());

    // No consumer key: the same.
    dialog.loginUrlEdit()->setText(QStringLiteral("https://dream.my.salesforce.com"));
    dialog.clientIdEdit()->clear();
    dialog.accept();
    EXPECT_EQ(dialog.result(), QDialog::Rejected);
    EXPECT_FALSE(dialog.errorText().isEmpty());

    dialog.clientIdEdit()->setText(QStringLiteral("3MVG9key"));
    dialog.accept();
    EXPECT_EQ(dialog.result(), QDialog::Accepted);
    EXPECT_TRUE(org.isComplete());
    EXPECT_EQ(user.value(OrgSettings::kClientIdKey).toString(), QStringLiteral("3MVG9key"));
    EXPECT_EQ(QUrl(user.value(OrgSettings::kLoginUrlKey).toString()).host(),
              QStringLiteral("dream.my.salesforce.com"));
}

TEST_F(OrgSetupUi, WhatTheAdminSetIsShownAndCannotBeChanged)
{
    system.setValue(OrgSettings::kClientIdKey, QStringLiteral("3MVG9admin"));
    OrgSettings org(&user, &system);
    OrgSetupDialog dialog(org);
    dialog.show();
    EXPECT_TRUE(dialog.clientIdEdit()->isReadOnly());
    EXPECT_EQ(dialog.clientIdEdit()->text(), QStringLiteral("3MVG9admin"));
    EXPECT_FALSE(dialog.loginUrlEdit()->isReadOnly());

    dialog.loginUrlEdit()->setText(QStringLiteral("https://test.salesforce.com"));
    dialog.accept();
    EXPECT_EQ(dialog.result(), QDialog::Accepted) << dialog.errorText().toStdString();
    EXPECT_FALSE(user.contains(OrgSettings::kClientIdKey)) << "the admin's value stays the admin's";
    EXPECT_EQ(org.clientId(), QStringLiteral("3MVG9admin"));
    EXPECT_EQ(org.loginUrl(), QUrl(QStringLiteral("https://test.salesforce.com")));
}
