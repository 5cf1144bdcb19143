#pragma once

#include "records.h"

#include <QDialog>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace pasalista {

class BirthDateEdit;
class Repository;

// Creates a student, or edits one (editStudent): a form with the required fields marked,
// checked by the domain on OK (its message is shown and the dialog stays open until the
// student is valid).
class StudentFormDialog : public QDialog
{
    Q_OBJECT

public:
    explicit StudentFormDialog(Repository &repository, QWidget *parent = nullptr);

    // Turns the form into an editor of an existing student, filled with its values.
    void editStudent(const Student &existing);
    Student student() const; // the values as typed
    qint64 createdStudentId() const { return m_createdId; }
    QString errorText() const;
    QLineEdit *firstNameEdit() const { return m_firstName; }
    BirthDateEdit *birthDateEdit() const { return m_birthDate; }

public Q_SLOTS:
    void accept() override;

private:
    QLineEdit *addLine(QFormLayout *form, const QString &label, bool required);
    QComboBox *addChoice(QFormLayout *form, const QString &label,
                         const QList<QPair<QString, QString>> &choices);
    BirthDateEdit *addBirthDate(QFormLayout *form);
    void buildForm(QFormLayout *form);
    static QString comboValue(const QComboBox *combo);
    static void selectValue(QComboBox *combo, const QString &value);

    Repository &m_repository;
    qint64 m_createdId = 0;
    Student m_editing; // id 0 when creating
    QLabel *m_error = nullptr;
    QLineEdit *m_firstName = nullptr;
    QLineEdit *m_lastName = nullptr;
    QLineEdit *m_nickname = nullptr;
    BirthDateEdit *m_birthDate = nullptr;
    QComboBox *m_sex = nullptr;
    QLineEdit *m_address = nullptr;
    QLineEdit *m_phone1 = nullptr;
    QLineEdit *m_phone2 = nullptr;
    QLineEdit *m_email = nullptr;
    QLineEdit *m_contactName = nullptr;
    QLineEdit *m_contactPhone = nullptr;
    QLineEdit *m_documentType = nullptr;
    QComboBox *m_language = nullptr;
    QLineEdit *m_nationality = nullptr;
    QPlainTextEdit *m_notes = nullptr;
};

} // namespace pasalista
