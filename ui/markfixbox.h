#pragma once

#include "records.h"

#include <QGroupBox>

class QComboBox;
class QDateEdit;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace pasalista {

class Mapping;

// A refused mark's status, class date and note, as the org refused them, for the teacher to
// change what the org's rule asks for (a validation rule, a required value, a status the org
// no longer takes) where the refusal is shown. It only edits: saveRequested asks the owner
// to write the mark.
class MarkFixBox : public QGroupBox
{
    Q_OBJECT

public:
    MarkFixBox(const Mapping &mapping, QWidget *parent = nullptr);

    // The mark as the laptop holds it and the org's reason, in the teacher's words. The
    // values typed stay while the same mark is shown again (a sync ending reloads the list).
    void showMark(const AttendanceMark &mark, const QString &reason);
    qint64 markId() const { return m_mark.id; }

    int status() const;
    QDate date() const;
    QString notes() const;

    QComboBox *statusChoice() const { return m_status; }
    QDateEdit *dateEdit() const { return m_date; }
    QPlainTextEdit *noteEdit() const { return m_note; }
    QPushButton *saveButton() const { return m_save; }

Q_SIGNALS:
    void saveRequested();

private:
    void updateSave();

    const Mapping &m_mapping;
    AttendanceMark m_mark;
    QLabel *m_reason;
    QComboBox *m_status;
    QDateEdit *m_date;
    QPlainTextEdit *m_note;
    QPushButton *m_save;
};

} // namespace pasalista
