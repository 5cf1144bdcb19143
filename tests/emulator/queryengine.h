#pragma once

#include "conditionevaluator.h"
#include "fieldresolver.h"

#include <QDate>
#include <QHash>
#include <QSet>

namespace pasalista::emulator {

// The outcome of a query: the matching Ids in order, kept as a cursor so that
// nextRecordsUrl pages only render records instead of running the query again.
struct QueryResult
{
    const ObjectDef *object = nullptr;
    QList<ResolvedField> fields;
    QStringList ids;
    bool countOnly = false;
    int totalSize = 0;
};

// Runs SOQL against the store and renders result records as the REST API does.
class QueryEngine
{
public:
    QueryEngine(const Schema &schema, const RecordStore &store);

    std::optional<QueryResult> execute(const QString &soql, bool includeDeleted,
                                       SfError *error) const;
    QJsonObject render(const QueryResult &result, const QString &id,
                       const QString &apiVersion) const;
    // Whether a validation-rule condition holds for a record about to be saved.
    std::optional<bool> conditionHolds(const ObjectDef &object, const QString &condition,
                                       const QJsonObject &record, SfError *error) const;
    void setToday(QDate today) { m_today = today; }

private:
    std::optional<QueryResult> run(const SoqlQuery &query, const QString &soql, bool includeDeleted,
                                   SfError *error) const;
    std::optional<QSet<QString>> runSemiJoin(const SoqlQuery &query, const QString &soql,
                                             SfError *error) const;
    bool resolveFields(const ObjectDef &object, const SoqlQuery &query, const QString &soql,
                       QueryResult *result, SfError *error) const;
    QStringList matchingIds(const ObjectDef &object, const ConditionEvaluator &evaluator,
                            bool includeDeleted) const;
    bool sortIds(const ObjectDef &object, const SoqlQuery &query, const QString &soql,
                 QStringList *ids, SfError *error) const;
    QJsonObject renderLevel(const ObjectDef &object, const QJsonObject &row,
                            const QList<const ResolvedField *> &fields, int depth,
                            const QString &apiVersion) const;
    QDate today() const;

    const Schema &m_schema;
    const RecordStore &m_store;
    FieldResolver m_resolver;
    QDate m_today;
    mutable QHash<QString, std::shared_ptr<SoqlCondition>> m_ruleCache;
};

QJsonObject recordAttributes(const QString &object, const QString &id, const QString &apiVersion);

} // namespace pasalista::emulator
