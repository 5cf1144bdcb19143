// Attendance reports on a hand-built dataset whose numbers are known, including the
// chronic absence threshold at exactly 10 %.
#include "domainfixture.h"

#include "reports.h"

#include <array>
#include <cmath>
#include <numeric>

using namespace pasalista;
using namespace pasalista::testing;

namespace {

// A summary's counts: recorded, present, absent, late, excused.
using Counts = std::array<int, 5>;

Counts countsOf(const AttendanceSummary &summary)
{
    return {summary.recorded, summary.present, summary.absent, summary.late, summary.excused};
}

TEST(AttendanceSummaryTest, ChronicAbsenceStartsAtExactlyTenPercent)
{
    AttendanceSummary summary;
    EXPECT_FALSE(summary.chronicallyAbsent()) << "nothing recorded";
    EXPECT_DOUBLE_EQ(summary.attendanceRate(), 0.0);
    summary.recorded = 20;
    summary.absent = 2;
    summary.present = 18;
    EXPECT_TRUE(summary.chronicallyAbsent());
    summary.recorded = 21;
    summary.present = 19;
    EXPECT_FALSE(summary.chronicallyAbsent()) << "2 of 21 is 9.5 %";
    summary.late = 1;
    summary.present = 18;
    EXPECT_DOUBLE_EQ(summary.attendanceRate(), 19.0 / 21.0) << "late counts as attended";
}

// Issue 14: one recorded absence made "chronic absence" beside an attendance of 0 %. The share
// missed is exact (rounded down, so never at the threshold without being over it), and
// chronic absence is judged only from kChronicMinimumDays recorded days on.
TEST(AttendanceSummaryTest, ChronicAbsenceNeedsEnoughDaysAndMatchesTheShareMissed)
{
    AttendanceSummary summary;
    EXPECT_EQ(summary.absencePercent(), 0) << "nothing recorded";
    summary.recorded = 1;
    summary.absent = 1;
    EXPECT_EQ(summary.absencePercent(), 100);
    EXPECT_FALSE(summary.chronicallyAbsent()) << "one absence on the first day";
    summary.recorded = AttendanceSummary::kChronicMinimumDays;
    EXPECT_EQ(summary.absencePercent(), 10);
    EXPECT_TRUE(summary.chronicallyAbsent());
    summary.recorded = 200;
    summary.absent = 19;
    EXPECT_EQ(summary.absencePercent(), 9) << "9.5 % is under the threshold, and reads so";
    EXPECT_FALSE(summary.chronicallyAbsent());
    summary.absent = 20;
    EXPECT_EQ(summary.absencePercent(), 10);
    EXPECT_TRUE(summary.chronicallyAbsent());
    for (int days = 1; days <= 60; ++days) {
        for (int absent = 0; absent <= days; ++absent) {
            summary.recorded = days;
            summary.absent = absent;
            if (summary.chronicallyAbsent()) {
                EXPECT_GE(summary.absencePercent(), 10) << absent << " of " << days;
            }
        }
    }
}

class ReportsTest : public DomainFixture
{
protected:
    void SetUp() override
    {
        DomainFixture::SetUp();
        m_courseId = addCourse(str("Matemáticas 3.º y 4.º"), m_start, m_start.addDays(120));
        m_otherCourseId = addCourse(str("Inglés básico"), m_start, m_start.addDays(120));
        m_ana = addEnrolledStudent(m_courseId, str("Ana"), str("Pérez"));
        m_luis = addEnrolledStudent(m_courseId, str("Luis"), str("Gómez"));
        m_rosa = addEnrolledStudent(m_courseId, str("Rosa"), str("Núñez"));
        m_juan = addEnrolledStudent(m_courseId, str("Juan"), str("Díaz")); // never marked
        ASSERT_TRUE(m_repository->enroll(m_otherCourseId, m_ana).ok());

        // Ana: 9 present, 1 unexcused absence: exactly 10 %, chronic.
        markDays(m_courseId, m_ana, {0, 0, 0, 0, 0, 0, 0, 0, 0, 1});
        // Luis: 8 present, 1 late, 1 excused late: no absence.
        markDays(m_courseId, m_luis, {0, 0, 0, 3, 0, 0, 4, 0, 0, 0});
        // Rosa: 10 present, 1 excused absence over 11 days: 9.1 %, not chronic.
        markDays(m_courseId, m_rosa, {0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0});
        // Ana in the other course: 2 present, 2 absent.
        markDays(m_otherCourseId, m_ana, {0, 1, 2, 0});
    }

