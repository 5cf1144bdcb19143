#include "syncissuesmodel.h"

#include "localstore.h"
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
    beginResetModel();
    m_issues = SyncIssues(m_store).list();
    endResetModel();
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

QString SyncIssuesModel::details(const SyncIssue &issue) const
{
    return SyncIssueText::details(m_store.mapping(), issue);
}

QVariant SyncIssuesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const SyncIssue &issue = m_issues.at(index.row());
    if (role == Qt::ToolTipRole && index.column() == DetailsColumn) {
        return tr("%1\n\nAs the org said it: %2")
            .arg(details(issue), SyncIssueText::apiText(issue));
    }
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case KindColumn:
            return kindLabel(issue.kind);
        case RecordColumn:
            return issue.recordLabel.isEmpty() ? issue.objectName : issue.recordLabel;
        case DetailsColumn:
            return details(issue);
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
