// The demo programme: its sizes, its realism, its determinism, and that it is fast and
// leaves nothing to sync.
#include "domainfixture.h"

#include "reports.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSet>

using namespace pasalista;
using namespace pasalista::testing;

namespace {

const QDate kToday(2025, 5, 14); // a Wednesday

class DemoDataTest : public DomainFixture
{
protected:
    void SetUp() override
    {
        DomainFixture::SetUp();
        QElapsedTimer timer;
        timer.start();
        DemoData demo(*m_store, 7);
        ASSERT_TRUE(demo.populate(kToday)) << demo.errorString().toStdString();
        m_elapsedMs = timer.elapsed();
        m_counts = demo.counts();
    }

    qint64 m_elapsedMs = 0;
    DemoData::Counts m_counts;
};

TEST_F(DemoDataTest, HasTheProgrammesSizes)
{
    EXPECT_EQ(m_counts.programs, 3);
    EXPECT_GE(m_counts.teachers, 2);
    EXPECT_EQ(m_counts.courses, 8);
    EXPECT_EQ(m_counts.students, 150);
    EXPECT_EQ(m_repository->programs().size(), 3);
    EXPECT_EQ(m_repository->courses().size(), 8);
    EXPECT_EQ(m_repository->students().size(), 150);
    EXPECT_EQ(rowCount(Role::Attendance), m_counts.attendance);
    EXPECT_GT(m_counts.attendance, 2500);
    for (const Course &course : m_repository->courses()) {
        EXPECT_GE(course.enrolledCount, 15) << course.title.toStdString();
        EXPECT_LE(course.enrolledCount, 25) << course.title.toStdString();
        EXPECT_FALSE(course.programName.isEmpty());
        EXPECT_FALSE(course.facilitatorNames.isEmpty());
    }
}

TEST_F(DemoDataTest, IsSyncedAlreadyAndFast)
{
    EXPECT_EQ(m_store->pendingChangeCount(), 0);
    EXPECT_TRUE(outbox().isEmpty());
    // Thousands of rows in one transaction take about a second in a debug build; a commit
    // per row (an fsync each) would take far longer. Sanitizers slow everything several
    // times over, and the machine may be busy, hence the wide bounds.
#if defined(__SANITIZE_ADDRESS__)
    const qint64 boundMs = 20000;
#else
    const qint64 boundMs = 5000;
#endif
    EXPECT_LT(m_elapsedMs, boundMs);
    for (const Student &student : m_repository->students()) {
        EXPECT_EQ(student.sfid.size(), 18);
        EXPECT_FALSE(student.key.isEmpty());
        ASSERT_TRUE(m_repository->validateStudent(student).ok())
            << student.fullName().toStdString();
    }
}

TEST_F(DemoDataTest, CoursesAreMostlyActiveAndOneHasEnded)
{
    int active = 0;
    int ended = 0;
    for (const Course &course : m_repository->courses()) {
        active += course.isActiveOn(kToday) ? 1 : 0;
        ended += course.endDate < kToday ? 1 : 0;
    }
    EXPECT_GE(active, 5);
    EXPECT_EQ(ended, 1);
}

TEST_F(DemoDataTest, AttendanceCoversClassDaysUpToYesterday)
{
    QSet<int> weekdays;
    QDate first = kToday;
    QDate last;
    for (const Course &course : m_repository->courses()) {
        for (const AttendanceMark &mark : m_repository->attendanceOfCourse(course.id)) {
            weekdays.insert(mark.date.dayOfWeek());
            first = std::min(first, mark.date);
            last = std::max(last, mark.date);
            ASSERT_TRUE(course.isActiveOn(mark.date));
        }
    }
    EXPECT_FALSE(weekdays.contains(Qt::Saturday));
    EXPECT_FALSE(weekdays.contains(Qt::Sunday));
    EXPECT_EQ(last, kToday.addDays(-1));
    EXPECT_GE(first, kToday.addMonths(-3));
    EXPECT_LE(first, kToday.addMonths(-3).addDays(7));
}

TEST_F(DemoDataTest, LooksLikeTheDominicanProgramme)
{
    static const QRegularExpression phone(QStringLiteral("^(809|829|849)-555-\\d{4}$"));
    int inSantiago = 0;
    int accented = 0;
    for (const Student &student : m_repository->students()) {
        EXPECT_TRUE(phone.match(student.phone1).hasMatch()) << student.phone1.toStdString();
        EXPECT_TRUE(student.address.contains(str("Santo Domingo")) ||
                    student.address.contains(str("Santiago")));
        inSantiago += student.address.contains(str("Santiago")) ? 1 : 0;
        accented += student.fullName().contains(QRegularExpression(str("[áéíóúñÁÉÍÓÚÑ]"))) ? 1 : 0;
        const int age = student.dateOfBirth.daysTo(kToday) / 365;
        EXPECT_GE(age, 5);
        EXPECT_LE(age, 18);
    }
    EXPECT_GT(inSantiago, 20);
    EXPECT_GT(accented, 20);
}

TEST_F(DemoDataTest, AFewStudentsAreChronicallyAbsent)
{
    const Reports reports(*m_repository);
    int rows = 0;
    int chronic = 0;
    int absences = 0;
    int recorded = 0;
    for (const Course &course : m_repository->courses()) {
        QList<AttendanceSummary> report = reports.courseReport(course.id);
        const AttendanceSummary total = report.takeLast();
        absences += total.absent;
        recorded += total.recorded;
        for (const AttendanceSummary &row : std::as_const(report)) {
            ++rows;
            chronic += row.chronicallyAbsent() ? 1 : 0;
        }
    }
    EXPECT_GE(chronic, 3);
    EXPECT_LE(chronic, rows / 4);
    EXPECT_LT(double(absences) / recorded, 0.12);
}

TEST_F(DemoDataTest, IsDeterministicForASeed)
{
    QTemporaryDir other;
    LocalStore second(Mapping::dream());
    ASSERT_TRUE(second.open(other.filePath(QStringLiteral("local.sqlite"))));
    DemoData again(second, 7);
    ASSERT_TRUE(again.populate(kToday));
    EXPECT_EQ(again.counts().attendance, m_counts.attendance);
    EXPECT_EQ(again.counts().enrollments, m_counts.enrollments);
    const Repository secondRepository(second);
    const QList<Student> mine = m_repository->students();
    const QList<Student> theirs = secondRepository.students();
    ASSERT_EQ(mine.size(), theirs.size());
    for (qsizetype i = 0; i < mine.size(); ++i) {
        EXPECT_EQ(mine.at(i).fullName(), theirs.at(i).fullName());
        EXPECT_EQ(mine.at(i).sfid, theirs.at(i).sfid);
        EXPECT_EQ(mine.at(i).key, theirs.at(i).key);
    }
}

TEST_F(DemoDataTest, RefusesAStoreThatHoldsData)
{
    EXPECT_FALSE(DemoData::isEmpty(*m_store));
    DemoData again(*m_store);
    EXPECT_FALSE(again.populate(kToday));
    EXPECT_FALSE(again.errorString().isEmpty());
    EXPECT_EQ(m_repository->students().size(), 150);
}

TEST(DemoDataIds, FakeSalesforceIdsAreWellFormed)
{
    const QString id = DemoData::fakeSalesforceId(QStringLiteral("a0S"), 1);
    EXPECT_EQ(id.size(), 18);
    EXPECT_TRUE(id.startsWith(QStringLiteral("a0S")));
    // Suffix for "a0S5e0000000001": only 'S' (chunk 1, bit 2) is upper-case -> E, A, A.
    EXPECT_EQ(id.right(3), QStringLiteral("EAA"));
    EXPECT_NE(id, DemoData::fakeSalesforceId(QStringLiteral("a0S"), 2));
}

} // namespace
