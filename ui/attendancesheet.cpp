#include "attendancesheet.h"

#include "attendancelabels.h"
#include "attendancemodel.h"
#include "attendancestatusdelegate.h"
#include "attendancetableview.h"
#include "repository.h"
#include "uilogging.h"

#include <QDateEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace pasalista {

AttendanceSheet::AttendanceSheet(Repository &repository, QWidget *parent)
    : QWidget(parent), m_model(new AttendanceModel(repository, this)),
      m_view(new AttendanceTableView(this)), m_errorLabel(new QLabel(this))
{
    m_confirm = [this](const QString &question) {
        return QMessageBox::question(this, tr("Date outside the course"), question) ==
               QMessageBox::Yes;
    };
    configureView(repository);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(QStringLiteral("color: #a91e2c;"));
    m_errorLabel->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(createToolbar());
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_view, 1);
    layout->addWidget(createKeyHint(repository));
    connectSignals();
}

AttendanceSheet::~AttendanceSheet()
{
    // An editor still open commits while the children are destroyed; nothing may reach
    // this half-destroyed sheet then.
    disconnect(m_model, nullptr, this, nullptr);
}

QWidget *AttendanceSheet::createToolbar()
{
    auto *bar = new QWidget(this);
    auto *dateLabel = new QLabel(tr("Class &date:"), bar);
    m_dateEdit = new QDateEdit(QDate::currentDate(), bar);
    m_dateEdit->setCalendarPopup(true);
    m_dateEdit->setAccessibleName(tr("Class date"));
    dateLabel->setBuddy(m_dateEdit);
    m_markAllButton = new QPushButton(tr("Mark all &present"), bar);
    m_markAllButton->setAccessibleName(tr("Mark all present"));
    m_markAllButton->setToolTip(tr("Marks every student without a mark as present"));
    m_progressLabel = new QLabel(bar);
    m_progressLabel->setAccessibleName(tr("Students marked"));

    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(dateLabel);
    layout->addWidget(m_dateEdit);
    layout->addWidget(m_markAllButton);
    layout->addStretch(1);
    layout->addWidget(m_progressLabel);
    return bar;
}

QLabel *AttendanceSheet::createKeyHint(const Repository &repository)
{
    QStringList keys;
    for (const AttendanceCode &code : repository.mapping().attendanceCodes()) {
        const QString name = AttendanceLabels::label(repository.mapping(), code.code);
        keys.append(code.shortcut.isEmpty()
                        ? tr("%1 %2").arg(code.code).arg(name)
                        : tr("%1 or %2 %3").arg(code.shortcut.toUpper()).arg(code.code).arg(name));
    }
    auto *hint = new QLabel(tr("Keys: %1 · N notes · arrows move").arg(keys.join(tr(" · "))), this);
    hint->setWordWrap(true);
    hint->setAccessibleName(tr("Keyboard shortcuts"));
    return hint;
}

