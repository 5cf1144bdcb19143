#include "syncissuetext.h"

#include "attendancelabels.h"
#include "mapping.h"
#include "studentlabels.h"

#include <QLocale>
#include <QRegularExpression>

namespace pasalista {

QString SyncIssueText::details(const Mapping &mapping, const SyncIssue &issue)
{
    switch (issue.kind) {
    case SyncIssue::Kind::Failed:
        return issue.correctionWaiting
                   ? tr("Corrected here: the record goes out with the next sync.")
                   : failure(mapping, issue);
    case SyncIssue::Kind::DeletedInOrg:
        return tr("Someone deleted this record in the org while you were editing it.");
    case SyncIssue::Kind::FieldAccess:
        return issue.message;
    case SyncIssue::Kind::Conflict:
        return tr("%1: yours \"%2\", the org's \"%3\" — kept %4.")
            .arg(fieldLabel(mapping, issue.role, issue.field),
                 valueText(mapping, issue.role, issue.field, issue.localValue),
                 valueText(mapping, issue.role, issue.field, issue.remoteValue),
                 issue.kept == QLatin1String("local") ? tr("yours") : tr("the org's"));
    }
    return {};
}

QString SyncIssueText::refusedValue(const Mapping &mapping, const SyncIssue &issue,
                                    const RefusedValue &refused)
{
    const QString label = fieldLabel(mapping, issue.role, refused.column);
    if (!refused.allowedValues.isEmpty()) {
        return tr("%1: the org does not take \"%2\". Choose one of its values below, then "
                  "save.")
            .arg(label, refused.value);
    }
    if (refused.maxLength > 0) {
        const QLocale locale;
        return tr("%1 is too long for the org: %2 characters, and it takes at most %3. Shorten "
                  "it below, then save.")
            .arg(label, locale.toString(refused.value.size()), locale.toString(refused.maxLength));
    }
    return details(mapping, issue);
}

QString SyncIssueText::conflictSide(const Mapping &mapping, const QList<SyncIssue> &fact, bool mine)
{
    // A button's text: a long note is cut, the whole of it is in the list above.
    constexpr int kNoteShown = 40;
    QStringList parts;
    for (const SyncIssue &issue : fact) {
        const QString value = mine ? issue.localValue : issue.remoteValue;
        if (logicalField(mapping, issue.role, issue.field) != QLatin1String("notes")) {
            parts.append(valueText(mapping, issue.role, issue.field, value));
        } else if (value.trimmed().isEmpty()) {
            parts.append(tr("no note"));
        } else {
            const QString shown =
                value.size() > kNoteShown ? value.left(kNoteShown - 1) + QChar(0x2026) : value;
            parts.append(tr("note «%1»").arg(shown.simplified()));
        }
    }
    return parts.join(QStringLiteral(", "));
}

QString SyncIssueText::apiText(const SyncIssue &issue)
{
    if (issue.kind == SyncIssue::Kind::Conflict) {
        return QStringLiteral("%1: %2 / %3").arg(issue.field, issue.localValue, issue.remoteValue);
    }
    return issue.message;
}

// Salesforce's "CODE: text" messages, the ones a teacher can act on said plainly.
QString SyncIssueText::failure(const Mapping &mapping, const SyncIssue &issue)
{
    Q_UNUSED(mapping) // kept for messages that name API fields
    static const QRegularExpression coded(QStringLiteral("^([A-Z_]+):\\s*(.*)$"),
                                          QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch match = coded.match(issue.message);
    if (!match.hasMatch()) {
        return issue.message;
    }
    const QString code = match.captured(1);
    const QString text = match.captured(2);
    if (code == QLatin1String("STRING_TOO_LONG")) {
        static const QRegularExpression limit(QStringLiteral("max length=(\\d+)"));
        const int maximum = limit.match(text).captured(1).toInt();
        const QString field = text.section(QLatin1Char(':'), 0, 0).trimmed();
        const QString label =
            field.isEmpty()
                ? tr("A text")
                : labelOfLogical(field.toLower().replace(QLatin1Char(' '), QLatin1Char('_')));
        return maximum > 0
                   ? tr("%1 is too long for the org: it takes at most %n characters. Shorten it "
                        "where you wrote it, then send it again.",
                        nullptr, maximum)
                         .arg(label)
                   : tr("%1 is too long for the org. Shorten it where you wrote it, then send it "
                        "again.")
                         .arg(label);
    }
    if (code == QLatin1String("REQUIRED_FIELD_MISSING")) {
        return tr("The org needs a value that is missing: %1").arg(text);
    }
    if (code == QLatin1String("FIELD_CUSTOM_VALIDATION_EXCEPTION")) {
        return tr("A rule of the org refused it: %1").arg(text);
    }
    if (code == QLatin1String("INSUFFICIENT_ACCESS_OR_READONLY") ||
        code == QLatin1String("INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY")) {
        return tr("Your account may not change this record in the org; ask your org admin.");
    }
    return tr("The org refused it: %1").arg(text);
}

QString SyncIssueText::logicalField(const Mapping &mapping, Role role, const QString &column)
{
    const RoleBinding &binding = mapping.binding(role);
    for (auto it = binding.fields.constBegin(); it != binding.fields.constEnd(); ++it) {
        if (mapping.column(role, it.key()).compare(column, Qt::CaseInsensitive) == 0 ||
            it.value().compare(column, Qt::CaseInsensitive) == 0) {
            return it.key();
        }
    }
    return {};
}

QString SyncIssueText::fieldLabel(const Mapping &mapping, Role role, const QString &column)
{
    const QString logical = logicalField(mapping, role, column);
    return logical.isEmpty() ? column : labelOfLogical(logical);
}

QString SyncIssueText::labelOfLogical(const QString &logical)
{
    static const QHash<QString, const char *> labels = {
        {QStringLiteral("status"), QT_TR_NOOP("Status")},
        {QStringLiteral("notes"), QT_TR_NOOP("Notes")},
        {QStringLiteral("date"), QT_TR_NOOP("Class date")},
        {QStringLiteral("first_name"), QT_TR_NOOP("First name")},
        {QStringLiteral("last_name"), QT_TR_NOOP("Last name")},
        {QStringLiteral("nickname"), QT_TR_NOOP("Nickname")},
        {QStringLiteral("date_of_birth"), QT_TR_NOOP("Date of birth")},
        {QStringLiteral("phone1"), QT_TR_NOOP("Phone")},
        {QStringLiteral("phone2"), QT_TR_NOOP("Second phone")},
        {QStringLiteral("email"), QT_TR_NOOP("Email")},
        {QStringLiteral("address"), QT_TR_NOOP("Address")},
    };
    const auto found = labels.constFind(logical);
    if (found == labels.constEnd()) {
        QString words = logical;
        return words.replace(QLatin1Char('_'), QLatin1Char(' '));
    }
    return tr(*found);
}

QString SyncIssueText::valueText(const Mapping &mapping, Role role, const QString &column,
                                 const QString &value)
{
    const QString logical = logicalField(mapping, role, column);
    if (role == Role::Attendance && logical == QLatin1String("status")) {
        bool number = false;
        const int code = qRound(value.toDouble(&number));
        if (number) {
            return AttendanceLabels::label(mapping, code);
        }
    }
    if (role == Role::Student && logical == QLatin1String("sex")) {
        return StudentLabels::sexLabel(value);
    }
    if (role == Role::Student && logical == QLatin1String("language")) {
        return StudentLabels::languageLabel(value);
    }
    return value;
}

} // namespace pasalista
