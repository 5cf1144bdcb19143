#include "syncissuesmodel.h"

#include "repository.h"
#include "store/localstore.h"
#include "studentlabels.h"
#include "sync/syncissues.h"
#include "syncissuetext.h"

#include <QLocale>

namespace pasalista {

SyncIssuesModel::SyncIssuesModel(LocalStore &store, QObject *parent)
    : RowsTableModel<SyncIssueRow>(ColumnCount, parent), m_store(store)
{
    reload();
}

void SyncIssuesModel::reload()
{
    const SyncIssues issues(m_store);
    QList<SyncIssueRow> rows;
    for (const SyncIssue &issue : issues.list()) {
        rows.append({issue, issues.refusedValue(issue), recordText(issue)});
    }
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int SyncIssuesModel::rowOf(Role role, qint64 recordId) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).issue.role == role && m_rows.at(row).issue.recordId == recordId) {
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

QString SyncIssuesModel::kindLabel(SyncIssue::Kind kind)
{
    switch (kind) {
    case SyncIssue::Kind::Failed:
        return tr("Refused by the org");
    case SyncIssue::Kind::Conflict:
        return tr("Changed on both sides");
    case SyncIssue::Kind::DeletedInOrg:
        return tr("Deleted in the org");
    case SyncIssue::Kind::FieldAccess:
        return tr("Not allowed by your profile");
    }
    return {};
}

QString SyncIssuesModel::details(int row) const
{
    return detailsOf(m_rows.at(row));
}

QString SyncIssuesModel::detailsOf(const SyncIssueRow &row) const
{
    if (row.refused) {
        return SyncIssueText::refusedValue(m_store.mapping(), row.issue, *row.refused);
    }
    return SyncIssueText::details(m_store.mapping(), row.issue);
}

QVariant SyncIssuesModel::rowData(const SyncIssueRow &row, int column, int role) const
{
    const SyncIssue &issue = row.issue;
    if (role == Qt::ToolTipRole && column == DetailsColumn) {
        return tr("%1\n\nAs the org said it: %2")
            .arg(detailsOf(row), SyncIssueText::apiText(issue));
    }
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (column) {
        case KindColumn:
            return kindLabel(issue.kind);
        case RecordColumn:
            return row.record;
        case DetailsColumn:
            return detailsOf(row);
        case WhenColumn:
            return QLocale().toString(issue.when.toLocalTime(), QLocale::ShortFormat);
        }
    }
    return {};
}

// Issues are not numbered: no text in the vertical header.
QVariant SyncIssuesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal) {
        return {};
    }
    return RowsTableModel<SyncIssueRow>::headerData(section, orientation, role);
}

QStringList SyncIssuesModel::columnTitles() const
{
    return {tr("Issue"), tr("Record"), tr("Details"), tr("When")};
}

} // namespace pasalista
