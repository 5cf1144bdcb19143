#pragma once

#include "net/apiresponse.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QStringList>

#include <optional>
#include <utility>

namespace pasalista {

class CompositeBatch;
class SalesforceClient;

// Asks the org, in one Composite call, which records of each mapped object changed or were
// deleted since this laptop last looked (the `updated` and `deleted` resources, 12
// subrequests for six objects, none a query). An idle sync ends there: one API call. Only
// objects with something in their window are then queried. A subrequest the org refuses
// (a window older than 30 days, a purged recycle bin) just leaves its object to the query.
class ChangeProbe
{
public:
    struct Window
    {
        QString objectName;
        QDateTime updatedFrom; // invalid: not probed
        QDateTime deletedFrom; // invalid: not probed
        // The settled part of the object's window (see PullQueries::settledPart()): which
        // records the org stamped in [settledFrom, settledUntil). Invalid: not probed.
        QDateTime settledFrom;
        QDateTime settledUntil;
    };

    explicit ChangeProbe(SalesforceClient &client) : m_client(client) {}

    // Returns the number of API calls made (0 when there was nothing to ask).
    int run(const QList<Window> &windows);
    // The same questions, added to a batch that carries other subrequests too (the pull's
    // read-ahead), and their answers read from it once sent.
    void add(CompositeBatch &batch, const QList<Window> &windows);
    void read(const CompositeBatch &batch);
    // The earliest latestDateCovered of the replies: a time the org vouches for, read
    // before any page of this cycle. Invalid when no `updated` reply came back.
    QDateTime cycleTime() const { return m_cycleTime; }
    // True when the org listed no record of `objectName` changed in [from, cycleTime()).
    bool nothingUpdatedSince(const QString &objectName, const QDateTime &from) const;
    // The Ids deleted in [from, cycleTime()), when the probe covered that window.
    std::optional<QStringList> deletedSince(const QString &objectName, const QDateTime &from) const;
    // An answer refused for a latestDateCovered after its reply's Date (the org's clock), with
    // that Date, for the pull to report as it reports such a clock; none: an invalid Date.
    std::pair<ApiResponse, QDateTime> refusedAnswer() const { return m_refused; }
    // The Ids the org stamped in [from, until), when a settled probe covered that range.
    std::optional<QStringList> updatedBetween(const QString &objectName, const QDateTime &from,
                                              const QDateTime &until) const;

private:
    struct Answer
    {
        QDateTime from;
        QDateTime latest;
        QStringList ids;
    };
    static QString stamp(const QDateTime &time);
    static QDateTime parseStamp(const QString &text);
    bool covers(const QHash<QString, Answer> &answers, const QString &objectName,
                const QDateTime &from) const;

    SalesforceClient &m_client;
    QHash<QString, Answer> m_updated;
    QHash<QString, Answer> m_deleted;
    QHash<QString, Answer> m_settled;
    enum class Kind
    {
        Updated,
        Deleted,
        Settled,
    };
    struct Question
    {
        Kind kind;
        QString objectName;
        QDateTime from;
        QString reference;
    };
    void keep(const Question &question, const QJsonObject &body, const QDateTime &latest);
    // What add() asked, for read() to find the answers.
    QList<Question> m_asked;
    QDateTime m_cycleTime;
    std::pair<ApiResponse, QDateTime> m_refused;
};

} // namespace pasalista
