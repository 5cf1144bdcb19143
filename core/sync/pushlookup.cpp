#include "pushlookup.h"

#include "logging.h"
#include "net/querypager.h"
#include "net/salesforceclient.h"
#include "store/localstore.h"
#include "sync/idlistsplitter.h"
#include "sync/salesforceid.h"
#include "sync/soql.h"

#include <QJsonObject>
#include <QUrl>

namespace pasalista {

namespace {

// Never less of a key list a look-up than this, whatever the SELECT's length.
constexpr qsizetype kMinKeyListBytes = 540;

const QString kKey = QStringLiteral("pasalista_id__c");

} // namespace

std::optional<QString> PushLookup::checkedId(const QJsonValue &id, const QString &objectName) const
{
    const auto normalized = SalesforceId::normalized(id.toString());
    const QString prefix = m_keyPrefixes.value(objectName);
    if (!id.isString() || !normalized ||
        (!prefix.isEmpty() && SalesforceId::keyPrefix(*normalized) != prefix)) {
        qCWarning(lcSyncPush) << "not an Id of" << objectName << ":" << id.toString().left(40);
        return std::nullopt;
    }
    return normalized;
}

QString PushLookup::lookUpQuery(const QStringList &fields, const QString &objectName,
                                const QStringList &literals)
{
    return Soql::select(fields, objectName,
                        {fields.at(1) + QStringLiteral(" IN (") + literals.join(QLatin1Char(',')) +
                         QLatin1Char(')')});
}

QList<QStringList> PushLookup::splitForLookUp(const QStringList &fields, const QString &objectName,
                                              const QStringList &literals)
{
    const qsizetype budget = std::max<qsizetype>(
        kMinKeyListBytes, IdListSplitter::kMaxQueryUriBytes -
                              QUrl::toPercentEncoding(lookUpQuery(fields, objectName, {})).size());
    return IdListSplitter::splitLiterals(literals, budget);
}

std::optional<QJsonArray> PushLookup::readAllPages(const QString &soql, const QString &objectName)
{
    // Every page, and each one checked: a failed or malformed reply is not "not found".
    QJsonArray records;
    QueryPager pager(m_client);
    pager.setStrict(true);
    const bool read = pager.run(m_client.query(soql), {}, [&](const QJsonArray &page) {
        for (const QJsonValue &value : page) {
            QJsonObject record = value.toObject();
            const auto id = checkedId(record.value(QLatin1String("Id")), objectName);
            if (!id) {
                return false;
            }
            record.insert(QStringLiteral("Id"), *id);
            records.append(record);
        }
        return true;
    });
    if (!read) {
        if (pager.stop() == QueryPager::Stop::Failed ||
            pager.stop() == QueryPager::Stop::NotAPage) {
            qCInfo(lcSyncPush) << "look-up failed:" << pager.reply().errorCode
                               << pager.reply().errorMessage;
        }
        return std::nullopt;
    }
    return records;
}

void PushLookup::findByExternalId(Role role, QList<PushOperation> &operations)
{
    const ObjectMapping &object = m_store.mapping().objectFor(role);
    QHash<QString, PushOperation *> byKey;
    QStringList keys;
    QStringList literals;
    for (PushOperation &operation : operations) {
        const QString key = operation.row.value(kKey).toString();
        if (operation.sfid.isEmpty() && !key.isEmpty()) {
            byKey.insert(key, &operation);
            keys.append(key);
            literals.append(Soql::stringLiteral(key));
        }
    }
    const QStringList fields{QStringLiteral("Id"), object.upsertField};
    qsizetype start = 0;
    for (const QStringList &chunk : splitForLookUp(fields, object.objectName, literals)) {
        const QStringList chunkKeys = keys.mid(start, chunk.size());
        start += chunk.size();
        const std::optional<QJsonArray> records =
            readAllPages(lookUpQuery(fields, object.objectName, chunk), object.objectName);
        if (!records) {
            for (const QString &key : chunkKeys) {
                byKey.value(key)->unverified = true;
            }
            continue;
        }
        for (const QJsonValue &value : *records) {
            const QJsonObject record = value.toObject();
            if (PushOperation *operation =
                    byKey.value(record.value(object.upsertField).toString())) {
                operation->sfid = record.value(QLatin1String("Id")).toString();
            }
        }
    }
}

QStringList PushLookup::naturalKeyFields(Role role) const
{
    // What identifies a record when the org has no external ID: enrollment (course,
    // student), attendance (enrollment, date), student (last name, first name, birth date).
    // The first field narrows the query; the whole key matches.
    const Mapping &mapping = m_store.mapping();
    QStringList logical;
    switch (role) {
    case Role::Enrollment:
        logical = {QStringLiteral("course"), QStringLiteral("student")};
        break;
    case Role::Attendance:
        logical = {QStringLiteral("enrollment"), QStringLiteral("date")};
        break;
    case Role::Student:
        logical = {QStringLiteral("last_name"), QStringLiteral("first_name"),
                   QStringLiteral("date_of_birth")};
        break;
    default:
        return {};
    }
    QStringList fields;
    for (const QString &name : std::as_const(logical)) {
        const QString field = mapping.field(role, name);
        if (field.isEmpty()) {
            return {};
        }
        fields.append(field);
    }
    return fields;
}

void PushLookup::findByNaturalKey(Role role, QList<PushOperation> &operations)
{
    // Without an external ID, a record already created by a push whose reply was lost
    // (or by the office) can only be recognised by its natural key.
    const QStringList keyFields = naturalKeyFields(role);
    if (keyFields.isEmpty()) {
        return;
    }
    QStringList columns;
    for (const QString &field : keyFields) {
        columns.append(ObjectMapping::columnFor(field));
    }
    QHash<QString, PushOperation *> byKey;
    QMultiHash<QString, PushOperation *> byFirst;
    QStringList firsts;
    for (PushOperation &operation : operations) {
        if (!operation.sfid.isEmpty()) {
            continue;
        }
        // The parent's Id may have arrived in this very cycle.
        operation.row = m_store.row(role, operation.recordId).value_or(operation.row);
        QStringList values;
        for (const QString &column : std::as_const(columns)) {
            values.append(operation.row.value(column).toString());
        }
        if (values.first().isEmpty()) {
            continue; // its parent is not in the org: nor is it
        }
        byKey.insert(values.join(QLatin1Char('|')), &operation);
        byFirst.insert(values.first(), &operation);
        firsts.append(values.first());
    }
    firsts.removeDuplicates();
    QStringList literals;
    for (const QString &value : std::as_const(firsts)) {
        literals.append(Soql::stringLiteral(value));
    }
    const QString objectName = m_store.mapping().objectFor(role).objectName;
    const QStringList fields = QStringList{QStringLiteral("Id")} + keyFields;
    qsizetype start = 0;
    for (const QStringList &chunk : splitForLookUp(fields, objectName, literals)) {
        const QStringList chunkFirsts = firsts.mid(start, chunk.size());
        start += chunk.size();
        const std::optional<QJsonArray> records =
            readAllPages(lookUpQuery(fields, objectName, chunk), objectName);
        if (!records) {
            for (const QString &value : chunkFirsts) {
                for (PushOperation *operation : byFirst.values(value)) {
                    operation->unverified = true;
                }
            }
            continue;
        }
        for (const QJsonValue &value : *records) {
            const QJsonObject record = value.toObject();
            QStringList values;
            for (const QString &field : keyFields) {
                values.append(record.value(field).toVariant().toString());
            }
            if (PushOperation *operation = byKey.value(values.join(QLatin1Char('|')))) {
                const QString id = record.value(QLatin1String("Id")).toString();
                if (operation->sfid.isEmpty()) {
                    operation->sfid = id;
                }
                operation->sameKey.append(id);
            }
        }
    }
}

} // namespace pasalista
