#include "soqlrules.h"

#include "soqlparser.h"

namespace pasalista::emulator {

bool SoqlRules::checkLength(const QString &soql, SfError *error)
{
    if (soql.size() <= kMaxStatementLength)
        return true;
    *error = {QStringLiteral("MALFORMED_QUERY"),
              QStringLiteral("SOQL statements cannot be longer than %1 characters")
                  .arg(kMaxStatementLength),
              {}};
    return false;
}

bool SoqlRules::check(const SoqlQuery &query, const QString &soql, SfError *error)
{
    Walk walk{query, soql, error};
    if (query.offset > kMaxOffset) {
        return refuse(&walk, QStringLiteral("NUMBER_OUTSIDE_VALID_RANGE"), query.offsetPosition,
                      QStringLiteral("Maximum SOQL offset allowed is %1").arg(kMaxOffset));
    }
    return !query.where || checkCondition(*query.where, false, &walk);
}

// `nested` is set below an OR or a NOT: a semi-join must be one of the WHERE clause's
// top-level AND terms.
bool SoqlRules::checkCondition(const SoqlCondition &node, bool nested, Walk *walk)
{
    const bool childrenNested =
        nested || node.kind == SoqlCondition::Kind::Or || node.kind == SoqlCondition::Kind::Not;
    for (const auto &child : node.children) {
        if (!checkCondition(*child, childrenNested, walk))
            return false;
    }
    return node.kind != SoqlCondition::Kind::SemiJoin || checkSemiJoin(node, nested, walk);
}

bool SoqlRules::checkSemiJoin(const SoqlCondition &node, bool nested, Walk *walk)
{
    if (nested) {
        return refuse(walk, QStringLiteral("MALFORMED_QUERY"), node.field.position,
                      QStringLiteral("Semi join sub-selects are only allowed at the top level "
                                     "WHERE expressions and not in nested WHERE expressions."));
    }
    if (++walk->semiJoins > kMaxSemiJoins) {
        return refuse(
            walk, QStringLiteral("MALFORMED_QUERY"), node.field.position,
            QStringLiteral("Maximum %1 semi join sub-selects are allowed").arg(kMaxSemiJoins));
    }
    return checkSubquery(*node.subquery, walk);
}

bool SoqlRules::checkSubquery(const SoqlQuery &subquery, Walk *walk)
{
    if (subquery.object.compare(walk->main.object, Qt::CaseInsensitive) == 0) {
        return refuse(walk, QStringLiteral("MALFORMED_QUERY"), subquery.objectPosition,
                      QStringLiteral("The inner and outer selects should not be on the same "
                                     "object type"));
    }
    // ORDER BY, LIMIT and OFFSET are not part of a semi-join's grammar: the org stops at
    // the keyword as at any unexpected token.
    for (const auto &[position, keyword] :
         {std::pair{subquery.orderByPosition, QLatin1String("ORDER")},
          std::pair{subquery.limitPosition, QLatin1String("LIMIT")},
          std::pair{subquery.offsetPosition, QLatin1String("OFFSET")}}) {
        if (position >= 0) {
            return refuse(walk, QStringLiteral("MALFORMED_QUERY"), position,
                          QStringLiteral("unexpected token: '%1'").arg(keyword));
        }
    }
    if (subquery.where && containsSemiJoin(*subquery.where)) {
        return refuse(walk, QStringLiteral("MALFORMED_QUERY"), subquery.objectPosition,
                      QStringLiteral("Nesting of semi join sub-selects is not supported"));
    }
    return true;
}

bool SoqlRules::containsSemiJoin(const SoqlCondition &node)
{
    if (node.kind == SoqlCondition::Kind::SemiJoin)
        return true;
    for (const auto &child : node.children) {
        if (containsSemiJoin(*child))
            return true;
    }
    return false;
}

bool SoqlRules::refuse(Walk *walk, const QString &errorCode, int position, const QString &message)
{
    *walk->error = {errorCode,
                    position < 0 ? message
                                 : SoqlParser::positionedMessage(walk->soql, position, message),
                    {}};
    return false;
}

} // namespace pasalista::emulator
