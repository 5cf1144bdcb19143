// pasalista-cli login / whoami / logout (LoginCommand, ...) against the emulator and the keychain.
#include "authtesthelpers.h"
#include "clicommandrun.h"

#include "auth/orgsettings.h"
#include "auth/session.h"
#include "clicontext.h"
#include "logincommand.h"
#include "logoutcommand.h"
#include "mapping.h"
#include "statuscommand.h"
#include "store/localstore.h"
#include "sync/apibudget.h"
#include "synccommand.h"
#include "whoamicommand.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTextStream>
#include <QTimer>

#include <gtest/gtest.h>

using namespace pasalista;
using namespace pasalista::test;

namespace {

struct Cli
{
    QString out;
    QString err;
    QTextStream outStream{&out};
    QTextStream errStream{&err};
    CliContext context{outStream, errStream};
    LoginCommand loginCommand;
    FakeBrowser browser;

    explicit Cli(AccountManager *accounts)
    {
        context.useAccounts(accounts);
        // "The browser" follows the address the command prints.
        loginCommand.setBrowserOpener(browser.opener());
        loginCommand.setSignInTimeoutMs(15000);
    }

    int login(const QString &loginUrl, bool openBrowser)
    {
        return loginCommand.login(context, loginUrl, openBrowser);
    }
    int logout(bool deleteLocalData, bool discardUnsynced)
    {
        return LogoutCommand().logout(context, deleteLocalData, discardUnsynced);
    }
    int whoami(bool json) { return WhoamiCommand().whoami(context, json); }
};

} // namespace

TEST(AuthCli, LoginWhoamiLogoutWithExitCodes)
{
    OrgAndAccounts scratch;
    ASSERT_TRUE(scratch.org.isRunning());
    Cli cli(&scratch.accounts);

    EXPECT_EQ(cli.whoami(false), CliExitCodes::NotSignedIn);
    EXPECT_EQ(cli.logout(false, false), CliExitCodes::NotSignedIn);
    EXPECT_EQ(cli.login(QStringLiteral("http://example.org"), true), CliExitCodes::UsageError);

    ASSERT_EQ(cli.login(scratch.org.baseUrl().toString(), true), CliExitCodes::Success)
        << cli.err.toStdString();
    EXPECT_TRUE(cli.out.contains(QStringLiteral("/services/oauth2/authorize?")));
    EXPECT_EQ(cli.whoami(false), CliExitCodes::Success);
    EXPECT_TRUE(cli.out.contains(kTeacher));

    // An unsynced edit blocks deleting the local data unless told to discard it.
    const QString key = scratch.accounts.currentAccountKey();
    {
        LocalStore store(Mapping::dream());
        ASSERT_TRUE(store.open(scratch.accounts.databasePath(key)));
        ASSERT_TRUE(store.insertLocal(
            Role::Student, {{QStringLiteral("last_name__c"), QStringLiteral("Gómez")},
                            {QStringLiteral("date_of_birth__c"), QStringLiteral("2012-03-04")},
                            {QStringLiteral("phone_number_1__c"), QStringLiteral("555")}}));
    }
    EXPECT_EQ(scratch.accounts.unsyncedChangeCount(key), 1);
    EXPECT_EQ(cli.logout(true, false), CliExitCodes::Refused);
    EXPECT_TRUE(scratch.accounts.isSignedIn());
    EXPECT_EQ(cli.logout(true, true), CliExitCodes::Success) << cli.err.toStdString();
    EXPECT_FALSE(QFile::exists(scratch.accounts.databasePath(key)));
    EXPECT_EQ(cli.whoami(false), CliExitCodes::NotSignedIn);
}

TEST(AuthCli, NoBrowserPrintsTheAddressAndWaitsForTheRedirect)
{
    OrgAndAccounts scratch;
    ASSERT_TRUE(scratch.org.isRunning());
    Cli cli(&scratch.accounts);
    // With --no-browser nothing is opened: the user pastes the printed address. Here a timer
    // plays the user, reading the address from the output.
    cli.loginCommand.setBrowserOpener([](const QUrl &) {
        ADD_FAILURE() << "--no-browser opened a browser";
        return false;
    });
    QTimer user;
    QObject::connect(&user, &QTimer::timeout, &user, [&] {
        const QRegularExpression address(
            QStringLiteral("(http://\\S+/services/oauth2/authorize\\S+)"));
        const auto match = address.match(cli.out);
        if (match.hasMatch()) {
            user.stop();
            cli.browser.open(QUrl(match.captured(1), QUrl::StrictMode));
        }
    });
    user.start(20);
    EXPECT_EQ(cli.login(scratch.org.baseUrl().toString(), false), CliExitCodes::Success)
        << cli.err.toStdString();
    EXPECT_EQ(cli.logout(false, false), CliExitCodes::Success);
}

