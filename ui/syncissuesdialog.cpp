#include "syncissuesdialog.h"

#include "localstore.h"
#include "repository.h"
#include "studentformdialog.h"
#include "sync/syncissues.h"
#include "syncissuesmodel.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace pasalista {

SyncIssuesDialog::SyncIssuesDialog(LocalStore &store, QWidget *parent)
    : QDialog(parent), m_store(store), m_model(new SyncIssuesModel(store, this)),
      m_view(new QTableView(this)), m_edit(new QPushButton(tr("&Edit…"), this)),
      m_retry(new QPushButton(tr("Send &again"), this)),
      m_restore(new QPushButton(tr("&Restore"), this)),
      m_acceptDeletion(new QPushButton(tr("Accept &deletion"), this)),
      m_useOther(new QPushButton(tr("&Keep the other value"), this)),
      m_dismiss(new QPushButton(tr("D&ismiss"), this))
{
    setWindowTitle(tr("Sync issues"));
    resize(820, 420);
    auto *intro = new QLabel(tr("These records did not reach the org as they are, or were changed "
                                "on both sides. Nothing was lost: choose what to do with each."),
                             this);
    intro->setWordWrap(true);
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    // The record (student, or course and class date) is read whole; the details wrap.
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(SyncIssuesModel::DetailsColumn,
                                                     QHeaderView::Stretch);
    m_view->setWordWrap(true);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->verticalHeader()->hide();
    m_view->setAccessibleName(tr("Sync issues"));
    m_retry->setToolTip(
        tr("Fix the record (for example in the student form), then send it again."));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    for (QPushButton *button :
         {m_edit, m_retry, m_restore, m_acceptDeletion, m_useOther, m_dismiss}) {
        buttons->addButton(button, QDialogButtonBox::ActionRole);
    }
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_view);
    layout->addWidget(buttons);

    // Each action builds its SyncIssues afresh: it reads the store as it is now.
    m_edit->setToolTip(tr("Correct the student's details; they are sent again on OK."));
    connect(m_edit, &QPushButton::clicked, this, &SyncIssuesDialog::editRecord);
    connect(m_retry, &QPushButton::clicked, this, [this] {
        act([this](int row) {
            const SyncIssue &issue = m_model->issue(row);
            return SyncIssues(m_store).retry(issue.role, issue.recordId);
        });
    });
    connect(m_restore, &QPushButton::clicked, this, [this] {
        act([this](int row) {
            const SyncIssue &issue = m_model->issue(row);
            return SyncIssues(m_store).restoreDeleted(issue.role, issue.recordId);
        });
    });
    connect(m_acceptDeletion, &QPushButton::clicked, this, [this] {
        const auto answer = QMessageBox::question(
            this, tr("Accept deletion"),
            tr("Your changes to this record will be dropped, as it no longer exists in the org. "
               "Continue?"));
        if (answer == QMessageBox::Yes) {
            act([this](int row) {
                const SyncIssue &issue = m_model->issue(row);
                return SyncIssues(m_store).acceptDeletion(issue.role, issue.recordId);
            });
        }
    });
    connect(m_useOther, &QPushButton::clicked, this, [this] {
        act([this](int row) {
            return SyncIssues(m_store).useLosingValue(m_model->issue(row).conflictId);
        });
    });
    connect(m_dismiss, &QPushButton::clicked, this, [this] {
        act([this](int row) {
            return SyncIssues(m_store).dismiss(m_model->issue(row).conflictId);
        });
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SyncIssuesDialog::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &SyncIssuesDialog::updateButtons);
    updateButtons();
}

void SyncIssuesDialog::updateButtons()
{
    const QModelIndexList selected = m_view->selectionModel()->selectedRows();
    const int row = selected.isEmpty() ? -1 : selected.first().row();
    const auto kind = row < 0 ? std::optional<SyncIssue::Kind>() : m_model->issue(row).kind;
    m_retry->setEnabled(kind == SyncIssue::Kind::Failed);
    m_edit->setEnabled(kind == SyncIssue::Kind::Failed &&
                       m_model->issue(row).role == Role::Student);
    m_restore->setEnabled(kind == SyncIssue::Kind::DeletedInOrg);
    m_acceptDeletion->setEnabled(kind == SyncIssue::Kind::DeletedInOrg);
    m_useOther->setEnabled(kind == SyncIssue::Kind::Conflict);
    m_dismiss->setEnabled(kind == SyncIssue::Kind::Conflict);
}

void SyncIssuesDialog::editRecord()
{
    const QModelIndexList selected = m_view->selectionModel()->selectedRows();
    if (selected.isEmpty()) {
        return;
    }
    const SyncIssue issue = m_model->issue(selected.first().row());
    Repository repository(m_store);
    const std::optional<Student> student = repository.student(issue.recordId);
    if (!student) {
        return;
    }
    StudentFormDialog form(repository, this);
    form.editStudent(*student);
    if (form.exec() == QDialog::Accepted) {
        act([&](int) { return SyncIssues(m_store).retry(issue.role, issue.recordId); });
    }
}

void SyncIssuesDialog::act(const std::function<bool(int row)> &action)
{
    const QModelIndexList selected = m_view->selectionModel()->selectedRows();
    if (selected.isEmpty()) {
        return;
    }
    if (!action(selected.first().row())) {
        QMessageBox::warning(this, tr("Sync issues"),
                             tr("That did not work: %1").arg(m_store.errorString()));
    }
    m_model->reload();
    Q_EMIT issuesSettled();
}

} // namespace pasalista
