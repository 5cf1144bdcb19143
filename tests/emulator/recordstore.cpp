#include "recordstore.h"

#include "sfid.h"

#include <QJsonArray>

#include <algorithm>

namespace pasalista::emulator {

RecordStore::RecordStore(const Schema *schema, const OrgClock *clock)
    : m_schema(schema), m_clock(clock), m_createdMs(clock->nowMs())
{
}

RecordStore::Table &RecordStore::table(const QString &object)
{
    return m_tables[object];
}

const QJsonObject *RecordStore::find(const QString &object, const QString &id) const
{
    if (!m_hidden.isEmpty()) {
        const auto hidden = m_hidden.constFind(id);
        if (hidden != m_hidden.constEnd() && hidden->visibleAtMs > m_clock->nowMs())
            return hidden->visible ? &*hidden->visible : nullptr;
    }
    return findStored(object, id);
}

const QJsonObject *RecordStore::findStored(const QString &object, const QString &id) const
{
    const auto tableIt = m_tables.constFind(object);
    if (tableIt == m_tables.constEnd())
        return nullptr;
    const auto rowIt = tableIt->rows.find(id);
    return rowIt == tableIt->rows.end() ? nullptr : &rowIt->second;
}

const QJsonObject *RecordStore::findAnyObject(const QString &id) const
{
    const ObjectDef *object = m_schema->objectForId(id);
    return object ? find(object->name, id) : nullptr;
}

QStringList RecordStore::ids(const QString &object) const
{
    QStringList result;
    const auto tableIt = m_tables.constFind(object);
    if (tableIt == m_tables.constEnd())
        return result;
    result.reserve(static_cast<qsizetype>(tableIt->rows.size()));
    for (const auto &row : tableIt->rows)
        result.append(row.first);
    return result;
}

int RecordStore::count(const QString &object) const
{
    const auto tableIt = m_tables.constFind(object);
    return tableIt == m_tables.constEnd() ? 0 : static_cast<int>(tableIt->rows.size());
}

QString RecordStore::indexKey(const FieldDef &field, const QJsonValue &value)
{
    const QString text = value.isDouble() ? QString::number(value.toDouble()) : value.toString();
    // Unique text fields are case-insensitive in Salesforce unless marked case-sensitive.
    return field.caseSensitive ? text : text.toLower();
}

QStringList RecordStore::lookup(const QString &object, const FieldDef &field,
                                const QString &value) const
{
    const auto tableIt = m_tables.constFind(object);
    if (tableIt == m_tables.constEnd())
        return {};
    return tableIt->index.value(field.name).value(indexKey(field, value));
}

QString RecordStore::insert(const QString &object, const QJsonObject &fields, const QString &userId)
{
    const ObjectDef *definition = m_schema->object(object);
    const QString id = SfId::make(definition->keyPrefix, ++m_counters[object]);
    const qint64 stampMs = nextStampMs();
    const QString now = formatMs(stampMs);
    QJsonObject row = fields;
    row.insert(QStringLiteral("Id"), id);
    row.insert(QStringLiteral("IsDeleted"), false);
    row.insert(QStringLiteral("CreatedDate"), now);
    row.insert(QStringLiteral("LastModifiedDate"), now);
    row.insert(QStringLiteral("SystemModstamp"), now);
    row.insert(QStringLiteral("CreatedById"), userId);
    row.insert(QStringLiteral("LastModifiedById"), userId);
    if (!row.contains(QStringLiteral("OwnerId")))
        row.insert(QStringLiteral("OwnerId"), userId);
    put(object, id, row);
    hideIfLate(object, id, std::nullopt, stampMs);
    QJsonObject written = row;
    for (const QString &system :
         {QStringLiteral("Id"), QStringLiteral("IsDeleted"), QStringLiteral("SystemModstamp")})
        written.remove(system);
    recordChange({Change::Type::Create, object, id, written, {}, {}, stampMs, userId});
    return id;
}

void RecordStore::update(const QString &object, const QString &id, const QJsonObject &changes,
                         const QString &userId)
{
    const QJsonObject *current = findStored(object, id);
    if (!current)
        return;
    const QJsonObject *seen = find(object, id);
    const std::optional<QJsonObject> visibleBefore =
        seen ? std::optional<QJsonObject>(*seen) : std::nullopt;
    QJsonObject row = *current;
    const bool wasDeleted = current->value(QStringLiteral("IsDeleted")).toBool();
    Change change{Change::Type::Update, object, id, {}, {}, {}, 0, userId};
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        if (it.key() != QLatin1String("IsDeleted") && current->value(it.key()) != it.value() &&
            !(it.value().isNull() && !current->contains(it.key()))) {
            change.changedFields.append(it.key());
            if (it.value().isNull())
                change.nulledFields.append(it.key());
            else
                change.fields.insert(it.key(), it.value());
        }
        if (it.value().isNull())
            row.remove(it.key());
        else
            row.insert(it.key(), it.value());
    }
    const qint64 stampMs = nextStampMs();
    const QString now = formatMs(stampMs);
    row.insert(QStringLiteral("LastModifiedDate"), now);
    row.insert(QStringLiteral("SystemModstamp"), now);
    row.insert(QStringLiteral("LastModifiedById"), userId);
    put(object, id, row);
    const bool deleted = row.value(QStringLiteral("IsDeleted")).toBool();
    if (deleted)
        m_deletions.emplace(stampMs, std::make_pair(object, id));
    hideIfLate(object, id, visibleBefore, stampMs);
    change.stampMs = stampMs;
    if (deleted != wasDeleted) {
        change.type = deleted ? Change::Type::Delete : Change::Type::Undelete;
        change.fields = {};
        change.changedFields.clear();
        change.nulledFields.clear();
    } else {
        change.fields.insert(QStringLiteral("LastModifiedDate"), now);
        change.changedFields.append(QStringLiteral("LastModifiedDate"));
    }
    recordChange(std::move(change));
}

