#include "studentlabels.h"

namespace pasalista {

QList<QPair<QString, QString>> StudentLabels::sexChoices()
{
    return {{tr("Female"), QStringLiteral("Female")}, {tr("Male"), QStringLiteral("Male")}};
}

QList<QPair<QString, QString>> StudentLabels::languageChoices()
{
    return {{tr("Spanish"), QStringLiteral("Spanish")},
            {tr("Creole"), QStringLiteral("Creole")},
            {tr("Other"), QStringLiteral("Other")}};
}

QString StudentLabels::listName(const Student &student, bool withNickname)
{
    QString name =
        student.firstName.isEmpty()
            ? student.lastName
            : tr("%1, %2", "last name, first name").arg(student.lastName, student.firstName);
    if (withNickname && !student.nickname.isEmpty()) {
        name += tr(" (%1)", "nickname").arg(student.nickname);
    }
    return name;
}

QString StudentLabels::sexLabel(const QString &value)
{
    return labelOf(sexChoices(), value);
}

QString StudentLabels::languageLabel(const QString &value)
{
    return labelOf(languageChoices(), value);
}

QString StudentLabels::labelOf(const QList<QPair<QString, QString>> &choices, const QString &value)
{
    for (const auto &choice : choices) {
        if (choice.second == value) {
            return choice.first;
        }
    }
    return value;
}

} // namespace pasalista
