#include "emulatorprocess.h"

#include "auth/session.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QTimer>
#include <QUrlQuery>

namespace pasalista::test {

namespace {
constexpr int kStartTimeoutMs = 20000;
constexpr int kStopTimeoutMs = 3000;
} // namespace

QByteArray HttpReply::header(const QByteArray &name) const
{
    for (const auto &pair : headers) {
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
            return pair.second;
    }
    return {};
}

EmulatorProcess::EmulatorProcess(const QStringList &extraArguments)
    : m_process(std::make_unique<QProcess>()), m_network(std::make_unique<QNetworkAccessManager>())
{
    start(QStringList{QStringLiteral("--port"), QStringLiteral("0")} + extraArguments);
}

EmulatorProcess::~EmulatorProcess()
{
    stop();
}

QString EmulatorProcess::executablePath()
{
    const QString fromEnvironment = qEnvironmentVariable("PASALISTA_EMULATOR");
    return fromEnvironment.isEmpty() ? QStringLiteral(PASALISTA_EMULATOR_PATH) : fromEnvironment;
}

bool EmulatorProcess::start(const QStringList &arguments)
{
    // The emulator's log goes to the test's stderr; stdout carries the banner with the port.
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process->start(executablePath(), arguments);
    if (!m_process->waitForStarted(kStartTimeoutMs))
        return false;
    static const QRegularExpression listening(QStringLiteral("listening on (http://\\S+)"));
    static const QRegularExpression instance(QStringLiteral("instance on (http://\\S+)"));
    const QDeadlineTimer deadline(kStartTimeoutMs);
    while (!deadline.hasExpired() && m_process->state() == QProcess::Running) {
        m_process->waitForReadyRead(100);
        m_banner += QString::fromLocal8Bit(m_process->readAllStandardOutput());
        const auto match = listening.match(m_banner);
        const auto instanceMatch = instance.match(m_banner);
        if (match.hasMatch() && instanceMatch.hasMatch() && m_banner.endsWith(u'\n')) {
            m_baseUrl = QUrl(match.captured(1));
            m_instanceUrl = QUrl(instanceMatch.captured(1));
            return true;
        }
    }
    return false;
}

bool EmulatorProcess::isRunning() const
{
    return m_process->state() == QProcess::Running && m_baseUrl.isValid();
}

void EmulatorProcess::stop()
{
    if (m_process->state() == QProcess::NotRunning)
        return;
    m_process->terminate();
    if (!m_process->waitForFinished(kStopTimeoutMs)) {
        m_process->kill();
        m_process->waitForFinished(kStopTimeoutMs);
    }
}

QUrl EmulatorProcess::url(const QString &pathOrUrl) const
{
    if (pathOrUrl.startsWith(QLatin1String("http://")) ||
        pathOrUrl.startsWith(QLatin1String("https://")))
        return QUrl(pathOrUrl);
    const bool rest = pathOrUrl.startsWith(QLatin1String("/services/data"));
    return QUrl((rest ? m_instanceUrl : m_baseUrl).toString() + pathOrUrl);
}

QStringList EmulatorProcess::callbackArguments(const QStringList &callbackUrls)
{
    QStringList arguments;
    for (const QString &url : callbackUrls)
        arguments << QStringLiteral("--callback") << url;
    return arguments;
}

HttpReply EmulatorProcess::request(const QByteArray &method, const QString &pathOrUrl,
                                   const QByteArray &body, const HttpHeaders &headers,
                                   int timeoutMs) const
{
    QNetworkRequest request(url(pathOrUrl));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    for (const auto &header : headers)
        request.setRawHeader(header.first, header.second);
    QNetworkReply *reply = m_network->sendCustomRequest(request, method, body);
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&timeout, &QTimer::timeout, reply, &QNetworkReply::abort);
    timeout.start(timeoutMs);
    if (!reply->isFinished())
        loop.exec();
    HttpReply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    result.error = reply->error();
    result.errorString = reply->errorString();
    delete reply;
    return result;
}

HttpReply EmulatorProcess::get(const QString &pathOrUrl, const HttpHeaders &headers) const
{
    return request("GET", pathOrUrl, {}, headers);
}

HttpReply EmulatorProcess::sendJson(const QByteArray &method, const QString &pathOrUrl,
                                    const QJsonDocument &body, const HttpHeaders &headers) const
{
    HttpHeaders all = headers;
    all.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    return request(method, pathOrUrl,
                   body.isNull() ? QByteArray() : body.toJson(QJsonDocument::Compact), all);
}

std::unique_ptr<Session> EmulatorProcess::session(const QString &email, const QString &password)
{
    Identity identity;
    identity.email = email;
    identity.instanceUrl = instanceUrl();
    identity.loginUrl = loginUrl();
    return std::make_unique<Session>(identity, login(email, password).toUtf8(), QByteArray());
}

