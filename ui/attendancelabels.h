#pragma once

#include <QCoreApplication>
#include <QString>

namespace pasalista {

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
};

} // namespace pasalista
