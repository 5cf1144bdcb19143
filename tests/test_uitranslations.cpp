// The Spanish translation: complete in the source tree, compiled into the ui library, and
// picked by the ui/language setting.
#include "attendancelabels.h"
#include "mapping.h"
#include "uilanguage.h"

#include <QFile>
#include <QSettings>
#include <QTranslator>
#include <QXmlStreamReader>
#include <gtest/gtest.h>

using namespace pasalista;

namespace {

struct TsProblems
{
    int messages = 0;
    QStringList unfinished;
};

TsProblems readTs(const QString &path)
{
    TsProblems problems;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        problems.unfinished.append(QStringLiteral("cannot open ") + path);
        return problems;
    }
    QXmlStreamReader xml(&file);
    QString source;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement) {
            continue;
        }
        if (xml.name() == QStringLiteral("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QStringLiteral("translation")) {
            ++problems.messages;
            const bool unfinished =
                xml.attributes().value(QStringLiteral("type")) == QStringLiteral("unfinished");
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (unfinished || text.trimmed().isEmpty()) {
                problems.unfinished.append(source);
            }
        }
    }
    EXPECT_FALSE(xml.hasError()) << xml.errorString().toStdString();
    return problems;
}

TEST(UiTranslations, SpanishHasNoUnfinishedEntries)
{
    const TsProblems problems = readTs(QStringLiteral(PASALISTA_SOURCE_DIR) +
                                       QStringLiteral("/resources/translations/pasalista_es.ts"));
    EXPECT_GT(problems.messages, 100);
    EXPECT_TRUE(problems.unfinished.isEmpty())
        << "untranslated: " << problems.unfinished.join(QStringLiteral(" | ")).toStdString();
}

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

} // namespace
