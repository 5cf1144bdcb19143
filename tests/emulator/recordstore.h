#pragma once

#include "schema.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <map>
#include <optional>
#include <vector>

namespace pasalista::emulator {

// The org's records, in memory. Each record is a JSON object keyed by the schema's field
// names, holding values in Salesforce's JSON representation. Deleted records stay, with
// IsDeleted = true, as in the recycle bin. Unique and external-ID fields are indexed in
// hash maps so that upserts of large batches stay fast.
class RecordStore
{
public:
    explicit RecordStore(const Schema *schema);

    const QJsonObject *find(const QString &object, const QString &id) const;
    const QJsonObject *findAnyObject(const QString &id) const;
    // All Ids of an object in creation order, deleted ones included.
    QStringList ids(const QString &object) const;
    int count(const QString &object) const;
    // Live (not deleted) records whose indexed field has this value.
    QStringList lookup(const QString &object, const FieldDef &field, const QString &value) const;

    QString insert(const QString &object, const QJsonObject &fields, const QString &userId);
    void update(const QString &object, const QString &id, const QJsonObject &changes,
                const QString &userId);
    void markDeleted(const QString &object, const QString &id, const QString &userId);
    void undelete(const QString &object, const QString &id, const QString &userId);

    // allOrNone support: changes after begin() are undone by rollback(). Transactions nest
    // (a collection inside an allOrNone composite request), each begin() a savepoint.
    void begin();
    void commit();
    void rollback();

    void clear();
    QJsonObject toJson() const;
    bool loadJson(const QJsonObject &json);

    // Strictly increasing timestamps, so that SystemModstamp watermarks never miss a change.
    QString nextTimestamp();
    static QString formatDateTime(const QDateTime &dateTime);

private:
    struct Table
    {
        std::map<QString, QJsonObject> rows;
        QHash<QString, QHash<QString, QStringList>> index; // field -> key -> ids
    };
    struct UndoEntry
    {
        QString object;
        QString id;
        std::optional<QJsonObject> previous;
    };

    Table &table(const QString &object);
    void put(const QString &object, const QString &id, const std::optional<QJsonObject> &row);
    void unindex(const QString &object, Table &table, const QString &id, const QJsonObject &row);
    void addToIndex(const QString &object, Table &table, const QString &id, const QJsonObject &row);
    static QString indexKey(const FieldDef &field, const QJsonValue &value);

    const Schema *m_schema;
    QHash<QString, Table> m_tables;
    QHash<QString, quint64> m_counters;
    qint64 m_lastStampMs = 0;
    std::vector<size_t> m_savepoints;
    std::vector<UndoEntry> m_undo;
};

} // namespace pasalista::emulator
