// Sign-in, token store and session refresh against the org emulator (a real process) and
// the real keychain (gnome-keyring under dbus-run-session, as scripts/test runs it).
#include "authtesthelpers.h"

#include "auth/loginhost.h"
#include "auth/pkce.h"
#include "auth/tokenstore.h"
#include "logfile.h"
#include "mapping.h"
#include "net/salesforceclient.h"
#include "store/localstore.h"

#include <QDirIterator>
#include <QFile>
#include <QLoggingCategory>
#include <QProcess>
#include <QThread>

#include <gtest/gtest.h>

using namespace pasalista;
using namespace pasalista::test;

namespace {

void requireKeychain(TokenStore &store)
{
    ASSERT_EQ(store.probe(), TokenStore::Status::Ok)
        << "These tests need an unlocked Secret Service: run them through scripts/test, or "
           "under dbus-run-session with gnome-keyring-daemon --unlock. Backend said: "
        << store.backendError().toStdString();
}

} // namespace

TEST(AuthPkce, ChallengeMatchesRfc7636Example)
{
    // Expected value computed independently (Python hashlib + urlsafe_b64encode).
    EXPECT_EQ(Pkce::challengeFor(QByteArrayLiteral("dBjftJeZ4CVP-mB92K27uhbUJU1p1r7W3gFeiwi7AOc")),
              QByteArrayLiteral("ailh0Me-J1Kxhp2FqPLW23-uGEFnxkZi5INBSmb-9Cc"));
    const QByteArray verifier = Pkce::generateVerifier();
    EXPECT_EQ(verifier.size(), 43);
    EXPECT_NE(verifier, Pkce::generateVerifier());
    EXPECT_NE(Pkce::generateState(), Pkce::generateState());
}

TEST(AuthLoginHost, KnownHostsMyDomainAndLoopbackOnlyHttp)
{
    using Kind = LoginHost::Kind;
    EXPECT_EQ(LoginHost::urlFor(Kind::Production, {}),
              QUrl(QStringLiteral("https://login.salesforce.com")));
    EXPECT_EQ(LoginHost::urlFor(Kind::Sandbox, {}),
              QUrl(QStringLiteral("https://test.salesforce.com")));
    EXPECT_EQ(LoginHost::urlFor(Kind::MyDomain, QStringLiteral("dream")),
              QUrl(QStringLiteral("https://dream.my.salesforce.com")));
    EXPECT_EQ(
        LoginHost::urlFor(Kind::MyDomain, QStringLiteral("dream--uat.sandbox.my.salesforce.com")),
        QUrl(QStringLiteral("https://dream--uat.sandbox.my.salesforce.com")));
    QString error;
    EXPECT_TRUE(
        LoginHost::urlFor(Kind::Custom, QStringLiteral("http://example.org"), &error).isEmpty());
    EXPECT_FALSE(error.isEmpty());
    EXPECT_TRUE(LoginHost::parse(QStringLiteral("not a url")).isEmpty());
    EXPECT_EQ(LoginHost::parse(QStringLiteral("http://127.0.0.1:8443/x?y")),
              QUrl(QStringLiteral("http://127.0.0.1:8443")));
    EXPECT_TRUE(LoginHost::isAllowed(QUrl(QStringLiteral("http://localhost:1"))));
    EXPECT_TRUE(LoginHost::isAllowed(QUrl(QStringLiteral("http://[::1]:1"))));
    EXPECT_FALSE(LoginHost::isAllowed(QUrl(QStringLiteral("http://127.0.0.1.example.org"))));
    EXPECT_EQ(LoginHost::tokenUrl(QUrl(QStringLiteral("https://login.salesforce.com"))),
              QUrl(QStringLiteral("https://login.salesforce.com/services/oauth2/token")));
}

