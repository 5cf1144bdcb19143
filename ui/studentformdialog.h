#pragma once

#include "records.h"

#include <QDialog>

class QComboBox;
class QDateEdit;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace pasalista {

class Repository;

// Creates a student: a form with the required fields marked, checked by the domain on OK
// (its message is shown and the dialog stays open until the student is valid).
class StudentFormDialog : public QDialog
{
    Q_OBJECT

public:
    explicit StudentFormDialog(Repository &repository, QWidget *parent = nullptr);

    Student student() const; // the values as typed
    qint64 createdStudentId() const { return m_createdId; }
    QString errorText() const;
    QLineEdit *firstNameEdit() const { return m_firstName; }

public Q_SLOTS:
    void accept() override;

private:
    QLineEdit *addLine(QFormLayout *form, const QString &label, bool required);
    QComboBox *addChoice(QFormLayout *form, const QString &label,
                         const QList<QPair<QString, QString>> &choices);
    QDateEdit *addBirthDate(QFormLayout *form);
    void buildForm(QFormLayout *form);
    static QString comboValue(const QComboBox *combo);

    Repository &m_repository;
    qint64 m_createdId = 0;
    QLabel *m_error = nullptr;
    QLineEdit *m_firstName = nullptr;
    QLineEdit *m_lastName = nullptr;
    QLineEdit *m_nickname = nullptr;
    QDateEdit *m_birthDate = nullptr;
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
