#include "rosterpanel.h"

#include "repository.h"
#include "rostermodel.h"
#include "studentformdialog.h"
#include "studentpickerdialog.h"
#include "studentprofiledialog.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>
#include <QTableView>
#include <QVBoxLayout>

namespace pasalista {

RosterPanel::RosterPanel(Repository &repository, QWidget *parent)
    : QWidget(parent), m_repository(repository), m_model(new RosterModel(repository, this)),
      m_view(new QTableView(this)), m_errorLabel(new QLabel(this))
{
    m_confirm = [this](const QString &question) {
        return QMessageBox::question(this, tr("Unenroll student"), question) == QMessageBox::Yes;
    };
    m_view->setModel(m_model);
    m_view->setAccessibleName(tr("Roster"));
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setResizeContentsPrecision(200); // not 1,000 rows per change
    m_errorLabel->setStyleSheet(QStringLiteral("color: #a91e2c;"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createButtons());
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_view, 1);

    connect(m_view, &QTableView::activated, this, &RosterPanel::showCurrentProfile);
    connect(m_model, &RosterModel::modelReset, this, &RosterPanel::updateButtons);
    connect(m_model, &RosterModel::rowsInserted, this, &RosterPanel::updateButtons);
    connect(m_model, &RosterModel::rowsRemoved, this, &RosterPanel::updateButtons);
    updateButtons();
}

QWidget *RosterPanel::createButtons()
{
    auto *bar = new QWidget(this);
    m_enrollButton = new QPushButton(tr("&Enroll student…"), bar);
    m_createButton = new QPushButton(tr("&New student…"), bar);
    m_unenrollButton = new QPushButton(tr("&Unenroll"), bar);
    m_unenrollButton->setToolTip(tr("Removes the selected student from this course"));
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_enrollButton);
    layout->addWidget(m_createButton);
    layout->addWidget(m_unenrollButton);
    layout->addStretch(1);
    connect(m_enrollButton, &QPushButton::clicked, this, &RosterPanel::enrollExistingStudent);
    connect(m_createButton, &QPushButton::clicked, this, &RosterPanel::createStudent);
    connect(m_unenrollButton, &QPushButton::clicked, this, &RosterPanel::unenrollCurrentStudent);
    return bar;
}

void RosterPanel::setCourse(qint64 courseId)
{
    m_errorLabel->hide();
    m_model->setCourse(courseId);
}

void RosterPanel::showLoaded(qint64 courseId, const QList<Student> &roster)
{
    if (courseId != m_model->courseId()) {
        m_errorLabel->hide();
    }
    m_model->showLoaded(courseId, roster);
}

void RosterPanel::reload()
{
    m_model->reload();
}

void RosterPanel::setConfirmationHandler(ConfirmationHandler handler)
{
    m_confirm = std::move(handler);
}

qint64 RosterPanel::currentStudentId() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(RosterModel::StudentIdRole).toLongLong() : 0;
}

void RosterPanel::updateButtons()
{
    const bool hasCourse = m_model->courseId() != 0;
    m_enrollButton->setEnabled(hasCourse);
    m_createButton->setEnabled(hasCourse);
    m_unenrollButton->setEnabled(hasCourse && m_model->rowCount() > 0);
}

void RosterPanel::enrollExistingStudent()
{
    if (!m_model->courseId()) {
        return;
    }
    QSet<qint64> enrolled;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        enrolled.insert(m_model->studentAt(row)->id);
    }
    StudentPickerDialog dialog(m_repository, enrolled, this);
    if (dialog.exec() == QDialog::Accepted && dialog.selectedStudentId()) {
        enroll(dialog.selectedStudentId());
    }
}

void RosterPanel::createStudent()
{
    if (!m_model->courseId()) {
        return;
    }
    StudentFormDialog dialog(m_repository, this);
    if (dialog.exec() == QDialog::Accepted && dialog.createdStudentId()) {
        enroll(dialog.createdStudentId());
    }
}

void RosterPanel::enroll(qint64 studentId)
{
    showOutcome(m_repository.enroll(m_model->courseId(), studentId));
}

void RosterPanel::unenrollCurrentStudent()
{
    const QModelIndex current = m_view->currentIndex();
    const Student *student = current.isValid() ? m_model->studentAt(current.row()) : nullptr;
    if (!student) {
        return;
    }
    const QString question = tr("Remove %1 from this course?").arg(student->fullName());
    if (!m_confirm || !m_confirm(question)) {
        return;
    }
    showOutcome(m_repository.unenroll(m_model->courseId(), student->id));
}

void RosterPanel::showOutcome(const DomainError &error)
{
    if (!error.ok()) {
        showError(error.message);
        return;
    }
    m_errorLabel->hide();
    if (!m_loadsInBackground) {
        m_model->reload();
    }
}

void RosterPanel::showCurrentProfile()
{
    const qint64 studentId = currentStudentId();
    if (!studentId) {
        return;
    }
    StudentProfileDialog dialog(m_repository, studentId, this);
    dialog.exec();
}

void RosterPanel::showError(const QString &message)
{
    m_errorLabel->setText(message);
    m_errorLabel->show();
}

} // namespace pasalista
