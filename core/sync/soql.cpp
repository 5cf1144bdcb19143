#include "soql.h"

#include <QDateTime>
#include <QRegularExpression>

namespace pasalista {

QString Soql::select(const QStringList &fields, const QString &objectName,
                     const QStringList &conditions)
{
    QString soql = QStringLiteral("SELECT ") + fields.join(QStringLiteral(", ")) +
                   QStringLiteral(" FROM ") + objectName;
    if (!conditions.isEmpty()) {
        soql += QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
    }
    return soql;
}

QString Soql::stringLiteral(const QString &text)
{
    QString escaped;
    escaped.reserve(text.size() + 2);
    escaped += QLatin1Char('\'');
    // Each special character, and the letter that follows the backslash in its escape.
    const QStringView special = u"'\\\n\r\t";
    const QLatin1StringView escapeLetter("'\\nrt");
    for (const QChar c : text) {
        const qsizetype found = special.indexOf(c);
        if (found < 0) {
            escaped += c;
            continue;
        }
        escaped += QLatin1Char('\\');
        escaped += escapeLetter.at(found);
    }
    escaped += QLatin1Char('\'');
    return escaped;
}

QString Soql::idList(const QStringList &ids)
{
    static const QRegularExpression idPattern(QStringLiteral("^[A-Za-z0-9]{15}([A-Za-z0-9]{3})?$"));
    QStringList literals;
    for (const QString &id : ids) {
        if (idPattern.match(id).hasMatch()) {
            literals.append(QLatin1Char('\'') + id + QLatin1Char('\''));
        }
    }
    if (literals.isEmpty()) {
        literals.append(QStringLiteral("''")); // IN () is not valid SOQL; match nothing
    }
    return QLatin1Char('(') + literals.join(QLatin1Char(',')) + QLatin1Char(')');
}

QString Soql::dateTimeLiteral(const QString &apiDateTime)
{
    QDateTime stamp = QDateTime::fromString(apiDateTime, Qt::ISODateWithMs);
    if (!stamp.isValid()) {
        // The API writes +0000 without a colon, which Qt's ISO parser may refuse.
        QString withColon = apiDateTime;
        if (withColon.size() > 5 && (withColon.at(withColon.size() - 5) == QLatin1Char('+') ||
                                     withColon.at(withColon.size() - 5) == QLatin1Char('-'))) {
            withColon.insert(withColon.size() - 2, QLatin1Char(':'));
        }
        stamp = QDateTime::fromString(withColon, Qt::ISODateWithMs);
    }
    if (!stamp.isValid()) {
        stamp = QDateTime::fromSecsSinceEpoch(0, Qt::UTC);
    }
    return stamp.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

} // namespace pasalista
