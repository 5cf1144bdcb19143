#include "syncissuesdialog.h"

#include "markfixbox.h"
#include "repository.h"
#include "store/localstore.h"
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

#include <algorithm>

namespace pasalista {

SyncIssuesDialog::SyncIssuesDialog(LocalStore &store, QWidget *parent)
    : QDialog(parent), m_store(store), m_model(new SyncIssuesModel(store, this)),
      m_view(new QTableView(this)), m_edit(new QPushButton(tr("&Edit…"), this)),
      m_retry(new QPushButton(tr("Send &again"), this)),
      m_restore(new QPushButton(tr("&Restore"), this)),
      m_acceptDeletion(new QPushButton(tr("Accept &deletion"), this)),
      m_keepMine(new QPushButton(tr("Keep &mine"), this)),
      m_keepOffice(new QPushButton(tr("Keep the &office's"), this)),
      m_goToMark(new QPushButton(tr("&Go to the mark"), this)),
      m_markFix(new MarkFixBox(store.mapping(), this))
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
         {m_goToMark, m_edit, m_retry, m_restore, m_acceptDeletion, m_keepMine, m_keepOffice}) {
        buttons->addButton(button, QDialogButtonBox::ActionRole);
    }
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_view, 1);
    layout->addWidget(createCorrectionBox());
    layout->addWidget(m_markFix);
    m_markFix->hide();
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
    connect(m_keepMine, &QPushButton::clicked, this, [this] { keep(true); });
    connect(m_keepOffice, &QPushButton::clicked, this, [this] { keep(false); });
    m_goToMark->setToolTip(tr("Close this window and show the mark on the attendance sheet."));
    connect(m_goToMark, &QPushButton::clicked, this, &SyncIssuesDialog::goToMark);
    connect(m_markFix, &MarkFixBox::saveRequested, this, &SyncIssuesDialog::saveMark);
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
    const bool isMark = row >= 0 && m_model->issue(row).role == Role::Attendance &&
                        m_model->issue(row).courseId != 0 &&
                        m_model->issue(row).classDate.isValid();
    m_goToMark->setEnabled(isMark);
    updateConflictButtons(kind == SyncIssue::Kind::Conflict ? row : -1);
    showCorrection();
    showMarkFix();
}

// The conflict's two sides, each button saying the value it keeps; a mark's status and note
// are one fact, so both are named together.
void SyncIssuesDialog::updateConflictButtons(int row)
{
    m_keepMine->setEnabled(row >= 0);
    m_keepOffice->setEnabled(row >= 0);
    if (row < 0) {
        m_keepMine->setText(tr("Keep &mine"));
        m_keepOffice->setText(tr("Keep the &office's"));
        return;
    }
    const QList<SyncIssue> fact = conflictFact(row);
    // A value's own "&" is shown, not taken for a shortcut.
    const auto side = [&](bool mine) {
        return SyncIssueText::conflictSide(m_store.mapping(), fact, mine)
            .replace(QLatin1Char('&'), QStringLiteral("&&"));
    };
    m_keepMine->setText(tr("Keep &mine: %1").arg(side(true)));
    m_keepOffice->setText(tr("Keep the &office's: %1").arg(side(false)));
}

QList<SyncIssue> SyncIssuesDialog::conflictFact(int row) const
{
    const SyncIssue &selected = m_model->issue(row);
    QList<SyncIssue> fact{selected};
    const Mapping &mapping = m_store.mapping();
    const QStringList markFact{mapping.column(Role::Attendance, QStringLiteral("status")),
                               mapping.column(Role::Attendance, QStringLiteral("notes"))};
    if (selected.role != Role::Attendance || !markFact.contains(selected.field)) {
        return fact;
    }
    for (int other = 0; other < m_model->rowCount(); ++other) {
        const SyncIssue &issue = m_model->issue(other);
        if (other != row && issue.kind == SyncIssue::Kind::Conflict &&
            issue.role == selected.role && issue.recordId == selected.recordId &&
            markFact.contains(issue.field)) {
            fact.append(issue);
        }
    }
    // The status first, then the note, whichever row was selected.
    std::sort(fact.begin(), fact.end(), [&](const SyncIssue &a, const SyncIssue &b) {
        return markFact.indexOf(a.field) < markFact.indexOf(b.field);
    });
    return fact;
}

// The side kept at the sync stays by settling the conflict; the other side is written again.
void SyncIssuesDialog::keep(bool mine)
{
    act([this, mine](int row) {
        const SyncIssue &issue = m_model->issue(row);
        const bool keptMine = issue.kept != QLatin1String("remote");
        SyncIssues issues(m_store);
        return mine == keptMine ? issues.dismiss(issue.conflictId)
                                : issues.useLosingValue(issue.conflictId);
    });
}

void SyncIssuesDialog::goToMark()
{
    const int row = selectedRow();
    if (row < 0) {
        return;
    }
    const SyncIssue &issue = m_model->issue(row);
    Q_EMIT markRequested(issue.courseId, issue.studentId, issue.classDate);
    accept();
}

// A refused mark no known field rule explains (a validation rule, a required value): its
// status, date and note, to change as the org's message asks.
void SyncIssuesDialog::showMarkFix()
{
    const int row = selectedRow();
    const bool fixable = row >= 0 && m_model->issue(row).kind == SyncIssue::Kind::Failed &&
                         m_model->issue(row).role == Role::Attendance &&
                         !m_model->issue(row).correctionWaiting && !m_model->refusedValue(row) &&
                         m_model->issue(row).courseId != 0;
    if (!fixable) {
        m_markFix->hide();
        return;
    }
    const SyncIssue &issue = m_model->issue(row);
    const AttendanceMark mark =
        Repository(m_store).attendanceOn(issue.courseId, issue.classDate).value(issue.studentId);
    if (mark.id != issue.recordId) {
        m_markFix->hide();
        return;
    }
    m_markFix->showMark(mark, SyncIssueText::details(m_store.mapping(), issue));
    m_markFix->show();
}

void SyncIssuesDialog::saveMark()
{
    const int row = selectedRow();
    if (row < 0) {
        return;
    }
    const SyncIssue issue = m_model->issue(row);
    SyncIssues issues(m_store);
    if (!issues.fixMark(issue, m_markFix->status(), m_markFix->notes(), m_markFix->date())) {
        QMessageBox::warning(this, tr("Sync issues"),
                             tr("The mark was not saved: %1").arg(issues.errorString()));
        return;
    }
    m_model->reload();
    select(Key{issue.role, issue.recordId});
    Q_EMIT issuesSettled();
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
