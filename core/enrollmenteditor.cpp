#include "enrollmenteditor.h"

#include "repository.h"
#include "roletable.h"
#include "store/outbox.h"

namespace pasalista {

namespace {

// A record's identity across laptops: our key when it has one (made by a laptop), else
// the org's Id (made in the org, which never gives it our key later).
QString identityOf(const QString &key, const QString &sfid)
{
    return key.isEmpty() ? sfid : key;
}

} // namespace

EnrollmentEditor::EnrollmentEditor(Repository &repository)
    : m_repository(repository), m_store(repository.store())
{
}

const Mapping &EnrollmentEditor::mapping() const
{
    return m_store.mapping();
}

DomainError EnrollmentEditor::enroll(qint64 courseId, qint64 studentId, qint64 *enrollmentId)
{
    const auto theCourse = m_repository.course(courseId);
    const auto theStudent = m_repository.student(studentId);
    if (!theCourse || !theStudent) {
        return Repository::notFound(theCourse.has_value());
    }
    if (m_repository.enrollment(courseId, studentId)) {
        return DomainError::refusal(
            DomainError::Code::AlreadyEnrolled,
            tr("%1 is already enrolled in %2.").arg(theStudent->fullName(), theCourse->title));
    }
    // No live enrollment of this course and student here: a live row holding an earlier
    // generation's key is one the office gave to another student or course. A deleted
    // holder is revived or released below, as before.
    const QString courseKey = identityOf(theCourse->key, theCourse->sfid);
    const QString studentKey = identityOf(theStudent->key, theStudent->sfid);
    qint64 deletedHolder = 0;
    const auto key = m_repository.unheldKey(
        Role::Enrollment,
        [&](int generation) {
            return Repository::enrollmentKey(courseKey, studentKey, generation);
        },
        &deletedHolder);
    if (!key) {
        return m_repository.storageError();
    }
    bool released = false;
    if (const auto revived = releaseEnrollmentKey(*key, &released)) {
        if (enrollmentId) {
            *enrollmentId = *revived;
        }
        Q_EMIT m_repository.dataChanged();
        return {};
    }
    if (!released) {
        return m_repository.storageError();
    }
    const RoleTable table(m_store, Role::Enrollment);
    const QVariantMap values = {
        {RoleTable::keyColumnName(), *key},
        {LocalStore::refColumn(table.rawColumn(QStringLiteral("course"))), courseId},
        {LocalStore::refColumn(table.rawColumn(QStringLiteral("student"))), studentId}};
    const auto created = m_store.insertLocal(Role::Enrollment, values);
    if (!created) {
        return m_repository.storageError();
    }
    if (enrollmentId) {
        *enrollmentId = *created;
    }
    Q_EMIT m_repository.dataChanged();
    return {};
}

std::optional<qint64> EnrollmentEditor::releaseEnrollmentKey(const QString &key, bool *ok)
{
    *ok = true;
    const auto old = m_store.idByColumn(Role::Enrollment, RoleTable::keyColumnName(), key);
    if (!old) {
        return std::nullopt;
    }
    Outbox outbox(m_store);
    const QString table = mapping().table(Role::Enrollment);
    if (outbox.hasUnsettled(table, *old, QStringLiteral("DELETE")).value_or(false)) {
        // Unenrolled and enrolled again before the delete went out: the delete is
        // withdrawn and the record lives on, as the org still has it.
        // A creation not sent yet still is: the row stays pending.
        bool stillUnsent = false;
        *ok = m_store.begin() && outbox.withdrawDelete(table, *old, &stillUnsent) &&
              m_store.writeSynced(
                  Role::Enrollment, *old,
                  {{QStringLiteral("isdeleted"), 0},
                   {kLastOpColumn, lastOpName(stillUnsent ? LastOp::Pending : LastOp::Synced)}}) &&
              m_store.commit();
        if (!*ok) {
            m_store.rollback();
        }
        return *ok ? old : std::nullopt;
    }
    // Its delete already reached the org, where a deleted record no longer holds the key:
    // the old row lets go of it here too.
    *ok = m_store.writeSynced(Role::Enrollment, *old, {{RoleTable::keyColumnName(), QVariant()}});
    return std::nullopt;
}

DomainError EnrollmentEditor::unenroll(qint64 courseId, qint64 studentId)
{
    const auto existing = m_repository.enrollment(courseId, studentId);
    if (!existing) {
        return DomainError::refusal(DomainError::Code::NotEnrolled,
                                    tr("The student is not enrolled in this course."));
    }
    if (!m_store.deleteLocal(Role::Enrollment, existing->id)) {
        return m_repository.storageError();
    }
    Q_EMIT m_repository.dataChanged();
    return {};
}

} // namespace pasalista