// Issue 13: the callback port comes from the settings (oauth/callbackPort) or, for one run,
// from --callback-port; the org knows only the registered callback URLs.
TEST(AuthCli, CallbackPortFromTheSettingsOrTheCommandLine)
{
    const quint16 fromSettings = freeLoopbackPort();
    QTcpServer holder; // keeps the two ports apart
    ASSERT_TRUE(holder.listen(QHostAddress(QHostAddress::LocalHost), fromSettings));
    const quint16 fromCommandLine = freeLoopbackPort();
    holder.close();
    EmulatorProcess org(emulatorArguments() + callbackArguments({fromSettings, fromCommandLine}));
    ASSERT_TRUE(org.isRunning());
    Scratch scratch;
    auto settings = scratch.settings();
    settings->setValue(QStringLiteral("oauth/callbackPort"), fromSettings);
    AccountManager accounts(settings.get(), scratch.dataDir, scratch.keychainService);
    Cli cli(&accounts);

    ASSERT_EQ(cli.login(org.baseUrl().toString(), true), CliExitCodes::Success)
        << cli.err.toStdString();
    EXPECT_TRUE(cli.out.contains(SignInFlow::callbackUrl(fromSettings).toString()))
        << cli.out.toStdString();
    EXPECT_EQ(cli.logout(false, false), CliExitCodes::Success);

    const auto runLoginWith = [&](const QStringList &options) {
        QCommandLineParser parser;
        parser.addOptions(LoginCommand().options());
        parser.addPositionalArgument(QStringLiteral("command"), QString());
        parser.parse(QStringList{QStringLiteral("pasalista-cli"), QStringLiteral("login")} +
                     options);
        cli.context.setParser(&parser);
        const int exitCode = cli.loginCommand.execute(cli.context, {});
        cli.context.setParser(nullptr);
        return exitCode;
    };
    const auto runLogin = [&](const QString &port) {
        return runLoginWith({QStringLiteral("--login-url"), org.baseUrl().toString(),
                             QStringLiteral("--callback-port"), port});
    };
    EXPECT_EQ(runLogin(QStringLiteral("0")), CliExitCodes::UsageError);
    EXPECT_TRUE(cli.err.contains(QStringLiteral("--callback-port")));
    cli.out.clear();
    ASSERT_EQ(runLogin(QString::number(fromCommandLine)), CliExitCodes::Success)
        << cli.err.toStdString();
    EXPECT_TRUE(cli.out.contains(SignInFlow::callbackUrl(fromCommandLine).toString()))
        << cli.out.toStdString();
    EXPECT_EQ(cli.logout(false, false), CliExitCodes::Success);

    // Without --login-url: a usage error until an address is configured (by the window's
    // first run or the admin's system-wide file), then that address.
    cli.err.clear();
    EXPECT_EQ(runLoginWith({}), CliExitCodes::UsageError);
    EXPECT_TRUE(cli.err.contains(QStringLiteral("--login-url"))) << cli.err.toStdString();
    settings->setValue(OrgSettings::kLoginUrlKey, org.baseUrl().toString());
    ASSERT_EQ(runLoginWith({}), CliExitCodes::Success) << cli.err.toStdString();
    EXPECT_EQ(cli.logout(false, false), CliExitCodes::Success);
}

// The CLI is one process per command: the access token is kept in the keychain beside the
// refresh token, so a later command reuses it instead of spending a 401 and a refresh.
// `status` then shows what the sync spent of the org's API calls.
TEST(AuthCli, SyncReusesTheKeptAccessTokenAndStatusShowsTheCallsSpent)
{
    OrgAndScratch scratch;
    ASSERT_TRUE(scratch.org.isRunning());
    auto settings = scratch.settings();
    {
        AccountManager accounts(settings.get(), scratch.dataDir, scratch.keychainService);
        accounts.setKeepAccessToken(true);
        Cli cli(&accounts);
        ASSERT_EQ(cli.login(scratch.org.baseUrl().toString(), true), CliExitCodes::Success)
            << cli.err.toStdString();
    }
    // A later command: a new manager restores the session from the keychain.
    AccountManager accounts(settings.get(), scratch.dataDir, scratch.keychainService);
    accounts.setKeepAccessToken(true);
    QString out;
    QString err;
    QTextStream outStream(&out);
    QTextStream errStream(&err);
    ASSERT_EQ(runCommand(SyncCommand(), accounts, outStream, errStream, false),
              CliExitCodes::Success)
        << err.toStdString();
    ASSERT_TRUE(accounts.session());
    EXPECT_EQ(accounts.session()->refreshRequestCount(), 0) << "the kept token was valid";

    out.clear();
    ASSERT_EQ(runCommand(StatusCommand(), accounts, outStream, errStream, true),
              CliExitCodes::Success);
    const QJsonObject status = QJsonDocument::fromJson(out.toUtf8()).object();
    const int spent = status.value(QStringLiteral("api_calls_today")).toInt();
    EXPECT_GT(spent, 1);
    EXPECT_EQ(status.value(QStringLiteral("api_calls_last_sync")).toInt(), spent);
    EXPECT_EQ(status.value(QStringLiteral("api_daily_budget")).toInt(),
              ApiBudget::capOf(Mapping::dream()));
    EXPECT_GE(status.value(QStringLiteral("org_api_used")).toInt(), spent);

    out.clear();
    ASSERT_EQ(runCommand(StatusCommand(), accounts, outStream, errStream, false),
              CliExitCodes::Success);
    EXPECT_TRUE(
        out.contains(QStringLiteral("API calls today: %1 of this laptop's %2; last sync: %1")
                         .arg(spent)
                         .arg(ApiBudget::capOf(Mapping::dream()))))
        << out.toStdString();
}