    void markDays(qint64 courseId, qint64 studentId, const QList<int> &statuses)
    {
        for (int day = 0; day < statuses.size(); ++day) {
            const DomainError error = m_repository->markAttendance(
                courseId, studentId, m_start.addDays(day), statuses.at(day));
            ASSERT_TRUE(error.ok()) << error.message.toStdString();
        }
    }

    static AttendanceSummary rowOf(const QList<AttendanceSummary> &rows, qint64 studentId)
    {
        for (const AttendanceSummary &row : rows) {
            if (row.studentId == studentId) {
                return row;
            }
        }
        return {};
    }

    QDate m_start{2025, 2, 3};
    qint64 m_courseId = 0;
    qint64 m_otherCourseId = 0;
    qint64 m_ana = 0;
    qint64 m_luis = 0;
    qint64 m_rosa = 0;
    qint64 m_juan = 0;
};

TEST_F(ReportsTest, CourseReportCountsEachStudent)
{
    const QList<AttendanceSummary> rows = Reports(*m_repository).courseReport(m_courseId);
    ASSERT_EQ(rows.size(), 5) << "four students and the total";

    const AttendanceSummary ana = rowOf(rows, m_ana);
    EXPECT_EQ(ana.name, str("Ana Pérez"));
    EXPECT_EQ(countsOf(ana), (Counts{10, 9, 1, 0, 0}));
    EXPECT_DOUBLE_EQ(ana.attendanceRate(), 0.9);
    EXPECT_TRUE(ana.chronicallyAbsent());

    const AttendanceSummary luis = rowOf(rows, m_luis);
    EXPECT_EQ(countsOf(luis), (Counts{10, 8, 0, 2, 1}));
    EXPECT_DOUBLE_EQ(luis.attendanceRate(), 1.0);
    EXPECT_FALSE(luis.chronicallyAbsent());

    const AttendanceSummary rosa = rowOf(rows, m_rosa);
    EXPECT_EQ(rosa.recorded, 11);
    EXPECT_EQ(rosa.absent, 1);
    EXPECT_EQ(rosa.excused, 1);
    EXPECT_FALSE(rosa.chronicallyAbsent());

    const AttendanceSummary juan = rowOf(rows, m_juan);
    EXPECT_EQ(juan.name, str("Juan Díaz"));
    EXPECT_EQ(juan.recorded, 0);
    EXPECT_FALSE(juan.chronicallyAbsent());
}

TEST_F(ReportsTest, TotalsAddUpTheCourse)
{
    const Reports reports(*m_repository);
    const AttendanceSummary total = reports.courseTotals(m_courseId);
    EXPECT_EQ(total.studentId, 0);
    EXPECT_EQ(total.courseId, m_courseId);
    EXPECT_EQ(countsOf(total), (Counts{31, 27, 2, 2, 2}));
    EXPECT_DOUBLE_EQ(total.attendanceRate(), 29.0 / 31.0);
    const AttendanceSummary last = reports.courseReport(m_courseId).constLast();
    EXPECT_EQ(last.studentId, 0) << "the total row comes last";
    EXPECT_EQ(last.recorded, total.recorded);
}

TEST_F(ReportsTest, StudentReportHasOneRowPerCourse)
{
    const QList<AttendanceSummary> rows = Reports(*m_repository).studentReport(m_ana);
    ASSERT_EQ(rows.size(), 2);
    for (const AttendanceSummary &row : rows) {
        EXPECT_EQ(row.studentId, m_ana);
        if (row.courseId == m_otherCourseId) {
            EXPECT_EQ(row.name, str("Inglés básico"));
            EXPECT_EQ(row.recorded, 4);
            EXPECT_EQ(row.absent, 2);
            EXPECT_EQ(row.excused, 1);
            EXPECT_DOUBLE_EQ(row.attendanceRate(), 0.5);
            EXPECT_EQ(row.absencePercent(), 50);
            EXPECT_FALSE(row.chronicallyAbsent()) << "4 days recorded: too few to judge";
        } else {
            EXPECT_EQ(row.courseId, m_courseId);
            EXPECT_EQ(row.recorded, 10);
        }
    }
}

TEST_F(ReportsTest, ReMarkingChangesTheCountsNotTheDays)
{
    ASSERT_TRUE(m_repository->markAttendance(m_courseId, m_ana, m_start.addDays(9), 0).ok());
    const AttendanceSummary ana = rowOf(Reports(*m_repository).courseReport(m_courseId), m_ana);
    EXPECT_EQ(ana.recorded, 10);
    EXPECT_EQ(ana.absent, 0);
    EXPECT_FALSE(ana.chronicallyAbsent());
}

TEST_F(ReportsTest, UnenrolledStudentsAndUnknownCodesAreLeftOut)
{
    ASSERT_TRUE(m_repository->unenroll(m_courseId, m_luis).ok());
    // A code the mapping does not know, as if pulled from an org with a newer picklist.
    const Enrollment rosa = *m_repository->enrollment(m_courseId, m_rosa);
    ASSERT_TRUE(m_store->insertSynced(
        Role::Attendance, {{QStringLiteral("sfid"), nextSfid(QStringLiteral("a0A"))},
                           {LocalStore::refColumn(column(Role::Attendance, "enrollment")), rosa.id},
                           {column(Role::Attendance, "date"), m_start.addDays(40)},
                           {column(Role::Attendance, "status"), 9}}));
    const QList<AttendanceSummary> rows = Reports(*m_repository).courseReport(m_courseId);
    EXPECT_EQ(rows.size(), 4);
    EXPECT_EQ(rowOf(rows, m_luis).recorded, 0);
    EXPECT_EQ(rowOf(rows, m_rosa).recorded, 11);
    EXPECT_EQ(rows.constLast().recorded, 21);
}

// Issue 21: the org starts using code 5 ("Presente virtual"), which the mapping does not know.
// A student present 92 % of days (82 in class, 10 virtual, 8 absent) is neither shown at 82 %
// nor flagged chronic absence, and the report names the marks it could not count.
TEST_F(ReportsTest, ACodeWithNoMeaningIsCountedNowhereAndNamed)
{
    const qint64 courseId = addCourse(str("Ciencias"), m_start, m_start.addDays(200));
    const qint64 marta = addEnrolledStudent(courseId, str("Marta"), str("Rivas"));
    const Enrollment enrollment = *m_repository->enrollment(courseId, marta);
    for (int day = 0; day < 100; ++day) {
        const int status = day % 10 == 3 ? 5 : (day % 10 == 7 && day < 80 ? 1 : 0);
        ASSERT_TRUE(m_store->insertSynced(
            Role::Attendance,
            {{QStringLiteral("sfid"), nextSfid(QStringLiteral("a0A"))},
             {LocalStore::refColumn(column(Role::Attendance, "enrollment")), enrollment.id},
             {column(Role::Attendance, "date"), m_start.addDays(day)},
             {column(Role::Attendance, "status"), status}}));
    }
    const Reports reports(*m_repository);
    const AttendanceSummary row = rowOf(reports.courseReport(courseId), marta);
    EXPECT_EQ(countsOf(row), (Counts{90, 82, 8, 0, 0}));
    EXPECT_EQ(row.uncounted, (QMap<int, int>{{5, 10}}));
    EXPECT_FALSE(row.chronicallyAbsent()) << "8 absences in 90 counted days";
    EXPECT_NE(row.absencePercent(), 18);
    const QStringList notices = reports.uncountedNotices(row);
    ASSERT_EQ(notices.size(), 1);
    EXPECT_TRUE(notices.constFirst().contains(str("10 mark")));
    EXPECT_TRUE(notices.constFirst().contains(str("code ‘5’")))
        << notices.constFirst().toStdString();
    EXPECT_EQ(reports.courseTotals(courseId).uncounted, row.uncounted)
        << "the total names them too";
    const AttendanceSummary inStudentReport = rowOf(reports.studentReport(marta), marta);
    EXPECT_EQ(inStudentReport.uncounted, row.uncounted);
}

} // namespace

