#include "twincheck.h"

#include "logging.h"
#include "net/salesforceclient.h"
#include "store/localstore.h"
#include "store/metastore.h"
#include "sync/collectionrequest.h"
#include "sync/pushlookup.h"
#include "sync/syncreport.h"

#include <QUrlQuery>

namespace pasalista {

namespace {

constexpr int kBatchSize = CollectionRequest::kDeleteBatchSize; // Ids in one delete's URI

const QString kSfid = QStringLiteral("sfid");

} // namespace

void TwinCheck::removeResentTwins(Role role, QList<PushOperation> created)
{
    // A create whose connection dropped may have been committed and then sent again by the
    // network stack itself (Qt resends a request whose connection closed before any reply):
    // the org then holds our record twice. Before creating, the look-up found no record
    // with these natural keys, so any record beside ours is such a twin and goes.
    QHash<qint64, QString> kept;
    for (const PushOperation &operation : std::as_const(created)) {
        kept.insert(operation.recordId, operation.sfid);
    }
    // Checks an earlier cycle could not finish (their look-up failed) are done again.
    for (const qint64 recordId : twinChecksLeft(m_store, role)) {
        const QString sfid =
            m_store.row(role, recordId).value_or(QVariantMap()).value(kSfid).toString();
        if (!kept.contains(recordId) && !sfid.isEmpty()) {
            PushOperation operation;
            operation.recordId = recordId;
            created.append(operation);
            kept.insert(recordId, sfid);
        }
    }
    if (created.isEmpty()) {
        return;
    }
    for (PushOperation &operation : created) {
        operation.sfid.clear();
        operation.sameKey.clear();
        operation.unverified = false;
    }
    m_lookup.findByNaturalKey(role, created);
    QStringList twins;
    QList<qint64> left;
    for (PushOperation &operation : created) {
        operation.sfid = kept.value(operation.recordId);
        if (operation.unverified) {
            // Its look-up failed: a twin may be there, so the check waits for the next cycle.
            left.append(operation.recordId);
            continue;
        }
        twins += twinsOf(role, operation);
    }
    deleteTwins(twins);
    keepTwinChecks(m_store, role, left);
}

QString TwinCheck::twinCheckKey(const LocalStore &store, Role role)
{
    return QStringLiteral("twin-check:") + store.mapping().table(role);
}

QList<qint64> TwinCheck::twinChecksLeft(const LocalStore &store, Role role)
{
    QList<qint64> ids;
    const QString kept = MetaStore(store).value(twinCheckKey(store, role));
    for (const QString &id : kept.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        ids.append(id.toLongLong());
    }
    return ids;
}

bool TwinCheck::keepTwinChecks(LocalStore &store, Role role, const QList<qint64> &recordIds)
{
    QStringList ids;
    for (const qint64 id : recordIds) {
        ids.append(QString::number(id));
    }
    MetaStore meta(store);
    if (!ids.isEmpty()) {
        qCInfo(lcSyncPush) << "twin checks left for the next cycle:" << ids;
    }
    if (ids.isEmpty() ? meta.remove(twinCheckKey(store, role))
                      : meta.setValue(twinCheckKey(store, role), ids.join(QLatin1Char(',')))) {
        return true;
    }
    qCWarning(lcSyncPush) << "could not keep the twin checks:" << meta.errorString();
    return false;
}

bool TwinCheck::checkAtNextPush(LocalStore &store, Role role, qint64 recordId)
{
    QList<qint64> ids = twinChecksLeft(store, role);
    return ids.contains(recordId) || keepTwinChecks(store, role, ids << recordId);
}

QStringList TwinCheck::twinsOf(Role role, const PushOperation &operation) const
{
    QStringList twins;
    for (const QString &id : operation.sameKey) {
        if (id != operation.sfid && !m_store.idByColumn(role, kSfid, id)) {
            twins.append(id);
        }
    }
    return twins;
}

void TwinCheck::deleteTwins(const QStringList &twins)
{
    for (qsizetype start = 0; start < twins.size(); start += kBatchSize) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("ids"),
                           twins.mid(start, kBatchSize).join(QLatin1Char(',')));
        query.addQueryItem(QStringLiteral("allOrNone"), QStringLiteral("false"));
        ++m_report.writeRequests;
        const ApiResponse response = m_client.del(QStringLiteral("composite/sobjects"), query);
        qCInfo(lcSyncPush) << "removed" << twins.mid(start, kBatchSize).size()
                           << "twins of records created by a resent request:" << response.ok();
    }
}

} // namespace pasalista
