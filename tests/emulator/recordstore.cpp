#include "recordstore.h"

#include "sfid.h"

#include <QJsonArray>

#include <algorithm>

namespace pasalista::emulator {

RecordStore::RecordStore(const Schema *schema) : m_schema(schema) {}

RecordStore::Table &RecordStore::table(const QString &object)
{
    return m_tables[object];
}

const QJsonObject *RecordStore::find(const QString &object, const QString &id) const
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
    const QString now = nextTimestamp();
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
    return id;
}

void RecordStore::update(const QString &object, const QString &id, const QJsonObject &changes,
                         const QString &userId)
{
    const QJsonObject *current = find(object, id);
    if (!current)
        return;
    QJsonObject row = *current;
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        if (it.value().isNull())
            row.remove(it.key());
        else
            row.insert(it.key(), it.value());
    }
    const QString now = nextTimestamp();
    row.insert(QStringLiteral("LastModifiedDate"), now);
    row.insert(QStringLiteral("SystemModstamp"), now);
    row.insert(QStringLiteral("LastModifiedById"), userId);
    put(object, id, row);
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
        m_undo.push_back({object, id,
                          existing == target.rows.end()
                              ? std::nullopt
                              : std::optional<QJsonObject>(existing->second)});
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
}

void RecordStore::commit()
{
    if (m_savepoints.empty())
        return;
    m_savepoints.pop_back();
    if (m_savepoints.empty())
        m_undo.clear();
}

void RecordStore::rollback()
{
    if (m_savepoints.empty())
        return;
    const size_t savepoint = m_savepoints.back();
    std::vector<UndoEntry> undo(m_undo.begin() + static_cast<std::ptrdiff_t>(savepoint),
                                m_undo.end());
    m_undo.resize(savepoint);
    // Undoing must not log undo entries of its own, so step out of the transaction first.
    std::vector<size_t> savepoints;
    savepoints.swap(m_savepoints);
    for (auto it = undo.rbegin(); it != undo.rend(); ++it)
        put(it->object, it->id, it->previous);
    savepoints.pop_back();
    m_savepoints.swap(savepoints);
}

void RecordStore::clear()
{
    m_tables.clear();
    m_counters.clear();
    m_undo.clear();
    m_savepoints.clear();
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
        for (const QJsonValue &row : it.value().toArray())
            put(it.key(), row.toObject().value(QStringLiteral("Id")).toString(), row.toObject());
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

QString RecordStore::nextTimestamp()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_lastStampMs = std::max(now, m_lastStampMs + 1);
    return formatDateTime(QDateTime::fromMSecsSinceEpoch(m_lastStampMs, Qt::UTC));
}

} // namespace pasalista::emulator
