#pragma once

#include <QCoreApplication>
#include <QLocale>
#include <QString>

namespace pasalista {

// The interface language: the system locale unless the QSettings key ui/language says
// "es" or "en". Installs the app's translation and Qt's own (qtbase_*) when present.
class UiLanguage
{
    Q_DECLARE_TR_FUNCTIONS(UiLanguage)

public:
    static QString settingsKey();
    static QString configured(); // "", "es" or "en"
    static void setConfigured(const QString &language);
    static QLocale effectiveLocale(const QString &configuredLanguage);
    // Installs translators (children of the application) for the configured language.
    static bool install(QCoreApplication &application);
};

} // namespace pasalista
