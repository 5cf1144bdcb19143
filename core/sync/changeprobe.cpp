#include "changeprobe.h"

#include "logging.h"
#include "net/compositebatch.h"
#include "net/salesforceclient.h"
#include "sync/soql.h"

#include <QJsonArray>
#include <QJsonObject>

namespace pasalista {

namespace {

// `end` lies well past the org's clock, whatever this laptop's clock says: the org then
// answers up to what it can vouch for (latestDateCovered), never less.
constexpr int kEndAheadDays = 40;

} // namespace

QString ChangeProbe::stamp(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

QDateTime ChangeProbe::parseStamp(const QString &text)
{
    return QDateTime::fromString(Soql::dateTimeLiteral(text), Qt::ISODate).toUTC();
}

int ChangeProbe::run(const QList<Window> &windows)
{
    CompositeBatch batch(m_client);
    QDateTime base =
        m_client.serverTime().isValid() ? m_client.serverTime() : QDateTime::currentDateTimeUtc();
    for (const Window &window : windows) {
        base = std::max({base, window.updatedFrom, window.deletedFrom});
    }
    QHash<QString, QDateTime> starts;
    for (const Window &window : windows) {
        for (const auto &[kind, from] :
             {std::pair{QStringLiteral("updated"), window.updatedFrom},
              std::pair{QStringLiteral("deleted"), window.deletedFrom}}) {
            if (!from.isValid()) {
                continue;
            }
            QUrlQuery range;
            range.addQueryItem(QStringLiteral("start"), stamp(from));
            range.addQueryItem(QStringLiteral("end"), stamp(base.addDays(kEndAheadDays)));
            const QString reference = kind + QLatin1Char('_') + window.objectName;
            batch.addGet(reference, QStringLiteral("sobjects/%1/%2/").arg(window.objectName, kind),
                         range);
            starts.insert(reference, from);
        }
    }
    if (batch.isEmpty()) {
        return 0;
    }
    const int calls = batch.send();
    for (const Window &window : windows) {
        for (const bool deleted : {false, true}) {
            const QString reference =
                (deleted ? QStringLiteral("deleted_") : QStringLiteral("updated_")) +
                window.objectName;
            if (!starts.contains(reference)) {
                continue;
            }
            const ApiResponse response = batch.result(reference);
            const QJsonObject body = response.json.object();
            const QDateTime latest =
                parseStamp(body.value(QLatin1String("latestDateCovered")).toString());
            if (!response.ok() || !latest.isValid()) {
                qCInfo(lcSync) << "probe of" << reference << "gave nothing:" << response.errorCode
                               << response.errorMessage;
                continue;
            }
            Answer answer{starts.value(reference), latest, {}};
            if (deleted) {
                for (const QJsonValue &record :
                     body.value(QLatin1String("deletedRecords")).toArray()) {
                    answer.ids.append(record.toObject().value(QLatin1String("id")).toString());
                }
                m_deleted.insert(window.objectName, answer);
            } else {
                for (const QJsonValue &id : body.value(QLatin1String("ids")).toArray()) {
                    answer.ids.append(id.toString());
                }
                m_updated.insert(window.objectName, answer);
                m_cycleTime = m_cycleTime.isValid() ? std::min(m_cycleTime, latest) : latest;
            }
        }
    }
    qCInfo(lcSync) << "probe:" << m_updated.size() << "objects' changes and" << m_deleted.size()
                   << "objects' deletions in" << calls << "call(s); org time" << m_cycleTime;
    return calls;
}

bool ChangeProbe::covers(const QHash<QString, Answer> &answers, const QString &objectName,
                         const QDateTime &from) const
{
    const auto answer = answers.constFind(objectName);
    // The org's window starts at the minute of `start`: never later than asked.
    return answer != answers.constEnd() && m_cycleTime.isValid() && answer->from <= from &&
           answer->latest >= m_cycleTime;
}

bool ChangeProbe::nothingUpdatedSince(const QString &objectName, const QDateTime &from) const
{
    return covers(m_updated, objectName, from) && m_updated.value(objectName).ids.isEmpty();
}

std::optional<QStringList> ChangeProbe::deletedSince(const QString &objectName,
                                                     const QDateTime &from) const
{
    if (!covers(m_deleted, objectName, from)) {
        return std::nullopt;
    }
    return m_deleted.value(objectName).ids;
}

} // namespace pasalista
