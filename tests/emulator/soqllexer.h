#pragma once

#include <QList>
#include <QString>

namespace pasalista::emulator {

struct SoqlToken
{
    enum class Kind
    {
        Identifier,
        String,
        Number,
        Date,
        DateTime,
        Operator,
        LeftParen,
        RightParen,
        Comma,
        Dot,
        Colon,
        End
    };
    Kind kind = Kind::End;
    QString text;
    int position = 0;

    bool isKeyword(QLatin1String keyword) const
    {
        return kind == Kind::Identifier && text.compare(keyword, Qt::CaseInsensitive) == 0;
    }
};

// Splits SOQL text into tokens. Keywords are identifiers; the parser tells them apart.
class SoqlLexer
{
public:
    explicit SoqlLexer(const QString &text) : m_text(text) {}
    // On failure, errorPosition is the offset of the character that could not be read.
    bool tokenize(QList<SoqlToken> *tokens, int *errorPosition);

private:
    bool readString(int *pos, QString *value) const;
    bool readDate(int *pos, SoqlToken *token) const;
    void readNumber(int *pos, SoqlToken *token) const;
    void readIdentifier(int *pos, SoqlToken *token) const;
    bool readSymbol(int *pos, SoqlToken *token) const;

    QString m_text;
};

} // namespace pasalista::emulator