// Issue 25: a coordinator limits the report to a date range; both ends are included.
TEST_F(ReportsTest, DateRangeCountsOnlyTheDaysInIt)
{
    const Reports reports(*m_repository);
    // Ana's absence is on day 9, Luis's two lates on days 3 and 6.
    const QList<AttendanceSummary> rows =
        reports.courseReport(m_courseId, m_start.addDays(3), m_start.addDays(6));
    EXPECT_EQ(countsOf(rowOf(rows, m_ana)), (Counts{4, 4, 0, 0, 0}));
    EXPECT_EQ(countsOf(rowOf(rows, m_luis)), (Counts{4, 2, 0, 2, 1}));
    EXPECT_EQ(countsOf(rows.constLast()), (Counts{12, 9, 1, 2, 2})) << "the total too";
    const QList<AttendanceSummary> fromDayNine =
        reports.courseReport(m_courseId, m_start.addDays(9));
    EXPECT_EQ(countsOf(rowOf(fromDayNine, m_ana)), (Counts{1, 0, 1, 0, 0})) << "open end";
    EXPECT_EQ(countsOf(rowOf(reports.courseReport(m_courseId, {}, m_start), m_rosa)),
              (Counts{1, 1, 0, 0, 0}))
        << "open start";
    EXPECT_EQ(countsOf(rowOf(reports.courseReport(m_courseId), m_ana)),
              countsOf(rowOf(reports.courseReport(m_courseId, {}, {}), m_ana)));
}

