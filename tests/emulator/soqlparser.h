#pragma once

#include "sferror.h"
#include "soqlast.h"
#include "soqllexer.h"

#include <optional>

namespace pasalista::emulator {

// Recursive-descent parser for the SOQL subset. Syntax errors become MALFORMED_QUERY
// with Salesforce's "ERROR at Row:1:Column:n" message.
class SoqlParser
{
public:
    explicit SoqlParser(const QString &text);

    std::optional<SoqlQuery> parseQuery();
    // A bare WHERE expression, as used by validation rules.
    std::shared_ptr<SoqlCondition> parseCondition();
    const SfError &error() const { return m_error; }

    // Builds the message Salesforce sends for an error at a position of the query.
    static QString positionedMessage(const QString &text, int position, const QString &message);

private:
    struct Failure
    {
        int position;
        QString message;
    };

    bool tokenize();
    void fail(const QString &message) const;
    void failUnexpected() const;
    const SoqlToken &peek(int ahead = 0) const;
    SoqlToken take();
    bool acceptKeyword(QLatin1String keyword);
    void expectKeyword(QLatin1String keyword);
    void expect(SoqlToken::Kind kind);

    SoqlQuery query();
    void selectList(SoqlQuery *query);
    FieldPath fieldPath();
    std::shared_ptr<SoqlCondition> condition();
    std::shared_ptr<SoqlCondition> notExpression();
    std::shared_ptr<SoqlCondition> primary();
    std::shared_ptr<SoqlCondition> inExpression(const FieldPath &field, bool negated);
    SoqlLiteral literal();
    SoqlLiteral dateRange(const SoqlToken &name);
    QList<SoqlOrderKey> orderList();
    int integer();

    QString m_text;
    QList<SoqlToken> m_tokens;
    int m_index = 0;
    SfError m_error;
};

} // namespace pasalista::emulator
