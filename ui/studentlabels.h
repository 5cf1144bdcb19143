#pragma once

#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>

namespace pasalista {

// Translated names of the student picklists (values as the org stores them in English).
class StudentLabels
{
    Q_DECLARE_TR_FUNCTIONS(StudentLabels)

public:
    // (translated label, picklist value)
    static QList<QPair<QString, QString>> sexChoices();
    static QList<QPair<QString, QString>> languageChoices();
    static QString sexLabel(const QString &value);
    static QString languageLabel(const QString &value);

private:
    static QString labelOf(const QList<QPair<QString, QString>> &choices, const QString &value);
};

} // namespace pasalista
