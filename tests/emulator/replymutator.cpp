#include "replymutator.h"

#include "sfid.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <functional>

namespace pasalista::emulator {

namespace {

const QString kAttributes = QStringLiteral("attributes");
// The slowest the transport drips: one byte a tick (20 bytes a second).
constexpr int kDripBytesPerSecond = 1;

using RecordEdit = std::function<bool(QJsonObject &record)>;

QString idKey(const QJsonObject &object)
{
    if (object.value(QLatin1String("Id")).isString())
        return QStringLiteral("Id");
    if (object.value(QLatin1String("id")).isString())
        return QStringLiteral("id");
    return {};
}

int countRecords(const QJsonValue &value)
{
    int count = 0;
    if (value.isArray()) {
        for (const QJsonValue &entry : value.toArray())
            count += countRecords(entry);
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        count += idKey(object).isEmpty() ? 0 : 1;
        for (const QJsonValue &entry : object)
            count += countRecords(entry);
    }
    return count;
}

// Rebuilds `value` with `edit` applied to the record numbered *index (depth first).
QJsonValue editRecord(const QJsonValue &value, int *index, const RecordEdit &edit, bool *applied)
{
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size() && *index >= 0; ++i)
            array[i] = editRecord(array.at(i), index, edit, applied);
        return array;
    }
    if (!value.isObject())
        return value;
    QJsonObject object = value.toObject();
    if (!idKey(object).isEmpty() && (*index)-- == 0) {
        *applied = edit(object);
        return object;
    }
    for (auto it = object.begin(); it != object.end() && *index >= 0; ++it)
        it.value() = editRecord(it.value(), index, edit, applied);
    return object;
}

QStringList editableKeys(const QJsonObject &record)
{
    QStringList keys = record.keys();
    keys.removeAll(kAttributes);
    return keys;
}

QString pick(const QStringList &choices, QRandomGenerator &random)
{
    return choices.at(static_cast<qsizetype>(random.bounded(static_cast<int>(choices.size()))));
}

QString junkId(const QString &id, QRandomGenerator &random)
{
    const QString id15 = id.left(15);
    QStringList junk{QStringLiteral("../../etc/passwd"), QString(), QStringLiteral("a0"),
                     QStringLiteral("a05<script>x</s"), QStringLiteral("a05\u00e9\u00e9\u00e9")};
    if (id.size() == 18) {
        junk.append(id15); // a 15-character Id: the same record, not junk, but a test
        junk.append(id15 + (id.right(3) == QLatin1String("AAA") ? QStringLiteral("BBB")
                                                                : QStringLiteral("AAA")));
        junk.append(SfId::withSuffix(QStringLiteral("zz9") + id15.mid(3)));
    }
    return pick(junk, random);
}

bool retype(QJsonObject &record, QRandomGenerator &random)
{
    const QStringList keys = editableKeys(record);
    if (keys.isEmpty())
        return false;
    const QString key = pick(keys, random);
    const QJsonValue value = record.value(key);
    if (value.isString())
        record.insert(key, 12345);
    else if (value.isDouble())
        record.insert(key, QStringLiteral("12x"));
    else if (value.isBool())
        record.insert(key, QStringLiteral("yes"));
    else if (value.isNull())
        record.insert(key, QJsonObject{{QStringLiteral("nested"), true}});
    else
        record.insert(key, 7);
    return true;
}

bool nullField(QJsonObject &record, QRandomGenerator &random)
{
    const QStringList keys = editableKeys(record);
    if (keys.isEmpty())
        return false;
    record.insert(pick(keys, random), QJsonValue::Null);
    return true;
}

bool junkDate(QJsonObject &record, QRandomGenerator &random)
{
    static const QRegularExpression date(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}"));
    QStringList dated;
    for (auto it = record.begin(); it != record.end(); ++it) {
        if (it.value().isString() && date.match(it.value().toString()).hasMatch())
            dated.append(it.key());
    }
    if (dated.isEmpty())
        return false;
    record.insert(
        pick(dated, random),
        pick({QStringLiteral("2024-02-30"), QStringLiteral("2024-13-45T25:61:00.000+0000"),
              QStringLiteral("yesterday"), QStringLiteral("0000-00-00T00:00:00.000Z")},
             random));
    return true;
}