TEST(AuthSignIn, FullSignInStoresTokensInKeychainAndRestoresAfterRestart)
{
    OrgAndScratch scratch;
    ASSERT_TRUE(scratch.org.isRunning());
    auto settings = scratch.settings();
    QString accountKey;
    {
        AccountManager accounts(settings.get(), scratch.dataDir, scratch.keychainService);
        requireKeychain(accounts.tokenStore());
        auto session = signIn(scratch.org);
        ASSERT_TRUE(session);
        const Identity identity = session->identity();
        EXPECT_EQ(identity.username, kTeacher);
        EXPECT_EQ(identity.displayName, QStringLiteral("Ana Pérez"));
        EXPECT_FALSE(identity.organizationId.isEmpty());
        EXPECT_EQ(identity.instanceUrl, scratch.org.instanceUrl());
        EXPECT_EQ(getWithSession(scratch.org, session.get(), queryPath()), 200);

        EXPECT_EQ(accounts.adopt(std::move(session)), TokenStore::Status::Ok);
        accountKey = identity.accountKey();
        EXPECT_EQ(accounts.currentAccountKey(), accountKey);
        EXPECT_EQ(accounts.databasePath(accountKey),
                  QDir(scratch.dataDir).filePath(accountKey + QStringLiteral(".sqlite")));
        EXPECT_EQ(accounts.tokenStore().writtenKeys(accountKey).size(), 3);
    }
    // "Restart": a new manager over the same settings finds the account and the keychain.
    AccountManager restarted(settings.get(), scratch.dataDir, scratch.keychainService);
    ASSERT_EQ(restarted.accounts().size(), 1);
    EXPECT_EQ(restarted.restoreSession(), AccountManager::RestoreResult::Restored);
    auto session = restarted.session();
    ASSERT_TRUE(session);
    EXPECT_TRUE(session->accessToken().isEmpty()); // only in memory: refreshed on first use
    EXPECT_EQ(getWithSession(scratch.org, session.get(), queryPath()), 200);
    EXPECT_EQ(session->refreshRequestCount(), 1);
    restarted.signOut(accountKey, AccountManager::LocalData::Delete);
}

TEST(AuthSession, ExpiredAccessTokenMidRequestRefreshesOnceForAllRequestsInFlight)
{
    EmulatorProcess org(emulatorArguments());
    ASSERT_TRUE(org.isRunning());
    auto session = signIn(org);
    ASSERT_TRUE(session);
    ASSERT_EQ(org.request("POST", QStringLiteral("/__emulator/expire-sessions")).status, 204);

    // Four workers, each with its own client, all holding the expired token.
    std::atomic_int succeeded{0};
    QList<QThread *> workers;
    for (int i = 0; i < 4; ++i) {
        workers.append(QThread::create([&] {
            SalesforceClient client(session.get());
            client.setApiVersion(QStringLiteral("v59.0"));
            if (client.query(QStringLiteral("SELECT Id FROM Class__c")).ok())
                ++succeeded;
        }));
        workers.last()->start();
    }
    for (QThread *worker : std::as_const(workers)) {
        EXPECT_TRUE(worker->wait(20000));
        delete worker;
    }
    EXPECT_EQ(succeeded, 4);
    EXPECT_EQ(session->refreshRequestCount(), 1);
    EXPECT_TRUE(session->isValid());
}

TEST(AuthSession, RevokedRefreshTokenEndsSessionAndKeepsLocalData)
{
    OrgAndAccounts scratch;
    ASSERT_TRUE(scratch.org.isRunning());
    auto signedIn = signIn(scratch.org);
    ASSERT_TRUE(signedIn);
    const QString key = signedIn->identity().accountKey();
    scratch.accounts.adopt(std::move(signedIn));
    QFile database(scratch.accounts.databasePath(key));
    ASSERT_TRUE(database.open(QIODevice::WriteOnly));
    database.write("local edits");
    database.close();

    QSignalSpy signInRequired(&scratch.accounts, &AccountManager::signInRequired);
    ASSERT_TRUE(scratch.org.revokeAll());
    SalesforceClient client(scratch.accounts.session().get());
    client.setApiVersion(QStringLiteral("v59.0"));
    const ApiResponse response = client.query(QStringLiteral("SELECT Id FROM Class__c"));
    EXPECT_EQ(response.outcome, ApiResponse::Outcome::SignInRequired);
    EXPECT_FALSE(scratch.accounts.session()->isValid());
    EXPECT_TRUE(!signInRequired.isEmpty() || signInRequired.wait(2000));
    EXPECT_EQ(signInRequired.value(0).value(0).toString(), key);
    EXPECT_TRUE(QFile::exists(scratch.accounts.databasePath(key)));
    EXPECT_TRUE(scratch.accounts.hasAccount(key));
    scratch.accounts.signOut(key, AccountManager::LocalData::Delete);
}

