#include "uilanguage.h"

#include "uilogging.h"

#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

namespace pasalista {

QString UiLanguage::settingsKey()
{
    return QStringLiteral("ui/language");
}

QString UiLanguage::configured()
{
    return QSettings().value(settingsKey()).toString();
}

void UiLanguage::setConfigured(const QString &language)
{
    QSettings().setValue(settingsKey(), language);
}

QLocale UiLanguage::effectiveLocale(const QString &configuredLanguage)
{
    if (configuredLanguage.isEmpty()) {
        return QLocale::system();
    }
    return QLocale(configuredLanguage);
}

bool UiLanguage::install(QCoreApplication &application)
{
    const QLocale locale = effectiveLocale(configured());
    QLocale::setDefault(locale);
    auto *own = new QTranslator(&application);
    const bool loaded = own->load(locale, QStringLiteral("pasalista"), QStringLiteral("_"),
                                  QStringLiteral(":/i18n"));
    if (loaded) {
        QCoreApplication::installTranslator(own);
    }
    auto *qt = new QTranslator(&application);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
    }
    qCDebug(lcUi) << "interface language" << locale.name() << "translation loaded:" << loaded;
    return loaded;
}

} // namespace pasalista
