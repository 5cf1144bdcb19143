#pragma once

// A real store in a temporary folder with a small hand-built programme, shared by the
// domain, report and CLI suites.
#include "demodata.h"
#include "store/localstore.h"
#include "repository.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <memory>
#include <ostream>

// Readable QString values in GoogleTest failure messages.
inline void PrintTo(const QString &value, std::ostream *os)
{
    *os << '"' << value.toStdString() << '"';
}

namespace pasalista::testing {

inline QString str(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

class DomainFixture : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_dir.isValid());
        openStore();
    }

    void openStore()
    {
        m_repository.reset();
        m_store = std::make_unique<LocalStore>(Mapping::dream());
        ASSERT_TRUE(m_store->open(dbPath())) << m_store->errorString().toStdString();
        m_repository = std::make_unique<Repository>(*m_store);
    }

    void closeStore()
    {
        m_repository.reset();
        m_store.reset();
    }

    QString dbPath() const { return m_dir.filePath(QStringLiteral("local.sqlite")); }
    const Mapping &mapping() const { return m_store->mapping(); }
    QString column(Role role, const char *logical) const
    {
        return mapping().column(role, QString::fromLatin1(logical));
    }

    QString nextSfid(const QString &prefix)
    {
        return DemoData::fakeSalesforceId(prefix, ++m_serial);
    }

    qint64 addProgram(const QString &name)
    {
        const auto id = m_store->insertSynced(
            Role::Program, {{QStringLiteral("sfid"), nextSfid(QStringLiteral("a0P"))},
                            {column(Role::Program, "name"), name}});
        EXPECT_TRUE(id.has_value());
        return id.value_or(0);
    }

    qint64 addTeacher(const QString &first, const QString &last)
    {
        const auto id = m_store->insertSynced(
            Role::Teacher, {{QStringLiteral("sfid"), nextSfid(QStringLiteral("a0T"))},
                            {column(Role::Teacher, "first_name"), first},
                            {column(Role::Teacher, "last_name"), last},
                            {column(Role::Teacher, "email"),
                             QString(first.toLower() + QStringLiteral("@example.org"))}});
        EXPECT_TRUE(id.has_value());
        return id.value_or(0);
    }

    qint64 addCourse(const QString &title, const QDate &start, const QDate &end,
                     qint64 programId = 0, qint64 teacherId = 0)
    {
        QVariantMap values = {
            {QStringLiteral("sfid"), nextSfid(QStringLiteral("a0C"))},
            {QStringLiteral("pasalista_id__c"), QStringLiteral("course-key-%1").arg(m_serial)},
            {column(Role::Course, "title"), title},
            {column(Role::Course, "start_date"), start},
            {column(Role::Course, "end_date"), end}};
        if (programId != 0) {
            values.insert(LocalStore::refColumn(column(Role::Course, "program")), programId);
        }
        if (teacherId != 0) {
            values.insert(LocalStore::refColumn(column(Role::Course, "facilitator_1")), teacherId);
        }
        const auto id = m_store->insertSynced(Role::Course, values);
        EXPECT_TRUE(id.has_value()) << m_store->errorString().toStdString();
        return id.value_or(0);
    }

    static Student validStudent(const QString &first, const QString &last)
    {
        Student student;
        student.firstName = first;
        student.lastName = last;
        student.dateOfBirth = QDate(2014, 3, 9);
        student.phone1 = QStringLiteral("809-555-0101");
        student.sex = QStringLiteral("Female");
        student.language = QStringLiteral("Spanish");
        return student;
    }

    qint64 addStudent(const QString &first, const QString &last)
    {
        qint64 id = 0;
        const DomainError error = m_repository->createStudent(validStudent(first, last), &id);
        EXPECT_TRUE(error.ok()) << error.message.toStdString();
        return id;
    }

    qint64 addEnrolledStudent(qint64 courseId, const QString &first, const QString &last)
    {
        const qint64 id = addStudent(first, last);
        const DomainError error = m_repository->enroll(courseId, id);
        EXPECT_TRUE(error.ok()) << error.message.toStdString();
        return id;
    }

    QList<OutboxEntry> outbox() const { return m_store->outboxEntries({}); }

    int rowCount(Role role) const
    {
        QSqlQuery query(m_store->database());
        query.exec(QStringLiteral("SELECT COUNT(*) FROM \"%1\"").arg(mapping().table(role)));
        return query.next() ? query.value(0).toInt() : -1;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<Repository> m_repository;
    qint64 m_serial = 0;
};

} // namespace pasalista::testing