void RecordStore::recordChange(Change change)
{
    if (!m_changeListener || !m_publishChanges)
        return;
    m_changes.push_back(std::move(change));
    if (m_savepoints.empty())
        deliverChanges();
}

void RecordStore::deliverChanges()
{
    std::vector<Change> changes;
    changes.swap(m_changes);
    for (const Change &change : changes)
        m_changeListener(change);
}

void RecordStore::hideIfLate(const QString &object, const QString &id,
                             const std::optional<QJsonObject> &visibleBefore, qint64 stampMs)
{
    if (!m_timing || m_timing->visibleAtMs <= m_clock->nowMs())
        return;
    Hidden &hidden = m_hidden[id];
    if (hidden.object.isEmpty()) // a second write in the same late transaction keeps the first view
        hidden = Hidden{object, stampMs, m_timing->visibleAtMs, visibleBefore};
    hidden.visibleAtMs = std::max(hidden.visibleAtMs, m_timing->visibleAtMs);
}

void RecordStore::markDeleted(const QString &object, const QString &id, const QString &userId)
{
    update(object, id, {{QStringLiteral("IsDeleted"), true}}, userId);
}

void RecordStore::undelete(const QString &object, const QString &id, const QString &userId)
{
    update(object, id, {{QStringLiteral("IsDeleted"), false}}, userId);
}

void RecordStore::put(const QString &object, const QString &id,
                      const std::optional<QJsonObject> &row)
{
    Table &target = table(object);
    const auto existing = target.rows.find(id);
    if (!m_savepoints.empty()) {
        const auto hidden = m_hidden.constFind(id);
        m_undo.push_back(
            {object, id,
             existing == target.rows.end() ? std::nullopt
                                           : std::optional<QJsonObject>(existing->second),
             hidden == m_hidden.constEnd() ? std::nullopt : std::optional<Hidden>(*hidden)});
    }
    if (existing != target.rows.end()) {
        unindex(object, target, id, existing->second);
        target.rows.erase(existing);
    }
    if (row) {
        addToIndex(object, target, id, *row);
        target.rows.emplace(id, *row);
    }
}

void RecordStore::unindex(const QString &object, Table &target, const QString &id,
                          const QJsonObject &row)
{
    for (const FieldDef *field : m_schema->object(object)->indexedFields()) {
        const QJsonValue value = row.value(field->name);
        if (value.isUndefined() || value.isNull())
            continue;
        auto &keys = target.index[field->name];
        const QString key = indexKey(*field, value);
        auto it = keys.find(key);
        if (it == keys.end())
            continue;
        it->removeAll(id);
        if (it->isEmpty())
            keys.erase(it);
    }
}

void RecordStore::addToIndex(const QString &object, Table &target, const QString &id,
                             const QJsonObject &row)
{
    // Records in the recycle bin no longer hold their unique values.
    if (row.value(QStringLiteral("IsDeleted")).toBool())
        return;
    for (const FieldDef *field : m_schema->object(object)->indexedFields()) {
        const QJsonValue value = row.value(field->name);
        if (value.isUndefined() || value.isNull())
            continue;
        target.index[field->name][indexKey(*field, value)].append(id);
    }
}

void RecordStore::begin()
{
    m_savepoints.push_back(m_undo.size());
    m_changeMarks.push_back(m_changes.size());
}

void RecordStore::commit()
{
    if (m_savepoints.empty())
        return;
    m_savepoints.pop_back();
    m_changeMarks.pop_back();
    if (m_savepoints.empty()) {
        m_undo.clear();
        deliverChanges();
    }
}

void RecordStore::rollback()
{
    if (m_savepoints.empty())
        return;
    const size_t savepoint = m_savepoints.back();
    std::vector<UndoEntry> undo(m_undo.begin() + static_cast<std::ptrdiff_t>(savepoint),
                                m_undo.end());
    m_undo.resize(savepoint);
    m_changes.resize(m_changeMarks.back());
    m_changeMarks.pop_back();
    // Undoing must not log undo entries of its own, so step out of the transaction first.
    std::vector<size_t> savepoints;
    savepoints.swap(m_savepoints);
    for (auto it = undo.rbegin(); it != undo.rend(); ++it) {
        put(it->object, it->id, it->previous);
        if (it->hidden)
            m_hidden.insert(it->id, *it->hidden);
        else
            m_hidden.remove(it->id);
    }
    savepoints.pop_back();
    m_savepoints.swap(savepoints);
}