TEST(AuthSession, NetworkErrorNeverSignsOut)
{
    Identity identity;
    identity.userId = QStringLiteral("005x");
    identity.organizationId = QStringLiteral("00Dx");
    // Nothing listens on port 9 of loopback: connection refused.
    identity.loginUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));
    identity.instanceUrl = identity.loginUrl;
    Session session(identity, QByteArrayLiteral("old"), QByteArrayLiteral("refresh"));
    QSignalSpy signInRequired(&session, &Session::signInRequired);
    QString error;
    EXPECT_EQ(session.refreshAccessToken(0, &error), Session::RefreshResult::Failed);
    EXPECT_FALSE(error.isEmpty());
    EXPECT_TRUE(session.isValid());
    EXPECT_TRUE(signInRequired.isEmpty());
}

TEST(AuthSignIn, WrongStateIsRefused)
{
    EmulatorProcess org(emulatorArguments());
    ASSERT_TRUE(org.isRunning());
    SignInFlow flow;
    flow.setCallbackPorts(kAnyCallbackPort);
    ASSERT_TRUE(flow.start(org.baseUrl()));
    // Stop at the emulator's redirect and deliver it with a forged state.
    const HttpReply authorize = org.request("GET", flow.authorizationUrl().toString());
    ASSERT_EQ(authorize.status, 302);
    QUrl redirect(QString::fromUtf8(authorize.header("location")));
    QUrlQuery query(redirect);
    ASSERT_TRUE(query.hasQueryItem(QStringLiteral("code")));
    query.removeAllQueryItems(QStringLiteral("state"));
    query.addQueryItem(QStringLiteral("state"), QStringLiteral("forged"));
    redirect.setQuery(query);
    FakeBrowser browser;
    browser.open(redirect);
    EXPECT_FALSE(waitForFlow(&flow));
    EXPECT_EQ(flow.failure(), SignInFlow::Failure::StateMismatch);
    EXPECT_FALSE(flow.takeSession());
}

TEST(AuthSignIn, WrongCodeVerifierIsRefusedByTheOrg)
{
    EmulatorProcess org(emulatorArguments());
    ASSERT_TRUE(org.isRunning());
    SignInFlow flow;
    FakeBrowser browser;
    browser.attach(&flow);
    flow.setCallbackPorts(kAnyCallbackPort);
    flow.setCodeVerifierForTesting(Pkce::generateVerifier());
    ASSERT_TRUE(flow.start(org.baseUrl()));
    EXPECT_FALSE(waitForFlow(&flow));
    EXPECT_EQ(flow.failure(), SignInFlow::Failure::TokenRefused);
    EXPECT_TRUE(flow.errorString().contains(QStringLiteral("verifier")))
        << flow.errorString().toStdString();
}

TEST(AuthSignIn, CancelAndInsecureLoginUrl)
{
    SignInFlow flow;
    EXPECT_FALSE(flow.start(QUrl(QStringLiteral("http://login.example.org"))));
    EXPECT_EQ(flow.failure(), SignInFlow::Failure::InvalidLoginUrl);

    SignInFlow waiting;
    ASSERT_TRUE(waiting.start(QUrl(QStringLiteral("https://login.salesforce.com"))));
    EXPECT_EQ(waiting.redirectUri().host(), QStringLiteral("localhost"));
    EXPECT_EQ(waiting.redirectUri().path(), QStringLiteral("/OauthRedirect"));
    EXPECT_EQ(QUrlQuery(waiting.authorizationUrl())
                  .queryItemValue(QStringLiteral("code_challenge_method")),
              QStringLiteral("S256"));
    waiting.cancel();
    EXPECT_EQ(waiting.failure(), SignInFlow::Failure::Cancelled);
}