QString farFuture(const MutationContext &context, QRandomGenerator &random)
{
    return context.orgNow.toUTC()
        .addDays(1 + random.bounded(3650))
        .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz+0000"));
}

bool futureStamp(QJsonObject &record, const MutationContext &context, QRandomGenerator &random)
{
    bool changed = false;
    for (const QString &key :
         {QStringLiteral("SystemModstamp"), QStringLiteral("LastModifiedDate")}) {
        if (record.contains(key)) {
            record.insert(key, farFuture(context, random));
            changed = true;
        }
    }
    return changed;
}

// A text field of the record holds a megabyte, far past any field's length.
bool overlong(QJsonObject &record, QRandomGenerator &random)
{
    QStringList texts;
    for (const QString &key : editableKeys(record)) {
        if (record.value(key).isString() && key != idKey(record))
            texts.append(key);
    }
    if (texts.isEmpty())
        return false;
    record.insert(pick(texts, random), QString(1 << 20, u'x'));
    return true;
}

bool mutateRecord(const QString &kind, QJsonDocument *document, const MutationContext &context,
                  QRandomGenerator &random)
{
    const QJsonValue root =
        document->isArray() ? QJsonValue(document->array()) : QJsonValue(document->object());
    const int count = countRecords(root);
    if (count == 0)
        return false;
    int index = static_cast<int>(random.bounded(count));
    bool applied = false;
    const QJsonValue edited = editRecord(
        root, &index,
        [&](QJsonObject &record) {
            if (kind == QLatin1String("retype"))
                return retype(record, random);
            if (kind == QLatin1String("null"))
                return nullField(record, random);
            if (kind == QLatin1String("junk-id")) {
                const QString key = idKey(record);
                record.insert(key, junkId(record.value(key).toString(), random));
                return true;
            }
            if (kind == QLatin1String("junk-date"))
                return junkDate(record, random);
            if (kind == QLatin1String("overlong"))
                return overlong(record, random);
            return futureStamp(record, context, random);
        },
        &applied);
    *document =
        edited.isArray() ? QJsonDocument(edited.toArray()) : QJsonDocument(edited.toObject());
    return applied;
}

bool mutatePageLink(const QString &kind, QJsonDocument *document, const MutationContext &context)
{
    QJsonObject page = document->object();
    if (!page.value(QLatin1String("records")).isArray())
        return false;
    page.insert(QStringLiteral("done"), false);
    page.insert(QStringLiteral("nextRecordsUrl"),
                kind == QLatin1String("self-loop")
                    ? context.pathAndQuery
                    : context.loginUrl +
                          QStringLiteral("/services/data/v60.0/query/01gFOREIGN-2000"));
    *document = QJsonDocument(page);
    return true;
}

// Mutates one subrequest's reply of a Composite reply, drawn among those it applies to.
bool mutateComposite(const QString &kind, QJsonDocument *document, const MutationContext &context,
                     QRandomGenerator &random)
{
    QJsonObject reply = document->object();
    QJsonArray results = reply.value(QLatin1String("compositeResponse")).toArray();
    if (results.isEmpty())
        return false;
    const auto start = static_cast<qsizetype>(random.bounded(static_cast<int>(results.size())));
    for (qsizetype step = 0; step < results.size(); ++step) {
        const qsizetype index = (start + step) % results.size();
        QJsonObject subresult = results.at(index).toObject();
        if (!ReplyMutator::mutateSubresult(kind, &subresult, context, random))
            continue;
        results[index] = subresult;
        reply.insert(QStringLiteral("compositeResponse"), results);
        *document = QJsonDocument(reply);
        return true;
    }
    return false;
}

} // namespace

