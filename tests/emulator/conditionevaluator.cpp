#include "conditionevaluator.h"

#include "recordstore.h"
#include "sfid.h"
#include "soqlparser.h"

namespace pasalista::emulator {

namespace {
bool isTextual(FieldType type)
{
    return type == FieldType::Id || type == FieldType::Reference || type == FieldType::String ||
           type == FieldType::TextArea || type == FieldType::Email || type == FieldType::Phone ||
           type == FieldType::Url || type == FieldType::Picklist;
}

bool literalFits(FieldType type, SoqlLiteral::Kind kind)
{
    using Kind = SoqlLiteral::Kind;
    if (kind == Kind::Null)
        return true;
    switch (type) {
    case FieldType::Boolean:
        return kind == Kind::Boolean;
    case FieldType::Double:
    case FieldType::Int:
        return kind == Kind::Number;
    case FieldType::Date:
        return kind == Kind::Date || kind == Kind::DateRange;
    case FieldType::DateTime:
        return kind == Kind::DateTime || kind == Kind::DateRange;
    default:
        return kind == Kind::String;
    }
}

QString typeDescription(FieldType type)
{
    switch (type) {
    case FieldType::Date:
        return QStringLiteral("date and should not be enclosed in quotes");
    case FieldType::DateTime:
        return QStringLiteral("dateTime and should not be enclosed in quotes");
    case FieldType::Double:
    case FieldType::Int:
        return QStringLiteral("double and should not be enclosed in quotes");
    case FieldType::Boolean:
        return QStringLiteral("boolean and should not be enclosed in quotes");
    default:
        return QStringLiteral("string and should be enclosed in quotes");
    }
}

QJsonValue literalValue(const SoqlLiteral &literal)
{
    switch (literal.kind) {
    case SoqlLiteral::Kind::Number:
        return literal.number;
    case SoqlLiteral::Kind::Boolean:
        return literal.boolean;
    case SoqlLiteral::Kind::Null:
        return QJsonValue::Null;
    default:
        return literal.text;
    }
}

bool isNull(const QJsonValue &value)
{
    return value.isNull() || value.isUndefined();
}

bool applyOperator(const QString &op, int comparison)
{
    if (op == QLatin1String("="))
        return comparison == 0;
    if (op == QLatin1String("!="))
        return comparison != 0;
    if (op == QLatin1String("<"))
        return comparison < 0;
    if (op == QLatin1String("<="))
        return comparison <= 0;
    if (op == QLatin1String(">"))
        return comparison > 0;
    return comparison >= 0; // >=
}

QRegularExpression likePattern(const QString &pattern)
{
    QString regex;
    for (QChar c : pattern) {
        if (c == u'%')
            regex += QStringLiteral(".*");
        else if (c == u'_')
            regex += u'.';
        else
            regex += QRegularExpression::escape(QString(c));
    }
    return QRegularExpression(QRegularExpression::anchoredPattern(regex),
                              QRegularExpression::CaseInsensitiveOption |
                                  QRegularExpression::DotMatchesEverythingOption);
}
} // namespace

ConditionEvaluator::ConditionEvaluator(const FieldResolver &resolver, QDate today)
    : m_resolver(resolver), m_today(today)
{
}

int ConditionEvaluator::compareValues(FieldType type, const QJsonValue &left,
                                      const QJsonValue &right)
{
    if (left.isDouble() || right.isDouble()) {
        const double a = left.toDouble();
        const double b = right.toDouble();
        return a < b ? -1 : (a > b ? 1 : 0);
    }
    if (left.isBool() || right.isBool())
        return static_cast<int>(left.toBool()) - static_cast<int>(right.toBool());
    return compareTexts(type, left.toString(), right.toString());
}

int ConditionEvaluator::compareTexts(FieldType type, const QString &left, const QString &right)
{
    // Text compares case-insensitively in SOQL; dates and datetimes are stored in a
    // fixed-width UTC form, so their text order is their time order.
    return left.compare(right, isTextual(type) ? Qt::CaseInsensitive : Qt::CaseSensitive);
}

bool ConditionEvaluator::bind(const ObjectDef &object, const std::shared_ptr<SoqlCondition> &root,
                              const QString &soql, const SubqueryRunner &runSubquery,
                              SfError *error)
{
    m_root = root;
    m_bound.clear();
    return !root || bindNode(object, *root, soql, runSubquery, error);
}

bool ConditionEvaluator::bindNode(const ObjectDef &object, const SoqlCondition &node,
                                  const QString &soql, const SubqueryRunner &runSubquery,
                                  SfError *error)
{
    if (!node.children.isEmpty()) {
        for (const auto &child : node.children) {
            if (!bindNode(object, *child, soql, runSubquery, error))
                return false;
        }
        return true;
    }
    Bound bound;
    const auto field = m_resolver.resolve(object, node.field, soql, error);
    if (!field)
        return false;
    bound.field = *field;
    if (node.kind == SoqlCondition::Kind::SemiJoin) {
        const auto values = runSubquery(*node.subquery, error);
        if (!values)
            return false;
        bound.semiJoinValues = *values;
    } else if (!bindLiterals(node, &bound, soql, error)) {
        return false;
    }
    if (node.kind == SoqlCondition::Kind::Like)
        bound.like = likePattern(node.value.text);
    m_bound.insert(&node, bound);
    return true;
}

bool ConditionEvaluator::bindLiterals(const SoqlCondition &node, Bound *bound, const QString &soql,
                                      SfError *error) const
{
    if (node.kind == SoqlCondition::Kind::Like) {
        if (!bound->field.field->isText() && bound->field.field->type != FieldType::Id &&
            bound->field.field->type != FieldType::Reference) {
            *error = {QStringLiteral("INVALID_QUERY_FILTER_OPERATOR"),
                      SoqlParser::positionedMessage(
                          soql, node.field.position,
                          QStringLiteral("invalid operator on field: %1").arg(node.field.text())),
                      {}};
            return false;
        }
        return true;
    }
    const QList<SoqlLiteral> literals =
        node.kind == SoqlCondition::Kind::In ? node.values : QList<SoqlLiteral>{node.value};
    for (const SoqlLiteral &literal : literals) {
        if (!bindLiteral(literal, bound, soql, error))
            return false;
    }
    return true;
}

bool ConditionEvaluator::bindLiteral(SoqlLiteral literal, Bound *bound, const QString &soql,
                                     SfError *error) const
{
    const FieldDef &field = *bound->field.field;
    if (!literalFits(field.type, literal.kind)) {
        *error = {QStringLiteral("INVALID_QUERY_FILTER_OPERATOR"),
                  SoqlParser::positionedMessage(
                      soql, literal.position,
                      QStringLiteral("value of filter criterion for field '%1' must be of type %2")
                          .arg(field.name, typeDescription(field.type))),
                  {}};
        return false;
    }
    if ((field.type == FieldType::Id || field.type == FieldType::Reference) &&
        literal.kind == SoqlLiteral::Kind::String) {
        // 15-character Ids match their 18-character forms; anything else that is not an Id
        // is refused, as the org refuses it.
        const auto id = SfId::normalize(literal.text);
        if (!id && !literal.text.isEmpty()) {
            *error = {QStringLiteral("INVALID_QUERY_FILTER_OPERATOR"),
                      SoqlParser::positionedMessage(
                          soql, literal.position,
                          QStringLiteral("invalid ID field: %1").arg(literal.text)),
                      {}};
            return false;
        }
        literal.text = id.value_or(literal.text);
    }
    if (literal.kind == SoqlLiteral::Kind::DateRange)
        bindDateRange(literal, bound);
    bound->literals.append(literal);
    return true;
}

void ConditionEvaluator::bindDateRange(const SoqlLiteral &literal, Bound *bound) const
{
    QDate start = m_today;
    QDate end = m_today.addDays(1);
    const QString &name = literal.rangeName;
    if (name == QLatin1String("YESTERDAY")) {
        start = m_today.addDays(-1);
        end = m_today;
    } else if (name == QLatin1String("TOMORROW")) {
        start = m_today.addDays(1);
        end = m_today.addDays(2);
    } else if (name == QLatin1String("LAST_N_DAYS")) {
        start = m_today.addDays(-literal.rangeCount);
    } else if (name == QLatin1String("NEXT_N_DAYS")) {
        end = m_today.addDays(literal.rangeCount + 1);
    } else if (name == QLatin1String("N_DAYS_AGO")) {
        start = m_today.addDays(-literal.rangeCount);
        end = start.addDays(1);
    }
    const bool dateTime = bound->field.field->type == FieldType::DateTime;
    const auto format = [dateTime](QDate date) {
        return dateTime ? RecordStore::formatDateTime(date.startOfDay(Qt::UTC))
                        : date.toString(Qt::ISODate);
    };
    bound->rangeStart = format(start);
    bound->rangeEnd = format(end);
}

bool ConditionEvaluator::matches(const QJsonObject &record) const
{
    return !m_root || evaluate(*m_root, record);
}

bool ConditionEvaluator::evaluate(const SoqlCondition &node, const QJsonObject &record) const
{
    switch (node.kind) {
    case SoqlCondition::Kind::And:
        for (const auto &child : node.children) {
            if (!evaluate(*child, record))
                return false;
        }
        return true;
    case SoqlCondition::Kind::Or:
        for (const auto &child : node.children) {
            if (evaluate(*child, record))
                return true;
        }
        return false;
    case SoqlCondition::Kind::Not:
        return !evaluate(*node.children.constFirst(), record);
    default:
        break;
    }
    const Bound &bound = m_bound.find(&node).value();
    const QJsonValue value = m_resolver.value(bound.field, record);
    switch (node.kind) {
    case SoqlCondition::Kind::In:
        return equalsAny(bound, value) != node.negated;
    case SoqlCondition::Kind::SemiJoin:
        return (!isNull(value) && bound.semiJoinValues.contains(value.toString())) != node.negated;
    case SoqlCondition::Kind::Like:
        return (!isNull(value) && bound.like.match(value.toString()).hasMatch()) != node.negated;
    default:
        return evaluateCompare(node, bound, value);
    }
}

bool ConditionEvaluator::equalsAny(const Bound &bound, const QJsonValue &value) const
{
    for (const SoqlLiteral &literal : bound.literals) {
        if (literal.kind == SoqlLiteral::Kind::Null) {
            if (isNull(value))
                return true;
        } else if (!isNull(value) &&
                   compareValues(bound.field.field->type, value, literalValue(literal)) == 0) {
            return true;
        }
    }
    return false;
}

bool ConditionEvaluator::evaluateCompare(const SoqlCondition &node, const Bound &bound,
                                         const QJsonValue &value) const
{
    const SoqlLiteral &literal = bound.literals.constFirst();
    if (literal.kind == SoqlLiteral::Kind::Null) {
        if (node.op == QLatin1String("="))
            return isNull(value);
        return node.op == QLatin1String("!=") && !isNull(value);
    }
    if (isNull(value))
        return node.op == QLatin1String("!="); // null differs from every value
    if (literal.kind == SoqlLiteral::Kind::DateRange)
        return evaluateRange(node.op, bound, value.toString());
    return applyOperator(node.op,
                         compareValues(bound.field.field->type, value, literalValue(literal)));
}

bool ConditionEvaluator::evaluateRange(const QString &op, const Bound &bound,
                                       const QString &value) const
{
    const bool inRange = value >= bound.rangeStart && value < bound.rangeEnd;
    if (op == QLatin1String("="))
        return inRange;
    if (op == QLatin1String("!="))
        return !inRange;
    if (op == QLatin1String("<"))
        return value < bound.rangeStart;
    if (op == QLatin1String("<="))
        return value < bound.rangeEnd;
    if (op == QLatin1String(">"))
        return value >= bound.rangeEnd;
    return value >= bound.rangeStart; // >=
}

} // namespace pasalista::emulator
