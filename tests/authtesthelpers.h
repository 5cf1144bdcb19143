#pragma once

// Shared by the test_auth*.cpp suites: an emulator org with an auto-approving user, a
// driver for the browser side of the sign-in, and a scratch settings + data dir.
#include "auth/accountmanager.h"
#include "auth/session.h"
#include "auth/signinflow.h"
#include "emulatorprocess.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QUuid>

#include <functional>
#include <memory>

namespace pasalista::test {

inline const QString kTeacher = QStringLiteral("ana.teacher@dream.test");

inline QStringList emulatorArguments()
{
    return {QStringLiteral("--user"),
            kTeacher + QStringLiteral(":Secreto-2024:") + kTeacher + QStringLiteral(":Ana Pérez"),
            QStringLiteral("--auto-approve"), kTeacher};
}

// The connected app's callback URLs, registered in the emulator as an org admin registers
// them: any other redirect_uri is refused there.
inline QStringList callbackArguments(const QList<quint16> &ports)
{
    QStringList urls;
    for (const quint16 port : ports)
        urls << SignInFlow::callbackUrl(port).toString();
    return EmulatorProcess::callbackArguments(urls);
}

// A loopback port nobody listened on a moment ago.
inline quint16 freeLoopbackPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress(QHostAddress::LocalHost), 0);
    return probe.serverPort();
}

// Tests about something else than the callback sign in on any free port (their emulator
// registers no callback), so they never contend for the fixed ports.
inline const QList<quint16> kAnyCallbackPort{0};

// Plays the browser: fetches the authorization URL; QNetworkAccessManager follows the
// emulator's redirect to the loopback listener, as a browser would.
class FakeBrowser : public QObject
{
public:
    void attach(SignInFlow *flow)
    {
        QObject::connect(flow, &SignInFlow::authorizationUrlReady, this,
                         [this](const QUrl &url) { open(url); });
    }
    void open(const QUrl &url)
    {
        QNetworkReply *reply = m_network.get(QNetworkRequest(url));
        QObject::connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    }
    // A browser opener (as SignInDialog and AuthCommands take one) that follows the address here.
    std::function<bool(const QUrl &)> opener()
    {
        return [this](const QUrl &url) {
            open(url);
            return true;
        };
    }

private:
    QNetworkAccessManager m_network;
};

// Waits for a flow to end either way; true when it succeeded.
inline bool waitForFlow(SignInFlow *flow, int timeoutMs = 15000)
{
    QSignalSpy succeeded(flow, &SignInFlow::succeeded);
    QSignalSpy failed(flow, &SignInFlow::failed);
    QElapsedTimer timer;
    timer.start();
    while (succeeded.isEmpty() && failed.isEmpty() && timer.elapsed() < timeoutMs)
        succeeded.wait(50);
    return !succeeded.isEmpty();
}

inline std::unique_ptr<Session> signIn(const EmulatorProcess &org,
                                       SignInFlow::Failure *failure = nullptr,
                                       const QList<quint16> &callbackPorts = kAnyCallbackPort)
{
    SignInFlow flow;
    flow.setCallbackPorts(callbackPorts);
    FakeBrowser browser;
    browser.attach(&flow);
    flow.setBrowserTimeoutMs(15000);
    if (!flow.start(org.baseUrl()) || !waitForFlow(&flow)) {
        if (failure)
            *failure = flow.failure();
        return nullptr;
    }
    return flow.takeSession();
}

// A settings file and a data dir that vanish after the test, and a keychain service name of
// its own so parallel suites never see each other's entries.
struct Scratch
{
    QTemporaryDir dir;
    QString settingsPath = dir.filePath(QStringLiteral("settings.ini"));
    QString dataDir = dir.filePath(QStringLiteral("data"));
    QString keychainService =
        QStringLiteral("Pasalista-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);

    std::unique_ptr<QSettings> settings() const
    {
        return std::make_unique<QSettings>(settingsPath, QSettings::IniFormat);
    }
};

// Scratch settings, data dir and keychain with an AccountManager over them.
struct ScratchAccounts : Scratch
{
    std::unique_ptr<QSettings> settingsFile = settings();
    AccountManager accounts{settingsFile.get(), dataDir, keychainService};
};

// An emulator of its own, started before the scratch files beside it and stopped after them.
struct OwnOrg
{
    EmulatorProcess org{emulatorArguments()};
};

// An emulator of its own and scratch settings, data dir and keychain.
struct OrgAndScratch : OwnOrg, Scratch
{
};

// An emulator of its own and an AccountManager over scratch files, none signed in.
struct OrgAndAccounts : OwnOrg, ScratchAccounts
{
};

// One authenticated GET with the session's token: on 401 one shared refresh, then a retry.
inline int getWithSession(const EmulatorProcess &org, Session *session, const QString &path)
{
    for (int attempt = 0; attempt < 2; ++attempt) {
        int generation = 0;
        const QByteArray token = session->accessToken(&generation);
        const HttpReply reply =
            org.request("GET", path, {}, {{QByteArrayLiteral("Authorization"), "Bearer " + token}});
        if (reply.status != 401)
            return reply.status;
        if (session->refreshAccessToken(generation) != Session::RefreshResult::Refreshed)
            return reply.status;
    }
    return 401;
}

inline QString queryPath()
{
    return QStringLiteral("/services/data/v%1/query?q=SELECT+Id+FROM+Class__c")
        .arg(QLatin1String(EmulatorProcess::kApiVersion));
}

} // namespace pasalista::test
