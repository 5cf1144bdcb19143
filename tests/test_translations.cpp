// The Spanish catalogue as CI checks it: complete (no unfinished, vanished or obsolete
// entry, nothing empty), faithful (same placeholders, mnemonics and valid shortcuts), and
// Qt's own Spanish translation present for the dialogs Qt draws. Dates, numbers and weekday
// names come from the chosen locale.
#include "uilanguage.h"

#include <QCoreApplication>
#include <QDate>
#include <QFile>
#include <QHash>
#include <QKeySequence>
#include <QLibraryInfo>
#include <QLocale>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QTranslator>
#include <QXmlStreamReader>
#include <gtest/gtest.h>

using namespace pasalista;

namespace {

struct Message
{
    QString context;
    QString source;
    QString type; // the translation's type attribute: "", unfinished, vanished, obsolete
    QStringList translations; // one, or the numerus forms
    bool numerus = false;
};

QString tsPath(const QString &language = QStringLiteral("es"))
{
    return QStringLiteral(PASALISTA_SOURCE_DIR "/resources/translations/pasalista_%1.ts")
        .arg(language);
}

QList<Message> readMessages(QString *error, const QString &path = tsPath())
{
    QList<Message> messages;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return messages;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QStringLiteral("context")) {
                context.clear();
            } else if (name == QStringLiteral("name")) {
                context = xml.readElementText();
            } else if (name == QStringLiteral("message")) {
                message = Message{};
                message.context = context;
                message.numerus =
                    xml.attributes().value(QStringLiteral("numerus")) == QStringLiteral("yes");
            } else if (name == QStringLiteral("source")) {
                message.source = xml.readElementText();
            } else if (name == QStringLiteral("translation")) {
                message.type = xml.attributes().value(QStringLiteral("type")).toString();
                if (!message.numerus) {
                    message.translations.append(xml.readElementText());
                }
            } else if (name == QStringLiteral("numerusform")) {
                message.translations.append(xml.readElementText());
            }
        } else if (xml.isEndElement() && xml.name() == QStringLiteral("message")) {
            messages.append(message);
        }
    }
    if (xml.hasError()) {
        *error = xml.errorString();
    }
    return messages;
}

QString where(const Message &message)
{
    return message.context + QStringLiteral(": \"") + message.source + QLatin1Char('"');
}

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("%(?:L?[1-9][0-9]?|n)"));
    QSet<QString> found;
    for (auto it = pattern.globalMatch(text); it.hasNext();) {
        QString placeholder = it.next().captured();
        found.insert(placeholder.remove(QLatin1Char('L')));
    }
    return found;
}

bool hasMnemonic(const QString &text)
{
    QString stripped = text;
    stripped.remove(QStringLiteral("&&"));
    return stripped.contains(QLatin1Char('&'));
}

class Translations : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QString error;
        m_messages = readMessages(&error);
        ASSERT_TRUE(error.isEmpty()) << error.toStdString();
        ASSERT_GT(m_messages.size(), 100);
    }

    void expectNone(const QStringList &problems, const char *what)
    {
        EXPECT_TRUE(problems.isEmpty()) << problems.size() << " " << what << ":\n  "
                                        << problems.join(QStringLiteral("\n  ")).toStdString();
    }

    QList<Message> m_messages;
};

} // namespace

TEST_F(Translations, SpanishHasNoUnfinishedVanishedOrObsoleteEntries)
{
    QStringList unfinished;
    QStringList stale;
    QStringList empty;
    for (const Message &message : std::as_const(m_messages)) {
        if (message.type == QStringLiteral("unfinished")) {
            unfinished.append(where(message));
        } else if (message.type == QStringLiteral("vanished") ||
                   message.type == QStringLiteral("obsolete")) {
            stale.append(where(message));
        }
        if (message.translations.isEmpty() ||
            std::any_of(message.translations.cbegin(), message.translations.cend(),
                        [](const QString &text) { return text.trimmed().isEmpty(); })) {
            empty.append(where(message));
        }
    }
    expectNone(unfinished, "unfinished (translate them)");
    expectNone(stale, "vanished or obsolete (run lupdate with -no-obsolete)");
    expectNone(empty, "empty");
}

TEST_F(Translations, SpanishKeepsPlaceholdersMnemonicsAndShortcuts)
{
    static const QRegularExpression shortcut(
        QStringLiteral("^(?:(?:Ctrl|Shift|Alt|Meta)\\+)+[A-Za-z0-9]$|^F[0-9]{1,2}$"));
    QStringList placeholderProblems;
    QStringList mnemonicProblems;
    QStringList shortcutProblems;
    for (const Message &message : std::as_const(m_messages)) {
        const QSet<QString> expected = placeholders(message.source);
        for (const QString &translation : message.translations) {
            QSet<QString> found = placeholders(translation);
            // A Spanish singular may spell the number out ("un cambio"): %n is optional there.
            if (message.numerus && !found.contains(QStringLiteral("%n"))) {
                found.insert(QStringLiteral("%n"));
            }
            if (found != expected) {
                placeholderProblems.append(where(message) + QStringLiteral(" → ") + translation);
            }
            if (hasMnemonic(message.source) != hasMnemonic(translation)) {
                mnemonicProblems.append(where(message) + QStringLiteral(" → ") + translation);
            }
            if (shortcut.match(message.source).hasMatch() &&
                QKeySequence::fromString(translation, QKeySequence::PortableText).isEmpty()) {
                shortcutProblems.append(where(message) + QStringLiteral(" → ") + translation);
            }
        }
    }
    expectNone(placeholderProblems, "with different placeholders");
    expectNone(mnemonicProblems, "with a mnemonic (&) in only one language");
    expectNone(shortcutProblems, "with a shortcut that is not a key sequence");
}

