// Issue 15: a bounded, seeded fuzz campaign. Syncs run against the emulator (a real process)
// with its response mutations on (truncated, retyped, nulled, junk Ids and dates,
// far-future stamps, redirects, self-referencing and foreign page links, drip-fed bodies),
// the teacher marking attendance offline between syncs. A last sync runs clean, and the org
// is compared with every mark made: no token seen off the instance, no twin, no mark lost or
// stuck, no junk in the store. Under the asan preset the same campaign is what catches a
// sanitizer report.
//
//   PASALISTA_FUZZ_SYNCS   mutated syncs to run (default 100)
//   PASALISTA_FUZZ_SEED    seed of the mutations and of the marks (default 15)
//   PASALISTA_FUZZ_RATE    share of replies mutated (default 0.12)
//   PASALISTA_FUZZ_VERBOSE set: one line per sync
#include "laptop.h"
#include "storecheck.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <gtest/gtest.h>

#include <cstdio>
#include <map>

using namespace pasalista;
using pasalista::test::EmulatorProcess;
using pasalista::test::Laptop;
using pasalista::test::liveRecords;

namespace {

int envInt(const char *name, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok && value > 0 ? value : fallback;
}

double envShare(const char *name, double fallback)
{
    bool ok = false;
    const double value = qEnvironmentVariable(name).toDouble(&ok);
    return ok && value > 0 && value <= 1 ? value : fallback;
}

// A mark the teacher made: course, student and day; the last status made wins.
struct MarkKey
{
    qint64 courseId;
    qint64 studentId;
    QDate day;
    bool operator<(const MarkKey &other) const
    {
        return std::tie(courseId, studentId, day) <
               std::tie(other.courseId, other.studentId, other.day);
    }
};

class Campaign
{
public:
    Campaign(EmulatorProcess &org, Laptop &laptop, quint32 seed)
        : m_org(org), m_laptop(laptop), m_random(seed)
    {
    }

    // Marks a few students of a random active course on a random recent day.
    void markOffline()
    {
        QList<Course> courses;
        for (const Course &course : m_laptop.repository().courses()) {
            if (course.isActiveOn(QDate::currentDate())) {
                courses.append(course);
            }
        }
        if (courses.isEmpty()) {
            return;
        }
        const Course course = courses.at(m_random.bounded(int(courses.size())));
        const QDate day = QDate::currentDate().addDays(-m_random.bounded(20));
        const QList<Student> roster = m_laptop.repository().roster(course.id);
        for (int i = 0; i < 3 && !roster.isEmpty(); ++i) {
            const Student student = roster.at(m_random.bounded(int(roster.size())));
            const int status = m_random.bounded(5);
            if (m_laptop.repository()
                    .markAttendance(course.id, student.id, day, status, {}, true)
                    .ok()) {
                m_made[{course.id, student.id, day}] = status;
            }
        }
    }

    int mutations() const
    {
        return m_org.get(QStringLiteral("/__emulator/faults"))
            .object()
            .value(QStringLiteral("mutations"))
            .toInt();
    }

    int tokensOffOrigin() const
    {
        return m_org.get(QStringLiteral("/__emulator/faults"))
            .object()
            .value(QStringLiteral("tokensOffOrigin"))
            .toInt();
    }

    // The org's record of each mark made: exactly one, with the last status made.
    void expectEveryMarkInTheOrg(int *lost) const
    {
        QHash<QString, QJsonObject> inOrg;
        for (const QJsonValue &value : liveRecords(m_org, QStringLiteral("Attendance__c"))) {
            inOrg.insert(value.toObject().value(QStringLiteral("Id")).toString(), value.toObject());
        }
        for (const auto &[key, status] : m_made) {
            const AttendanceMark mark =
                m_laptop.repository().attendanceOn(key.courseId, key.day).value(key.studentId);
            const QJsonObject record = inOrg.value(mark.sfid);
            const bool held =
                !mark.sfid.isEmpty() && !record.isEmpty() && mark.status == status &&
                record.value(QStringLiteral("Attendance_Type__c")).toVariant().toInt() == status &&
                record.value(QStringLiteral("Start_Date__c")).toString() ==
                    key.day.toString(Qt::ISODate);
            if (!held) {
                ++*lost;
                ADD_FAILURE()
                    << "mark of student " << key.studentId << " on "
                    << key.day.toString(Qt::ISODate).toStdString() << " (status " << status
                    << ") is " << mark.sfid.toStdString() << " with " << mark.status
                    << " on the laptop and "
                    << (record.isEmpty()
                            ? std::string("missing")
                            : QString::number(
                                  record.value(QStringLiteral("Attendance_Type__c")).toDouble())
                                  .toStdString())
                    << " in the org";
            }
        }
    }

    qsizetype marksMade() const { return qsizetype(m_made.size()); }

private:
    EmulatorProcess &m_org;
    Laptop &m_laptop;
    QRandomGenerator m_random;
    std::map<MarkKey, int> m_made;
};

} // namespace

