// `pasalista-cli logout` when the org does not answer the revoke: the real binary, its own
// settings, the session's real keychain. The token waits in the keychain and the next
// command revokes it in the background (issue 13).
#include "clibinary.h"
#include "revocationcheck.h"

#include <QSettings>
#include <gtest/gtest.h>

using namespace pasalista;
using pasalista::test::Cli;
using pasalista::test::EmulatorProcess;

TEST(CliSignOut, ARevokeTheOrgDidNotTakeIsSentAgainByTheNextCommand)
{
    // Not the teacher the other suites of the real binary sign in as: the CLI's keychain
    // service is the session's own, and this logout must not end their sign-in.
    const QString teacher = QStringLiteral("jose.pena@dream.demo");
    EmulatorProcess org({QStringLiteral("--demo"), QStringLiteral("--auto-approve"), teacher});
    ASSERT_TRUE(org.isRunning()) << org.startupOutput().toStdString();
    QTemporaryDir dir;
    const Cli cli(dir);
    QString output;
    PASALISTA_CLI_LOGIN_OR_SKIP(cli, org, output);
    // The CLI's own settings file, and the keychain it wrote to.
    QSettings settings(dir.filePath(QStringLiteral("config/Pasalista/pasalista.conf")),
                       QSettings::IniFormat);
    TokenStore keychain(&settings, QStringLiteral("Pasalista"));
    const QString account = settings.value(QStringLiteral("currentAccount")).toString();
    TokenStore::Saved saved;
    ASSERT_EQ(keychain.load(account, &saved), TokenStore::Status::Ok) << account.toStdString();
    const QByteArray token = saved.refreshToken;

    // The org fails the revoke (500: not processed).
    ASSERT_TRUE(
        org.armFault("POST", QStringLiteral("^/services/oauth2/revoke$"), QStringLiteral("500")));
    output.clear();
    EXPECT_EQ(cli.run({QStringLiteral("logout")}, &output), 0) << output.toStdString();
    EXPECT_TRUE(output.contains(QStringLiteral("the next time it starts"))) << output.toStdString();
    EXPECT_EQ(test::refreshAtTheOrg(org, token), TokenResponse::Outcome::Granted);
    const QStringList pending = test::pendingRevocations(&settings, &keychain);
    ASSERT_EQ(pending.size(), 1) << "kept for the next start";
    EXPECT_TRUE(test::readKeychainEntry(&keychain, pending.first()).second.contains(token));

    // The next command, whatever it is, sends it again.
    cli.run({QStringLiteral("whoami")}, &output);
    EXPECT_EQ(test::refreshAtTheOrg(org, token), TokenResponse::Outcome::InvalidGrant)
        << output.toStdString();
    EXPECT_TRUE(test::pendingRevocations(&settings, &keychain).isEmpty());
    EXPECT_EQ(test::readKeychainEntry(&keychain, pending.first()).first,
              TokenStore::Status::NotFound);
}