// Issue 13: Salesforce matches a connected app's callback URL exactly, so the sign-in listens
// on fixed, documented ports, and the org (the emulator with --callback) knows only those.
TEST(AuthCallback, SignsInThroughTheRegisteredCallback)
{
    const QList<quint16> ports = SignInFlow::defaultCallbackPorts();
    ASSERT_EQ(ports, (QList<quint16>{1717, 1718, 1719}));
    EXPECT_EQ(SignInFlow::callbackUrl(1717).toString(),
              QStringLiteral("http://localhost:1717/OauthRedirect"));
    EmulatorProcess org(emulatorArguments() + callbackArguments(ports));
    ASSERT_TRUE(org.isRunning());
    SignInFlow flow; // the app's default ports
    FakeBrowser browser;
    browser.attach(&flow);
    ASSERT_TRUE(flow.start(org.baseUrl())) << flow.errorString().toStdString();
    // 1717 unless another program holds it; then a documented fallback, registered too.
    EXPECT_TRUE(ports.contains(quint16(flow.redirectUri().port()))) << flow.redirectUri().port();
    EXPECT_EQ(flow.redirectUri(), SignInFlow::callbackUrl(quint16(flow.redirectUri().port())));
    EXPECT_EQ(QUrlQuery(flow.authorizationUrl())
                  .queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded),
              flow.redirectUri().toString());
    ASSERT_TRUE(waitForFlow(&flow)) << flow.errorString().toStdString();
    auto session = flow.takeSession();
    ASSERT_TRUE(session);
    EXPECT_EQ(session->identity().username, kTeacher);
}

TEST(AuthCallback, BusyPortFallsBackToTheNextRegisteredOne)
{
    QTcpServer otherProgram;
    ASSERT_TRUE(otherProgram.listen(QHostAddress(QHostAddress::LocalHost), 0));
    const quint16 busy = otherProgram.serverPort();
    const quint16 next = freeLoopbackPort();
    EmulatorProcess org(emulatorArguments() + callbackArguments({busy, next}));
    ASSERT_TRUE(org.isRunning());
    SignInFlow flow;
    flow.setCallbackPorts({busy, next});
    FakeBrowser browser;
    browser.attach(&flow);
    ASSERT_TRUE(flow.start(org.baseUrl())) << flow.errorString().toStdString();
    EXPECT_EQ(flow.redirectUri(), SignInFlow::callbackUrl(next));
    ASSERT_TRUE(waitForFlow(&flow)) << flow.errorString().toStdString();
    EXPECT_TRUE(flow.takeSession());
}

TEST(AuthCallback, PortHeldOnIpv6LoopbackIsBusyToo)
{
    // A browser may try localhost as ::1 first: a program listening there would get the code.
    QTcpServer otherProgram;
    if (!otherProgram.listen(QHostAddress(QHostAddress::LocalHostIPv6), 0))
        GTEST_SKIP() << "no IPv6 loopback on this machine";
    const quint16 busy = otherProgram.serverPort();
    const quint16 next = freeLoopbackPort();
    SignInFlow flow;
    flow.setCallbackPorts({busy, next});
    ASSERT_TRUE(flow.start(QUrl(QStringLiteral("https://login.salesforce.com"))));
    EXPECT_EQ(flow.redirectUri(), SignInFlow::callbackUrl(next));
    flow.cancel();
}

TEST(AuthCallback, EveryPortBusyFailsNamingThePorts)
{
    QTcpServer first;
    QTcpServer second;
    ASSERT_TRUE(first.listen(QHostAddress(QHostAddress::LocalHost), 0));
    ASSERT_TRUE(second.listen(QHostAddress(QHostAddress::LocalHost), 0));
    SignInFlow flow;
    flow.setCallbackPorts({first.serverPort(), second.serverPort()});
    EXPECT_FALSE(flow.start(QUrl(QStringLiteral("https://login.salesforce.com"))));
    EXPECT_EQ(flow.failure(), SignInFlow::Failure::ListenFailed);
    EXPECT_TRUE(flow.errorString().contains(QString::number(first.serverPort())) &&
                flow.errorString().contains(QString::number(second.serverPort())))
        << flow.errorString().toStdString();
}

TEST(AuthCallback, AnUnregisteredCallbackIsRefusedByTheOrg)
{
    EmulatorProcess org(emulatorArguments() + callbackArguments({freeLoopbackPort()}));
    ASSERT_TRUE(org.isRunning());
    SignInFlow flow;
    flow.setCallbackPorts(kAnyCallbackPort);
    ASSERT_TRUE(flow.start(org.baseUrl()));
    // Salesforce shows its error page and never sends the browser to an unknown callback.
    const HttpReply authorize = org.request("GET", flow.authorizationUrl().toString());
    EXPECT_NE(authorize.status, 302);
    EXPECT_TRUE(authorize.header("location").isEmpty());
    EXPECT_TRUE(authorize.body.contains("redirect_uri_mismatch")) << authorize.body.toStdString();
    flow.cancel();
}

