#pragma once

#include "faultinjector.h"
#include "httpresponse.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QStringList>

namespace pasalista::emulator {

// What a response mutation needs to know about the request it answers.
struct MutationContext
{
    QString pathAndQuery; // the request's own URL without scheme and host
    QString loginUrl;     // another origin: where a redirect or a foreign page link points
    QDateTime orgNow;
    // A Composite request's subrequest URLs by referenceId: a page link mutated inside a
    // subrequest's reply names that subrequest's own URL.
    QHash<QString, QString> subrequestUrls;
};

// Seeded mutations of one reply, as an attacker on the path or a misbehaving proxy would
// make them (issue 15): truncated or retyped bodies, nulls, junk Ids and dates, far-future
// stamps, redirects to another host, page links that loop or leave the org, drip-fed bodies.
class ReplyMutator
{
public:
    static const QStringList &kinds();
    // Whether `kind` replaces the request's processing (a proxy answering by itself).
    static bool answersInstead(const QString &kind) { return kind == QLatin1String("redirect"); }
    // The reply a redirect mutation sends instead of processing the request.
    static HttpResponse redirect(const MutationContext &context);
    // Mutates a processed reply; false when the kind does not apply to it (left unchanged).
    static bool mutate(const QString &kind, HttpResponse *response, TransportFaults *faults,
                       const MutationContext &context, QRandomGenerator &random);
    // Whether `kind` can damage one subrequest's reply inside a Composite reply (the
    // transport kinds, truncate, drip and redirect, act on the whole reply only).
    static bool appliesToSubrequest(const QString &kind);
    // Mutates one subrequest's reply ({"body","httpStatusCode","referenceId",...}).
    static bool mutateSubresult(const QString &kind, QJsonObject *subresult,
                                const MutationContext &context, QRandomGenerator &random);
};

} // namespace pasalista::emulator
