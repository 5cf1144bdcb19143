#pragma once

#include "orgclock.h"
#include "schema.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <map>
#include <optional>
#include <vector>

namespace pasalista::emulator {

// The org's records, in memory. Each record is a JSON object keyed by the schema's field
// names, holding values in Salesforce's JSON representation. Deleted records stay, with
// IsDeleted = true, as in the recycle bin. Unique and external-ID fields are indexed in
// hash maps so that upserts of large batches stay fast.
//
// Stamps come from the org clock at second precision, so records written in one second
// share one SystemModstamp, as in Salesforce. A write may carry an older stamp and stay
// invisible until a later time (a long transaction): find() then answers the version
// readers saw before it, or nothing for a create, until the org clock reaches that time.
class RecordStore
{
public:
    // How the writes made while it is set are stamped and when they become visible.
    struct WriteTiming
    {
        qint64 stampMs = 0;
        qint64 visibleAtMs = 0;
    };
    static constexpr qint64 kRecycleBinMs = 15LL * 24 * 3600 * 1000;
    // One committed write, as Change Data Capture reports it.
    struct Change
    {
        enum class Type
        {
            Create,
            Update,
            Delete,
            Undelete
        };
        Type type = Type::Update;
        QString object;
        QString id;
        QJsonObject fields;        // the values written (all of them for a create)
        QStringList changedFields; // updates: the fields whose value changed
        QStringList nulledFields;  // updates: the fields set to null
        qint64 stampMs = 0;
        QString userId;
    };
    // Called with each write once its transaction commits (never for rolled back ones).
    using ChangeListener = std::function<void(const Change &change)>;
    void setChangeListener(ChangeListener listener) { m_changeListener = std::move(listener); }
    // Off while seeding: the org's start-up data is not news to anyone.
    void setPublishingChanges(bool on) { m_publishChanges = on; }

    RecordStore(const Schema *schema, const OrgClock *clock);

    // The record as readers see it now (nullptr while an invisible create is pending).
    const QJsonObject *find(const QString &object, const QString &id) const;
    const QJsonObject *findAnyObject(const QString &id) const;
    // The newest version, committed or not: what a write sees once it has waited for the
    // row lock of a transaction still running.
    const QJsonObject *findLatest(const QString &object, const QString &id) const
    {
        return findStored(object, id);
    }
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

    // Strictly increasing millisecond stamps instead of Salesforce's shared seconds.
    void setMillisecondStamps(bool on) { m_msStamps = on; }
    void setWriteTiming(const std::optional<WriteTiming> &timing) { m_timing = timing; }
    // Physically removes records that have been in the recycle bin for 15 days.
    void purgeRecycleBin();
    // The stamp of the newest record of this object purged from the recycle bin, if any.
    std::optional<qint64> purgedUpToMs(const QString &object) const;
    // The oldest stamp of this object's writes that are not visible yet, if any.
    std::optional<qint64> oldestPendingStampMs(const QString &object) const;
    qint64 createdMs() const { return m_createdMs; }
    const OrgClock &clock() const { return *m_clock; }

    static QString formatDateTime(const QDateTime &dateTime);
    static QString formatMs(qint64 ms);
    static std::optional<qint64> parseStampMs(const QJsonValue &value);

private:
    struct Table
    {
        std::map<QString, QJsonObject> rows;
        QHash<QString, QHash<QString, QStringList>> index; // field -> key -> ids
    };
    struct Hidden
    {
        QString object;
        qint64 stampMs = 0;
        qint64 visibleAtMs = 0;
        std::optional<QJsonObject> visible; // what readers see until visibleAtMs
    };
    struct UndoEntry
    {
        QString object;
        QString id;
        std::optional<QJsonObject> previous;
        std::optional<Hidden> hidden;
    };

    Table &table(const QString &object);
    const QJsonObject *findStored(const QString &object, const QString &id) const;
    qint64 nextStampMs();
    void hideIfLate(const QString &object, const QString &id,
                    const std::optional<QJsonObject> &visibleBefore, qint64 stampMs);
    void put(const QString &object, const QString &id, const std::optional<QJsonObject> &row);
    void unindex(const QString &object, Table &table, const QString &id, const QJsonObject &row);
    void addToIndex(const QString &object, Table &table, const QString &id, const QJsonObject &row);
    static QString indexKey(const FieldDef &field, const QJsonValue &value);
    void recordChange(Change change);
    void deliverChanges();

    const Schema *m_schema;
    const OrgClock *m_clock;
    QHash<QString, Table> m_tables;
    QHash<QString, Hidden> m_hidden;
    std::multimap<qint64, std::pair<QString, QString>> m_deletions; // stamp -> object, id
    QHash<QString, qint64> m_purgedUpTo;
    std::optional<WriteTiming> m_timing;
    bool m_msStamps = false;
    qint64 m_createdMs = 0;
    QHash<QString, quint64> m_counters;
    qint64 m_lastStampMs = 0;
    std::vector<size_t> m_savepoints;
    std::vector<UndoEntry> m_undo;
    ChangeListener m_changeListener;
    bool m_publishChanges = true;
    std::vector<Change> m_changes;     // written inside a transaction, not committed yet
    std::vector<size_t> m_changeMarks; // m_changes' size at each savepoint
};

} // namespace pasalista::emulator
