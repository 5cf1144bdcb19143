#pragma once

#include "apicontext.h"
#include "httpresponse.h"
#include "recordstore.h"

#include <QJsonArray>
#include <QJsonObject>

#include <functional>

namespace pasalista::emulator {

// composite: up to 25 subrequests in one call, later ones referring to earlier results
// through @{referenceId.path}; allOrNone rolls the whole request back.
class CompositeApi
{
public:
    using Dispatcher = std::function<HttpResponse(const ApiContext &)>;

    CompositeApi(RecordStore &store, Dispatcher dispatch);

    HttpResponse handle(const ApiContext &context);

private:
    struct Subresult
    {
        QString referenceId;
        HttpResponse response;
        QJsonValue body;
    };

    std::optional<Subresult> runSubrequest(const ApiContext &context, const QJsonObject &spec,
                                           const QList<Subresult> &done, QString *problem);
    std::optional<QString> substitute(const QString &text, const QList<Subresult> &done,
                                      QString *problem) const;
    static std::optional<QJsonValue> lookup(const QJsonValue &root, const QString &path);
    static QJsonObject toJson(const Subresult &result);
    static Subresult halted(const QString &referenceId, const QString &message);

    RecordStore &m_store;
    Dispatcher m_dispatch;
};

} // namespace pasalista::emulator
