#include "attendancelabels.h"

#include "mapping.h"

namespace pasalista {

namespace {

// The labels of the Dream programme's mapping, so that lupdate sees them.
[[maybe_unused]] constexpr const char *kKnownLabels[] = {
    QT_TRANSLATE_NOOP("AttendanceLabels", "Present"),
    QT_TRANSLATE_NOOP("AttendanceLabels", "Unexcused absence"),
    QT_TRANSLATE_NOOP("AttendanceLabels", "Excused absence"),
    QT_TRANSLATE_NOOP("AttendanceLabels", "Unexcused late"),
    QT_TRANSLATE_NOOP("AttendanceLabels", "Excused late"),
};

} // namespace

QString AttendanceLabels::label(const Mapping &mapping, int code)
{
    const AttendanceCode *known = mapping.attendanceCode(code);
    if (!known || known->label.isEmpty()) {
        return QString::number(code);
    }
    return translatedLabel(known->label);
}

QString AttendanceLabels::translatedLabel(const QString &englishLabel)
{
    const QByteArray source = englishLabel.toUtf8();
    return QCoreApplication::translate("AttendanceLabels", source.constData());
}

QString AttendanceLabels::unmarked()
{
    return tr("Not marked", "attendance not taken yet");
}

} // namespace pasalista
