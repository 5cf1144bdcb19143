#include "studentformdialog.h"

#include "birthdateedit.h"
#include "repository.h"
#include "studentlabels.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace pasalista {

StudentFormDialog::StudentFormDialog(Repository &repository, QWidget *parent)
    : QDialog(parent), m_repository(repository), m_error(new QLabel(this))
{
    setWindowTitle(tr("New student"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #a91e2c;"));
    m_error->setAccessibleName(tr("Error"));
    m_error->hide();

    auto *formWidget = new QWidget(this);
    auto *form = new QFormLayout(formWidget);
    buildForm(form);
    auto *scroll = new QScrollArea(this);
    scroll->setAccessibleName(tr("Student details")); // a screen reader names what Tab reaches
    scroll->setWidget(formWidget);
    scroll->setWidgetResizable(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Create"));
    connect(buttons, &QDialogButtonBox::accepted, this, &StudentFormDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &StudentFormDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_error);
    layout->addWidget(scroll, 1);
    layout->addWidget(new QLabel(tr("Fields marked * are required."), this));
    layout->addWidget(buttons);
    resize(460, 560);
}

void StudentFormDialog::buildForm(QFormLayout *form)
{
    m_firstName = addLine(form, tr("&First name"), true);
    m_lastName = addLine(form, tr("&Last name"), true);
    m_nickname = addLine(form, tr("&Nickname"), false);
    m_birthDate = addBirthDate(form);
    m_sex = addChoice(form, tr("&Sex"), StudentLabels::sexChoices());
    m_phone1 = addLine(form, tr("&Phone"), true);
    m_phone2 = addLine(form, tr("Second phone"), false);
    m_email = addLine(form, tr("&Email"), false);
    m_address = addLine(form, tr("&Address"), false);
    m_contactName = addLine(form, tr("Primary contact"), false);
    m_contactPhone = addLine(form, tr("Primary contact's phone"), false);
    m_documentType = addLine(form, tr("Document type"), false);
    m_language = addChoice(form, tr("First lan&guage"), StudentLabels::languageChoices());
    m_nationality = addLine(form, tr("Nationality"), false);
    m_notes = new QPlainTextEdit(this);
    m_notes->setAccessibleName(tr("Notes"));
    m_notes->setTabChangesFocus(true);
    form->addRow(tr("Notes"), m_notes);
}

QLineEdit *StudentFormDialog::addLine(QFormLayout *form, const QString &label, bool required)
{
    auto *edit = new QLineEdit(this);
    QString plain = label;
    edit->setAccessibleName(plain.remove(QLatin1Char('&')));
    form->addRow(required ? tr("%1 *", "required field").arg(label) : label, edit);
    return edit;
}

QComboBox *StudentFormDialog::addChoice(QFormLayout *form, const QString &label,
                                        const QList<QPair<QString, QString>> &choices)
{
    auto *combo = new QComboBox(this);
    combo->addItem(tr("(not given)"), QString());
    for (const auto &choice : choices) {
        combo->addItem(choice.first, choice.second);
    }
    QString plain = label;
    combo->setAccessibleName(plain.remove(QLatin1Char('&')));
    form->addRow(label, combo);
    return combo;
}

BirthDateEdit *StudentFormDialog::addBirthDate(QFormLayout *form)
{
    auto *edit = new BirthDateEdit(this);
    edit->lineEdit()->setAccessibleName(tr("Date of birth"));
    form->addRow(tr("%1 *", "required field").arg(tr("Date of &birth")), edit);
    return edit;
}

QString StudentFormDialog::comboValue(const QComboBox *combo)
{
    return combo->currentData().toString();
}

void StudentFormDialog::selectValue(QComboBox *combo, const QString &value)
{
    const int index = combo->findData(value);
    combo->setCurrentIndex(index >= 0 ? index : 0);
}

void StudentFormDialog::editStudent(const Student &existing)
{
    m_editing = existing;
    setWindowTitle(tr("Edit student"));
    m_firstName->setText(existing.firstName);
    m_lastName->setText(existing.lastName);
    m_nickname->setText(existing.nickname);
    m_birthDate->setDate(existing.dateOfBirth);
    selectValue(m_sex, existing.sex);
    m_address->setText(existing.address);
    m_phone1->setText(existing.phone1);
    m_phone2->setText(existing.phone2);
    m_email->setText(existing.email);
    m_contactName->setText(existing.contactName);
    m_contactPhone->setText(existing.contactPhone);
    m_documentType->setText(existing.documentType);
    selectValue(m_language, existing.language);
    m_nationality->setText(existing.nationality);
    m_notes->setPlainText(existing.notes);
}

Student StudentFormDialog::student() const
{
    Student student = m_editing; // keeps id, Salesforce Id and key when editing
    student.firstName = m_firstName->text().trimmed();
    student.lastName = m_lastName->text().trimmed();
    student.nickname = m_nickname->text().trimmed();
    student.dateOfBirth = m_birthDate->date();
    student.sex = comboValue(m_sex);
    student.address = m_address->text().trimmed();
    student.phone1 = m_phone1->text().trimmed();
    student.phone2 = m_phone2->text().trimmed();
    student.email = m_email->text().trimmed();
    student.contactName = m_contactName->text().trimmed();
    student.contactPhone = m_contactPhone->text().trimmed();
    student.documentType = m_documentType->text().trimmed();
    student.language = comboValue(m_language);
    student.nationality = m_nationality->text().trimmed();
    student.notes = m_notes->toPlainText().trimmed();
    return student;
}

QString StudentFormDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void StudentFormDialog::accept()
{
    if (!m_birthDate->isAcceptable()) { // a typo must not read as "not given"
        m_error->setText(m_birthDate->problem());
        m_error->show();
        m_birthDate->setFocus(Qt::OtherFocusReason);
        return;
    }
    const DomainError error = m_editing.id != 0
                                  ? m_repository.updateStudent(student())
                                  : m_repository.createStudent(student(), &m_createdId);
    if (!error.ok()) {
        m_error->setText(error.message);
        m_error->show();
        return;
    }
    QDialog::accept();
}

} // namespace pasalista