TEST(AuthCallback, SettingsChooseThePortAndTheCommandLineOverridesIt)
{
    Scratch scratch;
    auto settings = scratch.settings();
    {
        AccountManager accounts(settings.get(), scratch.dataDir, scratch.keychainService);
        EXPECT_EQ(accounts.callbackPorts(), SignInFlow::defaultCallbackPorts());
    }
    settings->setValue(QStringLiteral("oauth/callbackPort"), 7171);
    {
        AccountManager accounts(settings.get(), scratch.dataDir, scratch.keychainService);
        EXPECT_EQ(accounts.callbackPorts(), QList<quint16>{7171});
        accounts.setCallbackPort(7272);
        EXPECT_EQ(accounts.callbackPorts(), QList<quint16>{7272});
    }
    settings->setValue(QStringLiteral("oauth/callbackPort"), QStringLiteral("not a port"));
    AccountManager accounts(settings.get(), scratch.dataDir, scratch.keychainService);
    EXPECT_EQ(accounts.callbackPorts(), SignInFlow::defaultCallbackPorts());
}

// Runs only in the child process of NoKeychainKeepsSessionInMemoryOnly, whose session bus
// address points nowhere: a real "no Secret Service" condition.
TEST(AuthNoKeychain, DISABLED_Child)
{
    OrgAndAccounts scratch;
    ASSERT_TRUE(scratch.org.isRunning());
    EXPECT_EQ(scratch.accounts.tokenStore().probe(), TokenStore::Status::Unavailable);
    auto session = signIn(scratch.org);
    ASSERT_TRUE(session);
    const QByteArray refreshToken = session->refreshToken();
    const QString key = session->identity().accountKey();
    QSignalSpy unavailable(&scratch.accounts, &AccountManager::keychainUnavailable);
    EXPECT_EQ(scratch.accounts.adopt(std::move(session)), TokenStore::Status::Unavailable);
    EXPECT_EQ(unavailable.size(), 1);
    EXPECT_TRUE(scratch.accounts.keychainMessage().contains(QStringLiteral("keychain")));
    // Signed in for this run, in memory only.
    ASSERT_TRUE(scratch.accounts.isSignedIn());
    EXPECT_EQ(getWithSession(scratch.org, scratch.accounts.session().get(), queryPath()), 200);
    scratch.settingsFile->sync();
    QFile file(scratch.settingsPath);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    EXPECT_FALSE(file.readAll().contains(refreshToken)); // no plaintext fallback
    AccountManager restarted(scratch.settingsFile.get(), scratch.dataDir, scratch.keychainService);
    EXPECT_EQ(restarted.restoreSession(key), AccountManager::RestoreResult::KeychainUnavailable);
    std::fputs("NO-KEYCHAIN-CHILD-PASSED\n", stdout);
}

TEST(AuthNoKeychain, KeepsSessionInMemoryOnlyWithAPlainMessage)
{
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
               QStringLiteral("unix:path=/nonexistent/pasalista-no-bus"));
    child.setProcessEnvironment(env);
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("--gtest_also_run_disabled_tests"),
                 QStringLiteral("--gtest_filter=AuthNoKeychain.DISABLED_Child")});
    ASSERT_TRUE(child.waitForFinished(30000));
    const QByteArray output = child.readAll();
    EXPECT_EQ(child.exitCode(), 0) << output.toStdString();
    EXPECT_TRUE(output.contains("NO-KEYCHAIN-CHILD-PASSED")) << output.toStdString();
}

namespace {

// Every message of every category, debug included, goes to a log file in the scratch dir.
QFile *g_logFile = nullptr;

void logToFile(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    if (g_logFile)
        g_logFile->write(QByteArray(context.category) + ' ' + message.toUtf8() + '\n');
}

bool anyFileContains(const QString &dir, const QByteArray &secret, QString *where)
{
    QDirIterator files(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(secret)) {
            *where = file.fileName();
            return true;
        }
    }
    return false;
}

