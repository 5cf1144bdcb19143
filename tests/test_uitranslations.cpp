// The Spanish translation: compiled into the ui library and picked by the ui/language
// setting.
#include "attendancelabels.h"
#include "mapping.h"
#include "uilanguage.h"

#include <QFile>
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
