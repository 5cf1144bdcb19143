#pragma once

#include <QColor>
#include <QCoreApplication>
#include <QString>

namespace pasalista {

struct AttendanceCode;
class Mapping;

// Translated names of attendance status codes. The mapping carries English labels; the
// known ones are translated here, unknown codes are shown as their number.
class AttendanceLabels
{
    Q_DECLARE_TR_FUNCTIONS(AttendanceLabels)

public:
    static QString label(const Mapping &mapping, int code);
    static QString translatedLabel(const QString &englishLabel);
    static QString unmarked();
    // A code's letter in the teacher's language (Spanish: J for "Ausencia justificada" where
    // English has E); the mapping's letter when untranslated. No longer a key on the sheet,
    // where letters search a name and digits mark.
    static QString keyLetter(const AttendanceCode &code);
    // A second cue beside the colour, for teachers who cannot tell the colours apart:
    // ✓ present, ✗ absent, ◷ late; excused ones are also shown in italics.
    static QString glyph(const AttendanceCode &code);
    static QColor colour(const AttendanceCode &code);
};

} // namespace pasalista
