#include "soqllexer.h"

#include <QDateTime>
#include <QRegularExpression>

namespace pasalista::emulator {

namespace {
bool isIdentifierStart(QChar c)
{
    return c.isLetter() || c == u'_';
}

bool isIdentifierPart(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}
} // namespace

bool SoqlLexer::tokenize(QList<SoqlToken> *tokens, int *errorPosition)
{
    int pos = 0;
    while (pos < m_text.size()) {
        const QChar c = m_text.at(pos);
        if (c.isSpace()) {
            ++pos;
            continue;
        }
        SoqlToken token;
        token.position = pos;
        bool ok = true;
        if (c == u'\'') {
            token.kind = SoqlToken::Kind::String;
            ok = readString(&pos, &token.text);
        } else if (readDate(&pos, &token)) {
            // date or datetime literal read
        } else if (c.isDigit() || ((c == u'-' || c == u'+') && pos + 1 < m_text.size() &&
                                   m_text.at(pos + 1).isDigit())) {
            readNumber(&pos, &token);
        } else if (isIdentifierStart(c)) {
            readIdentifier(&pos, &token);
        } else {
            ok = readSymbol(&pos, &token);
        }
        if (!ok) {
            *errorPosition = token.position;
            return false;
        }
        tokens->append(token);
    }
    tokens->append(
        {SoqlToken::Kind::End, QStringLiteral("<EOF>"), static_cast<int>(m_text.size())});
    return true;
}

bool SoqlLexer::readString(int *pos, QString *value) const
{
    int i = *pos + 1;
    while (i < m_text.size()) {
        const QChar c = m_text.at(i);
        if (c == u'\'') {
            *pos = i + 1;
            return true;
        }
        if (c == u'\\' && i + 1 < m_text.size()) {
            const QChar escaped = m_text.at(i + 1);
            if (escaped == u'n')
                value->append(u'\n');
            else if (escaped == u't')
                value->append(u'\t');
            else if (escaped == u'r')
                value->append(u'\r');
            else
                value->append(escaped); // \' \" \\ \% \_ keep the character
            i += 2;
            continue;
        }
        value->append(c);
        ++i;
    }
    return false; // unterminated
}

bool SoqlLexer::readDate(int *pos, SoqlToken *token) const
{
    static const QRegularExpression pattern(QStringLiteral(
        "\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?(Z|[+-]\\d{2}:?\\d{2}))?"));
    const auto match = pattern.match(m_text, *pos, QRegularExpression::NormalMatch,
                                     QRegularExpression::AnchorAtOffsetMatchOption);
    if (!match.hasMatch())
        return false;
    token->text = match.captured(0);
    token->kind = match.capturedLength(1) > 0 ? SoqlToken::Kind::DateTime : SoqlToken::Kind::Date;
    *pos += static_cast<int>(match.capturedLength(0));
    return true;
}

void SoqlLexer::readNumber(int *pos, SoqlToken *token) const
{
    int i = *pos + 1;
    while (i < m_text.size() && (m_text.at(i).isDigit() || m_text.at(i) == u'.'))
        ++i;
    token->kind = SoqlToken::Kind::Number;
    token->text = m_text.mid(*pos, i - *pos);
    *pos = i;
}

void SoqlLexer::readIdentifier(int *pos, SoqlToken *token) const
{
    int i = *pos + 1;
    while (i < m_text.size() && isIdentifierPart(m_text.at(i)))
        ++i;
    token->kind = SoqlToken::Kind::Identifier;
    token->text = m_text.mid(*pos, i - *pos);
    *pos = i;
}

bool SoqlLexer::readSymbol(int *pos, SoqlToken *token) const
{
    static const QLatin1String twoCharOperators[] = {QLatin1String("!="), QLatin1String("<>"),
                                                     QLatin1String("<="), QLatin1String(">=")};
    const QStringView rest = QStringView(m_text).mid(*pos);
    for (QLatin1String op : twoCharOperators) {
        if (rest.startsWith(op)) {
            token->kind = SoqlToken::Kind::Operator;
            token->text = op == QLatin1String("<>") ? QStringLiteral("!=") : QString(op);
            *pos += 2;
            return true;
        }
    }
    const QChar c = rest.front();
    token->text = QString(c);
    ++*pos;
    switch (c.unicode()) {
    case u'=':
    case u'<':
    case u'>':
        token->kind = SoqlToken::Kind::Operator;
        return true;
    case u'(':
        token->kind = SoqlToken::Kind::LeftParen;
        return true;
    case u')':
        token->kind = SoqlToken::Kind::RightParen;
        return true;
    case u',':
        token->kind = SoqlToken::Kind::Comma;
        return true;
    case u'.':
        token->kind = SoqlToken::Kind::Dot;
        return true;
    case u':':
        token->kind = SoqlToken::Kind::Colon;
        return true;
    default:
        --*pos;
        return false;
    }
}

} // namespace pasalista::emulator