// Issue 25: the present, late and absent shares of a row always add up to 100 %, by
// largest-remainder rounding (19 of 21 present and 2 absent read 90 % and 10 %, not 90 + 9).
TEST(WholePercentsTest, AddUpToOneHundred)
{
    EXPECT_EQ(Reports::wholePercents({19, 0, 2}), (QList<int>{90, 0, 10}));
    EXPECT_EQ(Reports::wholePercents({1, 1, 1}), (QList<int>{34, 33, 33}));
    EXPECT_EQ(Reports::wholePercents({0, 0, 0}), (QList<int>{0, 0, 0})) << "nothing recorded";
    EXPECT_EQ(Reports::wholePercents({7, 0, 0}), (QList<int>{100, 0, 0}));
    for (int present = 0; present <= 40; ++present) {
        for (int late = 0; late <= 40; ++late) {
            for (int absent = 1; absent <= 7; ++absent) {
                const QList<int> shares = Reports::wholePercents({present, late, absent});
                EXPECT_EQ(std::accumulate(shares.begin(), shares.end(), 0), 100)
                    << present << " " << late << " " << absent;
                const double total = present + late + absent;
                EXPECT_LE(std::abs(shares.at(2) - 100.0 * absent / total), 1.0);
            }
        }
    }
}

TEST_F(ReportsTest, StatusPercentsOfARowAddUp)
{
    const QList<AttendanceSummary> rows = Reports(*m_repository).courseReport(m_courseId);
    // Rosa: 10 present, 1 absent over 11 days: 90.9 % and 9.1 %.
    EXPECT_EQ(Reports::statusPercents(rowOf(rows, m_rosa)), (QList<int>{91, 0, 9}));
    // Luis: 8 present, 2 late.
    EXPECT_EQ(Reports::statusPercents(rowOf(rows, m_luis)), (QList<int>{80, 20, 0}));
}