TEST(FuzzSync, MutatedRepliesNeverLeakATokenMakeATwinOrLoseAMark)
{
    const int target = envInt("PASALISTA_FUZZ_SYNCS", 100);
    const int seed = envInt("PASALISTA_FUZZ_SEED", 15);
    const double rate = envShare("PASALISTA_FUZZ_RATE", 0.12);
    EmulatorProcess org(
        {QStringLiteral("--demo"), QStringLiteral("--seed"), QString::number(seed)});
    ASSERT_TRUE(org.isRunning()) << org.startupOutput().toStdString();
    Laptop laptop(org, QStringLiteral("fuzz"));
    ASSERT_EQ(laptop.sync().result, SyncReport::Result::Clean);
    // The demo's records are stamped at the org's start: an hour later they are out of the
    // pull's overlap, and each sync reads only what changed (as a real org's would).
    ASSERT_TRUE(org.advanceClock(3600));
    ASSERT_EQ(laptop.sync().result, SyncReport::Result::Clean);
    ASSERT_TRUE(org.setFaults(
        {{QStringLiteral("mutateRate"), rate}, {QStringLiteral("mutateSeed"), seed}}));
    Campaign campaign(org, laptop, static_cast<quint32>(seed));
    // During the campaign a drip-fed reply is abandoned after 3 s instead of minutes.
    laptop.client().setReplyDeadlineMs(3000);

    QElapsedTimer clock;
    clock.start();
    int syncs = 0;
    int mutated = 0;
    std::map<QString, int> results;
    // At most eight times the target: a sync whose replies drew no applicable mutation is
    // clean, and a sync that batches its first pages in Composite replies has few replies
    // ("Sync now" in one reply since issue 26; four times was reached at 86 of 100).
    while (mutated < target && syncs < 8 * target) {
        campaign.markOffline();
        const int before = campaign.mutations();
        QElapsedTimer one;
        one.start();
        const SyncReport report = laptop.sync(60'000);
        if (qEnvironmentVariableIsSet("PASALISTA_FUZZ_VERBOSE")) {
            std::printf("sync %d: %s in %lld ms, %d mutations: %s\n", syncs,
                        qPrintable(SyncReport::resultName(report.result)),
                        static_cast<long long>(one.elapsed()), campaign.mutations() - before,
                        qPrintable(report.message.left(160)));
            if (qEnvironmentVariableIntValue("PASALISTA_FUZZ_VERBOSE") > 1) {
                for (const QJsonValue &entry : org.requestLog()) {
                    const QJsonObject request = entry.toObject();
                    std::printf(
                        "  %lld %s %s %d %s\n",
                        static_cast<long long>(
                            request.value(QStringLiteral("timestampMs")).toInteger() % 100000),
                        qPrintable(request.value(QStringLiteral("method")).toString()),
                        qPrintable(request.value(QStringLiteral("path")).toString().left(90)),
                        request.value(QStringLiteral("status")).toInt(),
                        qPrintable(request.value(QStringLiteral("fault")).toString()));
                }
                org.clearRequestLog();
            }
        }
        ++syncs;
        ++results[SyncReport::resultName(report.result)];
        mutated += campaign.mutations() > before ? 1 : 0;
    }
    const qint64 campaignMs = clock.elapsed();

    ASSERT_TRUE(org.clearFaults());
    laptop.client().setReplyDeadlineMs(300'000);
    SyncReport last;
    for (int i = 0; i < 6; ++i) {
        last = laptop.sync();
        if (last.result == SyncReport::Result::Clean) {
            break;
        }
    }
    QString histogram;
    for (const auto &[name, count] : results) {
        histogram += QStringLiteral(" %1=%2").arg(name).arg(count);
    }
    std::printf("fuzz campaign: seed %d, rate %.2f, %d syncs (%d mutated) in %lld ms,"
                " %lld marks made, results:%s\n",
                seed, rate, syncs, mutated, static_cast<long long>(campaignMs),
                static_cast<long long>(campaign.marksMade()), qPrintable(histogram));
    std::fflush(stdout);

    EXPECT_GE(mutated, target) << "the campaign ran its mutated syncs";
    EXPECT_EQ(last.result, SyncReport::Result::Clean)
        << last.message.toStdString() << last.warnings.join(QLatin1Char(' ')).toStdString();
    {
        // What is left in the outbox, and why: the first clue when the campaign fails.
        QSqlQuery left(laptop.store().database());
        left.exec(QStringLiteral("SELECT table_name, record_id, action, state, sf_message FROM"
                                 " _trigger_log WHERE state IN ('NEW','PENDING','FAILED')"));
        while (left.next()) {
            std::printf("left in the outbox: %s %lld %s %s %s\n",
                        qPrintable(left.value(0).toString()), left.value(1).toLongLong(),
                        qPrintable(left.value(2).toString()), qPrintable(left.value(3).toString()),
                        qPrintable(left.value(4).toString().left(200)));
        }
    }
    EXPECT_EQ(campaign.tokensOffOrigin(), 0) << "no bearer token reached another origin";
    EXPECT_EQ(test::orgMarkTwins(org), 0) << "no twin in the org";
    int lost = 0;
    campaign.expectEveryMarkInTheOrg(&lost);
    EXPECT_EQ(lost, 0) << "no mark lost";
    EXPECT_EQ(laptop.store().pendingChangeCount(), 0) << "no mark stuck";
    EXPECT_EQ(laptop.count(QStringLiteral("SELECT COUNT(*) FROM _trigger_log WHERE state = "
                                          "'FAILED'")),
              0);
    EXPECT_EQ(test::junkIds(laptop), QStringList()) << "no junk Id in the store";
    test::expectMarksMatchOrg(laptop, org);
}
