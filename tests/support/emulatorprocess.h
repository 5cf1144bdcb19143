#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QNetworkReply>
#include <QPair>
#include <QProcess>
#include <QStringList>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;

namespace pasalista {
class Session;
}

namespace pasalista::test {

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

// A write of a long transaction through the admin endpoints: stamped stampSecondsAgo
// before now, invisible to queries for visibleInSeconds more.
struct LateCommit
{
    int stampSecondsAgo = 0;
    int visibleInSeconds = 0;

    QString query() const;
};

// A finished HTTP exchange, for assertions.
struct HttpReply
{
    int status = 0; // 0 when no response arrived
    QByteArray body;
    HttpHeaders headers;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorString;

    QByteArray header(const QByteArray &name) const;
    QJsonDocument json() const { return QJsonDocument::fromJson(body); }
    QJsonObject object() const { return json().object(); }
    QJsonArray array() const { return json().array(); }
};

// Runs salesforce-emulator as a real process on a free loopback port for one test (or
// suite) and talks to it over HTTP. The process is stopped in the destructor.
//
//   EmulatorProcess org({QStringLiteral("--demo")});
//   ASSERT_TRUE(org.isRunning());
//   org.login(QStringLiteral("maria.rodriguez@dream.demo"), QStringLiteral("Maria-2024"));
//   auto reply = org.api("GET", QStringLiteral("query?q=SELECT+Id+FROM+Class__c"));
class EmulatorProcess
{
public:
    static constexpr const char *kApiVersion = "59.0";
    static constexpr const char *kOfficeUser = "oficina@dream.demo";
    static constexpr const char *kOfficePassword = "Oficina-2024";

    explicit EmulatorProcess(const QStringList &extraArguments = {});
    ~EmulatorProcess();
    EmulatorProcess(const EmulatorProcess &) = delete;
    EmulatorProcess &operator=(const EmulatorProcess &) = delete;

    bool isRunning() const;
    QString startupOutput() const { return m_banner; }
    // The login host (OAuth, identity URLs, admin endpoints), as a Salesforce login URL.
    QUrl baseUrl() const { return m_baseUrl; }
    QUrl loginUrl() const { return m_baseUrl; }
    // The instance (the token's instance_url): the REST API lives only here.
    QUrl instanceUrl() const { return m_instanceUrl; }
    // /services/data paths resolve on the instance, everything else on the login host.
    QUrl url(const QString &pathOrUrl) const;
    // Arguments that register the connected app's callback URLs (--callback, repeatable).
    static QStringList callbackArguments(const QStringList &callbackUrls);
    // Stops the process gracefully (SIGTERM), so a --state file is written.
    void stop();
    static QString executablePath();

    // Blocking HTTP; pathOrUrl is relative to baseUrl() unless it is absolute.
    HttpReply request(const QByteArray &method, const QString &pathOrUrl,
                      const QByteArray &body = {}, const HttpHeaders &headers = {},
                      int timeoutMs = 20000) const;
    HttpReply get(const QString &pathOrUrl, const HttpHeaders &headers = {}) const;
    HttpReply sendJson(const QByteArray &method, const QString &pathOrUrl,
                       const QJsonDocument &body, const HttpHeaders &headers = {}) const;

    // The REST API with the access token from login(). A path without a leading slash is
    // relative to /services/data/v<kApiVersion>/.
    QString login(const QString &username = QLatin1String(kOfficeUser),
                  const QString &password = QLatin1String(kOfficePassword));
    QString accessToken() const { return m_accessToken; }
    // A signed-in app session for `email` (login host and instance as the org names them),
    // with an access token from a password login and no refresh token.
    std::unique_ptr<Session> session(const QString &email, const QString &password);
    void setAccessToken(const QString &token) { m_accessToken = token; }
    HttpReply api(const QByteArray &method, const QString &path, const QJsonDocument &body = {},
                  const HttpHeaders &headers = {}) const;
    QString dataPath(const QString &path) const;

    // Admin endpoints (/__emulator/).
    bool setFaults(const QJsonObject &faults) const;
    bool clearFaults() const;
    // Changes a record "as office staff would": validated, and bumps SystemModstamp.
    bool adminUpdate(const QString &object, const QString &id, const QJsonObject &fields,
                     const LateCommit &late = {}) const;
    QString adminCreate(const QString &object, const QJsonObject &fields,
                        const LateCommit &late = {}) const;
    bool adminDelete(const QString &object, const QString &id, const LateCommit &late = {}) const;
    // The org's clock (/__emulator/clock): {now, nowMs, offsetSeconds}; it only moves forward.
    QJsonObject clock() const;
    bool advanceClock(double seconds) const;
    // The connected app's token policies (/__emulator/token-policy): the keys given change.
    bool setTokenPolicy(const QJsonObject &policy) const;
    // Arms a fault for the nth request matching method and the path regular expression:
    // "500", "503", "drop-before-response", "drop-after-commit", "lock-row", "wrong-shape" or a
    // response mutation ("junk-id", "self-loop", ...: tests/emulator/README.md).
    // Without alsoSubrequests, the subrequests of Composite requests neither count nor are struck.
    bool armFault(const QByteArray &method, const QString &pathPattern, const QString &fault,
                  int nth = 1, bool alsoSubrequests = true) const;
    QJsonArray records(const QString &object) const; // deleted ones included
    QJsonArray requestLog() const;
    void clearRequestLog() const;
    bool reset() const;
    QJsonObject generate(const QJsonObject &counts) const;
    QJsonArray users() const;
    bool revokeAll() const;

private:
    bool start(const QStringList &arguments);

    std::unique_ptr<QProcess> m_process;
    std::unique_ptr<QNetworkAccessManager> m_network;
    QUrl m_baseUrl;
    QUrl m_instanceUrl;
    QString m_banner;
    QString m_accessToken;
};

} // namespace pasalista::test
