#include "changeprobe.h"

#include "logging.h"
#include "net/compositebatch.h"
#include "net/salesforceclient.h"
#include "sync/recordvalidator.h"
#include "sync/soql.h"

#include <QJsonArray>
#include <QJsonObject>

#include <tuple>

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
    add(batch, windows);
    if (batch.isEmpty()) {
        return 0;
    }
    const int calls = batch.send();
    read(batch);
    qCInfo(lcSync) << "probe:" << m_updated.size() << "objects' changes and" << m_deleted.size()
                   << "objects' deletions in" << calls << "call(s); org time" << m_cycleTime;
    return calls;
}

void ChangeProbe::add(CompositeBatch &batch, const QList<Window> &windows)
{
    QDateTime base =
        m_client.serverTime().isValid() ? m_client.serverTime() : QDateTime::currentDateTimeUtc();
    for (const Window &window : windows) {
        base = std::max({base, window.updatedFrom, window.deletedFrom});
    }
    for (const Window &window : windows) {
        const QDateTime farEnd = base.addDays(kEndAheadDays);
        for (const auto &[kind, from, until] :
             {std::tuple{Kind::Updated, window.updatedFrom, farEnd},
              std::tuple{Kind::Deleted, window.deletedFrom, farEnd},
              std::tuple{Kind::Settled, window.settledFrom, window.settledUntil}}) {
            if (!from.isValid() || !until.isValid()) {
                continue;
            }
            QUrlQuery range;
            range.addQueryItem(QStringLiteral("start"), stamp(from));
            range.addQueryItem(QStringLiteral("end"), stamp(until));
            const QString resource =
                kind == Kind::Deleted ? QStringLiteral("deleted") : QStringLiteral("updated");
            const QString reference =
                (kind == Kind::Settled ? QStringLiteral("settled") : resource) + QLatin1Char('_') +
                window.objectName;
            batch.addGet(reference,
                         QStringLiteral("sobjects/%1/%2/").arg(window.objectName, resource), range);
            m_asked.append({kind, window.objectName, from, reference});
        }
    }
}

void ChangeProbe::read(const CompositeBatch &batch)
{
    for (const Question &question : std::as_const(m_asked)) {
        const ApiResponse response = batch.result(question.reference);
        const QJsonObject body = response.json.object();
        const QDateTime latest =
            parseStamp(body.value(QLatin1String("latestDateCovered")).toString());
        if (!response.ok() || !latest.isValid()) {
            qCInfo(lcSync) << "probe of" << question.reference
                           << "gave nothing:" << response.errorCode << response.errorMessage;
            continue;
        }
        const QDateTime date = batch.replyDate(question.reference);
        if (date.isValid() && latest > date.addSecs(RecordValidator::kClockSkewSeconds)) {
            // A clock ahead of the org's own Date would skip every later change: no answer.
            qCWarning(lcSync) << "probe of" << question.reference << "refused: latestDateCovered"
                              << latest << "after the reply's Date" << date;
            m_refused = {response, date};
            continue;
        }
        keep(question, body, latest);
    }
    m_asked.clear();
}

void ChangeProbe::keep(const Question &question, const QJsonObject &body, const QDateTime &latest)
{
    Answer answer{question.from, latest, {}};
    if (question.kind == Kind::Deleted) {
        for (const QJsonValue &record : body.value(QLatin1String("deletedRecords")).toArray()) {
            answer.ids.append(record.toObject().value(QLatin1String("id")).toString());
        }
        m_deleted.insert(question.objectName, answer);
        return;
    }
    for (const QJsonValue &id : body.value(QLatin1String("ids")).toArray()) {
        answer.ids.append(id.toString());
    }
    if (question.kind == Kind::Settled) {
        m_settled.insert(question.objectName, answer);
        return;
    }
    m_updated.insert(question.objectName, answer);
    m_cycleTime = m_cycleTime.isValid() ? std::min(m_cycleTime, latest) : latest;
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

std::optional<QStringList> ChangeProbe::updatedBetween(const QString &objectName,
                                                       const QDateTime &from,
                                                       const QDateTime &until) const
{
    const auto answer = m_settled.constFind(objectName);
    // A transaction still running holds latestDateCovered back: the range is then not
    // wholly answered.
    if (answer == m_settled.constEnd() || answer->from > from || answer->latest < until) {
        return std::nullopt;
    }
    return answer->ids;
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
