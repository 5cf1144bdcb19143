#include "syncengine.h"

#include "logging.h"
#include "net/compositebatch.h"
#include "net/salesforceclient.h"
#include "store/conflictlog.h"
#include "store/localstore.h"
#include "store/metastore.h"
#include "store/outbox.h"
#include "store/retention.h"
#include "sync/apibudget.h"
#include "sync/clockskew.h"
#include "sync/fieldaccess.h"
#include "sync/puller.h"
#include "sync/pusher.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSqlError>

namespace pasalista {

SyncEngine::SyncEngine(LocalStore &store, SalesforceClient &client, const Identity &identity,
                       QObject *parent)
    : QObject(parent), m_store(store), m_client(client), m_identity(identity)
{
}

void SyncEngine::warnOnce(SyncReport &report, const QString &key, const QString &message)
{
    bool added = false;
    if (MetaStore(m_store).setIfAbsent(QStringLiteral("warned:") + key,
                                       QDateTime::currentDateTimeUtc().toString(Qt::ISODate),
                                       &added) &&
        added) {
        report.warnings.append(message);
    }
    qCWarning(lcSync).noquote() << message;
}

bool SyncEngine::describeObjects(SyncReport &report, Puller *aheadOf)
{
    const QList<ObjectMapping> objects = m_store.mapping().objects();
    QHash<QString, QJsonObject> cached;
    for (const ObjectMapping &object : objects) {
        const QJsonObject entry =
            QJsonDocument::fromJson(
                metaValue(QStringLiteral("describe:") + object.objectName).toUtf8())
                .object();
        if (!entry.isEmpty()) {
            cached.insert(object.objectName, entry);
        }
    }
    const QString checkedValue = metaValue(QLatin1String(kDescribeCheckedKey));
    // Read whole, never revalidated, after the org said its fields changed: Last-Modified
    // has whole seconds, so a change made in the second the describes were cached would be
    // answered 304 Not Modified.
    const bool whole = checkedValue == QLatin1String(kDescribeWhole);
    const QDateTime checked = QDateTime::fromString(checkedValue, Qt::ISODate);
    const bool fresh = cached.size() == objects.size() && checked.isValid() &&
                       checked.secsTo(QDateTime::currentDateTimeUtc()) < kDescribeMaxAgeSeconds;
    if (fresh) {
        // The org's schema changes rarely: read it from the store, and ask again daily.
        for (const ObjectMapping &object : objects) {
            useShapes(object.objectName, cached.value(object.objectName));
            useFields(object, fieldsOf(cached.value(object.objectName)), report);
        }
        m_rules = cachedRules();
        return true;
    }
    // One Composite call for every describe, each revalidated with If-Modified-Since.
    // An object with a field the user's profile kept from her is read whole: a profile
    // change need not move the object's Last-Modified, and she must learn of her access.
    QSet<QString> withGaps;
    const FieldAccess access(m_store); // gaps() is a reference into it: kept alive here
    for (const FieldAccessGap &gap : access.gaps()) {
        withGaps.insert(gap.objectName);
    }
    CompositeBatch batch(m_client);
    for (const ObjectMapping &object : objects) {
        QHash<QString, QString> headers;
        const QJsonObject entry = cached.value(object.objectName);
        const QString modified = entry.value(QLatin1String("lastModified")).toString();
        // An entry from before shapes were kept must be read whole once, not answered 304.
        if (!modified.isEmpty() && entry.contains(QLatin1String("keyPrefix")) &&
            !withGaps.contains(object.objectName) && !whole) {
            headers.insert(QStringLiteral("If-Modified-Since"), modified);
        }
        batch.addGet(object.objectName,
                     QStringLiteral("sobjects/%1/describe").arg(object.objectName), {}, headers);
    }
    const bool ahead = aheadOf && aheadOf->addReadAheadTo(batch, m_identity.email);
    batch.send();
    if (ahead) {
        aheadOf->takeReadAhead(batch);
    }
    const QHash<QString, DescribeRules> rulesBefore = cachedRules();
    for (const ObjectMapping &object : objects) {
        const ApiResponse response = batch.result(object.objectName);
        if (response.httpStatus == 304 && cached.contains(object.objectName)) {
            useShapes(object.objectName, cached.value(object.objectName));
            useFields(object, fieldsOf(cached.value(object.objectName)), report);
            if (rulesBefore.contains(object.objectName)) {
                m_rules.insert(object.objectName, rulesBefore.value(object.objectName));
            }
            continue;
        }
        if (!response.ok()) {
            report.result = response.outcome == ApiResponse::Outcome::SignInRequired
                                ? SyncReport::Result::SignInRequired
                            : response.outcome == ApiResponse::Outcome::Transient
                                ? SyncReport::Result::Unreachable
                                : SyncReport::Result::Error;
            report.message = tr("Could not read %1 from the org: %2")
                                 .arg(object.objectName, response.errorMessage);
            return false;
        }
        const QSet<QString> fields = fieldsOf(response.json.object());
        useShapes(object.objectName, response.json.object());
        useFields(object, fields, report);
        if (object.writable) {
            const DescribeRules rules =
                DescribeRules::fromDescribe(response.json.object(), object.fields);
            m_rules.insert(object.objectName, rules);
            cacheRules(object.objectName, rules);
        }
        QString modified = batch.lastModified(object.objectName);
        if (modified.isEmpty() && m_client.serverTime().isValid()) {
            modified = QLocale::c().toString(m_client.serverTime(),
                                             QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
        }
        setMetaValue(QStringLiteral("describe:") + object.objectName,
                     QString::fromUtf8(QJsonDocument(cacheEntryOf(response.json.object(), modified))
                                           .toJson(QJsonDocument::Compact)));
    }
    setMetaValue(QLatin1String(kDescribeCheckedKey),
                 QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    return true;
}

QJsonObject SyncEngine::cacheEntryOf(const QJsonObject &describe, const QString &lastModified)
{
    // What the pull needs of a describe: names and shapes of the fields, the key prefix.
    QJsonArray fields;
    for (const QJsonValue &field : describe.value(QLatin1String("fields")).toArray()) {
        const QJsonObject described = field.toObject();
        fields.append(QJsonObject{
            {QStringLiteral("name"), described.value(QLatin1String("name"))},
            {QStringLiteral("type"), described.value(QLatin1String("type"))},
            {QStringLiteral("nillable"), described.value(QLatin1String("nillable")).toBool(true)},
            {QStringLiteral("length"), described.value(QLatin1String("length")).toInt()}});
    }
    return QJsonObject{{QStringLiteral("fields"), fields},
                       {QStringLiteral("keyPrefix"), describe.value(QLatin1String("keyPrefix"))},
                       {QStringLiteral("lastModified"), lastModified}};
}

void SyncEngine::useShapes(const QString &objectName, const QJsonObject &describe)
{
    QHash<QString, FieldShape> shapes;
    for (const QJsonValue &field : describe.value(QLatin1String("fields")).toArray()) {
        const QJsonObject described = field.toObject();
        if (described.isEmpty()) {
            continue; // a cache entry that kept names only
        }
        shapes.insert(described.value(QLatin1String("name")).toString(),
                      {described.value(QLatin1String("type")).toString(),
                       described.value(QLatin1String("nillable")).toBool(true),
                       described.value(QLatin1String("length")).toInt()});
    }
    m_shapes.fields.insert(objectName, shapes);
    const QString keyPrefix = describe.value(QLatin1String("keyPrefix")).toString();
    if (keyPrefix.size() == 3) {
        m_shapes.keyPrefixes.insert(objectName, keyPrefix);
    }
}

QSet<QString> SyncEngine::fieldsOf(const QJsonObject &describe)
{
    QSet<QString> fields;
    for (const QJsonValue &field : describe.value(QLatin1String("fields")).toArray()) {
        // A describe lists objects; the cache keeps just the names.
        fields.insert(field.isObject() ? field.toObject().value(QLatin1String("name")).toString()
                                       : field.toString());
    }
    return fields;
}

void SyncEngine::useFields(const ObjectMapping &object, const QSet<QString> &fields,
                           SyncReport &report)
{
    for (const QString &mapped : object.fields) {
        if (!fields.contains(mapped) && mapped != object.upsertField) {
            warnOnce(report, object.objectName + QLatin1Char('.') + mapped,
                     tr("The org has no field %1.%2; Pasalista leaves it alone.")
                         .arg(object.objectName, mapped));
        }
    }
    if (object.writable && !object.upsertField.isEmpty() && !fields.contains(object.upsertField)) {
        warnOnce(report, object.objectName + QStringLiteral(".external-id"),
                 tr("The org has no %1 field on %2: Pasalista looks records up by their "
                    "natural key before creating them. Ask your org admin to add it (see the "
                    "README) so that retries can never create duplicates.")
                     .arg(object.upsertField, object.objectName));
    }
    m_available.insert(object.objectName, fields);
}

QString SyncEngine::metaValue(const QString &key) const
{
    return MetaStore(m_store).value(key);
}

void SyncEngine::setMetaValue(const QString &key, const QString &value)
{
    MetaStore meta(m_store);
    if (!meta.setValue(key, value)) {
        qCWarning(lcSync) << "could not write" << key << meta.errorString();
    }
}

SyncReport SyncEngine::run()
{
    SyncReport report;
    m_client.setCycleDeadline(QDeadlineTimer(m_cycleDeadlineMs));
    const int callsBefore = m_client.apiCallCount();
    m_client.takeFieldError(); // only this cycle's replies count
    Q_EMIT phaseChanged(tr("Connecting"));
    Puller puller(m_store, m_client, report);
    puller.setOnlyObjects(m_onlyObjects);
    bool ok = describeObjects(report, &puller);
    if (ok) {
        Q_EMIT phaseChanged(tr("Receiving changes"));
        ok = pull(puller, m_onlyObjects, m_probeChanges);
    }
    if (!ok) {
        validateOffline(report);
    }
    if (ok) {
        Q_EMIT phaseChanged(tr("Sending changes"));
        Pusher pusher(m_store, m_client, report);
        pusher.setAvailableFields(m_available);
        pusher.setHeldColumns(heldColumns());
        pusher.setRules(m_rules);
        pusher.setKeyPrefixes(m_shapes.keyPrefixes);
        pusher.setOrgShapes(m_shapes);
        pusher.setRespectBackoff(m_respectBackoff);
        ok = pusher.run();
        // The org may rewrite what it saves (flows, triggers): the objects just written are
        // read back at once, so the laptop ends with the org's values before "in sync" is
        // said. Queried, not probed: the probe vouches for whole minutes only. Records read
        // back in the Composite call of their write need no pull.
        if (ok && !pusher.objectsToReadBack().isEmpty()) {
            ok = pull(pusher.objectsToReadBack(), false, report);
        }
        if (pusher.refusedByFieldRules()) {
            rereadDescribes(report);
        }
    }
    if (ok) {
        // Sent and received: marks older than the programme keeps leave the laptop.
        Retention::purge(m_store, QDate::currentDate());
    }
    if (!ok && report.result == SyncReport::Result::Clean) {
        // A step stopped without saying why in the result: never "Clean".
        report.result = SyncReport::Result::Error;
        if (report.message.isEmpty()) {
            report.message = tr("The sync stopped: %1").arg(m_store.database().lastError().text());
        }
    }
    if (m_client.takeFieldError()) {
        // The org's fields changed under us: read the describes again next cycle.
        setMetaValue(QLatin1String(kDescribeCheckedKey), QLatin1String(kDescribeWhole));
    }
    report.failed = failedRecordCount(m_store);
    report.conflicts = std::max(report.conflicts, openConflictCount(m_store));
    if (ok) {
        // Records refused from the org's replies are not "in sync" either.
        // So are changes kept here because the org does not let this user write a field.
        report.result =
            (report.failed > 0 || report.conflicts > 0 || report.refused > 0 || report.held > 0)
                ? SyncReport::Result::Issues
                : SyncReport::Result::Clean;
    }
    if (m_client.isPastCycleDeadline() && report.result != SyncReport::Result::Clean) {
        // Stopped between requests: what was applied is kept, the rest waits (PENDING).
        report.result = SyncReport::Result::Error;
        report.message = tr("The sync took longer than %n second(s) and was stopped; nothing "
                            "is lost, it goes on at the next sync.",
                            nullptr, m_cycleDeadlineMs / 1000);
    }
    m_client.setCycleDeadline(QDeadlineTimer(QDeadlineTimer::Forever));
    recordClock();
    const ClockSkew skew(m_store);
    if (skew.isReportable()) {
        report.warnings.append(skew.warning());
    }
    report.finishedAt = skew.orgNow();
    ApiBudget budget(m_store);
    report.apiCalls = m_client.apiCallCount() - callsBefore;
    budget.recordSync(report.apiCalls, m_client.apiUsed(), m_client.apiMax());
    report.apiCallsToday = budget.spentToday();
    qCInfo(lcSync) << "sync" << SyncReport::resultName(report.result) << "pushed" << report.pushed
                   << "pulled" << report.pulled << "failed" << report.failed << "conflicts"
                   << report.conflicts << "writes" << report.writeRequests << "API calls"
                   << report.apiCalls << "today" << report.apiCallsToday;
    return report;
}

void SyncEngine::recordClock()
{
    if (m_client.serverTime().isValid()) {
        ClockSkew(m_store).record(m_client.serverTime(), m_client.serverTimeReadAt());
    }
}

void SyncEngine::rereadDescribes(SyncReport &report)
{
    // An admin changed a field since the describes were read: read them again now, so Sync
    // issues say what the org takes today. Failing here changes nothing of this cycle's
    // result; the describes stay due for the next one.
    setMetaValue(QLatin1String(kDescribeCheckedKey), QLatin1String(kDescribeWhole));
    SyncReport reread;
    describeObjects(reread);
    report.warnings.append(reread.warnings);
}

bool SyncEngine::pull(const QSet<QString> &onlyObjects, bool probeChanges, SyncReport &report)
{
    Puller puller(m_store, m_client, report);
    return pull(puller, onlyObjects, probeChanges);
}

bool SyncEngine::pull(Puller &puller, const QSet<QString> &onlyObjects, bool probeChanges)
{
    puller.setAvailableFields(m_available);
    puller.setOrgShapes(m_shapes);
    puller.setProbeChanges(probeChanges);
    puller.setOnlyObjects(onlyObjects);
    return puller.run(m_identity.email);
}

void SyncEngine::cacheRules(const QString &objectName, const DescribeRules &rules)
{
    MetaStore meta(m_store);
    if (!meta.setValue(
            QStringLiteral("rules:") + objectName,
            QString::fromUtf8(QJsonDocument(rules.toCache()).toJson(QJsonDocument::Compact)))) {
        qCWarning(lcSync) << "could not cache the org's rules:" << meta.errorString();
    }
}

QHash<QString, DescribeRules> SyncEngine::cachedRules() const
{
    QHash<QString, DescribeRules> rules;
    const QString prefix = QStringLiteral("rules:");
    for (const auto &[key, value] : MetaStore(m_store).valuesWithPrefix(prefix)) {
        rules.insert(key.mid(prefix.size()),
                     DescribeRules::fromCache(QJsonDocument::fromJson(value.toUtf8()).object()));
    }
    return rules;
}

void SyncEngine::validateOffline(SyncReport &report)
{
    // Offline: the org cannot refuse anything now, but its cached rules can show at once
    // what it would refuse. The cycle's result stays what stopped it.
    // The rules of this cycle when the describes were read (or taken from the store).
    const QHash<QString, DescribeRules> rules = m_rules.isEmpty() ? cachedRules() : m_rules;
    if (rules.isEmpty()) {
        return;
    }
    const SyncReport::Result result = report.result;
    const QString message = report.message;
    Pusher pusher(m_store, m_client, report);
    pusher.setRules(rules);
    pusher.validatePending();
    report.result = result;
    report.message = message;
}

QHash<Role, QSet<QString>> SyncEngine::heldColumns() const
{
    // From the describes this cycle cached: what this user may not write now.
    const FieldAccess access(m_store);
    QHash<Role, QSet<QString>> columns;
    for (Role role : Mapping::dependencyOrder()) {
        const QSet<QString> held = access.heldColumns(role);
        if (!held.isEmpty()) {
            columns.insert(role, held);
        }
    }
    return columns;
}

int SyncEngine::failedRecordCount(const LocalStore &store)
{
    return Outbox(store).failedRecordCount();
}

int SyncEngine::openConflictCount(const LocalStore &store)
{
    return ConflictLog(store).openCount();
}

} // namespace pasalista
