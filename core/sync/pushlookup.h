#pragma once

#include "mapping.h"
#include "sync/pushoperation.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

namespace pasalista {

class LocalStore;
class SalesforceClient;

// The push's look-ups in the org: which records already exist there, by external ID or,
// without it, by natural key (every page read, every Id checked). A look-up that fails
// marks its operations unverified, never "not found".
class PushLookup
{
public:
    PushLookup(LocalStore &store, SalesforceClient &client) : m_store(store), m_client(client) {}

    // Object -> key prefix (from describe): Ids in write replies and look-ups must have it.
    void setKeyPrefixes(const QHash<QString, QString> &prefixes) { m_keyPrefixes = prefixes; }
    void findByExternalId(Role role, QList<PushOperation> &operations);
    void findByNaturalKey(Role role, QList<PushOperation> &operations);
    // The 18-character form of an Id the org sent for `objectName`, or nothing if junk.
    std::optional<QString> checkedId(const QJsonValue &id, const QString &objectName) const;

private:
    // Every page of a look-up, each record's Id checked (a well-formed Id of `objectName`'s
    // key prefix) and given in its 18-character form; nothing when any of it is not sound.
    std::optional<QJsonArray> readAllPages(const QString &soql, const QString &objectName);
    QStringList naturalKeyFields(Role role) const;
    // SELECT `fields` FROM `objectName` WHERE <fields[1]> IN (<literals>).
    static QString lookUpQuery(const QStringList &fields, const QString &objectName,
                               const QStringList &literals);
    // `literals` in lists short enough that each look-up's URI stays within what
    // Salesforce recommends, whatever the length of the keys.
    static QList<QStringList> splitForLookUp(const QStringList &fields, const QString &objectName,
                                             const QStringList &literals);

    LocalStore &m_store;
    SalesforceClient &m_client;
    QHash<QString, QString> m_keyPrefixes;
};

} // namespace pasalista
