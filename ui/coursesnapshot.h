#pragma once

#include "records.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QMetaType>

namespace pasalista {

// What the window asks the background reader for: one course's roster and marks of a day,
// and on demand the course list and the course's report.
struct CourseRequest
{
    quint64 ticket = 0; // set by CourseLoader; only the latest request's answer is shown
    bool courses = false;
    qint64 courseId = 0;
    QDate date;
    bool report = false;
};

// The answer: read on the reader's own connection, applied to the models on the GUI thread.
struct CourseSnapshot
{
    CourseRequest request;
    QList<Course> courses;
    QList<Student> roster;
    QHash<qint64, AttendanceMark> marks; // student id -> mark on request.date
    QList<AttendanceSummary> report;
};

} // namespace pasalista

Q_DECLARE_METATYPE(pasalista::CourseRequest)
Q_DECLARE_METATYPE(pasalista::CourseSnapshot)
