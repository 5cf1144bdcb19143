#pragma once

#include "fieldresolver.h"

#include <QDate>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <functional>

namespace pasalista::emulator {

// Evaluates a WHERE condition against records. bind() checks fields and literal types
// once and runs semi-join sub-queries once, so matching a record is cheap.
class ConditionEvaluator
{
public:
    using SubqueryRunner =
        std::function<std::optional<QSet<QString>>(const SoqlQuery &, SfError *)>;

    ConditionEvaluator(const FieldResolver &resolver, QDate today);

    bool bind(const ObjectDef &object, const std::shared_ptr<SoqlCondition> &root,
              const QString &soql, const SubqueryRunner &runSubquery, SfError *error);
    bool matches(const QJsonObject &record) const;

    // Compares two field values the way SOQL orders them; nulls are handled by callers.
    static int compareValues(FieldType type, const QJsonValue &left, const QJsonValue &right);
    static int compareTexts(FieldType type, const QString &left, const QString &right);

private:
    struct Bound
    {
        ResolvedField field;
        QList<SoqlLiteral> literals; // normalized copies
        QString rangeStart;          // date literals as [start, end)
        QString rangeEnd;
        QSet<QString> semiJoinValues;
        QRegularExpression like;
    };

    bool bindNode(const ObjectDef &object, const SoqlCondition &node, const QString &soql,
                  const SubqueryRunner &runSubquery, SfError *error);
    bool bindLiterals(const SoqlCondition &node, Bound *bound, const QString &soql,
                      SfError *error) const;
    bool bindLiteral(SoqlLiteral literal, Bound *bound, const QString &soql, SfError *error) const;
    void bindDateRange(const SoqlLiteral &literal, Bound *bound) const;
    bool evaluate(const SoqlCondition &node, const QJsonObject &record) const;
    bool evaluateCompare(const SoqlCondition &node, const Bound &bound,
                         const QJsonValue &value) const;
    bool evaluateRange(const QString &op, const Bound &bound, const QString &value) const;
    bool equalsAny(const Bound &bound, const QJsonValue &value) const;

    const FieldResolver &m_resolver;
    QDate m_today;
    std::shared_ptr<SoqlCondition> m_root;
    QHash<const SoqlCondition *, Bound> m_bound;
};

} // namespace pasalista::emulator
