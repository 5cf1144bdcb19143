#include "compositeapi.h"

#include "sobjectapi.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>

namespace pasalista::emulator {

namespace {
constexpr int kMaxSubrequests = 25;
constexpr int kMaxQueriesAndCollections = 5;

// Query, QueryAll and sObject Collections subrequests: at most five in one composite call.
bool isHeavySubrequest(const QJsonValue &spec)
{
    const QString path = QUrl(spec.toObject().value(QStringLiteral("url")).toString()).path();
    const QStringList parts = path.split(u'/', Qt::SkipEmptyParts); // services data vXX.X ...
    const QString resource = parts.value(3);
    return resource == QLatin1String("query") || resource == QLatin1String("queryAll") ||
           (resource == QLatin1String("composite") && parts.value(4) == QLatin1String("sobjects"));
}
const QString kRolledBack = QStringLiteral(
    "The transaction was rolled back since another operation in the same transaction failed.");

const QRegularExpression &referencePattern()
{
    static const QRegularExpression pattern(
        QStringLiteral("@\\{([A-Za-z0-9_]+)((?:\\.[A-Za-z0-9_]+|\\[\\d+\\])*)\\}"));
    return pattern;
}
} // namespace

CompositeApi::CompositeApi(RecordStore &store, Dispatcher dispatch)
    : m_store(store), m_dispatch(std::move(dispatch))
{
}

HttpResponse CompositeApi::handle(const ApiContext &context)
{
    if (context.method() != "POST")
        return methodNotAllowed(context.method(), QStringLiteral("POST"));
    const QJsonDocument document = QJsonDocument::fromJson(context.request->body);
    const QJsonArray requests =
        document.object().value(QStringLiteral("compositeRequest")).toArray();
    if (requests.isEmpty())
        return jsonParseError(QStringLiteral("compositeRequest must be a non-empty array"));
    if (requests.size() > kMaxSubrequests)
        return HttpResponse::error(400, {QStringLiteral("INVALID_API_INPUT"),
                                         QStringLiteral("Maximum number of subrequests per "
                                                        "composite request exceeded: 25"),
                                         {}});
    if (std::count_if(requests.begin(), requests.end(), isHeavySubrequest) >
        kMaxQueriesAndCollections)
        return HttpResponse::error(400, {QStringLiteral("INVALID_API_INPUT"),
                                         QStringLiteral("Maximum number of query and sObject "
                                                        "Collections subrequests per composite "
                                                        "request exceeded: 5"),
                                         {}});
    const bool allOrNone = document.object().value(QStringLiteral("allOrNone")).toBool();
    if (allOrNone)
        m_store.begin();
    QList<Subresult> done;
    bool failed = false;
    for (const QJsonValue &spec : requests) {
        const QString referenceId = spec.toObject().value(QStringLiteral("referenceId")).toString();
        if (failed && allOrNone) {
            done.append(halted(referenceId, kRolledBack));
            continue;
        }
        QString problem;
        auto result = runSubrequest(context, spec.toObject(), done, &problem);
        if (!result)
            result = halted(referenceId, problem);
        if (result->response.status >= 400 && allOrNone && !failed) {
            failed = true;
            for (Subresult &earlier : done)
                earlier = halted(earlier.referenceId, kRolledBack);
        }
        done.append(*result);
    }
    if (allOrNone) {
        if (failed)
            m_store.rollback();
        else
            m_store.commit();
    }
    QJsonArray responses;
    for (const Subresult &result : done)
        responses.append(toJson(result));
    return HttpResponse::json(QJsonObject{{QStringLiteral("compositeResponse"), responses}});
}

std::optional<CompositeApi::Subresult> CompositeApi::runSubrequest(const ApiContext &context,
                                                                   const QJsonObject &spec,
                                                                   const QList<Subresult> &done,
                                                                   QString *problem)
{
    const auto url = substitute(spec.value(QStringLiteral("url")).toString(), done, problem);
    const QJsonValue bodyValue = spec.value(QStringLiteral("body"));
    QString bodyText;
    if (bodyValue.isObject())
        bodyText =
            QString::fromUtf8(QJsonDocument(bodyValue.toObject()).toJson(QJsonDocument::Compact));
    else if (bodyValue.isArray())
        bodyText =
            QString::fromUtf8(QJsonDocument(bodyValue.toArray()).toJson(QJsonDocument::Compact));
    const auto body = substitute(bodyText, done, problem);
    if (!url || !body)
        return std::nullopt;
    const QUrl parsed(*url);
    const QString prefix = QStringLiteral("/services/data/v");
    if (!parsed.path().startsWith(prefix)) {
        *problem = QStringLiteral("The url must start with /services/data/: %1").arg(*url);
        return std::nullopt;
    }
    HttpRequest request = *context.request;
    request.method = spec.value(QStringLiteral("method")).toString().toUpper().toLatin1();
    request.path = parsed.path();
    request.query = HttpRequest::parseForm(parsed.query(QUrl::FullyEncoded).toLatin1());
    request.body = body->toUtf8();
    // Salesforce lets each subrequest carry headers of its own (If-Modified-Since, If-Match).
    const QJsonObject headers = spec.value(QStringLiteral("httpHeaders")).toObject();
    for (auto header = headers.begin(); header != headers.end(); ++header)
        request.headers.insert(header.key().toLower().toLatin1(),
                               header.value().toString().toLatin1());
    ApiContext subcontext = context;
    subcontext.request = &request;
    subcontext.version = request.path.mid(prefix.size()).section(u'/', 0, 0);
    subcontext.segments =
        request.path.mid(prefix.size()).section(u'/', 1).split(u'/', Qt::SkipEmptyParts);
    Subresult result{
        spec.value(QStringLiteral("referenceId")).toString(), m_dispatch(subcontext), {}};
    const QJsonDocument parsedBody = QJsonDocument::fromJson(result.response.body);
    if (parsedBody.isObject())
        result.body = parsedBody.object();
    else if (parsedBody.isArray())
        result.body = parsedBody.array();
    return result;
}

std::optional<QString> CompositeApi::substitute(const QString &text, const QList<Subresult> &done,
                                                QString *problem) const
{
    if (!text.contains(QLatin1String("@{")))
        return text; // no reference to resolve (a large body is not scanned)
    QString out;
    qsizetype last = 0;
    auto matches = referencePattern().globalMatch(text);
    while (matches.hasNext()) {
        const auto match = matches.next();
        const QString referenceId = match.captured(1);
        const auto source = std::find_if(done.begin(), done.end(), [&](const Subresult &result) {
            return result.referenceId == referenceId;
        });
        const auto value = source == done.end() || source->response.status >= 400
                               ? std::nullopt
                               : lookup(source->body, match.captured(2));
        if (!value) {
            *problem = QStringLiteral("Invalid reference specified. No value for %1%2 found in %1.")
                           .arg(referenceId, match.captured(2));
            return std::nullopt;
        }
        out += text.mid(last, match.capturedStart() - last);
        out += value->isDouble() ? QString::number(value->toDouble()) : value->toString();
        last = match.capturedEnd();
    }
    return out + text.mid(last);
}

std::optional<QJsonValue> CompositeApi::lookup(const QJsonValue &root, const QString &path)
{
    static const QRegularExpression step(QStringLiteral("\\.([A-Za-z0-9_]+)|\\[(\\d+)\\]"));
    QJsonValue current = root;
    auto steps = step.globalMatch(path);
    while (steps.hasNext()) {
        const auto match = steps.next();
        current = match.capturedLength(1) > 0 ? current.toObject().value(match.captured(1))
                                              : current.toArray().at(match.captured(2).toInt());
        if (current.isUndefined() || current.isNull())
            return std::nullopt;
    }
    return current;
}

QJsonObject CompositeApi::toJson(const Subresult &result)
{
    QJsonObject headers;
    for (const char *name : {"Location", "Last-Modified"}) {
        const QByteArray value = result.response.header(name);
        if (!value.isEmpty())
            headers.insert(QLatin1String(name), QString::fromUtf8(value));
    }
    return {{QStringLiteral("body"), result.body.isUndefined() ? QJsonValue() : result.body},
            {QStringLiteral("httpHeaders"), headers},
            {QStringLiteral("httpStatusCode"), result.response.status},
            {QStringLiteral("referenceId"), result.referenceId}};
}

CompositeApi::Subresult CompositeApi::halted(const QString &referenceId, const QString &message)
{
    const SfError error{QStringLiteral("PROCESSING_HALTED"), message, {}};
    HttpResponse response = HttpResponse::error(400, error);
    return {referenceId, response, QJsonArray{error.toRestJson()}};
}

} // namespace pasalista::emulator
