#pragma once

#include "domainerror.h"

#include <QCoreApplication>

#include <optional>

namespace pasalista {

class LocalStore;
class Mapping;
class Repository;

// Repository's enrollment writes: enrolling (under a key two laptops derive alike) and
// unenrolling.
class EnrollmentEditor
{
    Q_DECLARE_TR_FUNCTIONS(pasalista::Repository)

public:
    explicit EnrollmentEditor(Repository &repository);

    DomainError enroll(qint64 courseId, qint64 studentId, qint64 *enrollmentId);
    DomainError unenroll(qint64 courseId, qint64 studentId);

private:
    // Frees an enrollment key held by an unenrolled row, or revives that row when its
    // delete has not gone out yet (returned); *ok is false on a store error.
    std::optional<qint64> releaseEnrollmentKey(const QString &key, bool *ok);
    const Mapping &mapping() const;

    Repository &m_repository;
    LocalStore &m_store;
};

} // namespace pasalista