void RecordStore::clear()
{
    m_tables.clear();
    m_counters.clear();
    m_hidden.clear();
    m_deletions.clear();
    m_purgedUpTo.clear();
    m_timing.reset();
    m_createdMs = m_clock->nowMs();
    m_undo.clear();
    m_savepoints.clear();
    m_changes.clear();
    m_changeMarks.clear();
}

QJsonObject RecordStore::toJson() const
{
    QJsonObject tables;
    for (auto it = m_tables.constBegin(); it != m_tables.constEnd(); ++it) {
        QJsonArray rows;
        for (const auto &row : it->rows)
            rows.append(row.second);
        tables.insert(it.key(), rows);
    }
    QJsonObject counters;
    for (auto it = m_counters.constBegin(); it != m_counters.constEnd(); ++it)
        counters.insert(it.key(), QString::number(it.value()));
    return {{QStringLiteral("tables"), tables},
            {QStringLiteral("counters"), counters},
            {QStringLiteral("lastStampMs"), QString::number(m_lastStampMs)}};
}

bool RecordStore::loadJson(const QJsonObject &json)
{
    clear();
    const QJsonObject tables = json.value(QStringLiteral("tables")).toObject();
    for (auto it = tables.begin(); it != tables.end(); ++it) {
        if (!m_schema->object(it.key()))
            continue; // an object the current schema no longer has
        for (const QJsonValue &value : it.value().toArray()) {
            const QJsonObject row = value.toObject();
            const QString id = row.value(QStringLiteral("Id")).toString();
            put(it.key(), id, row);
            if (row.value(QStringLiteral("IsDeleted")).toBool())
                m_deletions.emplace(
                    parseStampMs(row.value(QStringLiteral("SystemModstamp"))).value_or(0),
                    std::make_pair(it.key(), id));
        }
    }
    const QJsonObject counters = json.value(QStringLiteral("counters")).toObject();
    for (auto it = counters.begin(); it != counters.end(); ++it)
        m_counters.insert(it.key(), it.value().toString().toULongLong());
    m_lastStampMs = json.value(QStringLiteral("lastStampMs")).toString().toLongLong();
    return true;
}

QString RecordStore::formatDateTime(const QDateTime &dateTime)
{
    return dateTime.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")) +
           QStringLiteral("+0000");
}

QString RecordStore::formatMs(qint64 ms)
{
    return formatDateTime(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC));
}

std::optional<qint64> RecordStore::parseStampMs(const QJsonValue &value)
{
    const QDateTime dateTime = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return dateTime.isValid() ? std::optional<qint64>(dateTime.toMSecsSinceEpoch()) : std::nullopt;
}

qint64 RecordStore::nextStampMs()
{
    if (m_timing)
        return m_timing->stampMs;
    const qint64 now = m_clock->nowMs();
    if (!m_msStamps)
        return now - now % 1000; // Salesforce keeps seconds: one stamp for a second's writes
    m_lastStampMs = std::max(now, m_lastStampMs + 1);
    return m_lastStampMs;
}

void RecordStore::purgeRecycleBin()
{
    const qint64 cutoff = m_clock->nowMs() - kRecycleBinMs;
    while (!m_deletions.empty() && m_deletions.begin()->first < cutoff) {
        const auto [stampMs, key] = *m_deletions.begin();
        m_deletions.erase(m_deletions.begin());
        const QJsonObject *row = findStored(key.first, key.second);
        // Undeleted (or deleted again later) records are not this entry's to purge.
        if (!row || !row->value(QStringLiteral("IsDeleted")).toBool() ||
            parseStampMs(row->value(QStringLiteral("SystemModstamp"))) != stampMs)
            continue;
        put(key.first, key.second, std::nullopt);
        m_hidden.remove(key.second);
        qint64 &purged = m_purgedUpTo[key.first];
        purged = std::max(purged, stampMs);
    }
    for (auto it = m_hidden.begin(); it != m_hidden.end();) {
        if (it->visibleAtMs <= m_clock->nowMs() && m_savepoints.empty())
            it = m_hidden.erase(it);
        else
            ++it;
    }
}

std::optional<qint64> RecordStore::purgedUpToMs(const QString &object) const
{
    const auto it = m_purgedUpTo.constFind(object);
    return it == m_purgedUpTo.constEnd() ? std::nullopt : std::optional<qint64>(*it);
}

std::optional<qint64> RecordStore::oldestPendingStampMs(const QString &object) const
{
    std::optional<qint64> oldest;
    for (const Hidden &hidden : m_hidden) {
        if (hidden.object == object && hidden.visibleAtMs > m_clock->nowMs())
            oldest = std::min(oldest.value_or(hidden.stampMs), hidden.stampMs);
    }
    return oldest;
}

} // namespace pasalista::emulator
