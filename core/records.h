#pragma once

#include <QDate>
#include <QList>
#include <QMap>
#include <QString>

namespace pasalista {

// Plain values the domain hands to the UI and the CLI. `id` is the local key; `sfid` is
// the Salesforce Id once the record reached the org; `key` is its Pasalista_Id__c.

struct Program
{
    qint64 id = 0;
    QString sfid;
    QString name;
};

struct Teacher
{
    qint64 id = 0;
    QString sfid;
    QString email;
    QString firstName;
    QString lastName;
    QString phone;
    QString fullName() const;
};

struct Course
{
    qint64 id = 0;
    QString sfid;
    QString key;
    QString title;
    QDate startDate;
    QDate endDate;
    qint64 programId = 0;
    QString programName;
    qint64 facilitator1Id = 0;
    qint64 facilitator2Id = 0;
    QString facilitatorNames; // "Ana Pérez, Luis Gómez"
    QString notes;
    int enrolledCount = 0;
    // The weekdays (1 = Monday) it meets on, as its marks of its last six weeks tell (the
    // org has no class-days field); empty when it has no mark. Filled by course lists only.
    QList<int> classDays;
    // Active on a date: within its start and end dates (an open end counts as active).
    bool isActiveOn(const QDate &date) const;
    // Meets on a date: active then, on one of its class days (any day when none are known).
    bool meetsOn(const QDate &date) const;
};

struct Student
{
    qint64 id = 0;
    QString sfid;
    QString key;
    QString firstName;
    QString lastName;
    QString nickname;
    QDate dateOfBirth;
    QString sex; // picklist value: Female / Male
    QString address;
    QString phone1;
    QString phone2;
    QString email;
    QString contactName;
    QString contactPhone;
    QString documentType;
    QString language; // Spanish / Creole / Other
    QString nationality;
    QString notes;
    QString fullName() const; // "First Last"
};

struct Enrollment
{
    qint64 id = 0;
    QString sfid;
    QString key;
    qint64 courseId = 0;
    qint64 studentId = 0;
};

struct AttendanceMark
{
    qint64 id = 0;
    QString sfid;
    QString key;
    qint64 enrollmentId = 0;
    qint64 courseId = 0;
    qint64 studentId = 0;
    QDate date;
    int status = 0; // one of the mapping's attendance codes
    QString notes;
};

// How many marks of one status one student has (in one course).
struct StatusCount
{
    qint64 studentId = 0;
    int status = 0;
    int count = 0;
};

// Attendance counts for a course or a student over the days recorded.
struct AttendanceSummary
{
    qint64 studentId = 0; // set in per-student rows of a course report
    qint64 courseId = 0;  // set in per-course rows of a student report
    QString name;         // the student's or the course's name
    int recorded = 0;     // class days with a mark
    int present = 0;
    int absent = 0;
    int late = 0;
    int excused = 0;
    // Marks whose code has no meaning in the mapping, by code: in none of the counts above
    // (not even `recorded`), so a code the org adds is never taken for an absence.
    QMap<int, int> uncounted;
    int uncountedMarks() const;
    // Chronic absence is judged once this many class days are recorded: one absence on
    // the first day of a course is not a pattern.
    static constexpr int kChronicMinimumDays = 10;

    // Share of recorded days attended (present or late), 0..1; 0 when nothing recorded.
    double attendanceRate() const;
    // Share of recorded days missed, in whole percent rounded down (9.5 % reads 9 %, as it
    // is below the 10 % threshold); 0 when nothing recorded.
    int absencePercent() const;
    // Chronic absence: 10 % or more of the recorded class days missed, over at least
    // kChronicMinimumDays recorded days.
    bool chronicallyAbsent() const;
};

} // namespace pasalista