TEST_F(Translations, NumerusEntriesHaveSpanishSingularAndPlural)
{
    QStringList problems;
    for (const Message &message : std::as_const(m_messages)) {
        if (message.numerus && message.translations.size() != 2) {
            problems.append(where(message));
        }
    }
    expectNone(problems, "numerus entries without exactly two Spanish forms");
}

// Issue 13: counts read "26 change(s)" in English. The English catalogue holds the plural
// forms alone, one entry for every %n message.
TEST_F(Translations, EveryPluralHasItsEnglishForms)
{
    QString error;
    const QList<Message> english = readMessages(&error, tsPath(QStringLiteral("en")));
    ASSERT_TRUE(error.isEmpty()) << error.toStdString();
    QHash<QString, QStringList> forms;
    for (const Message &message : english)
        forms.insert(where(message), message.translations);
    QStringList problems;
    for (const Message &message : std::as_const(m_messages)) {
        if (!message.numerus)
            continue;
        const QStringList found = forms.value(where(message));
        if (found.size() != 2 || found.join(QString()).contains(QStringLiteral("(s)")) ||
            !found.at(0).contains(QStringLiteral("%n")) ||
            !found.at(1).contains(QStringLiteral("%n")))
            problems.append(where(message));
    }
    expectNone(problems, "%n messages without an English singular and plural");
}

TEST(EnglishPlurals, OneChangeAndTwentySixChanges)
{
    QTranslator english;
    ASSERT_TRUE(english.load(QLocale(QStringLiteral("en_US")), QStringLiteral("pasalista"),
                             QStringLiteral("_"), QStringLiteral(":/i18n")));
    const char *source = "%n change(s) waiting to sync";
    EXPECT_EQ(english.translate("pasalista::SyncStatusWidget", source, nullptr, 1),
              QStringLiteral("%n change waiting to sync"));
    EXPECT_EQ(english.translate("pasalista::SyncStatusWidget", source, nullptr, 26),
              QStringLiteral("%n changes waiting to sync"));
    QCoreApplication::installTranslator(&english);
    EXPECT_EQ(QCoreApplication::translate("pasalista::MainWindow", source, nullptr, 26),
              QStringLiteral("26 changes waiting to sync"));
    QCoreApplication::removeTranslator(&english);
}

TEST(QtTranslations, QtOwnSpanishTranslationIsInstalled)
{
    QTranslator qtbase;
    EXPECT_TRUE(qtbase.load(QLocale(QStringLiteral("es")), QStringLiteral("qtbase"),
                            QStringLiteral("_"),
                            QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        << "qtbase_es.qm missing from "
        << QLibraryInfo::path(QLibraryInfo::TranslationsPath).toStdString()
        << " (Debian: qt6-translations-l10n)";
    EXPECT_FALSE(qtbase.isEmpty());
    EXPECT_EQ(qtbase.translate("QPlatformTheme", "Cancel"), QStringLiteral("Cancelar"));
}

TEST(QtTranslations, DatesNumbersAndWeekdaysFollowTheChosenLanguage)
{
    const QLocale before;
    QSettings settings;
    const QVariant saved = settings.value(UiLanguage::settingsKey());

    const QDate monday(2024, 9, 2);
    const QLocale spanish = UiLanguage::effectiveLocale(QStringLiteral("es"));
    EXPECT_EQ(spanish.dayName(1), QStringLiteral("lunes"));
    EXPECT_EQ(spanish.toString(monday, QStringLiteral("dddd d 'de' MMMM")),
              QStringLiteral("lunes 2 de septiembre"));
    EXPECT_EQ(spanish.toString(1234.5, 'f', 1), QStringLiteral("1234,5"));
    EXPECT_EQ(spanish.toString(7.0, 'f', 2), QStringLiteral("7,00"));

    const QLocale english = UiLanguage::effectiveLocale(QStringLiteral("en"));
    EXPECT_EQ(english.dayName(1), QStringLiteral("Monday"));
    EXPECT_EQ(english.toString(1234.5, 'f', 1), QStringLiteral("1,234.5"));

    // The setting drives QLocale(), which the views use for dates and numbers.
    UiLanguage::setConfigured(QStringLiteral("es"));
    QCoreApplication &application = *QCoreApplication::instance();
    UiLanguage::install(application);
    EXPECT_EQ(QLocale().dayName(1), QStringLiteral("lunes"));
    EXPECT_EQ(
        QLocale().toString(monday, QLocale::LongFormat).contains(QStringLiteral("septiembre")),
        true);

    if (saved.isValid()) {
        settings.setValue(UiLanguage::settingsKey(), saved);
    } else {
        settings.remove(UiLanguage::settingsKey());
    }
    QLocale::setDefault(before);
    const auto translators = application.findChildren<QTranslator *>();
    for (QTranslator *translator : translators) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}