// Installs logToFile with every category enabled for its lifetime, even when a test fails.
class LogCapture
{
public:
    explicit LogCapture(QFile *file)
    {
        g_logFile = file;
        m_previous = qInstallMessageHandler(logToFile);
        QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true"));
    }
    ~LogCapture()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("pasalista.*.debug=false"));
        qInstallMessageHandler(m_previous);
        g_logFile = nullptr;
    }

private:
    QtMessageHandler m_previous = nullptr;
};

// Signs in, edits locally, queries, survives an expired token, signs out keeping the data.
// Collects every token it saw into `secrets`.
void signInWorkAndSignOut(const EmulatorProcess &org, const Scratch &scratch,
                          QList<QByteArray> *secrets)
{
    auto settings = scratch.settings();
    AccountManager accounts(settings.get(), scratch.dataDir, scratch.keychainService);
    auto signedIn = signIn(org);
    ASSERT_TRUE(signedIn);
    const QString key = signedIn->identity().accountKey();
    *secrets << signedIn->accessToken() << signedIn->refreshToken();
    ASSERT_EQ(accounts.adopt(std::move(signedIn)), TokenStore::Status::Ok);
    {
        LocalStore store(Mapping::dream());
        ASSERT_TRUE(store.open(accounts.databasePath(key)));
        const QVariantMap student{
            {QStringLiteral("first_name__c"), QStringLiteral("Lucía")},
            {QStringLiteral("last_name__c"), QStringLiteral("Gómez")},
            {QStringLiteral("date_of_birth__c"), QStringLiteral("2012-03-04")},
            {QStringLiteral("phone_number_1__c"), QStringLiteral("555-0101")}};
        EXPECT_TRUE(store.insertLocal(Role::Student, student)) << store.errorString().toStdString();
    }
    SalesforceClient client(accounts.session().get());
    client.setApiVersion(QStringLiteral("v59.0"));
    EXPECT_TRUE(client.query(QStringLiteral("SELECT Id FROM Class__c")).ok());
    org.request("POST", QStringLiteral("/__emulator/expire-sessions"));
    EXPECT_TRUE(client.query(QStringLiteral("SELECT Id FROM Class__c")).ok());
    *secrets << accounts.session()->accessToken();

    const auto result = accounts.signOut(key, AccountManager::LocalData::Keep);
    EXPECT_TRUE(result.revoked);
    EXPECT_TRUE(result.keychainCleared);
    EXPECT_FALSE(result.dataDeleted);
    EXPECT_TRUE(QFile::exists(accounts.databasePath(key)));
    TokenStore::Saved saved;
    EXPECT_EQ(accounts.tokenStore().load(key, &saved), TokenStore::Status::NotFound);
    EXPECT_TRUE(accounts.tokenStore().writtenKeys(key).isEmpty());
    EXPECT_FALSE(accounts.isSignedIn(key));
}

} // namespace

TEST(AuthSecrets, SignInWorkSignOutLeavesNoTokenInAnyFileOrLog)
{
    EmulatorProcess org(emulatorArguments());
    ASSERT_TRUE(org.isRunning());
    Scratch scratch;
    QList<QByteArray> secrets;
    QFile log(scratch.dir.filePath(QStringLiteral("pasalista.log")));
    ASSERT_TRUE(log.open(QIODevice::WriteOnly));
    {
        // Every message raw (LogCapture) and through the app's own log file, as the app
        // installs it.
        LogCapture capture(&log);
        LogFile appLog(scratch.dir.filePath(QStringLiteral("logs")));
        ASSERT_TRUE(appLog.install()) << appLog.errorString().toStdString();
        signInWorkAndSignOut(org, scratch, &secrets);
    }
    log.close();
    ASSERT_GT(log.size(), 0);
    ASSERT_EQ(secrets.size(), 3);

    // Revoked at the org: the old refresh token no longer works.
    Identity identity;
    identity.loginUrl = org.baseUrl();
    Session stale(identity, {}, secrets.at(1));
    EXPECT_EQ(stale.refreshAccessToken(0), Session::RefreshResult::InvalidGrant);

    for (const QByteArray &secret : std::as_const(secrets)) {
        ASSERT_FALSE(secret.isEmpty());
        QString where;
        EXPECT_FALSE(anyFileContains(scratch.dir.path(), secret, &where))
            << "a token was found in " << where.toStdString();
    }
}