QString EmulatorProcess::login(const QString &username, const QString &password)
{
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("password"));
    form.addQueryItem(QStringLiteral("client_id"), QStringLiteral("pasalista-tests"));
    form.addQueryItem(QStringLiteral("username"), username);
    form.addQueryItem(QStringLiteral("password"), password);
    const HttpReply reply = request("POST", QStringLiteral("/services/oauth2/token"),
                                    form.toString(QUrl::FullyEncoded).toUtf8(),
                                    {{"Content-Type", "application/x-www-form-urlencoded"}});
    m_accessToken = reply.object().value(QStringLiteral("access_token")).toString();
    return m_accessToken;
}

QString EmulatorProcess::dataPath(const QString &path) const
{
    if (path.startsWith(u'/') || path.startsWith(QLatin1String("http")))
        return path;
    return QStringLiteral("/services/data/v%1/%2").arg(QLatin1String(kApiVersion), path);
}

HttpReply EmulatorProcess::api(const QByteArray &method, const QString &path,
                               const QJsonDocument &body, const HttpHeaders &headers) const
{
    HttpHeaders all = headers;
    all.append(qMakePair(QByteArray("Authorization"), "Bearer " + m_accessToken.toLatin1()));
    return sendJson(method, dataPath(path), body, all);
}

bool EmulatorProcess::setFaults(const QJsonObject &faults) const
{
    return sendJson("POST", QStringLiteral("/__emulator/faults"), QJsonDocument(faults)).status ==
           200;
}

bool EmulatorProcess::clearFaults() const
{
    return request("DELETE", QStringLiteral("/__emulator/faults")).status == 200;
}

QString LateCommit::query() const
{
    if (stampSecondsAgo <= 0 && visibleInSeconds <= 0)
        return {};
    return QStringLiteral("?stampSecondsAgo=%1&visibleInSeconds=%2")
        .arg(stampSecondsAgo)
        .arg(visibleInSeconds);
}

bool EmulatorProcess::adminUpdate(const QString &object, const QString &id,
                                  const QJsonObject &fields, const LateCommit &late) const
{
    return sendJson("PATCH",
                    QStringLiteral("/__emulator/records/%1/%2").arg(object, id) + late.query(),
                    QJsonDocument(fields))
               .status == 200;
}

QString EmulatorProcess::adminCreate(const QString &object, const QJsonObject &fields,
                                     const LateCommit &late) const
{
    const HttpReply reply =
        sendJson("POST", QStringLiteral("/__emulator/records/%1").arg(object) + late.query(),
                 QJsonDocument(fields));
    return reply.status == 201 ? reply.object().value(QStringLiteral("id")).toString() : QString();
}

bool EmulatorProcess::adminDelete(const QString &object, const QString &id,
                                  const LateCommit &late) const
{
    return request("DELETE",
                   QStringLiteral("/__emulator/records/%1/%2").arg(object, id) + late.query())
               .status == 200;
}

QJsonObject EmulatorProcess::clock() const
{
    return get(QStringLiteral("/__emulator/clock")).object();
}

bool EmulatorProcess::advanceClock(double seconds) const
{
    return sendJson("POST", QStringLiteral("/__emulator/clock"),
                    QJsonDocument(QJsonObject{{QStringLiteral("advanceSeconds"), seconds}}))
               .status == 200;
}

bool EmulatorProcess::setTokenPolicy(const QJsonObject &policy) const
{
    return sendJson("POST", QStringLiteral("/__emulator/token-policy"), QJsonDocument(policy))
               .status == 200;
}

bool EmulatorProcess::armFault(const QByteArray &method, const QString &pathPattern,
                               const QString &fault, int nth, bool alsoSubrequests) const
{
    return setFaults({{QStringLiteral("arm"),
                       QJsonObject{{QStringLiteral("method"), QString::fromLatin1(method)},
                                   {QStringLiteral("path"), pathPattern},
                                   {QStringLiteral("fault"), fault},
                                   {QStringLiteral("nth"), nth},
                                   {QStringLiteral("subrequests"), alsoSubrequests}}}});
}

QJsonArray EmulatorProcess::records(const QString &object) const
{
    // A generated org's 100,000 marks take longer than a request's usual 20 s to serialise
    // under the sanitizers.
    constexpr int kWholeObjectTimeoutMs = 300000;
    return request("GET", QStringLiteral("/__emulator/records/%1").arg(object), {}, {},
                   kWholeObjectTimeoutMs)
        .array();
}

QJsonArray EmulatorProcess::requestLog() const
{
    return get(QStringLiteral("/__emulator/log")).array();
}

void EmulatorProcess::clearRequestLog() const
{
    request("DELETE", QStringLiteral("/__emulator/log"));
}

bool EmulatorProcess::reset() const
{
    return request("POST", QStringLiteral("/__emulator/reset")).status == 200;
}

QJsonObject EmulatorProcess::generate(const QJsonObject &counts) const
{
    return sendJson("POST", QStringLiteral("/__emulator/generate"), QJsonDocument(counts)).object();
}

QJsonArray EmulatorProcess::users() const
{
    return get(QStringLiteral("/__emulator/users")).array();
}

bool EmulatorProcess::revokeAll() const
{
    return request("POST", QStringLiteral("/__emulator/revoke-all")).status == 204;
}

} // namespace pasalista::test
