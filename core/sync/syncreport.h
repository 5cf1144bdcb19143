#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace pasalista {

// What one sync cycle did, for the status bar, the CLI and the tests.
struct SyncReport
{
    enum class Result
    {
        Clean,          // everything pushed and pulled
        Issues,         // done, but some records failed or conflicted
        SignInRequired, // the org refused the refresh token
        Unreachable,    // network down or the org kept failing: retried later
        Cancelled,
        Error, // local trouble (store, mapping)
    };

    Result result = Result::Clean;
    int pushed = 0;    // records written to the org
    int pulled = 0;    // records received from the org and applied (new or changed)
    int reread = 0;    // records read again (overlapping windows) that needed no work
    int deleted = 0;   // records deleted on either side
    int failed = 0;    // records the org refused (shown in Sync issues)
    int conflicts = 0; // fields both sides changed (shown in Sync issues)
    int retrying = 0;  // records left for a later attempt (transient errors)
    int refused = 0;   // records of the org's replies that failed their checks (never stored)
    int held = 0;      // records with a change kept here: the org does not let this user write a
                       // field it touches (one field issue in Sync issues)
    int writeRequests = 0;
    int apiCalls = 0;      // API calls this sync spent (Sforce-Limit-Info)
    int apiCallsToday = 0; // API calls this laptop spent today, this sync included
    QString message;
    QStringList warnings;
    QDateTime finishedAt;

    QJsonObject toJson() const;
    static QString resultName(Result result);
};

} // namespace pasalista

Q_DECLARE_METATYPE(pasalista::SyncReport)
