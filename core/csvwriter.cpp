#include "csvwriter.h"

#include <algorithm>

namespace pasalista {

namespace {

QString quoted(const QString &value)
{
    QString escaped = value;
    escaped.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

} // namespace

bool CsvWriter::startsLikeFormula(const QString &value)
{
    static const QString formulaStarts = QStringLiteral("=+-@\t\r");
    return !value.isEmpty() && formulaStarts.contains(value.front());
}

QString CsvWriter::field(const QString &value)
{
    if (startsLikeFormula(value)) {
        return quoted(QLatin1Char('\'') + value);
    }
    static const QString special = QStringLiteral(",\"\r\n");
    const bool needsQuotes = std::any_of(special.begin(), special.end(),
                                         [&value](QChar c) { return value.contains(c); });
    return needsQuotes ? quoted(value) : value;
}

void CsvWriter::addRow(const QStringList &fields)
{
    QStringList cells;
    cells.reserve(fields.size());
    for (const QString &value : fields) {
        cells.append(field(value));
    }
    m_text += cells.join(QLatin1Char(',')) + QStringLiteral("\r\n");
}

QString CsvWriter::text() const
{
    return m_text;
}

} // namespace pasalista
