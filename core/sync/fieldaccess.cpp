#include "fieldaccess.h"

#include "store/localstore.h"
#include "store/metastore.h"
#include "sync/describerules.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace pasalista {

namespace {

// "Notes__c" -> "Notes", "Participant_Enrollment__c" -> "Participant Enrollment": the
// field's name when the describe gives no label (it lists no field the user cannot read).
QString plainName(const QString &apiName)
{
    QString name = apiName;
    if (name.endsWith(QLatin1String("__c"))) {
        name.chop(3);
    }
    return name.replace(QLatin1Char('_'), QLatin1Char(' '));
}

} // namespace

FieldAccess::FieldAccess(const LocalStore &store) : m_store(store)
{
    const Mapping &mapping = store.mapping();
    for (Role role : Mapping::dependencyOrder()) {
        const ObjectMapping &object = mapping.objectFor(role);
        const QSet<QString> described = describedFields(object.objectName);
        if (described.isEmpty()) {
            continue; // never described: nothing known yet
        }
        const DescribeRules rules = DescribeRules::cached(store, object.objectName);
        // The fields the app reads and writes (not the org's own: Id, stamps, ...).
        for (const QString &logical : Mapping::knownFields(role)) {
            const QString field = mapping.field(role, logical);
            if (field.isEmpty() || !object.hasField(field) || field == object.upsertField) {
                continue; // SyncEngine warns of a missing external ID on its own
            }
            if (!described.contains(field)) {
                m_gaps.append({role, object.objectName, field, false});
            } else if (object.writable && rules.isLocked(field)) {
                m_gaps.append({role, object.objectName, field, true});
            }
        }
    }
}

QSet<QString> FieldAccess::describedFields(const QString &objectName) const
{
    // The entry SyncEngine::cacheEntryOf writes.
    const QJsonObject entry =
        QJsonDocument::fromJson(
            MetaStore(m_store).value(QStringLiteral("describe:") + objectName).toUtf8())
            .object();
    QSet<QString> fields;
    for (const QJsonValue &field : entry.value(QLatin1String("fields")).toArray()) {
        fields.insert(field.toObject().value(QLatin1String("name")).toString());
    }
    return fields;
}

QSet<QString> FieldAccess::heldColumns(Role role) const
{
    QSet<QString> columns;
    if (!m_store.mapping().objectFor(role).writable) {
        return columns;
    }
    for (const FieldAccessGap &gap : m_gaps) {
        if (gap.role == role) {
            columns.insert(ObjectMapping::columnFor(gap.field));
        }
    }
    return columns;
}

QString FieldAccess::message(const FieldAccessGap &gap) const
{
    const QString field = gap.readable
                              ? DescribeRules::cached(m_store, gap.objectName).label(gap.field)
                              : plainName(gap.field);
    const QString object = plainName(gap.objectName);
    if (!m_store.mapping().objectFor(gap.role).writable) {
        return tr("The org does not let you see the field ‘%1’ of %2; Pasalista "
                  "cannot show what the org holds in it.")
            .arg(field, object);
    }
    return gap.readable
               ? tr("The org does not let you change the field ‘%1’ of %2. What you "
                    "type in it is kept on this computer and not sent; ask the org's "
                    "administrator for access.")
                     .arg(field, object)
               : tr("The org does not let you see the field ‘%1’ of %2. What you type "
                    "in it is kept on this computer and not sent; ask the org's administrator "
                    "for access.")
                     .arg(field, object);
}

} // namespace pasalista
