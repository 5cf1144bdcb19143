// Domain rules of Repository over a real SQLite store: every write lands in the outbox
// with its values and base values, and every refusal says why.
#include "domainfixture.h"

#include <QSignalSpy>
#include <QSqlQuery>

#include <QUuid>
#include <functional>

using namespace pasalista;
using namespace pasalista::testing;

namespace {

class RepositoryTest : public DomainFixture
{
protected:
    void SetUp() override
    {
        DomainFixture::SetUp();
        m_programId = addProgram(str("Lectura y Escritura"));
        m_teacherId = addTeacher(str("Yokasta"), str("Jiménez"));
        m_courseId = addCourse(str("Lectura inicial"), m_start, m_end, m_programId, m_teacherId);
        m_anaId = addEnrolledStudent(m_courseId, str("Ana"), str("Pérez"));
    }

    DomainError mark(qint64 studentId, const QDate &date, int status, const QString &notes = {},
                     bool confirm = false)
    {
        return m_repository->markAttendance(m_courseId, studentId, date, status, notes, confirm);
    }

    QDate m_start{2025, 2, 3};
    QDate m_end{2025, 6, 27};
    QDate m_classDay{2025, 3, 5};
    qint64 m_programId = 0;
    qint64 m_teacherId = 0;
    qint64 m_courseId = 0;
    qint64 m_anaId = 0;
};

TEST_F(RepositoryTest, CoursesCarryProgramFacilitatorsAndEnrolledCount)
{
    addEnrolledStudent(m_courseId, str("Luis"), str("Gómez"));
    const QList<Course> courses = m_repository->courses();
    ASSERT_EQ(courses.size(), 1);
    EXPECT_EQ(courses.first().title, str("Lectura inicial"));
    EXPECT_EQ(courses.first().programName, str("Lectura y Escritura"));
    EXPECT_EQ(courses.first().facilitatorNames, str("Yokasta Jiménez"));
    EXPECT_EQ(courses.first().enrolledCount, 2);
    EXPECT_EQ(courses.first().startDate, m_start);
    EXPECT_EQ(courses.first().endDate, m_end);
    EXPECT_EQ(m_repository->programs().size(), 1);
    EXPECT_EQ(m_repository->teachers().size(), 1);
}

TEST_F(RepositoryTest, CreateStudentLogsAnInsertWithItsValuesAndAKey)
{
    const QList<OutboxEntry> entries = outbox();
    // Ana's insert and her enrollment's insert.
    ASSERT_EQ(entries.size(), 2);
    const OutboxEntry &insert = entries.first();
    EXPECT_EQ(insert.action, QStringLiteral("INSERT"));
    EXPECT_EQ(insert.tableName, mapping().table(Role::Student));
    EXPECT_EQ(insert.recordId, m_anaId);
    EXPECT_EQ(insert.state, outbox::New);
    EXPECT_EQ(insert.values.value(column(Role::Student, "first_name")).toString(), str("Ana"));
    EXPECT_EQ(insert.values.value(column(Role::Student, "last_name")).toString(), str("Pérez"));
    EXPECT_EQ(insert.values.value(column(Role::Student, "date_of_birth")).toString(),
              QStringLiteral("2014-03-09"));
    EXPECT_FALSE(
        QUuid::fromString(insert.values.value(QStringLiteral("pasalista_id__c")).toString())
            .isNull());
    const auto student = m_repository->student(m_anaId);
    ASSERT_TRUE(student);
    EXPECT_EQ(student->key, insert.values.value(QStringLiteral("pasalista_id__c")).toString());
}

TEST_F(RepositoryTest, EnrollmentLogsBothLookupsByLocalIdAndSalesforceId)
{
    const OutboxEntry enrollment = outbox().last();
    EXPECT_EQ(enrollment.tableName, mapping().table(Role::Enrollment));
    const QString courseColumn = column(Role::Enrollment, "course");
    EXPECT_EQ(enrollment.values.value(LocalStore::refColumn(courseColumn)).toLongLong(),
              m_courseId);
    EXPECT_EQ(enrollment.values.value(courseColumn).toString(),
              m_repository->course(m_courseId)->sfid);
    EXPECT_EQ(enrollment.values.value(LocalStore::refColumn(column(Role::Enrollment, "student")))
                  .toLongLong(),
              m_anaId);
}

TEST_F(RepositoryTest, RequiredStudentFieldsAreRefusedWhenEmpty)
{
    const QList<std::function<void(Student &)>> blankers = {
        [](Student &s) { s.firstName = QStringLiteral("  "); },
        [](Student &s) { s.lastName.clear(); },
        [](Student &s) { s.dateOfBirth = QDate(); },
        [](Student &s) { s.phone1.clear(); },
    };
    for (const auto &blank : blankers) {
        Student student = validStudent(str("Luis"), str("Gómez"));
        blank(student);
        const DomainError error = m_repository->createStudent(student);
        EXPECT_EQ(error.code, DomainError::Code::MissingField);
        EXPECT_FALSE(error.message.isEmpty());
    }
    EXPECT_EQ(m_repository->students().size(), 1);
}

TEST_F(RepositoryTest, MalformedStudentValuesAreRefused)
{
    const QList<std::function<void(Student &)>> breakers = {
        [](Student &s) { s.sex = QStringLiteral("Other"); },
        [](Student &s) { s.language = QStringLiteral("French"); },
        [](Student &s) { s.email = QStringLiteral("ana.perez@"); },
        [](Student &s) { s.email = QStringLiteral("ana perez@example.org"); },
        [](Student &s) { s.dateOfBirth = QDate::currentDate().addDays(1); },
        [](Student &s) { s.phone1 = QStringLiteral("call me"); },
        [](Student &s) { s.phone2 = QStringLiteral("12"); },
    };
    for (const auto &breakIt : breakers) {
        Student student = validStudent(str("Luis"), str("Gómez"));
        breakIt(student);
        const DomainError error = m_repository->validateStudent(student);
        EXPECT_EQ(error.code, DomainError::Code::InvalidValue) << error.message.toStdString();
        EXPECT_FALSE(error.message.isEmpty());
    }
    Student fine = validStudent(str("Luis"), str("Gómez"));
    fine.email = QStringLiteral("luis.gomez@example.org");
    fine.sex = QStringLiteral("Male");
    fine.language = QStringLiteral("Creole");
    fine.phone2 = QStringLiteral("+1 (829) 555-0199");
    EXPECT_TRUE(m_repository->validateStudent(fine).ok());
}

TEST_F(RepositoryTest, UpdateStudentLogsOnlyChangedFieldsWithTheirBase)
{
    Student ana = *m_repository->student(m_anaId);
    ana.phone1 = QStringLiteral("829-555-0202");
    ana.nickname = str("Anita");
    ASSERT_TRUE(m_repository->updateStudent(ana).ok());
    const OutboxEntry update = outbox().last();
    EXPECT_EQ(update.action, QStringLiteral("UPDATE"));
    EXPECT_EQ(update.recordId, m_anaId);
    EXPECT_EQ(update.values.size(), 2);
    EXPECT_EQ(update.values.value(column(Role::Student, "phone_1")).toString(),
              QStringLiteral("829-555-0202"));
    EXPECT_EQ(update.old.value(column(Role::Student, "phone_1")).toString(),
              QStringLiteral("809-555-0101"));
    EXPECT_EQ(update.values.value(column(Role::Student, "nickname")).toString(), str("Anita"));

    const int before = int(outbox().size());
    EXPECT_TRUE(m_repository->updateStudent(ana).ok());
    EXPECT_EQ(outbox().size(), before) << "saving unchanged values logs nothing";

    ana.lastName.clear();
    EXPECT_EQ(m_repository->updateStudent(ana).code, DomainError::Code::MissingField);
}

TEST_F(RepositoryTest, AStudentIsEnrolledInACourseOnce)
{
    const DomainError again = m_repository->enroll(m_courseId, m_anaId);
    EXPECT_EQ(again.code, DomainError::Code::AlreadyEnrolled);
    EXPECT_TRUE(again.message.contains(str("Ana Pérez")));
    EXPECT_EQ(m_repository->roster(m_courseId).size(), 1);
}

TEST_F(RepositoryTest, EnrollmentKeyIsDerivedFromTheCourseAndTheStudent)
{
    const Enrollment enrollment = *m_repository->enrollment(m_courseId, m_anaId);
    const Course course = *m_repository->course(m_courseId);
    const Student ana = *m_repository->student(m_anaId);
    EXPECT_EQ(enrollment.key, Repository::enrollmentKey(course.key, ana.key))
        << "two laptops enrolling the same student make one record";
    EXPECT_NE(enrollment.key, Repository::enrollmentKey(course.key, str("another-student")));
}

TEST_F(RepositoryTest, UnenrollThenEnrollAgainBeforeSyncingKeepsOneEnrollment)
{
    const Enrollment first = *m_repository->enrollment(m_courseId, m_anaId);
    ASSERT_TRUE(m_repository->unenroll(m_courseId, m_anaId).ok());
    EXPECT_FALSE(m_repository->enrollment(m_courseId, m_anaId));
    EXPECT_TRUE(m_repository->roster(m_courseId).isEmpty());
    EXPECT_EQ(outbox().last().action, QStringLiteral("DELETE"));
    EXPECT_EQ(m_repository->unenroll(m_courseId, m_anaId).code, DomainError::Code::NotEnrolled);

    ASSERT_TRUE(m_repository->enroll(m_courseId, m_anaId).ok());
    const auto second = m_repository->enrollment(m_courseId, m_anaId);
    ASSERT_TRUE(second);
    EXPECT_EQ(second->id, first.id) << "the unenrollment is withdrawn";
    EXPECT_EQ(second->key, first.key);
    EXPECT_EQ(outbox().last().state, QStringLiteral("IGNORED"));
    EXPECT_EQ(m_repository->roster(m_courseId).size(), 1);
}

TEST_F(RepositoryTest, EnrollAgainAfterTheUnenrollmentWentOutMakesANewRecordWithTheSameKey)
{
    const Enrollment first = *m_repository->enrollment(m_courseId, m_anaId);
    ASSERT_TRUE(m_repository->unenroll(m_courseId, m_anaId).ok());
    QSqlQuery sent(m_store->database());
    ASSERT_TRUE(sent.exec(QStringLiteral("UPDATE _trigger_log SET state = 'SUCCESS'")));

    ASSERT_TRUE(m_repository->enroll(m_courseId, m_anaId).ok());
    const auto second = m_repository->enrollment(m_courseId, m_anaId);
    ASSERT_TRUE(second);
    EXPECT_NE(second->id, first.id);
    EXPECT_EQ(second->key, first.key) << "the org no longer holds the key of a deleted record";
    EXPECT_EQ(m_repository->roster(m_courseId).size(), 1);
}

TEST_F(RepositoryTest, AttendanceNeedsAnEnrollment)
{
    const qint64 luis = addStudent(str("Luis"), str("Gómez"));
    const DomainError error = mark(luis, m_classDay, 0);
    EXPECT_EQ(error.code, DomainError::Code::NotEnrolled);
    EXPECT_TRUE(error.message.contains(str("Luis Gómez")));
    EXPECT_EQ(rowCount(Role::Attendance), 0);
}

TEST_F(RepositoryTest, MarkingWritesKeyStudentFieldsAndAnOutboxInsert)
{
    ASSERT_TRUE(mark(m_anaId, m_classDay, 1, str("Lluvia, no vino")).ok());
    const QHash<qint64, AttendanceMark> day = m_repository->attendanceOn(m_courseId, m_classDay);
    ASSERT_EQ(day.size(), 1);
    const AttendanceMark saved = day.value(m_anaId);
    EXPECT_EQ(saved.status, 1);
    EXPECT_EQ(saved.notes, str("Lluvia, no vino"));
    EXPECT_EQ(saved.courseId, m_courseId);
    const Enrollment enrollment = *m_repository->enrollment(m_courseId, m_anaId);
    EXPECT_EQ(saved.enrollmentId, enrollment.id);
    EXPECT_EQ(saved.key, Repository::attendanceKey(enrollment.key, m_classDay));

    const OutboxEntry insert = outbox().last();
    EXPECT_EQ(insert.action, QStringLiteral("INSERT"));
    EXPECT_EQ(insert.tableName, mapping().table(Role::Attendance));
    EXPECT_EQ(insert.values.value(column(Role::Attendance, "date")).toString(),
              QStringLiteral("2025-03-05"));
    EXPECT_EQ(insert.values.value(column(Role::Attendance, "status")).toInt(), 1);
    EXPECT_EQ(insert.values.value(column(Role::Attendance, "student_name")).toString(),
              str("Ana Pérez"));
    // Student_Id__c holds a Salesforce Id; Ana was created offline and has none yet.
    EXPECT_FALSE(insert.values.contains(column(Role::Attendance, "student_id")));
    EXPECT_EQ(insert.values.value(QStringLiteral("pasalista_id__c")).toString(), saved.key);
}

TEST_F(RepositoryTest, ReMarkingUpdatesTheSameRecord)
{
    ASSERT_TRUE(mark(m_anaId, m_classDay, 0).ok());
    ASSERT_TRUE(mark(m_anaId, m_classDay, 3, str("Llegó 15 min tarde")).ok());
    EXPECT_EQ(rowCount(Role::Attendance), 1);
    EXPECT_EQ(m_repository->attendanceOn(m_courseId, m_classDay).value(m_anaId).status, 3);

    const OutboxEntry update = outbox().last();
    EXPECT_EQ(update.action, QStringLiteral("UPDATE"));
    EXPECT_EQ(update.values.value(column(Role::Attendance, "status")).toInt(), 3);
    EXPECT_EQ(update.old.value(column(Role::Attendance, "status")).toInt(), 0);
    EXPECT_EQ(update.values.value(column(Role::Attendance, "notes")).toString(),
              str("Llegó 15 min tarde"));

    const int before = int(outbox().size());
    ASSERT_TRUE(mark(m_anaId, m_classDay, 3, str("Llegó 15 min tarde")).ok());
    EXPECT_EQ(outbox().size(), before) << "the same mark again changes nothing";
}

TEST_F(RepositoryTest, StatusMustBeOneOfTheMappingsCodes)
{
    for (int status : {-1, 5, 7}) {
        const DomainError error = mark(m_anaId, m_classDay, status);
        EXPECT_EQ(error.code, DomainError::Code::InvalidStatus);
        EXPECT_TRUE(error.message.contains(QStringLiteral("Present")));
    }
    EXPECT_EQ(rowCount(Role::Attendance), 0);
    EXPECT_EQ(mark(m_anaId, QDate(), 0).code, DomainError::Code::InvalidValue);
}

TEST_F(RepositoryTest, DatesOutsideTheCourseNeedConfirmation)
{
    for (const QDate &outside : {m_start.addDays(-1), m_end.addDays(1)}) {
        const DomainError error = mark(m_anaId, outside, 0);
        EXPECT_EQ(error.code, DomainError::Code::OutsideCourseDates);
        EXPECT_TRUE(error.message.contains(outside.toString(Qt::ISODate)));
    }
    EXPECT_EQ(rowCount(Role::Attendance), 0);
    EXPECT_TRUE(mark(m_anaId, m_start, 0).ok());
    EXPECT_TRUE(mark(m_anaId, m_end, 0).ok());
    EXPECT_TRUE(mark(m_anaId, m_end.addDays(1), 0, {}, true).ok());
    EXPECT_EQ(rowCount(Role::Attendance), 3);
}

TEST_F(RepositoryTest, AttendanceKeyIsADeterministicUuidV5)
{
    const QDate date(2025, 3, 5);
    const QString key = Repository::attendanceKey(QStringLiteral("enr-1"), date);
    EXPECT_EQ(key, Repository::attendanceKey(QStringLiteral("enr-1"), date));
    EXPECT_NE(key, Repository::attendanceKey(QStringLiteral("enr-1"), date.addDays(1)));
    EXPECT_NE(key, Repository::attendanceKey(QStringLiteral("enr-2"), date));
    const QUuid uuid = QUuid::fromString(key);
    EXPECT_FALSE(uuid.isNull());
    EXPECT_EQ(uuid.version(), QUuid::Sha1);
    // Pinned (and equal to Python's uuid.uuid5 of the same namespace and name): a change
    // here would fork every attendance record already in an org into twins.
    EXPECT_EQ(key, QStringLiteral("a7d903ea-775b-5d3d-af48-66e3c0b28ade"));
}

TEST_F(RepositoryTest, EnrollmentWithoutKeyUsesItsSalesforceIdForAttendanceKeys)
{
    const qint64 luis = addStudent(str("Luis"), str("Gómez"));
    const QString enrollmentSfid = nextSfid(QStringLiteral("a0E"));
    const QString courseColumn = column(Role::Enrollment, "course");
    const QString studentColumn = column(Role::Enrollment, "student");
    ASSERT_TRUE(
        m_store->insertSynced(Role::Enrollment, {{QStringLiteral("sfid"), enrollmentSfid},
                                                 {LocalStore::refColumn(courseColumn), m_courseId},
                                                 {LocalStore::refColumn(studentColumn), luis}}));
    ASSERT_TRUE(mark(luis, m_classDay, 0).ok());
    EXPECT_EQ(m_repository->attendanceOn(m_courseId, m_classDay).value(luis).key,
              Repository::attendanceKey(enrollmentSfid, m_classDay));
}

TEST_F(RepositoryTest, AttendanceOfASyncedStudentCarriesItsSalesforceId)
{
    const QString studentSfid = nextSfid(QStringLiteral("a0S"));
    const auto rosa =
        m_store->insertSynced(Role::Student, {{QStringLiteral("sfid"), studentSfid},
                                              {column(Role::Student, "first_name"), str("Rosa")},
                                              {column(Role::Student, "last_name"), str("Núñez")}});
    ASSERT_TRUE(rosa);
    ASSERT_TRUE(m_repository->enroll(m_courseId, *rosa).ok());
    ASSERT_TRUE(mark(*rosa, m_classDay, 0).ok());
    const OutboxEntry insert = outbox().last();
    EXPECT_EQ(insert.values.value(column(Role::Attendance, "student_id")).toString(), studentSfid);
    EXPECT_EQ(insert.values.value(column(Role::Attendance, "student_name")).toString(),
              str("Rosa Núñez"));
    const QList<OutboxEntry> entries = outbox();
    const OutboxEntry enrollment = entries.at(entries.size() - 2);
    EXPECT_EQ(enrollment.values.value(column(Role::Enrollment, "student")).toString(), studentSfid)
        << "a lookup to a synced parent carries its Salesforce Id";
}

TEST_F(RepositoryTest, MarkAllPresentFillsOnlyUnmarkedStudentsInOneGo)
{
    const qint64 luis = addEnrolledStudent(m_courseId, str("Luis"), str("Gómez"));
    const qint64 rosa = addEnrolledStudent(m_courseId, str("Rosa"), str("Núñez"));
    ASSERT_TRUE(mark(luis, m_classDay, 2).ok());
    ASSERT_TRUE(m_repository->markAllPresent(m_courseId, m_classDay).ok());
    const auto day = m_repository->attendanceOn(m_courseId, m_classDay);
    ASSERT_EQ(day.size(), 3);
    EXPECT_EQ(day.value(m_anaId).status, 0);
    EXPECT_EQ(day.value(luis).status, 2);
    EXPECT_EQ(day.value(rosa).status, 0);
    EXPECT_EQ(m_repository->presentCode(), 0);
    EXPECT_EQ(m_repository->markAllPresent(m_courseId, m_end.addDays(3)).code,
              DomainError::Code::OutsideCourseDates);
}

TEST_F(RepositoryTest, StatusIsReadFromDigitLetterOrLabel)
{
    EXPECT_EQ(m_repository->statusFromText(QStringLiteral("1")), 1);
    EXPECT_EQ(m_repository->statusFromText(QStringLiteral("a")), 1);
    EXPECT_EQ(m_repository->statusFromText(QStringLiteral("E")), 2);
    EXPECT_EQ(m_repository->statusFromText(QStringLiteral("excused late")), 4);
    EXPECT_EQ(m_repository->statusFromText(QStringLiteral("Present")), 0);
    EXPECT_FALSE(m_repository->statusFromText(QStringLiteral("x")));
    EXPECT_FALSE(m_repository->statusFromText(QStringLiteral("9")));
    EXPECT_FALSE(m_repository->statusFromText(QString()));
}

TEST_F(RepositoryTest, FindsRecordsBySalesforceIdKeyOrUnambiguousName)
{
    const Course course = *m_repository->course(m_courseId);
    DomainError error;
    EXPECT_EQ(m_repository->findCourse(course.sfid, &error), m_courseId);
    EXPECT_EQ(m_repository->findCourse(course.sfid.left(15), &error), m_courseId);
    EXPECT_EQ(m_repository->findCourse(course.key, &error), m_courseId);
    EXPECT_EQ(m_repository->findCourse(str("lectura INICIAL"), &error), m_courseId);
    EXPECT_EQ(m_repository->findCourse(str("inicial"), &error), m_courseId);

    const qint64 other = addCourse(str("Lectura avanzada"), m_start, m_end);
    EXPECT_FALSE(m_repository->findCourse(str("Lectura"), &error));
    EXPECT_EQ(error.code, DomainError::Code::Ambiguous);
    EXPECT_EQ(m_repository->findCourse(str("avanzada"), &error), other);
    EXPECT_FALSE(m_repository->findCourse(str("Matemáticas"), &error));
    EXPECT_EQ(error.code, DomainError::Code::NotFound);

    const Student ana = *m_repository->student(m_anaId);
    EXPECT_EQ(m_repository->findStudent(ana.key, &error), m_anaId);
    EXPECT_EQ(m_repository->findStudent(str("ana perez"), &error), m_anaId) << "accents optional";
    const qint64 otherAna = addStudent(str("Ana"), str("Reyes"));
    EXPECT_FALSE(m_repository->findStudent(str("Ana"), &error));
    EXPECT_EQ(error.code, DomainError::Code::Ambiguous);
    EXPECT_EQ(m_repository->findStudent(str("Ana"), &error, m_courseId), m_anaId)
        << "within a course, only its roster counts";
    EXPECT_EQ(m_repository->findStudent(str("Ana Reyes"), &error), otherAna);
}

TEST_F(RepositoryTest, SoftDeletedRecordsAreIgnored)
{
    const qint64 luis = addEnrolledStudent(m_courseId, str("Luis"), str("Gómez"));
    ASSERT_TRUE(mark(luis, m_classDay, 0).ok());
    ASSERT_TRUE(m_store->deleteLocal(Role::Student, luis));
    EXPECT_FALSE(m_repository->student(luis));
    EXPECT_EQ(m_repository->students().size(), 1);
    EXPECT_EQ(m_repository->roster(m_courseId).size(), 1);
    EXPECT_EQ(m_repository->courses().first().enrolledCount, 1);
    EXPECT_TRUE(m_repository->attendanceOfCourse(m_courseId).isEmpty());
    EXPECT_EQ(m_repository->markAttendance(m_courseId, luis, m_classDay, 0).code,
              DomainError::Code::NotFound);
}

TEST_F(RepositoryTest, StudentSearchAndAttendanceHistory)
{
    Student luis = validStudent(str("Luis"), str("Gómez"));
    luis.nickname = str("Lalo");
    qint64 luisId = 0;
    ASSERT_TRUE(m_repository->createStudent(luis, &luisId).ok());
    EXPECT_EQ(m_repository->students(str("lalo")).size(), 1);
    EXPECT_EQ(m_repository->students(str("gomez")).size(), 1);
    EXPECT_EQ(m_repository->students().size(), 2);

    ASSERT_TRUE(mark(m_anaId, m_classDay, 0).ok());
    ASSERT_TRUE(mark(m_anaId, m_classDay.addDays(2), 1).ok());
    const QList<AttendanceMark> history = m_repository->attendanceOfStudent(m_anaId);
    ASSERT_EQ(history.size(), 2);
    EXPECT_EQ(history.first().date, m_classDay.addDays(2)) << "newest first";
    EXPECT_EQ(m_repository->coursesOfStudent(m_anaId).size(), 1);
    EXPECT_TRUE(m_repository->coursesOfStudent(luisId).isEmpty());
}

TEST_F(RepositoryTest, WritesSignalDataChangedAndRefusalsDoNot)
{
    QSignalSpy spy(m_repository.get(), &Repository::dataChanged);
    ASSERT_TRUE(mark(m_anaId, m_classDay, 0).ok());
    EXPECT_EQ(spy.count(), 1);
    EXPECT_FALSE(mark(m_anaId, m_classDay, 9).ok());
    EXPECT_EQ(spy.count(), 1);
}

} // namespace
