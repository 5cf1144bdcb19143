#pragma once

#include "records.h"

#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>

namespace pasalista {

// Translated names of the student picklists (values as the org stores them in English), and
// a student's name as every list writes it.
class StudentLabels
{
    Q_DECLARE_TR_FUNCTIONS(StudentLabels)

public:
    // (translated label, picklist value)
    static QList<QPair<QString, QString>> sexChoices();
    static QList<QPair<QString, QString>> languageChoices();
    static QString sexLabel(const QString &value);
    static QString languageLabel(const QString &value);
    // "Last, First" (with " (nickname)" if asked and given): one order on every list.
    static QString listName(const Student &student, bool withNickname = true);

private:
    static QString labelOf(const QList<QPair<QString, QString>> &choices, const QString &value);
};

} // namespace pasalista
