#pragma once

#include "domainerror.h"
#include "records.h"
#include "roletable.h"

#include <QCoreApplication>

namespace pasalista {

class LocalStore;
class Repository;

// Repository's attendance writes: one mark (or re-mark) and "all present", each checked
// against the mapping's codes and the course's dates.
class AttendanceMarker
{
    Q_DECLARE_TR_FUNCTIONS(pasalista::Repository)

public:
    explicit AttendanceMarker(Repository &repository);

    DomainError markAttendance(qint64 courseId, qint64 studentId, const QDate &date, int status,
                               const QString &notes, bool confirmOutsideDates);
    DomainError markAllPresent(qint64 courseId, const QDate &date, bool confirmOutsideDates);

private:
    // A Pasalista_Id__c for a new mark of (enrollment, date) that no live row holds.
    std::optional<QString> freeMarkKey(const QString &enrollmentKey, const QDate &date);
    DomainError checkDay(const QDate &date) const;
    DomainError checkMarkable(const Course &course, const QDate &date, int status,
                              bool confirmOutsideDates) const;
    DomainError writeMark(const Course &course, const Student &student, const QDate &date,
                          int status, const QString &notes);

    Repository &m_repository;
    LocalStore &m_store;
};

} // namespace pasalista
