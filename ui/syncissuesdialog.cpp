#include "syncissuesdialog.h"

#include "store/localstore.h"
#include "repository.h"
#include "studentformdialog.h"
#include "sync/syncissues.h"
#include "syncissuesmodel.h"
#include "syncissuetext.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
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
    resize(820, 560);
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
    layout->addWidget(m_view, 1);
    layout->addWidget(createCorrectionBox());
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

QWidget *SyncIssuesDialog::createCorrectionBox()
{
    m_correction = new QGroupBox(tr("Correct the refused value"), this);
    m_correctionHint = new QLabel(m_correction);
    m_correctionHint->setWordWrap(true);
    m_valueEdit = new QPlainTextEdit(m_correction);
    m_valueEdit->setTabChangesFocus(true);
    m_valueEdit->setAccessibleName(tr("Corrected value"));
    m_valueChoice = new QComboBox(m_correction);
    m_valueChoice->setAccessibleName(tr("Corrected value"));
    m_counter = new QLabel(m_correction);
    m_counter->setWordWrap(true);
    m_counter->setAccessibleName(tr("Characters"));
    m_save = new QPushButton(tr("&Save the correction"), m_correction);
    m_save->setToolTip(tr("Saved here at once; the whole record goes to the org at the next "
                          "sync, and the issue goes once the org takes it."));
    m_correctionHint->setBuddy(m_valueEdit);
    auto *layout = new QVBoxLayout(m_correction);
    layout->addWidget(m_correctionHint);
    layout->addWidget(m_valueEdit);
    layout->addWidget(m_valueChoice);
    auto *row = new QHBoxLayout;
    row->addWidget(m_counter, 1);
    row->addWidget(m_save);
    layout->addLayout(row);
    connect(m_valueEdit, &QPlainTextEdit::textChanged, this, &SyncIssuesDialog::updateCounter);
    connect(m_valueChoice, &QComboBox::currentIndexChanged, this, &SyncIssuesDialog::updateCounter);
    connect(m_save, &QPushButton::clicked, this, &SyncIssuesDialog::saveCorrection);
    m_correction->hide();
    return m_correction;
}

int SyncIssuesDialog::selectedRow() const
{
    const QModelIndexList selected = m_view->selectionModel()->selectedRows();
    return selected.isEmpty() ? -1 : selected.first().row();
}

void SyncIssuesDialog::select(const std::optional<Key> &key)
{
    const int row = key ? m_model->rowOf(key->role, key->recordId) : -1;
    if (row >= 0) {
        m_view->selectRow(row);
    }
    updateButtons();
}

void SyncIssuesDialog::reload()
{
    const int row = selectedRow();
    const std::optional<Key> selected =
        row < 0 ? std::nullopt
                : std::optional<Key>(Key{m_model->issue(row).role, m_model->issue(row).recordId});
    m_model->reload();
    select(selected);
}

QString SyncIssuesDialog::counterText() const
{
    return m_counter->text();
}

// The editor in place, for the selected refused value; left alone while it shows the same
// issue, so a sync ending never takes what the teacher is typing.
void SyncIssuesDialog::showCorrection()
{
    const int row = selectedRow();
    const auto &refused = row < 0 ? std::nullopt : m_model->refusedValue(row);
    if (!refused) {
        m_correction->hide();
        return;
    }
    const SyncIssue &issue = m_model->issue(row);
    const Key key{issue.role, issue.recordId};
    if (m_corrected == key) {
        m_correction->show();
        updateCounter();
        return;
    }
    m_corrected = key;
    const bool choice = !refused->allowedValues.isEmpty();
    const QString label = SyncIssueText::fieldLabel(m_store.mapping(), issue.role, refused->column);
    m_correctionHint->setText(choice ? tr("%1: choose one of the org's values.").arg(label)
                                     : tr("%1: the org takes at most %2 characters.")
                                           .arg(label, QLocale().toString(refused->maxLength)));
    m_correctionHint->setBuddy(choice ? static_cast<QWidget *>(m_valueChoice) : m_valueEdit);
    m_valueEdit->setVisible(!choice);
    m_valueChoice->setVisible(choice);
    m_valueChoice->clear();
    for (const QString &value : refused->allowedValues) {
        m_valueChoice->addItem(
            SyncIssueText::valueText(m_store.mapping(), issue.role, refused->column, value), value);
    }
    m_valueChoice->setCurrentIndex(-1);
    m_valueEdit->setPlainText(choice ? QString() : refused->value);
    m_correction->show();
    updateCounter();
}

QString SyncIssuesDialog::correctedValue() const
{
    return m_valueChoice->isVisible() || m_valueEdit->isHidden()
               ? m_valueChoice->currentData().toString()
               : m_valueEdit->toPlainText();
}

// Counts down to the org's limit, and the correction is saved only once it fits.
void SyncIssuesDialog::updateCounter()
{
    const int row = selectedRow();
    const auto &refused = row < 0 ? std::nullopt : m_model->refusedValue(row);
    if (!refused) {
        return;
    }
    if (!refused->allowedValues.isEmpty()) {
        m_counter->clear();
        m_save->setEnabled(m_valueChoice->currentIndex() >= 0);
        return;
    }
    const int length = int(m_valueEdit->toPlainText().size());
    const int left = refused->maxLength - length;
    const QLocale locale;
    m_counter->setText(left >= 0
                           ? tr("%1 of %2 characters")
                                 .arg(locale.toString(length), locale.toString(refused->maxLength))
                           : tr("%1 of %2 characters: %3 over the limit")
                                 .arg(locale.toString(length), locale.toString(refused->maxLength),
                                      locale.toString(-left)));
    m_counter->setStyleSheet(left >= 0 ? QString() : QStringLiteral("color: #a91e2c;"));
    m_save->setEnabled(left >= 0 && refused->maxLength > 0);
}

void SyncIssuesDialog::saveCorrection()
{
    const int row = selectedRow();
    const auto &refused = row < 0 ? std::nullopt : m_model->refusedValue(row);
    if (!refused) {
        return;
    }
    const SyncIssue issue = m_model->issue(row);
    const QString column = refused->column;
    SyncIssues issues(m_store);
    if (!issues.correct(issue, column, correctedValue())) {
        QMessageBox::warning(this, tr("Sync issues"),
                             tr("The correction was not saved: %1").arg(issues.errorString()));
        return;
    }
    m_corrected.reset();
    m_model->reload();
    select(Key{issue.role, issue.recordId});
    Q_EMIT issuesSettled();
}

void SyncIssuesDialog::updateButtons()
{
    const int row = selectedRow();
    const auto kind = row < 0 ? std::optional<SyncIssue::Kind>() : m_model->issue(row).kind;
    m_retry->setEnabled(kind == SyncIssue::Kind::Failed);
    m_edit->setEnabled(kind == SyncIssue::Kind::Failed &&
                       m_model->issue(row).role == Role::Student);
    m_restore->setEnabled(kind == SyncIssue::Kind::DeletedInOrg);
    m_acceptDeletion->setEnabled(kind == SyncIssue::Kind::DeletedInOrg);
    m_useOther->setEnabled(kind == SyncIssue::Kind::Conflict);
    m_dismiss->setEnabled(kind == SyncIssue::Kind::Conflict);
    showCorrection();
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
