#include "syncengine.h"

#include "localstore.h"
#include "logging.h"
#include "net/salesforceclient.h"
#include "sync/puller.h"
#include "sync/pusher.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>

namespace pasalista {

SyncEngine::SyncEngine(LocalStore &store, SalesforceClient &client, const Identity &identity,
                       QObject *parent)
    : QObject(parent), m_store(store), m_client(client), m_identity(identity)
{
}

void SyncEngine::warnOnce(SyncReport &report, const QString &key, const QString &message)
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("INSERT OR IGNORE INTO _meta (key, value) VALUES (?, ?)"));
    query.addBindValue(QString(QStringLiteral("warned:") + key));
    query.addBindValue(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    if (query.exec() && query.numRowsAffected() > 0) {
        report.warnings.append(message);
    }
    qCWarning(lcSync).noquote() << message;
}

bool SyncEngine::describeObjects(SyncReport &report)
{
    for (const ObjectMapping &object : m_store.mapping().objects()) {
        const ApiResponse response =
            m_client.get(QStringLiteral("sobjects/%1/describe").arg(object.objectName));
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
        QSet<QString> fields;
        QHash<QString, FieldShape> shapes;
        for (const QJsonValue &field :
             response.json.object().value(QLatin1String("fields")).toArray()) {
            const QJsonObject described = field.toObject();
            const QString name = described.value(QLatin1String("name")).toString();
            fields.insert(name);
            shapes.insert(name, {described.value(QLatin1String("type")).toString(),
                                 described.value(QLatin1String("nillable")).toBool(true)});
        }
        m_shapes.fields.insert(object.objectName, shapes);
        const QString keyPrefix =
            response.json.object().value(QLatin1String("keyPrefix")).toString();
        if (keyPrefix.size() == 3) {
            m_shapes.keyPrefixes.insert(object.objectName, keyPrefix);
        }
        for (const QString &mapped : object.fields) {
            if (!fields.contains(mapped) && mapped != object.upsertField) {
                warnOnce(report, object.objectName + QLatin1Char('.') + mapped,
                         tr("The org has no field %1.%2; Pasalista leaves it alone.")
                             .arg(object.objectName, mapped));
            }
        }
        if (object.writable && !object.upsertField.isEmpty() &&
            !fields.contains(object.upsertField)) {
            warnOnce(report, object.objectName + QStringLiteral(".external-id"),
                     tr("The org has no %1 field on %2: Pasalista looks records up by their "
                        "natural key before creating them. Ask your org admin to add it (see the "
                        "README) so that retries can never create duplicates.")
                         .arg(object.upsertField, object.objectName));
        }
        m_available.insert(object.objectName, fields);
        if (object.writable) {
            const DescribeRules rules =
                DescribeRules::fromDescribe(response.json.object(), object.fields);
            m_rules.insert(object.objectName, rules);
            cacheRules(object.objectName, rules);
        }
    }
    return true;
}

SyncReport SyncEngine::run()
{
    SyncReport report;
    m_client.setCycleDeadline(QDeadlineTimer(m_cycleDeadlineMs));
    Q_EMIT phaseChanged(tr("Connecting"));
    bool ok = describeObjects(report);
    if (ok) {
        Q_EMIT phaseChanged(tr("Receiving changes"));
        Puller puller(m_store, m_client, report);
        puller.setAvailableFields(m_available);
        puller.setOrgShapes(m_shapes);
        ok = puller.run(m_identity.email);
    }
    if (!ok && m_rules.isEmpty()) {
        validateOffline(report);
    }
    if (ok) {
        Q_EMIT phaseChanged(tr("Sending changes"));
        Pusher pusher(m_store, m_client, report);
        pusher.setAvailableFields(m_available);
        pusher.setRules(m_rules);
        pusher.setKeyPrefixes(m_shapes.keyPrefixes);
        pusher.setRespectBackoff(m_respectBackoff);
        ok = pusher.run();
    }
    if (!ok && report.result == SyncReport::Result::Clean) {
        // A step stopped without saying why in the result: never "Clean".
        report.result = SyncReport::Result::Error;
        if (report.message.isEmpty()) {
            report.message = tr("The sync stopped: %1").arg(m_store.database().lastError().text());
        }
    }
    report.failed = failedRecordCount(m_store);
    report.conflicts = std::max(report.conflicts, openConflictCount(m_store));
    if (ok) {
        // Records refused from the org's replies are not "in sync" either.
        report.result = (report.failed > 0 || report.conflicts > 0 || report.refused > 0)
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
    report.finishedAt = QDateTime::currentDateTimeUtc();
    qCInfo(lcSync) << "sync" << SyncReport::resultName(report.result) << "pushed" << report.pushed
                   << "pulled" << report.pulled << "failed" << report.failed << "conflicts"
                   << report.conflicts << "writes" << report.writeRequests;
    return report;
}

void SyncEngine::cacheRules(const QString &objectName, const DescribeRules &rules)
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO _meta (key, value) VALUES (?, ?)"));
    query.addBindValue(QString(QStringLiteral("rules:") + objectName));
    query.addBindValue(
        QString::fromUtf8(QJsonDocument(rules.toCache()).toJson(QJsonDocument::Compact)));
    if (!query.exec()) {
        qCWarning(lcSync) << "could not cache the org's rules:" << query.lastError().text();
    }
}

QHash<QString, DescribeRules> SyncEngine::cachedRules() const
{
    QHash<QString, DescribeRules> rules;
    QSqlQuery query(m_store.database());
    query.exec(QStringLiteral("SELECT key, value FROM _meta WHERE key LIKE 'rules:%'"));
    while (query.next()) {
        rules.insert(query.value(0).toString().mid(6),
                     DescribeRules::fromCache(
                         QJsonDocument::fromJson(query.value(1).toByteArray()).object()));
    }
    return rules;
}

void SyncEngine::validateOffline(SyncReport &report)
{
    // Offline: the org cannot refuse anything now, but its cached rules can show at once
    // what it would refuse. The cycle's result stays what stopped it.
    const QHash<QString, DescribeRules> rules = cachedRules();
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

int SyncEngine::failedRecordCount(const LocalStore &store)
{
    QSqlQuery query(store.database());
    query.exec(
        QStringLiteral("SELECT COUNT(DISTINCT table_name || ':' || record_id) FROM _trigger_log"
                       " WHERE state = 'FAILED'"));
    return query.next() ? query.value(0).toInt() : 0;
}

int SyncEngine::openConflictCount(const LocalStore &store)
{
    QSqlQuery query(store.database());
    query.exec(QStringLiteral("SELECT COUNT(*) FROM _conflict_log WHERE state = 'OPEN'"));
    return query.next() ? query.value(0).toInt() : 0;
}

} // namespace pasalista
