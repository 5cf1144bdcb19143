// The Spanish translation: compiled into the ui library and picked by the ui/language
// setting.
#include "attendancelabels.h"
#include "mapping.h"
#include "uilanguage.h"

#include <QFile>
#include <QSet>
#include <QSettings>
#include <QTranslator>
#include <gtest/gtest.h>

using namespace pasalista;

// Completeness of the .ts itself is test_translations' job.

TEST(UiTranslations, SpanishIsCompiledIntoTheUi)
{
    QTranslator translator;
    ASSERT_TRUE(translator.load(QStringLiteral(":/i18n/pasalista_es.qm")));
    EXPECT_EQ(translator.translate("AttendanceLabels", "Present"), QStringLiteral("Presente"));
    EXPECT_EQ(
        translator.translate("pasalista::MainWindow", "%n change(s) waiting to sync", nullptr, 3),
        QStringLiteral("%n cambios pendientes de sincronizar"));

    QCoreApplication::installTranslator(&translator);
    const Mapping mapping = Mapping::dream();
    EXPECT_EQ(AttendanceLabels::label(mapping, 1), QStringLiteral("Ausencia injustificada"));
    EXPECT_EQ(AttendanceLabels::label(mapping, 42), QStringLiteral("42"));
    QCoreApplication::removeTranslator(&translator);
    EXPECT_EQ(AttendanceLabels::label(mapping, 1), QStringLiteral("Unexcused absence"));
}

TEST(UiTranslations, LanguageSettingOverridesTheSystemLocale)
{
    EXPECT_EQ(UiLanguage::settingsKey(), QStringLiteral("ui/language"));
    EXPECT_EQ(UiLanguage::effectiveLocale(QStringLiteral("es")).language(), QLocale::Spanish);
    EXPECT_EQ(UiLanguage::effectiveLocale(QStringLiteral("en")).language(), QLocale::English);
    EXPECT_EQ(UiLanguage::effectiveLocale(QString()), QLocale::system());
}

// Each status has its own letter in each language, starting a word of its Spanish name
// where the English letter would not (J for "Ausencia justificada", not E), its own
// colour and its own glyph (a cue for teachers who cannot tell the colours apart).
TEST(UiTranslations, FiveStatusesHaveDistinctLettersColoursAndGlyphs)
{
    const Mapping mapping = Mapping::dream();
    const auto check = [&mapping](const QString &language) {
        QSet<QString> letters, glyphs, colours;
        for (const AttendanceCode &code : mapping.attendanceCodes()) {
            const QString letter = AttendanceLabels::keyLetter(code);
            ASSERT_EQ(letter.size(), 1) << language.toStdString();
            EXPECT_TRUE(letter.at(0).isLetter());
            letters.insert(letter);
            glyphs.insert(AttendanceLabels::glyph(code) +
                          (code.excused ? QStringLiteral("/i") : QString()));
            colours.insert(AttendanceLabels::colour(code).name());
        }
        EXPECT_EQ(letters.size(), 5) << language.toStdString();
        EXPECT_EQ(glyphs.size(), 5);
        EXPECT_EQ(colours.size(), 5);
    };
    check(QStringLiteral("en"));
    EXPECT_EQ(AttendanceLabels::keyLetter(*mapping.attendanceCode(2)), QStringLiteral("E"));

    QTranslator translator;
    ASSERT_TRUE(translator.load(QStringLiteral(":/i18n/pasalista_es.qm")));
    QCoreApplication::installTranslator(&translator);
    check(QStringLiteral("es"));
    EXPECT_EQ(AttendanceLabels::keyLetter(*mapping.attendanceCode(0)), QStringLiteral("P"));
    EXPECT_EQ(AttendanceLabels::keyLetter(*mapping.attendanceCode(1)), QStringLiteral("A"));
    EXPECT_EQ(AttendanceLabels::keyLetter(*mapping.attendanceCode(2)), QStringLiteral("J"));
    EXPECT_EQ(AttendanceLabels::keyLetter(*mapping.attendanceCode(3)), QStringLiteral("T"));
    EXPECT_EQ(AttendanceLabels::keyLetter(*mapping.attendanceCode(4)), QStringLiteral("R"));
    QCoreApplication::removeTranslator(&translator);
}
