#include "replicationapi.h"

#include "permissions.h"
#include "sobjectapi.h"

#include <QJsonArray>

namespace pasalista::emulator {

namespace {
constexpr qint64 kMinuteMs = 60 * 1000;
constexpr qint64 kReplicationWindowMs = 30LL * 24 * 3600 * 1000;

qint64 toMinute(qint64 ms)
{
    return ms - ((ms % kMinuteMs) + kMinuteMs) % kMinuteMs;
}

HttpResponse replicationError(const QString &message)
{
    return HttpResponse::error(400, {QStringLiteral("INVALID_REPLICATION_DATE"), message, {}});
}

std::optional<qint64> parseParameter(const ApiContext &context, const QString &name)
{
    // An unencoded '+' of a time zone offset arrives as a space.
    QString text = context.request->queryValue(name).trimmed();
    text.replace(u' ', u'+');
    const QDateTime dateTime = QDateTime::fromString(text, Qt::ISODateWithMs);
    return dateTime.isValid() ? std::optional<qint64>(dateTime.toMSecsSinceEpoch()) : std::nullopt;
}
} // namespace

bool ReplicationApi::handles(const QStringList &segments)
{
    return segments.size() == 3 && segments.at(0) == QLatin1String("sobjects") &&
           (segments.at(2) == QLatin1String("updated") ||
            segments.at(2) == QLatin1String("deleted"));
}

qint64 ReplicationApi::earliestAvailableMs(const ObjectDef &object) const
{
    return toMinute(m_store.purgedUpToMs(object.name).value_or(m_store.createdMs()));
}

std::optional<ReplicationApi::Window> ReplicationApi::window(const ApiContext &context,
                                                             const ObjectDef &object, bool deleted,
                                                             HttpResponse *error) const
{
    const auto start = parseParameter(context, QStringLiteral("start"));
    const auto end = parseParameter(context, QStringLiteral("end"));
    if (!start || !end) {
        *error =
            HttpResponse::error(400, {QStringLiteral("MISSING_ARGUMENT"),
                                      QStringLiteral("start and end must be dateTime values, e.g. "
                                                     "2024-03-15T10:00:00+00:00"),
                                      {}});
        return std::nullopt;
    }
    const qint64 nowMs = m_store.clock().nowMs();
    Window window{toMinute(*start), toMinute(std::min(*end, nowMs))};
    if (window.startMs >= toMinute(*end)) {
        *error = replicationError(QStringLiteral("endDate must chronologically follow startDate"));
        return std::nullopt;
    }
    if (window.startMs < toMinute(nowMs - kReplicationWindowMs)) {
        *error = replicationError(QStringLiteral("startDate must be within the last 30 days: %1")
                                      .arg(RecordStore::formatMs(window.startMs)));
        return std::nullopt;
    }
    const auto purged = m_store.purgedUpToMs(object.name);
    if (deleted && purged && window.startMs < toMinute(*purged)) {
        *error = replicationError(QStringLiteral("startDate is before earliestDateAvailable %1")
                                      .arg(RecordStore::formatMs(toMinute(*purged))));
        return std::nullopt;
    }
    // A transaction still running may yet show a stamp older than now: stop before it.
    if (const auto pending = m_store.oldestPendingStampMs(object.name))
        window.latestMs = std::min(window.latestMs, toMinute(*pending));
    window.latestMs = std::max(window.latestMs, window.startMs);
    return window;
}

HttpResponse ReplicationApi::handle(const ApiContext &context, const ObjectDef &object) const
{
    if (context.method() != "GET")
        return methodNotAllowed(context.method(), QStringLiteral("GET,HEAD"));
    const bool deleted = context.segments.at(2) == QLatin1String("deleted");
    HttpResponse error;
    const auto range = window(context, object, deleted, &error);
    if (!range)
        return error;
    QJsonArray ids;
    QJsonArray deletedRecords;
    for (const QString &id : m_store.ids(object.name)) {
        const QJsonObject *row = m_store.find(object.name, id);
        if (!row || row->value(QStringLiteral("IsDeleted")).toBool() != deleted ||
            !Permissions::canSee(object, *row))
            continue;
        const qint64 stamp =
            RecordStore::parseStampMs(row->value(QStringLiteral("SystemModstamp"))).value_or(0);
        if (stamp < range->startMs || stamp >= range->latestMs)
            continue;
        if (deleted)
            deletedRecords.append(
                QJsonObject{{QStringLiteral("id"), id},
                            {QStringLiteral("deletedDate"), RecordStore::formatMs(stamp)}});
        else
            ids.append(id);
    }
    const QString latest = RecordStore::formatMs(range->latestMs);
    if (!deleted)
        return HttpResponse::json(QJsonObject{{QStringLiteral("ids"), ids},
                                              {QStringLiteral("latestDateCovered"), latest}});
    return HttpResponse::json(QJsonObject{{QStringLiteral("deletedRecords"), deletedRecords},
                                          {QStringLiteral("earliestDateAvailable"),
                                           RecordStore::formatMs(earliestAvailableMs(object))},
                                          {QStringLiteral("latestDateCovered"), latest}});
}

} // namespace pasalista::emulator