void AttendanceSheet::configureView(Repository &repository)
{
    QHash<QString, int> keys;
    for (const AttendanceCode &code : repository.mapping().attendanceCodes()) {
        if (!code.shortcut.isEmpty()) {
            keys.insert(code.shortcut.toUpper(), code.code);
        }
        if (code.code >= 0 && code.code <= 9) {
            keys.insert(QString::number(code.code), code.code);
        }
    }
    m_view->setModel(m_model);
    m_view->setStatusKeys(keys);
    m_view->setNotesColumn(AttendanceModel::NotesColumn);
    m_view->setItemDelegateForColumn(AttendanceModel::StatusColumn,
                                     new AttendanceStatusDelegate(repository.mapping(), m_view));
    m_view->setAccessibleName(tr("Attendance sheet"));
    m_view->setAccessibleDescription(
        tr("One row per student. Type a status letter or digit to mark the current student "
           "and move to the next; N edits the notes."));
    m_view->horizontalHeader()->setSectionResizeMode(AttendanceModel::NameColumn,
                                                     QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(AttendanceModel::StatusColumn,
                                                     QHeaderView::ResizeToContents);
}

void AttendanceSheet::connectSignals()
{
    connect(m_dateEdit, &QDateEdit::dateChanged, this, &AttendanceSheet::onDateChanged);
    connect(m_markAllButton, &QPushButton::clicked, this, &AttendanceSheet::markAllPresent);
    connect(m_view, &AttendanceTableView::statusRequested, this, &AttendanceSheet::setStatus);
    connect(m_model, &AttendanceModel::marksChanged, this, &AttendanceSheet::updateProgress);
    connect(m_model, &AttendanceModel::modelAboutToBeReset, this, [this] {
        m_rowBeforeReset = m_view->currentIndex().isValid() ? m_view->currentIndex().row() : 0;
    });
    connect(m_model, &AttendanceModel::modelReset, this,
            [this] { m_view->moveToRow(qMin(m_rowBeforeReset, m_model->rowCount() - 1)); });
    connect(m_model, &AttendanceModel::writeRefused, this, &AttendanceSheet::retryRefusedWrite,
            Qt::QueuedConnection);
}

void AttendanceSheet::setCourse(qint64 courseId)
{
    m_errorLabel->hide();
    m_rowBeforeReset = 0;
    m_model->setCourse(courseId);
    m_model->setDate(m_dateEdit->date());
    m_view->moveToRow(0);
}

void AttendanceSheet::setDate(const QDate &date)
{
    m_dateEdit->setDate(date);
}

QDate AttendanceSheet::date() const
{
    return m_dateEdit->date();
}

void AttendanceSheet::setConfirmationHandler(ConfirmationHandler handler)
{
    m_confirm = std::move(handler);
}

QString AttendanceSheet::lastError() const
{
    return m_errorLabel->isHidden() ? QString() : m_errorLabel->text();
}

void AttendanceSheet::onDateChanged(const QDate &date)
{
    m_errorLabel->hide();
    m_model->setDate(date);
    m_view->moveToRow(0);
}

void AttendanceSheet::markAllPresent()
{
    if (runWrite([this] { return m_model->markAllPresent(); })) {
        m_view->setFocus(Qt::OtherFocusReason);
        m_view->moveToRow(m_view->currentIndex().isValid() ? m_view->currentIndex().row() : 0);
    }
}

void AttendanceSheet::setStatus(int row, int status)
{
    if (runWrite([this, row, status] { return m_model->setStatus(row, status); })) {
        m_view->moveToRow(row + 1);
    }
}

bool AttendanceSheet::runWrite(const std::function<DomainError()> &write)
{
    DomainError error = write();
    if (error.code == DomainError::Code::OutsideCourseDates && confirmOutsideDates(error.message)) {
        error = write();
    }
    if (!error.ok()) {
        showError(error.message);
        return false;
    }
    m_errorLabel->hide();
    return true;
}

bool AttendanceSheet::confirmOutsideDates(const QString &message)
{
    const QString question = tr("%1\n\nTake attendance on %2 anyway?")
                                 .arg(message, QLocale().toString(date(), QLocale::LongFormat));
    if (!m_confirm || !m_confirm(question)) {
        return false;
    }
    m_model->setOutsideDatesConfirmed(true);
    return true;
}

void AttendanceSheet::showError(const QString &message)
{
    qCInfo(lcUi) << "attendance not saved:" << message;
    m_errorLabel->setText(message);
    m_errorLabel->show();
}

void AttendanceSheet::retryRefusedWrite(const DomainError &error, const QModelIndex &index,
                                        const QVariant &value)
{
    if (error.code == DomainError::Code::OutsideCourseDates && confirmOutsideDates(error.message)) {
        m_model->setData(index, value, Qt::EditRole);
        return;
    }
    showError(error.message);
}

void AttendanceSheet::updateProgress()
{
    m_progressLabel->setText(
        tr("%1 of %2 marked").arg(m_model->markedCount()).arg(m_model->rowCount()));
}

} // namespace pasalista
