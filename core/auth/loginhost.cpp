#include "loginhost.h"

#include <QHostAddress>

namespace pasalista {

QUrl LoginHost::urlFor(Kind kind, const QString &text, QString *error)
{
    switch (kind) {
    case Kind::Production:
        return QUrl(QStringLiteral("https://login.salesforce.com"));
    case Kind::Sandbox:
        return QUrl(QStringLiteral("https://test.salesforce.com"));
    case Kind::MyDomain: {
        QString host = text.trimmed();
        // "acme" is short for acme.my.salesforce.com; a full host or URL is taken as it is.
        if (!host.isEmpty() && !host.contains(QLatin1Char('.')) && !host.contains(QLatin1Char('/')))
            host += QStringLiteral(".my.salesforce.com");
        if (!host.contains(QStringLiteral("://")))
            host.prepend(QStringLiteral("https://"));
        return parse(host, error);
    }
    case Kind::Custom:
        return parse(text, error);
    }
    return {};
}

QUrl LoginHost::parse(const QString &text, QString *error)
{
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    QString problem;
    if (text.trimmed().isEmpty())
        problem = tr("Enter the address of the Salesforce login page.");
    else if (!url.isValid() || url.host().isEmpty())
        problem = tr("“%1” is not a web address.").arg(text.trimmed());
    else if (!isAllowed(url))
        problem = tr("“%1” is not secure: use an https:// address.").arg(text.trimmed());
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return {};
    }
    // Endpoints are built under the host root: keep scheme, host and port only.
    QUrl root;
    root.setScheme(url.scheme().toLower());
    root.setHost(url.host());
    root.setPort(url.port());
    return root;
}

bool LoginHost::isAllowed(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return !url.host().isEmpty();
    return scheme == QLatin1String("http") && isLoopback(url);
}

bool LoginHost::isLoopback(const QUrl &url)
{
    const QString host = url.host();
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QUrl LoginHost::authorizeUrl(const QUrl &loginUrl)
{
    return endpoint(loginUrl, QStringLiteral("/services/oauth2/authorize"));
}

QUrl LoginHost::tokenUrl(const QUrl &loginUrl)
{
    return endpoint(loginUrl, QStringLiteral("/services/oauth2/token"));
}

QUrl LoginHost::revokeUrl(const QUrl &loginUrl)
{
    return endpoint(loginUrl, QStringLiteral("/services/oauth2/revoke"));
}

QUrl LoginHost::userInfoUrl(const QUrl &loginUrl)
{
    return endpoint(loginUrl, QStringLiteral("/services/oauth2/userinfo"));
}

QUrl LoginHost::endpoint(const QUrl &base, const QString &path)
{
    QUrl url = base;
    url.setPath(path);
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

} // namespace pasalista
