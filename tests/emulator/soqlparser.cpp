#include "soqlparser.h"

#include "recordstore.h"

#include <QDateTime>

namespace pasalista::emulator {

namespace {
const QLatin1String kDateRanges[] = {QLatin1String("TODAY"),       QLatin1String("YESTERDAY"),
                                     QLatin1String("TOMORROW"),    QLatin1String("LAST_N_DAYS"),
                                     QLatin1String("NEXT_N_DAYS"), QLatin1String("N_DAYS_AGO")};

bool isDateRangeName(const QString &name)
{
    for (QLatin1String range : kDateRanges) {
        if (name.compare(range, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

bool takesCount(const QString &name)
{
    return name.compare(QLatin1String("TODAY"), Qt::CaseInsensitive) != 0 &&
           name.compare(QLatin1String("YESTERDAY"), Qt::CaseInsensitive) != 0 &&
           name.compare(QLatin1String("TOMORROW"), Qt::CaseInsensitive) != 0;
}

QString normalizeDateTime(const QString &text)
{
    QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!parsed.isValid()) // offsets written without a colon, e.g. +0500
        parsed = QDateTime::fromString(text.left(text.size() - 2) + u':' + text.right(2),
                                       Qt::ISODateWithMs);
    return parsed.isValid() ? RecordStore::formatDateTime(parsed) : QString();
}
} // namespace

SoqlParser::SoqlParser(const QString &text) : m_text(text) {}

QString SoqlParser::positionedMessage(const QString &text, int position, const QString &message)
{
    const int row = static_cast<int>(text.left(position).count(u'\n')) + 1;
    const int lineStart = static_cast<int>(text.lastIndexOf(u'\n', position - 1)) + 1;
    const int column = position - lineStart + 1;
    return QStringLiteral("\n%1\n%2^\nERROR at Row:%3:Column:%4\n%5")
        .arg(text, QString(column - 1, u' '), QString::number(row), QString::number(column),
             message);
}

bool SoqlParser::tokenize()
{
    int errorPosition = 0;
    if (SoqlLexer(m_text).tokenize(&m_tokens, &errorPosition))
        return true;
    m_error = {QStringLiteral("MALFORMED_QUERY"),
               positionedMessage(m_text, errorPosition,
                                 QStringLiteral("line 1:%1 no viable alternative at character '%2'")
                                     .arg(errorPosition)
                                     .arg(m_text.mid(errorPosition, 1))),
               {}};
    return false;
}

std::optional<SoqlQuery> SoqlParser::parseQuery()
{
    if (!tokenize())
        return std::nullopt;
    try {
        SoqlQuery result = query();
        if (peek().kind != SoqlToken::Kind::End)
            failUnexpected();
        return result;
    } catch (const Failure &failure) {
        m_error = {QStringLiteral("MALFORMED_QUERY"),
                   positionedMessage(m_text, failure.position, failure.message),
                   {}};
        return std::nullopt;
    }
}

std::shared_ptr<SoqlCondition> SoqlParser::parseCondition()
{
    if (!tokenize())
        return nullptr;
    try {
        auto result = condition();
        if (peek().kind != SoqlToken::Kind::End)
            failUnexpected();
        return result;
    } catch (const Failure &failure) {
        m_error = {QStringLiteral("MALFORMED_QUERY"),
                   positionedMessage(m_text, failure.position, failure.message),
                   {}};
        return nullptr;
    }
}

void SoqlParser::fail(const QString &message) const
{
    throw Failure{peek().position, message};
}

void SoqlParser::failUnexpected() const
{
    fail(QStringLiteral("unexpected token: '%1'").arg(peek().text));
}

const SoqlToken &SoqlParser::peek(int ahead) const
{
    const int index = std::min(m_index + ahead, static_cast<int>(m_tokens.size()) - 1);
    return m_tokens.at(index);
}

SoqlToken SoqlParser::take()
{
    const SoqlToken token = peek();
    if (token.kind != SoqlToken::Kind::End)
        ++m_index;
    return token;
}

bool SoqlParser::acceptKeyword(QLatin1String keyword)
{
    if (!peek().isKeyword(keyword))
        return false;
    ++m_index;
    return true;
}

void SoqlParser::expectKeyword(QLatin1String keyword)
{
    if (!acceptKeyword(keyword))
        failUnexpected();
}

void SoqlParser::expect(SoqlToken::Kind kind)
{
    if (peek().kind != kind)
        failUnexpected();
    ++m_index;
}

SoqlQuery SoqlParser::query()
{
    SoqlQuery result;
    expectKeyword(QLatin1String("SELECT"));
    selectList(&result);
    expectKeyword(QLatin1String("FROM"));
    if (peek().kind != SoqlToken::Kind::Identifier)
        failUnexpected();
    result.objectPosition = peek().position;
    result.object = take().text;
    if (acceptKeyword(QLatin1String("WHERE")))
        result.where = condition();
    if (peek().isKeyword(QLatin1String("ORDER"))) {
        result.orderByPosition = take().position;
        expectKeyword(QLatin1String("BY"));
        result.orderBy = orderList();
    }
    if (peek().isKeyword(QLatin1String("LIMIT"))) {
        result.limitPosition = take().position;
        result.limit = integer();
    }
    if (peek().isKeyword(QLatin1String("OFFSET"))) {
        result.offsetPosition = take().position;
        result.offset = integer();
    }
    return result;
}

void SoqlParser::selectList(SoqlQuery *result)
{
    if (peek().isKeyword(QLatin1String("COUNT")) && peek(1).kind == SoqlToken::Kind::LeftParen &&
        peek(2).kind == SoqlToken::Kind::RightParen) {
        m_index += 3;
        result->countOnly = true;
        return;
    }
    do {
        if (peek().isKeyword(QLatin1String("FROM")))
            failUnexpected();
        result->fields.append(fieldPath());
    } while (peek().kind == SoqlToken::Kind::Comma && take().kind == SoqlToken::Kind::Comma);
}

FieldPath SoqlParser::fieldPath()
{
    FieldPath path;
    path.position = peek().position;
    if (peek().kind != SoqlToken::Kind::Identifier)
        failUnexpected();
    path.parts.append(take().text);
    while (peek().kind == SoqlToken::Kind::Dot) {
        take();
        if (peek().kind != SoqlToken::Kind::Identifier)
            failUnexpected();
        path.parts.append(take().text);
    }
    return path;
}

// SOQL refuses to mix AND and OR without parentheses, so a run of operands is joined by
// one operator only.
std::shared_ptr<SoqlCondition> SoqlParser::condition()
{
    auto first = notExpression();
    if (!peek().isKeyword(QLatin1String("AND")) && !peek().isKeyword(QLatin1String("OR")))
        return first;
    const QLatin1String joiner =
        peek().isKeyword(QLatin1String("AND")) ? QLatin1String("AND") : QLatin1String("OR");
    auto group = std::make_shared<SoqlCondition>();
    group->kind =
        joiner == QLatin1String("AND") ? SoqlCondition::Kind::And : SoqlCondition::Kind::Or;
    group->children.append(first);
    while (acceptKeyword(joiner))
        group->children.append(notExpression());
    if (peek().isKeyword(QLatin1String("AND")) || peek().isKeyword(QLatin1String("OR")))
        failUnexpected();
    return group;
}

std::shared_ptr<SoqlCondition> SoqlParser::notExpression()
{
    if (!acceptKeyword(QLatin1String("NOT")))
        return primary();
    auto negation = std::make_shared<SoqlCondition>();
    negation->kind = SoqlCondition::Kind::Not;
    negation->children.append(notExpression());
    return negation;
}

std::shared_ptr<SoqlCondition> SoqlParser::primary()
{
    if (peek().kind == SoqlToken::Kind::LeftParen) {
        take();
        auto inner = condition();
        expect(SoqlToken::Kind::RightParen);
        return inner;
    }
    const FieldPath field = fieldPath();
    if (acceptKeyword(QLatin1String("IN")))
        return inExpression(field, false);
    auto node = std::make_shared<SoqlCondition>();
    node->field = field;
    if (acceptKeyword(QLatin1String("NOT"))) {
        if (acceptKeyword(QLatin1String("IN")))
            return inExpression(field, true);
        expectKeyword(QLatin1String("LIKE"));
        node->negated = true;
        node->kind = SoqlCondition::Kind::Like;
    } else if (acceptKeyword(QLatin1String("LIKE"))) {
        node->kind = SoqlCondition::Kind::Like;
    } else if (peek().kind == SoqlToken::Kind::Operator) {
        node->kind = SoqlCondition::Kind::Compare;
        node->op = take().text;
    } else {
        failUnexpected();
    }
    node->value = literal();
    if (node->kind == SoqlCondition::Kind::Like && node->value.kind != SoqlLiteral::Kind::String)
        throw Failure{node->value.position, QStringLiteral("LIKE needs a string value")};
    return node;
}

std::shared_ptr<SoqlCondition> SoqlParser::inExpression(const FieldPath &field, bool negated)
{
    auto node = std::make_shared<SoqlCondition>();
    node->field = field;
    node->negated = negated;
    expect(SoqlToken::Kind::LeftParen);
    if (peek().isKeyword(QLatin1String("SELECT"))) {
        node->kind = SoqlCondition::Kind::SemiJoin;
        node->subquery = std::make_shared<SoqlQuery>(query());
        if (node->subquery->fields.size() != 1 || node->subquery->countOnly)
            fail(QStringLiteral("semi join sub-selects can only query one field"));
    } else {
        node->kind = SoqlCondition::Kind::In;
        do {
            node->values.append(literal());
        } while (peek().kind == SoqlToken::Kind::Comma && take().kind == SoqlToken::Kind::Comma);
    }
    expect(SoqlToken::Kind::RightParen);
    return node;
}

SoqlLiteral SoqlParser::literal()
{
    const SoqlToken token = take();
    SoqlLiteral value;
    value.position = token.position;
    value.text = token.text;
    switch (token.kind) {
    case SoqlToken::Kind::String:
        value.kind = SoqlLiteral::Kind::String;
        return value;
    case SoqlToken::Kind::Number:
        value.kind = SoqlLiteral::Kind::Number;
        value.number = token.text.toDouble();
        return value;
    case SoqlToken::Kind::Date:
        value.kind = SoqlLiteral::Kind::Date;
        return value;
    case SoqlToken::Kind::DateTime:
        value.kind = SoqlLiteral::Kind::DateTime;
        value.text = normalizeDateTime(token.text);
        if (value.text.isEmpty())
            throw Failure{token.position, QStringLiteral("invalid date: %1").arg(token.text)};
        return value;
    case SoqlToken::Kind::Identifier:
        break;
    default:
        throw Failure{token.position, QStringLiteral("unexpected token: '%1'").arg(token.text)};
    }
    if (token.isKeyword(QLatin1String("null"))) {
        value.kind = SoqlLiteral::Kind::Null;
    } else if (token.isKeyword(QLatin1String("true")) || token.isKeyword(QLatin1String("false"))) {
        value.kind = SoqlLiteral::Kind::Boolean;
        value.boolean = token.isKeyword(QLatin1String("true"));
    } else if (isDateRangeName(token.text)) {
        return dateRange(token);
    } else {
        throw Failure{token.position, QStringLiteral("unexpected token: '%1'").arg(token.text)};
    }
    return value;
}

SoqlLiteral SoqlParser::dateRange(const SoqlToken &name)
{
    SoqlLiteral value;
    value.kind = SoqlLiteral::Kind::DateRange;
    value.position = name.position;
    value.rangeName = name.text.toUpper();
    value.text = name.text;
    if (takesCount(name.text)) {
        expect(SoqlToken::Kind::Colon);
        value.rangeCount = integer();
        value.text += QStringLiteral(":%1").arg(value.rangeCount);
    }
    return value;
}

QList<SoqlOrderKey> SoqlParser::orderList()
{
    QList<SoqlOrderKey> keys;
    do {
        SoqlOrderKey key;
        key.field = fieldPath();
        if (acceptKeyword(QLatin1String("DESC")))
            key.descending = true;
        else
            acceptKeyword(QLatin1String("ASC"));
        // Salesforce puts nulls first ascending and last descending unless told otherwise.
        key.nullsFirst = !key.descending;
        if (acceptKeyword(QLatin1String("NULLS"))) {
            if (acceptKeyword(QLatin1String("FIRST")))
                key.nullsFirst = true;
            else if (acceptKeyword(QLatin1String("LAST")))
                key.nullsFirst = false;
            else
                failUnexpected();
        }
        keys.append(key);
    } while (peek().kind == SoqlToken::Kind::Comma && take().kind == SoqlToken::Kind::Comma);
    return keys;
}

int SoqlParser::integer()
{
    bool ok = false;
    const int value = peek().kind == SoqlToken::Kind::Number ? peek().text.toInt(&ok) : 0;
    if (!ok || value < 0)
        failUnexpected();
    take();
    return value;
}

} // namespace pasalista::emulator
