#include "pushreadback.h"

#include "logging.h"
#include "roletable.h"
#include "store/localstore.h"
#include "sync/idlistsplitter.h"
#include "sync/pullqueries.h"
#include "sync/pullstate.h"
#include "sync/recordcodec.h"
#include "sync/remoteapplier.h"
#include "sync/soql.h"
#include "sync/syncreport.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUrl>

namespace pasalista {

QStringList PushReadBack::queriesFor(Role role, const QList<CollectionRequest::Batch> &batches,
                                     qsizetype room) const
{
    // A create without our key has nothing to find it by before it is made; a delete leaves
    // nothing to read.
    const QStringList queries = queriesFor(role, PushBatchKind::Update, batches) +
                                queriesFor(role, PushBatchKind::Upsert, batches);
    return queries.size() <= room ? queries : QStringList();
}

QStringList PushReadBack::queriesFor(Role role, PushBatchKind kind,
                                     const QList<CollectionRequest::Batch> &batches) const
{
    const RecordCodec codec(m_store.mapping(), role);
    const bool byKey = kind == PushBatchKind::Upsert;
    QStringList literals;
    for (const CollectionRequest::Batch &batch : batches) {
        for (const PushOperation &operation : batch.operations) {
            if (batch.kind == kind) {
                literals.append(
                    byKey ? Soql::stringLiteral(
                                operation.row.value(RoleTable::keyColumnName()).toString())
                          : operation.sfid);
            }
        }
    }
    if (literals.isEmpty()) {
        return {};
    }
    const PullState state(m_store);
    PullQueries queries(m_store, state);
    queries.setAvailableFields(m_available);
    const QString field = byKey ? codec.object().upsertField : QStringLiteral("Id");
    const auto select = [&](const QString &list) {
        return queries.selectFor(role, {field + QStringLiteral(" IN ") + list});
    };
    const qsizetype budget = IdListSplitter::kMaxQueryUriBytes -
                             QUrl::toPercentEncoding(select(QStringLiteral("()"))).size();
    const QList<QStringList> lists = byKey ? IdListSplitter::splitLiterals(literals, budget)
                                           : IdListSplitter::split(literals, budget);
    QStringList texts;
    for (const QStringList &list : lists) {
        texts.append(select(byKey
                                ? QLatin1Char('(') + list.join(QLatin1Char(',')) + QLatin1Char(')')
                                : Soql::idList(list)));
    }
    return texts;
}

int PushReadBack::apply(Role role, const ApiResponse &reply, const QDateTime &orgClock,
                        const QSet<QString> &confirmed)
{
    const QJsonObject page = reply.json.object();
    if (!reply.ok() || !page.value(QLatin1String("done")).toBool()) {
        return -1;
    }
    const Mapping &mapping = m_store.mapping();
    const RecordCodec codec(mapping, role);
    RemoteApplier applier(m_store, codec, mapping.binding(role).conflictPolicy, m_report);
    RecordValidator validator(mapping, codec, m_shapes);
    validator.setOrgClock(orgClock);
    if (!m_store.begin()) {
        return -1;
    }
    applier.beginPage();
    int applied = 0;
    for (const QJsonValue &value : page.value(QLatin1String("records")).toArray()) {
        if (!confirmed.contains(value.toObject().value(QLatin1String("Id")).toString())) {
            continue; // its write is not confirmed: its own retry or look-up settles it
        }
        QString reason;
        const auto checked = validator.check(value.toObject(), &reason);
        if (!checked || !applier.apply(*checked)) {
            qCInfo(lcSyncPush) << "read-back left to the pull:" << reason << applier.errorString();
            m_store.rollback();
            return -1;
        }
        ++applied;
    }
    return m_store.commit() ? applied : -1;
}

} // namespace pasalista
