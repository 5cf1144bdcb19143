#include "syncissuesmodel.h"

#include "store/localstore.h"
#include "repository.h"
#include "studentlabels.h"
#include "sync/syncissues.h"
#include "syncissuetext.h"

#include <QLocale>

namespace pasalista {

SyncIssuesModel::SyncIssuesModel(LocalStore &store, QObject *parent)
    : QAbstractTableModel(parent), m_store(store)
{
    reload();
}

void SyncIssuesModel::reload()
{
    const SyncIssues issues(m_store);
    QList<Row> rows;
    for (const SyncIssue &issue : issues.list()) {
        rows.append({issue, issues.refusedValue(issue), recordText(issue)});
    }
    beginResetModel();
    m_issues = rows;
    endResetModel();
}

int SyncIssuesModel::rowOf(Role role, qint64 recordId) const
{
    for (int row = 0; row < m_issues.size(); ++row) {
        if (m_issues.at(row).issue.role == role && m_issues.at(row).issue.recordId == recordId) {
            return row;
        }
    }
    return -1;
}

// A mark as the sheet knows it: the course, the student as every list writes her, the class
// date in the teacher's format.
QString SyncIssuesModel::recordText(const SyncIssue &issue) const
{
    const Repository repository(m_store);
    const std::optional<Student> student =
        issue.studentId ? repository.student(issue.studentId) : std::nullopt;
    const QString name = student ? StudentLabels::listName(*student, false) : QString();
    switch (issue.role) {
    case Role::Attendance:
        if (!issue.courseName.isEmpty() && issue.classDate.isValid()) {
            return tr("%1\n%2 · class of %3")
                .arg(issue.courseName, name.isEmpty() ? issue.recordLabel : name,
                     QLocale().toString(issue.classDate, QLocale::ShortFormat));
        }
        break;
    case Role::Student:
        if (!name.isEmpty()) {
            return name;
        }
        break;
    case Role::Enrollment:
        if (!name.isEmpty()) {
            return tr("%1\n%2").arg(issue.courseName, name);
        }
        break;
    default:
        break;
    }
    return issue.recordLabel.isEmpty() ? issue.objectName : issue.recordLabel;
}

int SyncIssuesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_issues.size());
}

int SyncIssuesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString SyncIssuesModel::kindLabel(SyncIssue::Kind kind)
{
    switch (kind) {
    case SyncIssue::Kind::Failed:
        return tr("Refused by the org");
    case SyncIssue::Kind::Conflict:
        return tr("Changed on both sides");
    case SyncIssue::Kind::DeletedInOrg:
        return tr("Deleted in the org");
    }
    return {};
}

QString SyncIssuesModel::details(int row) const
{
    const Row &entry = m_issues.at(row);
    if (entry.refused) {
        return SyncIssueText::refusedValue(m_store.mapping(), entry.issue, *entry.refused);
    }
    return SyncIssueText::details(m_store.mapping(), entry.issue);
}

QVariant SyncIssuesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const SyncIssue &issue = m_issues.at(index.row()).issue;
    if (role == Qt::ToolTipRole && index.column() == DetailsColumn) {
        return tr("%1\n\nAs the org said it: %2")
            .arg(details(index.row()), SyncIssueText::apiText(issue));
    }
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case KindColumn:
            return kindLabel(issue.kind);
        case RecordColumn:
            return m_issues.at(index.row()).record;
        case DetailsColumn:
            return details(index.row());
        case WhenColumn:
            return QLocale().toString(issue.when.toLocalTime(), QLocale::ShortFormat);
        }
    }
    return {};
}

QVariant SyncIssuesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
    case KindColumn:
        return tr("Issue");
    case RecordColumn:
        return tr("Record");
    case DetailsColumn:
        return tr("Details");
    case WhenColumn:
        return tr("When");
    }
    return {};
}

} // namespace pasalista
