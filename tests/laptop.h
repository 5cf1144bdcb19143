#pragma once

// A teacher's laptop for whole-sync tests: its own SQLite store signed in to the emulated
// org as a real process, plus helpers that read the org's records back.
#include "auth/session.h"
#include "emulatorprocess.h"
#include "mapping.h"
#include "net/salesforceclient.h"
#include "repository.h"
#include "store/localstore.h"
#include "sync/syncengine.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <gtest/gtest.h>

#include <functional>
#include <memory>

namespace pasalista::test {

inline const QString kTeacher = QStringLiteral("maria.rodriguez@dream.demo");
inline const QString kPassword = QStringLiteral("Maria-2024");

// A laptop: its own store, signed in as a teacher of the emulated org.
class Laptop
{
public:
    Laptop(EmulatorProcess &org, const QString &name) : m_store(Mapping::dream())
    {
        EXPECT_TRUE(m_dir.isValid());
        EXPECT_TRUE(m_store.open(m_dir.filePath(name + QStringLiteral(".sqlite"))))
            << m_store.errorString().toStdString();
        m_identity.email = kTeacher;
        m_identity.username = kTeacher;
        m_identity.instanceUrl = org.instanceUrl();
        m_identity.loginUrl = org.baseUrl();
        signInAgain(org);
        m_repository = std::make_unique<Repository>(m_store);
    }

    // A fresh session, as after the teacher signs in again (say, once the org's clock has
    // moved past the token's life).
    void signInAgain(EmulatorProcess &org)
    {
        const QString token = org.login(kTeacher, kPassword);
        m_client.reset();
        m_session = std::make_unique<Session>(m_identity, token.toUtf8(), QByteArray());
        m_client = std::make_unique<SalesforceClient>(m_session.get());
    }

    SyncReport sync(qint64 cycleDeadlineMs = SyncEngine::kDefaultCycleDeadlineMs)
    {
        SyncEngine engine(m_store, *m_client, m_identity);
        engine.setCycleDeadlineMs(cycleDeadlineMs);
        return engine.run();
    }

    // A sync that calls `onPhase` as each of its phases begins ("Receiving changes",
    // "Sending changes"): the org can be changed between the pull and the push of one cycle.
    SyncReport syncCalling(const std::function<void(const QString &phase)> &onPhase)
    {
        SyncEngine engine(m_store, *m_client, m_identity);
        QObject::connect(&engine, &SyncEngine::phaseChanged, onPhase);
        return engine.run();
    }

    // A background cycle, as the poll timer runs it: the org is asked first which objects
    // changed (see Puller::setProbeChanges).
    SyncReport poll()
    {
        SyncEngine engine(m_store, *m_client, m_identity);
        engine.setProbeChanges(true);
        return engine.run();
    }

    LocalStore &store() { return m_store; }
    Repository &repository() { return *m_repository; }
    SalesforceClient &client() { return *m_client; }

    qint64 count(const QString &sql)
    {
        QSqlQuery query(m_store.database());
        EXPECT_TRUE(query.exec(sql)) << sql.toStdString();
        return query.next() ? query.value(0).toLongLong() : -1;
    }

private:
    QTemporaryDir m_dir;
    LocalStore m_store;
    Identity m_identity;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<SalesforceClient> m_client;
    std::unique_ptr<Repository> m_repository;
};

inline QJsonArray liveRecords(const EmulatorProcess &org, const QString &object)
{
    QJsonArray live;
    for (const QJsonValue &value : org.records(object)) {
        if (!value.toObject().value(QStringLiteral("IsDeleted")).toBool()) {
            live.append(value);
        }
    }
    return live;
}

inline Course firstActiveCourse(Repository &repository)
{
    for (const Course &course : repository.courses()) {
        if (course.isActiveOn(QDate::currentDate()) && !course.sfid.isEmpty()) {
            return course;
        }
    }
    return {};
}

// The arguments of an org filled by the emulator's generator: `counts` as in
// `--generate classes=N,students=N,...`, the same `seed` giving the same records.
inline QStringList generatedOrg(const QString &counts, int seed)
{
    return {QStringLiteral("--generate"), counts, QStringLiteral("--seed"), QString::number(seed)};
}

// A demo org, a store path in a temporary folder and a session of the teacher: for suites
// that hand the store and the session to a scheduler of their own.
struct SignedInOrg
{
    EmulatorProcess org{{QStringLiteral("--demo")}};
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("a.sqlite"));
    std::shared_ptr<Session> session = org.session(kTeacher, kPassword);
};

// An org started with `orgArguments`, checked running before each test: the start of the
// suites that bring their own laptops.
class OrgTest : public ::testing::Test
{
protected:
    explicit OrgTest(const QStringList &orgArguments = {QStringLiteral("--demo")})
        : org(orgArguments)
    {
    }

    void SetUp() override { ASSERT_TRUE(org.isRunning()) << org.startupOutput().toStdString(); }

    EmulatorProcess org;
};

// The same org with the teacher's laptop "a" signed in and synced once, cleanly: where most
// whole-sync tests start. A suite names its org with its constructor, e.g.
// `Suite() : SyncedLaptopTest({QStringLiteral("--demo"), QStringLiteral("--no-external-id")}) {}`.
class SyncedLaptopTest : public OrgTest
{
protected:
    using OrgTest::OrgTest;

    void SetUp() override
    {
        ASSERT_NO_FATAL_FAILURE(OrgTest::SetUp());
        ASSERT_EQ(laptop.sync().result, SyncReport::Result::Clean);
        course = firstActiveCourse(repository);
    }

    Laptop laptop{org, QStringLiteral("a")};
    Repository &repository = laptop.repository();
    Course course; // the first of the teacher's courses active today, as the laptop has it
};

// The same org with two laptops of the teacher, "a" and "b", each synced once, cleanly.
class TwoSyncedLaptopsTest : public OrgTest
{
protected:
    void SetUp() override
    {
        ASSERT_NO_FATAL_FAILURE(OrgTest::SetUp());
        ASSERT_EQ(first.sync().result, SyncReport::Result::Clean);
        ASSERT_EQ(second.sync().result, SyncReport::Result::Clean);
    }

    Laptop first{org, QStringLiteral("a")};
    Laptop second{org, QStringLiteral("b")};
};

// A student the teacher adds on the laptop, not yet in the org.
inline Student newStudent()
{
    Student student;
    student.firstName = QStringLiteral("Wilkin");
    student.lastName = QStringLiteral("Fermín");
    student.dateOfBirth = QDate(2011, 7, 1);
    student.phone1 = QStringLiteral("849-555-0101");
    return student;
}

} // namespace pasalista::test
