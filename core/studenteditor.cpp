#include "studenteditor.h"

#include "logging.h"
#include "recordrows.h"
#include "repository.h"
#include "roletable.h"

#include <QRegularExpression>

namespace pasalista {

namespace {

bool isValidEmail(const QString &email)
{
    static const QRegularExpression shape(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]{2,}$"));
    return shape.match(email).hasMatch();
}

bool isValidPhone(const QString &phone)
{
    static const QRegularExpression shape(QStringLiteral("^\\+?[0-9 ().\\-]+$"));
    int digits = 0;
    for (const QChar c : phone) {
        digits += c.isDigit() ? 1 : 0;
    }
    return shape.match(phone).hasMatch() && digits >= 7 && digits <= 15;
}

} // namespace

StudentEditor::StudentEditor(Repository &repository)
    : m_repository(repository), m_store(repository.store())
{
}

DomainError StudentEditor::validate(const Mapping &mapping, const Student &student)
{
    const QList<QPair<QString, QString>> required = {
        {QStringLiteral("first_name"), student.firstName},
        {QStringLiteral("last_name"), student.lastName},
        {QStringLiteral("phone_1"), student.phone1}};
    const QStringList labels = {tr("First name"), tr("Last name"), tr("Phone 1")};
    for (int i = 0; i < required.size(); ++i) {
        const bool mapped = !mapping.column(Role::Student, required.at(i).first).isEmpty();
        if (mapped && required.at(i).second.trimmed().isEmpty()) {
            return DomainError::refusal(DomainError::Code::MissingField,
                                        tr("%1 is required.").arg(labels.at(i)));
        }
    }
    if (!mapping.column(Role::Student, QStringLiteral("date_of_birth")).isEmpty() &&
        student.dateOfBirth.isNull()) {
        return DomainError::refusal(DomainError::Code::MissingField,
                                    tr("Date of birth is required."));
    }
    if (!student.dateOfBirth.isNull() &&
        (!student.dateOfBirth.isValid() || student.dateOfBirth > QDate::currentDate() ||
         student.dateOfBirth.year() < 1900)) {
        return DomainError::refusal(DomainError::Code::InvalidValue,
                                    tr("Date of birth must be a real date, not in the future."));
    }
    if (!student.sex.isEmpty() && !Repository::sexValues().contains(student.sex)) {
        return DomainError::refusal(
            DomainError::Code::InvalidValue,
            tr("Sex must be one of: %1.").arg(Repository::sexValues().join(QStringLiteral(", "))));
    }
    if (!student.language.isEmpty() && !Repository::languageValues().contains(student.language)) {
        return DomainError::refusal(
            DomainError::Code::InvalidValue,
            tr("Main language must be one of: %1.")
                .arg(Repository::languageValues().join(QStringLiteral(", "))));
    }
    if (!student.email.trimmed().isEmpty() && !isValidEmail(student.email.trimmed())) {
        return DomainError::refusal(
            DomainError::Code::InvalidValue,
            tr("\"%1\" is not an email address.").arg(student.email.trimmed()));
    }
    for (const QString &phone : {student.phone1, student.phone2, student.contactPhone}) {
        if (!phone.trimmed().isEmpty() && !isValidPhone(phone.trimmed())) {
            return DomainError::refusal(DomainError::Code::InvalidValue,
                                        tr("\"%1\" is not a phone number.").arg(phone.trimmed()));
        }
    }
    return {};
}

DomainError StudentEditor::create(const Student &student, qint64 *id)
{
    if (const DomainError invalid = validate(m_repository.mapping(), student)) {
        return invalid;
    }
    QVariantMap values = RecordRows::studentValues(m_repository.mapping(), student);
    if (!student.key.isEmpty()) {
        values.insert(RoleTable::keyColumnName(), student.key);
    }
    const auto created = m_store.insertLocal(Role::Student, values);
    if (!created) {
        return m_repository.storageError();
    }
    if (id) {
        *id = *created;
    }
    qCDebug(lcDomain) << "created student" << *created;
    Q_EMIT m_repository.dataChanged();
    return {};
}

DomainError StudentEditor::update(const Student &student)
{
    const auto current = m_repository.student(student.id);
    if (!current) {
        return DomainError::refusal(DomainError::Code::NotFound,
                                    tr("The student no longer exists."));
    }
    if (const DomainError invalid = validate(m_repository.mapping(), student)) {
        return invalid;
    }
    const QVariantMap before = RecordRows::studentValues(m_repository.mapping(), *current);
    const QVariantMap after = RecordRows::studentValues(m_repository.mapping(), student);
    QVariantMap changes;
    for (auto it = after.begin(); it != after.end(); ++it) {
        if (before.value(it.key()).toString() != it.value().toString()) {
            changes.insert(it.key(), it.value());
        }
    }
    if (changes.isEmpty()) {
        return {};
    }
    if (!m_store.updateLocal(Role::Student, student.id, changes)) {
        return m_repository.storageError();
    }
    Q_EMIT m_repository.dataChanged();
    return {};
}

} // namespace pasalista
