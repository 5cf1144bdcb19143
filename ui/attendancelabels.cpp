#include "attendancelabels.h"

#include "mapping.h"

#include <QColor>

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

// The sheet's key letters per language: source = the mapping's letter, disambiguated by the
// English label, so a translator picks letters that start the translated words.
[[maybe_unused]] constexpr const char *kKnownKeys[][2] = {
    QT_TRANSLATE_NOOP3("AttendanceKeys", "P", "Present"),
    QT_TRANSLATE_NOOP3("AttendanceKeys", "A", "Unexcused absence"),
    QT_TRANSLATE_NOOP3("AttendanceKeys", "E", "Excused absence"),
    QT_TRANSLATE_NOOP3("AttendanceKeys", "T", "Unexcused late"),
    QT_TRANSLATE_NOOP3("AttendanceKeys", "L", "Excused late"),
};

} // namespace

QString AttendanceLabels::keyLetter(const AttendanceCode &code)
{
    if (code.shortcut.isEmpty()) {
        return {};
    }
    const QByteArray letter = code.shortcut.toUtf8();
    const QByteArray label = code.label.toUtf8();
    return QCoreApplication::translate("AttendanceKeys", letter.constData(), label.constData())
        .toUpper();
}

QString AttendanceLabels::glyph(const AttendanceCode &code)
{
    if (!code.counted) {
        return QStringLiteral("?"); // never a tick: reports do not count it as present
    }
    if (code.absent) {
        return code.excused ? QStringLiteral("\u2298") : QStringLiteral("\u2717"); // ⊘ ✗
    }
    if (code.late) {
        return code.excused ? QStringLiteral("\u25F4") : QStringLiteral("\u25F7"); // ◴ ◷
    }
    return QStringLiteral("\u2713"); // ✓
}

// Light backgrounds that stay apart in deuteranopia and protanopia too (blue/orange axis
// plus lightness), with dark text on every one.
QColor AttendanceLabels::colour(const AttendanceCode &code)
{
    if (!code.counted) {
        return QColor(0xe2, 0xe3, 0xe5); // a code with no meaning: neither present nor absent
    }
    if (code.absent) {
        return code.excused ? QColor(0xcf, 0xe2, 0xff) : QColor(0xf5, 0xb7, 0xb1);
    }
    if (code.late) {
        return code.excused ? QColor(0xff, 0xf3, 0xb0) : QColor(0xff, 0xd0, 0x8a);
    }
    return QColor(0xd4, 0xed, 0xda);
}

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
