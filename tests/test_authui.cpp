// The sign-in dialog, the sign-out dialog and the account switcher, offscreen, against the
// org emulator and the real keychain.
#include "authtesthelpers.h"

#include "accountswitcher.h"
#include "signindialog.h"
#include "signoutdialog.h"

#include <QApplication>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QUrlQuery>

#include <gtest/gtest.h>

using namespace pasalista;
using namespace pasalista::test;

namespace {

// Shows the dialog and signs in with `browser` playing the teacher's; true once the dialog
// was accepted.
bool signInThroughDialog(SignInDialog &dialog, FakeBrowser &browser, const EmulatorProcess &org)
{
    dialog.setBrowserOpener(browser.opener());
    dialog.setLoginUrl(org.baseUrl());
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.show();
    dialog.startSignIn();
    return accepted.wait(15000);
}

} // namespace

TEST(AuthUi, SignInDialogWaitsForTheBrowserAndHandsOverTheSession)
{
    EmulatorProcess org(emulatorArguments());
    ASSERT_TRUE(org.isRunning());
    SignInDialog dialog;
    FakeBrowser browser;
    EXPECT_TRUE(signInThroughDialog(dialog, browser, org));
    EXPECT_TRUE(dialog.authorizationUrl().toString().contains(QStringLiteral("code_challenge=")));
    auto session = dialog.takeSession();
    ASSERT_TRUE(session);
    EXPECT_EQ(session->identity().username, kTeacher);
}

TEST(AuthUi, SignInDialogUsesTheConfiguredCallbackPort)
{
    // The account switcher hands the dialog AccountManager::callbackPorts() (the settings'
    // oauth/callbackPort): the org knows only that callback.
    const quint16 port = freeLoopbackPort();
    EmulatorProcess org(emulatorArguments() + callbackArguments({port}));
    ASSERT_TRUE(org.isRunning());
    SignInDialog dialog;
    dialog.setCallbackPorts({port});
    FakeBrowser browser;
    EXPECT_TRUE(signInThroughDialog(dialog, browser, org));
    EXPECT_EQ(QUrlQuery(dialog.authorizationUrl())
                  .queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded),
              SignInFlow::callbackUrl(port).toString());
    EXPECT_TRUE(dialog.takeSession());
}

TEST(AuthUi, SignInDialogRefusesPlainHttpAndSaysWhy)
{
    SignInDialog dialog;
    dialog.setBrowserOpener([](const QUrl &) {
        ADD_FAILURE() << "no browser for an insecure address";
        return false;
    });
    dialog.setLoginUrl(QUrl(QStringLiteral("http://login.example.org")));
    dialog.show();
    dialog.startSignIn();
    bool errorShown = false;
    const auto labels = dialog.findChildren<QLabel *>();
    for (const QLabel *label : labels)
        errorShown |= label->isVisible() && label->text().contains(QStringLiteral("https://"));
    EXPECT_TRUE(errorShown);
    EXPECT_FALSE(dialog.takeSession());
}

TEST(AuthUi, SignOutDialogWarnsAboutUnsyncedChangesAndConfirmsDeletion)
{
    Identity identity;
    identity.displayName = QStringLiteral("Ana Pérez");
    identity.username = kTeacher;
    SignOutDialog dialog(identity, 2, nullptr);
    QStringList questions;
    bool answer = false;
    dialog.setConfirmation([&](const QString &question) {
        questions << question;
        return answer;
    });
    dialog.show();
    // Issue 24: neither choice is made beforehand; Sign out waits for one.
    EXPECT_FALSE(dialog.hasChoice());
    dialog.accept();
    EXPECT_EQ(dialog.result(), QDialog::Rejected);
    EXPECT_TRUE(questions.isEmpty());
    QRadioButton *deleteChoice = dialog.findChild<QRadioButton *>(QStringLiteral("remove-data"));
    ASSERT_TRUE(deleteChoice);
    deleteChoice->setChecked(true);

    dialog.accept(); // "No" to the confirmation: still open
    EXPECT_EQ(dialog.result(), QDialog::Rejected);
    ASSERT_EQ(questions.size(), 1);
    EXPECT_TRUE(questions.first().contains(QStringLiteral("2 change")))
        << questions.first().toStdString();
    answer = true;
    dialog.accept();
    EXPECT_EQ(dialog.result(), QDialog::Accepted);
    EXPECT_EQ(dialog.localData(), AccountManager::LocalData::Delete);
}

// Issue 24: the unsent changes are named, and the marks can be exported before choosing.
TEST(AuthUi, SignOutDialogOffersToExportTheUnsentMarksFirst)
{
    Identity identity;
    identity.displayName = QStringLiteral("Ana Pérez");
    identity.username = kTeacher;
    SignOutDialog dialog(identity, 3, nullptr);
    int exports = 0;
    dialog.setUnsentExport([&exports] {
        ++exports;
        return QStringLiteral("3 unsent marks written to /tmp/marcas.csv.");
    });
    dialog.show();
    auto *exportButton = dialog.findChild<QPushButton *>(QStringLiteral("export-unsent"));
    ASSERT_TRUE(exportButton);
    EXPECT_TRUE(exportButton->isVisible());
    exportButton->click();
    EXPECT_EQ(exports, 1);
    bool told = false;
    for (const QLabel *label : dialog.findChildren<QLabel *>())
        told |= label->text().contains(QStringLiteral("3 change")) &&
                label->text().contains(QStringLiteral("/tmp/marcas.csv"));
    EXPECT_TRUE(told) << "the count and the file are named";

    SignOutDialog nothingUnsent(identity, 0, nullptr);
    nothingUnsent.setUnsentExport([] { return QString(); });
    nothingUnsent.show();
    EXPECT_FALSE(
        nothingUnsent.findChild<QPushButton *>(QStringLiteral("export-unsent"))->isVisible());
}

TEST(AuthUi, SwitcherShowsTheUserAndOffersSignInAgainWhenTheOrgEndsTheSession)
{
    OrgAndAccounts scratch;
    ASSERT_TRUE(scratch.org.isRunning());
    AccountSwitcher switcher(&scratch.accounts);
    EXPECT_EQ(switcher.text(), QStringLiteral("Not signed in"));

    auto session = signIn(scratch.org);
    ASSERT_TRUE(session);
    const QString key = session->identity().accountKey();
    scratch.accounts.adopt(std::move(session));
    EXPECT_EQ(switcher.text(), QStringLiteral("Ana Pérez"));
    EXPECT_TRUE(switcher.menu()->findChild<QAction *>(QStringLiteral("account-") + key));

    ASSERT_TRUE(scratch.org.revokeAll());
    int generation = 0;
    scratch.accounts.session()->accessToken(&generation);
    EXPECT_EQ(scratch.accounts.session()->refreshAccessToken(generation),
              Session::RefreshResult::InvalidGrant);
    EXPECT_TRUE(switcher.text().contains(QStringLiteral("signed out")));
    bool offersSignInAgain = false;
    const auto actions = switcher.menu()->actions();
    for (const QAction *action : actions)
        offersSignInAgain |= action->text().startsWith(QStringLiteral("Sign in again"));
    EXPECT_TRUE(offersSignInAgain);
    auto *notice = switcher.window()->findChild<QMessageBox *>();
    ASSERT_TRUE(notice);
    EXPECT_TRUE(notice->text().contains(QStringLiteral("kept")));
    notice->close();
    scratch.accounts.signOut(key, AccountManager::LocalData::Delete);
}
