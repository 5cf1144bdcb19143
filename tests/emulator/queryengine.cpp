#include "queryengine.h"

#include "permissions.h"
#include "soqlparser.h"
#include "soqlrules.h"

#include <QDateTime>

#include <algorithm>

namespace pasalista::emulator {

QJsonObject recordAttributes(const QString &object, const QString &id, const QString &apiVersion)
{
    return {{QStringLiteral("type"), object},
            {QStringLiteral("url"),
             QStringLiteral("/services/data/v%1/sobjects/%2/%3").arg(apiVersion, object, id)}};
}

QueryEngine::QueryEngine(const Schema &schema, const RecordStore &store)
    : m_schema(schema), m_store(store), m_resolver(schema, store)
{
}

QDate QueryEngine::today() const
{
    return m_today.isValid() ? m_today : m_store.clock().today();
}

std::optional<QueryResult> QueryEngine::execute(const QString &soql, bool includeDeleted,
                                                SfError *error) const
{
    if (!SoqlRules::checkLength(soql, error))
        return std::nullopt;
    SoqlParser parser(soql);
    const auto query = parser.parseQuery();
    if (!query) {
        *error = parser.error();
        return std::nullopt;
    }
    if (!SoqlRules::check(*query, soql, error))
        return std::nullopt;
    return run(*query, soql, includeDeleted, error);
}

std::optional<QueryResult> QueryEngine::run(const SoqlQuery &query, const QString &soql,
                                            bool includeDeleted, SfError *error) const
{
    const ObjectDef *object = m_schema.object(query.object);
    if (!object) {
        *error = {QStringLiteral("INVALID_TYPE"),
                  SoqlParser::positionedMessage(
                      soql, query.objectPosition,
                      QStringLiteral("sObject type '%1' is not supported. If you are attempting "
                                     "to use a custom object, be sure to append the '__c' after "
                                     "the entity name. Please reference your WSDL or the describe "
                                     "call for the appropriate names.")
                          .arg(query.object)),
                  {}};
        return std::nullopt;
    }
    QueryResult result;
    result.object = object;
    result.countOnly = query.countOnly;
    if (!resolveFields(*object, query, soql, &result, error))
        return std::nullopt;
    ConditionEvaluator evaluator(m_resolver, today());
    const auto runSubquery = [&](const SoqlQuery &subquery, SfError *subError) {
        return runSemiJoin(subquery, soql, subError);
    };
    if (!evaluator.bind(*object, query.where, soql, runSubquery, error))
        return std::nullopt;
    result.ids = matchingIds(*object, evaluator, includeDeleted);
    if (!sortIds(*object, query, soql, &result.ids, error))
        return std::nullopt;
    result.ids = result.ids.mid(std::min<qsizetype>(query.offset, result.ids.size()),
                                query.limit < 0 ? -1 : query.limit);
    result.totalSize = static_cast<int>(result.ids.size());
    if (result.countOnly)
        result.ids.clear();
    return result;
}

std::optional<QSet<QString>> QueryEngine::runSemiJoin(const SoqlQuery &query, const QString &soql,
                                                      SfError *error) const
{
    const auto inner = run(query, soql, false, error);
    if (!inner)
        return std::nullopt;
    const ResolvedField &selected = inner->fields.constFirst();
    if (selected.field->type != FieldType::Id && selected.field->type != FieldType::Reference) {
        *error = {QStringLiteral("MALFORMED_QUERY"),
                  QStringLiteral("semi join sub-selects must select an Id or reference field"),
                  {}};
        return std::nullopt;
    }
    QSet<QString> values;
    for (const QString &id : inner->ids) {
        const QString value =
            m_resolver.value(selected, *m_store.find(inner->object->name, id)).toString();
        if (!value.isEmpty())
            values.insert(value);
    }
    return values;
}

bool QueryEngine::resolveFields(const ObjectDef &object, const SoqlQuery &query,
                                const QString &soql, QueryResult *result, SfError *error) const
{
    for (const FieldPath &path : query.fields) {
        const auto field = m_resolver.resolve(object, path, soql, error);
        if (!field)
            return false;
        result->fields.append(*field);
    }
    return true;
}

QStringList QueryEngine::matchingIds(const ObjectDef &object, const ConditionEvaluator &evaluator,
                                     bool includeDeleted) const
{
    QStringList ids;
    for (const QString &id : m_store.ids(object.name)) {
        const QJsonObject *found = m_store.find(object.name, id);
        if (!found)
            continue; // a create whose transaction is not visible yet
        const QJsonObject &row = *found;
        if (!includeDeleted && row.value(QStringLiteral("IsDeleted")).toBool())
            continue;
        if (Permissions::canSee(object, row) && evaluator.matches(row))
            ids.append(id);
    }
    return ids;
}

bool QueryEngine::sortIds(const ObjectDef &object, const SoqlQuery &query, const QString &soql,
                          QStringList *ids, SfError *error) const
{
    if (query.orderBy.isEmpty())
        return true;
    QList<ResolvedField> keys;
    for (const SoqlOrderKey &key : query.orderBy) {
        const auto field = m_resolver.resolve(object, key.field, soql, error);
        if (!field)
            return false;
        keys.append(*field);
    }
    // Each key's text is taken once: converting inside the comparison would allocate
    // two strings per comparison, millions for a large scope.
    struct Row
    {
        QString id;
        QList<QJsonValue> values;
        QStringList texts;
    };
    std::vector<Row> rows;
    rows.reserve(static_cast<size_t>(ids->size()));
    for (const QString &id : *ids) {
        Row row{id, {}, {}};
        for (const ResolvedField &key : keys) {
            row.values.append(m_resolver.value(key, *m_store.find(object.name, id)));
            row.texts.append(row.values.constLast().toString());
        }
        rows.push_back(std::move(row));
    }
    const auto less = [&](const Row &a, const Row &b) {
        for (int i = 0; i < keys.size(); ++i) {
            const QJsonValue &left = a.values.at(i);
            const QJsonValue &right = b.values.at(i);
            if (left.isNull() != right.isNull())
                return left.isNull() == query.orderBy.at(i).nullsFirst;
            if (left.isNull())
                continue;
            const FieldType type = keys.at(i).field->type;
            const int comparison =
                left.isString() && right.isString()
                    ? ConditionEvaluator::compareTexts(type, a.texts.at(i), b.texts.at(i))
                    : ConditionEvaluator::compareValues(type, left, right);
            if (comparison != 0)
                return query.orderBy.at(i).descending ? comparison > 0 : comparison < 0;
        }
        return false;
    };
    std::stable_sort(rows.begin(), rows.end(), less);
    ids->clear();
    for (const Row &row : rows)
        ids->append(row.id);
    return true;
}

QJsonObject QueryEngine::render(const QueryResult &result, const QString &id,
                                const QString &apiVersion) const
{
    QList<const ResolvedField *> fields;
    for (const ResolvedField &field : result.fields)
        fields.append(&field);
    const QJsonObject *row = m_store.find(result.object->name, id);
    if (!row) // purged from the recycle bin since the query ran
        return {};
    return renderLevel(*result.object, *row, fields, 0, apiVersion);
}

// Renders one level of a record: its own selected fields, and each parent relationship
// as a nested object (or null when the lookup is empty).
QJsonObject QueryEngine::renderLevel(const ObjectDef &object, const QJsonObject &row,
                                     const QList<const ResolvedField *> &fields, int depth,
                                     const QString &apiVersion) const
{
    QJsonObject out{
        {QStringLiteral("attributes"),
         recordAttributes(object.name, row.value(QStringLiteral("Id")).toString(), apiVersion)}};
    QHash<const FieldDef *, QList<const ResolvedField *>> byRelationship;
    QList<const FieldDef *> relationshipOrder;
    for (const ResolvedField *field : fields) {
        if (field->hops.size() == depth) {
            const QJsonValue value = row.value(field->field->name);
            out.insert(field->field->name, value.isUndefined() ? QJsonValue::Null : value);
            continue;
        }
        const FieldDef *hop = field->hops.at(depth);
        if (!byRelationship.contains(hop))
            relationshipOrder.append(hop);
        byRelationship[hop].append(field);
    }
    for (const FieldDef *hop : relationshipOrder) {
        const QString parentId = row.value(hop->name).toString();
        const QJsonObject *parent =
            parentId.isEmpty() ? nullptr : m_store.find(hop->referenceTo, parentId);
        out.insert(hop->relationshipName,
                   parent
                       ? QJsonValue(renderLevel(*m_schema.object(hop->referenceTo), *parent,
                                                byRelationship.value(hop), depth + 1, apiVersion))
                       : QJsonValue(QJsonValue::Null));
    }
    return out;
}

std::optional<bool> QueryEngine::conditionHolds(const ObjectDef &object, const QString &condition,
                                                const QJsonObject &record, SfError *error) const
{
    const Permissions::AsSystem system; // validation rules see every field
    auto parsed = m_ruleCache.value(condition);
    if (!parsed) {
        SoqlParser parser(condition);
        parsed = parser.parseCondition();
        if (!parsed) {
            *error = parser.error();
            return std::nullopt;
        }
        m_ruleCache.insert(condition, parsed);
    }
    ConditionEvaluator evaluator(m_resolver, today());
    const auto noSubqueries = [&](const SoqlQuery &subquery, SfError *subError) {
        return runSemiJoin(subquery, condition, subError);
    };
    if (!evaluator.bind(object, parsed, condition, noSubqueries, error))
        return std::nullopt;
    return evaluator.matches(record);
}

} // namespace pasalista::emulator
