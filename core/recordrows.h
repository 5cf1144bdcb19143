#pragma once

#include "records.h"

#include <QDate>
#include <QHash>
#include <QPair>
#include <QVariant>

namespace pasalista {

class LocalStore;
class Mapping;
class RoleTable;

// How the domain's records are read from the role tables and written back: row
// conversions, and the attendance marks of enrollments. Shared by Repository and the
// classes that do its writes (StudentEditor, EnrollmentEditor, AttendanceMarker).
class RecordRows
{
public:
    // Enrollment id -> (course id, student id).
    using EnrollmentOwners = QHash<qint64, QPair<qint64, qint64>>;

    // A record with the row's local id and Salesforce Id, the rest left to the caller.
    template <typename Record> static Record identifiedBy(const QVariantMap &row)
    {
        Record record;
        record.id = row.value(QStringLiteral("id")).toLongLong();
        record.sfid = row.value(QStringLiteral("sfid")).toString();
        return record;
    }
    // The same with the record's own key (the external Id).
    template <typename Record> static Record keyedBy(const QVariantMap &row)
    {
        Record record = identifiedBy<Record>(row);
        record.key = row.value(QStringLiteral("key")).toString();
        return record;
    }

    static QVariant textOrNull(const QString &text);
    static QDate dateFrom(const QVariant &value);
    static int statusFrom(const QVariant &value);
    static Student studentFromRow(const QVariantMap &row);
    static QVariantMap studentValues(const Mapping &mapping, const Student &student);
    static Course courseFromRow(const QVariantMap &row);
    static AttendanceMark markFromRow(const QVariantMap &row);

    static QString liveEnrollmentCondition(const LocalStore &store, const QString &logical);
    static EnrollmentOwners enrollmentsWhere(const LocalStore &store, const QString &logical,
                                             qint64 id);
    static QList<AttendanceMark> marksWhere(const LocalStore &store, const QString &logical,
                                            qint64 id, const QDate &onlyDate = {});
    static QList<AttendanceMark> marksOfEnrollments(const LocalStore &store,
                                                    const EnrollmentOwners &enrollments,
                                                    const QDate &onlyDate = {});

private:
    static QList<AttendanceMark> selectMarks(const RoleTable &attendance, QString where,
                                             QVariantList bindings,
                                             const EnrollmentOwners &enrollments,
                                             const QDate &onlyDate);
};

} // namespace pasalista