// Issue 25: the coordinator's week-by-week view of a course (weeks start on Monday; late
// counts as attended), limited to the dates asked for.
TEST_F(ReportsTest, WeeklyRatesCountEachWeekOfTheCourse)
{
    ASSERT_EQ(m_start.dayOfWeek(), 1) << "the fixture starts on a Monday";
    const Reports reports(*m_repository);
    const QList<WeeklyRate> weeks = reports.weeklyRates(m_courseId);
    ASSERT_EQ(weeks.size(), 2);
    EXPECT_EQ(weeks.at(0).weekStart, m_start);
    EXPECT_EQ(weeks.at(0).recorded, 21) << "7 days of Ana, Luis and Rosa";
    EXPECT_EQ(weeks.at(0).attended, 20) << "Rosa's excused absence on day 5";
    EXPECT_EQ(weeks.at(1).weekStart, m_start.addDays(7));
    EXPECT_EQ(weeks.at(1).recorded, 10);
    EXPECT_EQ(weeks.at(1).attended, 9) << "Ana's absence on day 9";
    EXPECT_DOUBLE_EQ(weeks.at(1).rate(), 0.9);
    const QList<WeeklyRate> secondWeek = reports.weeklyRates(m_courseId, m_start.addDays(7));
    ASSERT_EQ(secondWeek.size(), 1);
    EXPECT_EQ(secondWeek.at(0).weekStart, m_start.addDays(7));
}

// Issue 25: across the teacher's courses, who missed 10 % or more (over enough days) and who
// missed three class days in a row; an excused absence is an absence, a present day ends a run.
TEST_F(ReportsTest, WatchListsAcrossCourses)
{
    const qint64 pedro = addEnrolledStudent(m_otherCourseId, str("Pedro"), str("Alba"));
    markDays(m_otherCourseId, pedro, {1, 1, 0, 1, 2, 1, 0});
    const Reports reports(*m_repository);

    const QList<WatchedStudent> chronic = reports.chronicAbsences();
    ASSERT_EQ(chronic.size(), 1);
    EXPECT_EQ(chronic.at(0).summary.studentId, m_ana);
    EXPECT_EQ(chronic.at(0).summary.courseId, m_courseId);
    EXPECT_EQ(chronic.at(0).course, str("Matemáticas 3.º y 4.º"));
    EXPECT_TRUE(reports.chronicAbsences(m_start, m_start.addDays(8)).isEmpty())
        << "before Ana's absence";

    const QList<WatchedStudent> streaks = reports.absenceStreaks();
    ASSERT_EQ(streaks.size(), 1) << "Ana's two absences in a row in Inglés are not three";
    EXPECT_EQ(streaks.at(0).summary.studentId, pedro);
    EXPECT_EQ(streaks.at(0).longestStreak, 3);
    EXPECT_EQ(streaks.at(0).streakFrom, m_start.addDays(3));
    EXPECT_EQ(streaks.at(0).streakTo, m_start.addDays(5));
    EXPECT_EQ(reports.absenceStreaks(2).size(), 2) << "Ana's run of two, with a lower bar";
    EXPECT_TRUE(reports.absenceStreaks(3, m_start.addDays(4)).isEmpty()) << "the run cut short";
}

// Issue 25: the absent share in a report's row is the one the chronic-absence rule reads
// (rounded down), and the row's shares still add up to 100 with the attended share beside it.
TEST(StatusPercentsTest, TheAbsentShareIsTheOneTheRuleReads)
{
    for (int present = 0; present <= 30; ++present) {
        for (int late = 0; late <= 10; ++late) {
            for (int absent = 0; absent <= 6; ++absent) {
                AttendanceSummary row;
                row.present = present;
                row.late = late;
                row.absent = absent;
                row.recorded = present + late + absent;
                const QList<int> shares = Reports::statusPercents(row);
                if (row.recorded == 0) {
                    EXPECT_EQ(shares, (QList<int>{0, 0, 0}));
                    continue;
                }
                EXPECT_EQ(std::accumulate(shares.begin(), shares.end(), 0), 100);
                EXPECT_EQ(shares.at(2), row.absencePercent());
                EXPECT_EQ(shares.at(0) + shares.at(1), Reports::attendedPercent(row));
                EXPECT_EQ(shares.at(2) >= 10, row.absent * 10 >= row.recorded)
                    << "a share of 10 % or more exactly when the rule's threshold is met";
            }
        }
    }
    AttendanceSummary twoOfTwentyOne;
    twoOfTwentyOne.recorded = 21;
    twoOfTwentyOne.present = 19;
    twoOfTwentyOne.absent = 2;
    EXPECT_EQ(Reports::statusPercents(twoOfTwentyOne), (QList<int>{91, 0, 9}));
}