bool ReplyMutator::appliesToSubrequest(const QString &kind)
{
    return kinds().contains(kind) && kind != QLatin1String("truncate") &&
           kind != QLatin1String("drip") && kind != QLatin1String("redirect");
}

bool ReplyMutator::mutateSubresult(const QString &kind, QJsonObject *subresult,
                                   const MutationContext &context, QRandomGenerator &random)
{
    const QJsonValue body = subresult->value(QLatin1String("body"));
    if (!appliesToSubrequest(kind) || !(body.isObject() || body.isArray()))
        return false;
    HttpResponse part =
        body.isObject() ? HttpResponse::json(body.toObject()) : HttpResponse::json(body.toArray());
    part.status = subresult->value(QLatin1String("httpStatusCode")).toInt();
    MutationContext own = context;
    own.pathAndQuery =
        context.subrequestUrls.value(subresult->value(QLatin1String("referenceId")).toString());
    TransportFaults unused;
    if (!mutate(kind, &part, &unused, own, random))
        return false;
    const QJsonDocument mutated = QJsonDocument::fromJson(part.body);
    subresult->insert(QStringLiteral("body"), mutated.isArray() ? QJsonValue(mutated.array())
                                                                : QJsonValue(mutated.object()));
    return true;
}

const QStringList &ReplyMutator::kinds()
{
    static const QStringList all{
        QStringLiteral("truncate"), QStringLiteral("retype"),    QStringLiteral("null"),
        QStringLiteral("junk-id"),  QStringLiteral("junk-date"), QStringLiteral("future-stamp"),
        QStringLiteral("redirect"), QStringLiteral("self-loop"), QStringLiteral("foreign-page"),
        QStringLiteral("drip"),     QStringLiteral("overlong")};
    return all;
}

HttpResponse ReplyMutator::redirect(const MutationContext &context)
{
    // To another origin (the login host), where the emulator notes any bearer token that
    // arrives: a client that follows the redirect hands the token over.
    return HttpResponse::redirect(
        QUrl(context.loginUrl + QStringLiteral("/__redirected") + context.pathAndQuery));
}

bool ReplyMutator::mutate(const QString &kind, HttpResponse *response, TransportFaults *faults,
                          const MutationContext &context, QRandomGenerator &random)
{
    if (kind == QLatin1String("drip")) {
        faults->bandwidthBytesPerSecond = kDripBytesPerSecond;
        return true;
    }
    if (response->status / 100 != 2 || response->body.size() < 2)
        return false;
    if (kind == QLatin1String("truncate")) {
        response->body.truncate(1 + random.bounded(static_cast<int>(response->body.size() - 1)));
        return true;
    }
    QJsonParseError error{};
    QJsonDocument document = QJsonDocument::fromJson(response->body, &error);
    if (error.error != QJsonParseError::NoError)
        return false;
    if (kind == QLatin1String("future-stamp") && document.isObject() &&
        document.object().contains(QLatin1String("latestDateCovered"))) {
        // The replication API's clock, which a client may take for the org's time.
        QJsonObject object = document.object();
        object.insert(QStringLiteral("latestDateCovered"), farFuture(context, random));
        document = QJsonDocument(object);
    } else if (document.isObject() &&
               document.object().value(QLatin1String("compositeResponse")).isArray() &&
               (kind == QLatin1String("self-loop") || kind == QLatin1String("foreign-page") ||
                kind == QLatin1String("future-stamp"))) {
        // A page link or a clock lives in one subrequest's reply.
        if (!mutateComposite(kind, &document, context, random))
            return false;
    } else if (kind == QLatin1String("self-loop") || kind == QLatin1String("foreign-page")) {
        if (!mutatePageLink(kind, &document, context))
            return false;
    } else if (!mutateRecord(kind, &document, context, random)) {
        return false;
    }
    response->body = document.toJson(QJsonDocument::Compact);
    return true;
}

} // namespace pasalista::emulator
