#include "markfixbox.h"

#include "attendancelabels.h"
#include "mapping.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace pasalista {

MarkFixBox::MarkFixBox(const Mapping &mapping, QWidget *parent)
    : QGroupBox(tr("Fix the mark"), parent), m_mapping(mapping), m_reason(new QLabel(this)),
      m_status(new QComboBox(this)), m_date(new QDateEdit(this)), m_note(new QPlainTextEdit(this)),
      m_save(new QPushButton(tr("Sa&ve the mark"), this))
{
    m_reason->setWordWrap(true);
    m_status->setAccessibleName(tr("Status"));
    m_date->setCalendarPopup(true);
    m_date->setAccessibleName(tr("Class date"));
    m_note->setTabChangesFocus(true);
    m_note->setAccessibleName(tr("Note"));
    m_save->setToolTip(tr("Saved here at once, as on the sheet; the mark goes to the org at the "
                          "next sync."));
    for (const AttendanceCode &code : mapping.attendanceCodes()) {
        m_status->addItem(AttendanceLabels::label(mapping, code.code), code.code);
    }
    auto *form = new QFormLayout;
    form->addRow(tr("&Status:"), m_status);
    form->addRow(tr("Class da&te:"), m_date);
    form->addRow(tr("&Note:"), m_note);
    auto *saveRow = new QHBoxLayout;
    saveRow->addStretch(1);
    saveRow->addWidget(m_save);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_reason);
    layout->addLayout(form);
    layout->addLayout(saveRow);
    connect(m_status, &QComboBox::currentIndexChanged, this, &MarkFixBox::updateSave);
    connect(m_date, &QDateEdit::dateChanged, this, &MarkFixBox::updateSave);
    connect(m_note, &QPlainTextEdit::textChanged, this, &MarkFixBox::updateSave);
    connect(m_save, &QPushButton::clicked, this, &MarkFixBox::saveRequested);
}

void MarkFixBox::showMark(const AttendanceMark &mark, const QString &reason)
{
    m_reason->setText(tr("%1\nChange what the org asks for here, then save.").arg(reason));
    if (mark.id == m_mark.id && mark.status == m_mark.status && mark.notes == m_mark.notes &&
        mark.date == m_mark.date) {
        return;
    }
    m_mark = mark;
    // A status the mapping does not know (the org refused it) is not offered again.
    m_status->setCurrentIndex(m_status->findData(mark.status));
    m_date->setDate(mark.date);
    m_note->setPlainText(mark.notes);
    updateSave();
}

int MarkFixBox::status() const
{
    return m_status->currentData().toInt();
}

QDate MarkFixBox::date() const
{
    return m_date->date();
}

QString MarkFixBox::notes() const
{
    return m_note->toPlainText();
}

// Saving the mark as it is would only be refused again.
void MarkFixBox::updateSave()
{
    const bool changed =
        status() != m_mark.status || date() != m_mark.date || notes().trimmed() != m_mark.notes;
    m_save->setEnabled(m_status->currentIndex() >= 0 && changed);
}

} // namespace pasalista
