#pragma once

// A small programme in a real SQLite store in a temporary folder, for the ui suites:
// two programs, three courses (two active today, one ended) and a few enrolled students.
#include "demodata.h"
#include "mapping.h"
#include "repository.h"
#include "store/localstore.h"

#include <QAbstractItemModelTester>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <gtest/gtest.h>

#include <memory>

namespace pasalista::uitest {

// Runs QAbstractItemModelTester in warning mode and counts its complaints, so that a broken
// model fails the GoogleTest case (with the message) instead of aborting the suite.
class CheckedModelTester
{
public:
    explicit CheckedModelTester(QAbstractItemModel *model)
    {
        s_failures.clear();
        m_previous = qInstallMessageHandler(&CheckedModelTester::handle);
        m_tester = std::make_unique<QAbstractItemModelTester>(
            model, QAbstractItemModelTester::FailureReportingMode::Warning);
    }
    ~CheckedModelTester()
    {
        m_tester.reset();
        qInstallMessageHandler(m_previous);
        EXPECT_TRUE(s_failures.isEmpty()) << s_failures.join(QLatin1Char('\n')).toStdString();
    }
    CheckedModelTester(const CheckedModelTester &) = delete;
    CheckedModelTester &operator=(const CheckedModelTester &) = delete;

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        if (type >= QtWarningMsg && qstrcmp(context.category, "qt.modeltest") == 0) {
            s_failures.append(message);
        }
    }

    static inline QStringList s_failures;
    QtMessageHandler m_previous = nullptr;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

// A new store of the Dream mapping, local.sqlite in `dir`; the test fails if it does not open.
inline void openStoreIn(const QTemporaryDir &dir, std::unique_ptr<LocalStore> *store)
{
    ASSERT_TRUE(dir.isValid());
    *store = std::make_unique<LocalStore>(Mapping::dream());
    ASSERT_TRUE((*store)->open(dir.filePath(QStringLiteral("local.sqlite"))))
        << (*store)->errorString().toStdString();
}

// The same, filled with the demo programme (as "Try the demo" does), and its repository.
inline void openDemoStoreIn(const QTemporaryDir &dir, std::unique_ptr<LocalStore> *store,
                            std::unique_ptr<Repository> *repository)
{
    ASSERT_NO_FATAL_FAILURE(openStoreIn(dir, store));
    DemoData demo(**store);
    ASSERT_TRUE(demo.populate(QDate::currentDate())) << demo.errorString().toStdString();
    *repository = std::make_unique<Repository>(**store);
}

class UiStoreFixture : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_NO_FATAL_FAILURE(openStoreIn(m_dir, &m_store));
        m_repository = std::make_unique<Repository>(*m_store);
    }

    void TearDown() override
    {
        m_repository.reset();
        m_store.reset();
    }

    qint64 addProgram(const QString &name)
    {
        QVariantMap values{{mapping().column(Role::Program, QStringLiteral("name")), name},
                           {QStringLiteral("sfid"), fakeId("a0P")}};
        const auto id = m_store->insertSynced(Role::Program, values);
        EXPECT_TRUE(id.has_value()) << m_store->errorString().toStdString();
        return id.value_or(0);
    }

    qint64 addCourse(const QString &title, const QDate &start, const QDate &end, qint64 programId)
    {
        const QString programColumn = mapping().column(Role::Course, QStringLiteral("program"));
        QVariantMap values{{mapping().column(Role::Course, QStringLiteral("title")), title},
                           {mapping().column(Role::Course, QStringLiteral("start_date")), start},
                           {mapping().column(Role::Course, QStringLiteral("end_date")), end},
                           {LocalStore::refColumn(programColumn), programId},
                           {QStringLiteral("sfid"), fakeId("a0C")}};
        const auto id = m_store->insertSynced(Role::Course, values);
        EXPECT_TRUE(id.has_value()) << m_store->errorString().toStdString();
        return id.value_or(0);
    }

    qint64 addStudent(const QString &first, const QString &last, const QString &nickname = {})
    {
        Student student;
        student.firstName = first;
        student.lastName = last;
        student.nickname = nickname;
        student.dateOfBirth = QDate(2014, 3, 1 + int(++m_serial % 28));
        student.phone1 = QStringLiteral("809-555-%1").arg(1000 + m_serial);
        qint64 id = 0;
        const DomainError error = m_repository->createStudent(student, &id);
        EXPECT_TRUE(error.ok()) << error.message.toStdString();
        return id;
    }

    void enroll(qint64 courseId, qint64 studentId)
    {
        const DomainError error = m_repository->enroll(courseId, studentId);
        EXPECT_TRUE(error.ok()) << error.message.toStdString();
    }

    // The standard small programme; courses: m_reading (active, 4 students), m_maths
    // (active, 2 students), m_summer (ended).
    void fillSmallProgramme()
    {
        const QDate today = QDate::currentDate();
        m_literacy = addProgram(QStringLiteral("Lectura y Escritura"));
        m_numeracy = addProgram(QStringLiteral("Matemáticas Divertidas"));
        m_reading = addCourse(QStringLiteral("Lectura inicial"), today.addDays(-30),
                              today.addDays(60), m_literacy);
        m_maths = addCourse(QStringLiteral("Matemáticas 3.º"), today.addDays(-10),
                            today.addDays(90), m_numeracy);
        m_summer = addCourse(QStringLiteral("Inglés de verano"), today.addDays(-200),
                             today.addDays(-100), m_literacy);
        m_ana =
            addStudent(QStringLiteral("Ana"), QStringLiteral("Batista"), QStringLiteral("Anita"));
        m_luis = addStudent(QStringLiteral("Luis"), QStringLiteral("Almonte"));
        m_rosa = addStudent(QStringLiteral("Rosa"), QStringLiteral("Castillo"));
        m_pedro = addStudent(QStringLiteral("Pedro"), QStringLiteral("Duarte"));
        m_unenrolled = addStudent(QStringLiteral("Yokasta"), QStringLiteral("Ureña"));
        for (qint64 student : {m_ana, m_luis, m_rosa, m_pedro}) {
            enroll(m_reading, student);
        }
        enroll(m_maths, m_ana);
        enroll(m_maths, m_luis);
    }

    int outboxRows(const QString &table) const
    {
        QSqlQuery query(m_store->database());
        query.prepare(QStringLiteral("SELECT COUNT(*) FROM _trigger_log WHERE table_name = ?"));
        query.addBindValue(table);
        if (!query.exec() || !query.next()) {
            return -1;
        }
        return query.value(0).toInt();
    }

    const Mapping &mapping() const { return m_store->mapping(); }

    QString fakeId(const char *prefix)
    {
        return QString::fromLatin1(prefix) +
               QStringLiteral("%1AAA").arg(++m_serial, 12, 10, QLatin1Char('0'));
    }

    QTemporaryDir m_dir;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<Repository> m_repository;
    qint64 m_serial = 0;
    qint64 m_literacy = 0, m_numeracy = 0;
    qint64 m_reading = 0, m_maths = 0, m_summer = 0;
    qint64 m_ana = 0, m_luis = 0, m_rosa = 0, m_pedro = 0, m_unenrolled = 0;
};

} // namespace pasalista::uitest
