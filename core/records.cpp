#include "records.h"

#include <numeric>

namespace pasalista {

namespace {

QString joinedName(const QString &first, const QString &last)
{
    return QStringList{first.trimmed(), last.trimmed()}.join(QLatin1Char(' ')).trimmed();
}

} // namespace

QString Teacher::fullName() const
{
    const QString name = joinedName(firstName, lastName);
    return name.isEmpty() ? email : name;
}

bool Course::meetsOn(const QDate &date) const
{
    return isActiveOn(date) && (classDays.isEmpty() || classDays.contains(date.dayOfWeek()));
}

bool Course::isActiveOn(const QDate &date) const
{
    if (startDate.isValid() && date < startDate) {
        return false;
    }
    return !endDate.isValid() || date <= endDate;
}

QString Student::fullName() const
{
    return joinedName(firstName, lastName);
}

double AttendanceSummary::attendanceRate() const
{
    if (recorded <= 0) {
        return 0.0;
    }
    return double(present + late) / double(recorded);
}

int AttendanceSummary::uncountedMarks() const
{
    return std::accumulate(uncounted.cbegin(), uncounted.cend(), 0);
}

int AttendanceSummary::absencePercent() const
{
    return recorded > 0 ? absent * 100 / recorded : 0;
}

bool AttendanceSummary::chronicallyAbsent() const
{
    // Integer arithmetic so that exactly 10 % (e.g. 2 of 20) counts, free of rounding.
    return recorded >= kChronicMinimumDays && absent * 10 >= recorded;
}

} // namespace pasalista
