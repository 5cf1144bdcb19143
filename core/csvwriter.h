#pragma once

#include <QString>
#include <QStringList>

namespace pasalista {

// Every CSV the app writes goes through here (the CLI's `export --csv`; any later export
// should too): RFC 4180 rows, with cells a spreadsheet would run as a formula neutralised.
class CsvWriter
{
public:
    // Appends one row, its fields made safe by field(), ended by CRLF as RFC 4180 asks.
    void addRow(const QStringList &fields);
    QString text() const;

    // One cell, safe to open in a spreadsheet. A cell beginning with =, +, -, @, tab or
    // carriage return is run as a formula by Excel, LibreOffice Calc and Google Sheets
    // ("=HYPERLINK(...)" in a student's name, or a note "-llegó tarde"): such a cell is
    // prefixed with a single quote, which spreadsheets read as "this is text", and quoted.
    // OWASP, CSV Injection: https://owasp.org/www-community/attacks/CSV_Injection (also
    // ASVS 5.0 requirement 1.2.10 and CWE-1236). A phone number "+1 809…" is neutralised
    // too: a leading + starts a formula as much as =. Other cells are quoted only when
    // RFC 4180 requires it (a comma, a quote, CR or LF).
    static QString field(const QString &value);
    // Whether a spreadsheet would take the cell for a formula.
    static bool startsLikeFormula(const QString &value);

private:
    QString m_text;
};

} // namespace pasalista
