// pasalista-cli login / whoami / logout (AuthCommands) against the emulator and the keychain.
#include "authtesthelpers.h"

#include "auth/session.h"
#include "cli/authcommands.h"
#include "cli/synccommands.h"
#include "mapping.h"
#include "store/localstore.h"
#include "sync/apibudget.h"

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
    AuthCommands commands;
    FakeBrowser browser;

    explicit Cli(AccountManager *accounts) : commands(outStream, errStream, accounts)
    {
        // "The browser" follows the address the command prints.
        commands.setBrowserOpener(browser.opener());
        commands.setSignInTimeoutMs(15000);
    }
};

} // namespace

TEST(AuthCli, LoginWhoamiLogoutWithExitCodes)
{
    EmulatorProcess org(emulatorArguments());
    ASSERT_TRUE(org.isRunning());
    ScratchAccounts scratch;
    AccountManager &accounts = scratch.accounts;
    Cli cli(&accounts);

    EXPECT_EQ(cli.commands.whoami(false), AuthCommands::NotSignedIn);
    EXPECT_EQ(cli.commands.logout(false, false), AuthCommands::NotSignedIn);
    EXPECT_EQ(cli.commands.login(QStringLiteral("http://example.org"), true),
              AuthCommands::UsageError);

    ASSERT_EQ(cli.commands.login(org.baseUrl().toString(), true), AuthCommands::Success)
        << cli.err.toStdString();
    EXPECT_TRUE(cli.out.contains(QStringLiteral("/services/oauth2/authorize?")));
    EXPECT_EQ(cli.commands.whoami(false), AuthCommands::Success);
    EXPECT_TRUE(cli.out.contains(kTeacher));

    // An unsynced edit blocks deleting the local data unless told to discard it.
    const QString key = accounts.currentAccountKey();
    {
        LocalStore store(Mapping::dream());
        ASSERT_TRUE(store.open(accounts.databasePath(key)));
        ASSERT_TRUE(store.insertLocal(
            Role::Student, {{QStringLiteral("last_name__c"), QStringLiteral("Gómez")},
                            {QStringLiteral("date_of_birth__c"), QStringLiteral("2012-03-04")},
                            {QStringLiteral("phone_number_1__c"), QStringLiteral("555")}}));
    }
    EXPECT_EQ(accounts.unsyncedChangeCount(key), 1);
    EXPECT_EQ(cli.commands.logout(true, false), AuthCommands::Refused);
    EXPECT_TRUE(accounts.isSignedIn());
    EXPECT_EQ(cli.commands.logout(true, true), AuthCommands::Success) << cli.err.toStdString();
    EXPECT_FALSE(QFile::exists(accounts.databasePath(key)));
    EXPECT_EQ(cli.commands.whoami(false), AuthCommands::NotSignedIn);
}

TEST(AuthCli, NoBrowserPrintsTheAddressAndWaitsForTheRedirect)
{
    EmulatorProcess org(emulatorArguments());
    ASSERT_TRUE(org.isRunning());
    ScratchAccounts scratch;
    AccountManager &accounts = scratch.accounts;
    Cli cli(&accounts);
    // With --no-browser nothing is opened: the user pastes the printed address. Here a timer
    // plays the user, reading the address from the output.
    cli.commands.setBrowserOpener([](const QUrl &) {
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
    EXPECT_EQ(cli.commands.login(org.baseUrl().toString(), false), AuthCommands::Success)
        << cli.err.toStdString();
    EXPECT_EQ(cli.commands.logout(false, false), AuthCommands::Success);
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

    ASSERT_EQ(cli.commands.login(org.baseUrl().toString(), true), AuthCommands::Success)
        << cli.err.toStdString();
    EXPECT_TRUE(cli.out.contains(SignInFlow::callbackUrl(fromSettings).toString()))
        << cli.out.toStdString();
    EXPECT_EQ(cli.commands.logout(false, false), AuthCommands::Success);

    const auto runLogin = [&](const QString &port) {
        QCommandLineParser parser;
        parser.addOptions(AuthCommands::options());
        parser.addPositionalArgument(QStringLiteral("command"), QString());
        parser.parse({QStringLiteral("pasalista-cli"), QStringLiteral("login"),
                      QStringLiteral("--login-url"), org.baseUrl().toString(),
                      QStringLiteral("--callback-port"), port});
        return cli.commands.run(QStringLiteral("login"), parser);
    };
    EXPECT_EQ(runLogin(QStringLiteral("0")), AuthCommands::UsageError);
    EXPECT_TRUE(cli.err.contains(QStringLiteral("--callback-port")));
    cli.out.clear();
    ASSERT_EQ(runLogin(QString::number(fromCommandLine)), AuthCommands::Success)
        << cli.err.toStdString();
    EXPECT_TRUE(cli.out.contains(SignInFlow::callbackUrl(fromCommandLine).toString()))
        << cli.out.toStdString();
    EXPECT_EQ(cli.commands.logout(false, false), AuthCommands::Success);
}

// The CLI is one process per command: the access token is kept in the keychain beside the
// refresh token, so a later command reuses it instead of spending a 401 and a refresh.
// `status` then shows what the sync spent of the org's API calls.
TEST(AuthCli, SyncReusesTheKeptAccessTokenAndStatusShowsTheCallsSpent)
{
    EmulatorProcess org(emulatorArguments());
    ASSERT_TRUE(org.isRunning());
    Scratch scratch;
    auto settings = scratch.settings();
    {
        AccountManager accounts(settings.get(), scratch.dataDir, scratch.keychainService);
        accounts.setKeepAccessToken(true);
        Cli cli(&accounts);
        ASSERT_EQ(cli.commands.login(org.baseUrl().toString(), true), AuthCommands::Success)
            << cli.err.toStdString();
    }
    // A later command: a new manager restores the session from the keychain.
    AccountManager accounts(settings.get(), scratch.dataDir, scratch.keychainService);
    accounts.setKeepAccessToken(true);
    QString out;
    QString err;
    QTextStream outStream(&out);
    QTextStream errStream(&err);
    SyncCommands commands(outStream, errStream, accounts, Mapping::dream());
    ASSERT_EQ(commands.run(QStringLiteral("sync"), false), SyncCommands::Success)
        << err.toStdString();
    ASSERT_TRUE(accounts.session());
    EXPECT_EQ(accounts.session()->refreshRequestCount(), 0) << "the kept token was valid";

    out.clear();
    ASSERT_EQ(commands.run(QStringLiteral("status"), true), SyncCommands::Success);
    const QJsonObject status = QJsonDocument::fromJson(out.toUtf8()).object();
    const int spent = status.value(QStringLiteral("api_calls_today")).toInt();
    EXPECT_GT(spent, 1);
    EXPECT_EQ(status.value(QStringLiteral("api_calls_last_sync")).toInt(), spent);
    EXPECT_EQ(status.value(QStringLiteral("api_daily_budget")).toInt(),
              ApiBudget::capOf(Mapping::dream()));
    EXPECT_GE(status.value(QStringLiteral("org_api_used")).toInt(), spent);

    out.clear();
    ASSERT_EQ(commands.run(QStringLiteral("status"), false), SyncCommands::Success);
    EXPECT_TRUE(
        out.contains(QStringLiteral("API calls today: %1 of this laptop's %2; last sync: %1")
                         .arg(spent)
                         .arg(ApiBudget::capOf(Mapping::dream()))))
        << out.toStdString();
}
