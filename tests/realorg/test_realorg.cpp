// A real sandbox or scratch org, end to end (issue 23): signs in with a refresh token, pulls,
// pushes a mark, makes a conflict with an office edit sent straight to the REST API, checks
// the Sync issues list shows it, and deletes the mark it created. Skipped unless the org's
// credentials are in the environment (the README's "Testing against a real org"). Only
// records this test created are deleted.
#include "auth/identitycodec.h"
#include "auth/loginhost.h"
#include "auth/oauthhttp.h"
#include "auth/session.h"
#include "mapping.h"
#include "net/salesforceclient.h"
#include "repository.h"
#include "store/localstore.h"
#include "sync/syncengine.h"
#include "sync/syncissues.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QUrlQuery>

#include <gtest/gtest.h>

#include <memory>
#include <optional>

using namespace pasalista;

namespace {

constexpr int kTimeoutMs = 60000;

QString environment(const char *name)
{
    return qEnvironmentVariable(name).trimmed();
}

// A mark this test may create: a student of one of the teacher's courses on a class day
// that has no mark yet (so the clean-up deletes nothing the org had).
struct FreeSlot
{
    Course course;
    Student student;
    QDate date;
};

std::optional<FreeSlot> freeSlot(Repository &repository)
{
    const QDate today = QDate::currentDate();
    for (const Course &course : repository.courses()) {
        const QList<AttendanceMark> marks = repository.attendanceOfCourse(course.id);
        const QDate last = std::min(course.endDate.isValid() ? course.endDate : today, today);
        for (const Student &student : repository.roster(course.id)) {
            for (QDate date = last;
                 date.isValid() && date >= course.startDate && date > last.addDays(-60);
                 date = date.addDays(-1)) {
                const bool marked =
                    std::any_of(marks.begin(), marks.end(), [&](const AttendanceMark &m) {
                        return m.studentId == student.id && m.date == date;
                    });
                if (!marked) {
                    return FreeSlot{course, student, date};
                }
            }
        }
    }
    return std::nullopt;
}

class RealOrg : public ::testing::Test
{
protected:
    void SetUp() override
    {
        const QString loginUrl = environment("PASALISTA_REALORG_LOGIN_URL");
        const QString clientId = environment("PASALISTA_REALORG_CLIENT_ID");
        const QByteArray refreshToken = environment("PASALISTA_REALORG_REFRESH_TOKEN").toUtf8();
        if (loginUrl.isEmpty() || clientId.isEmpty() || refreshToken.isEmpty()) {
            GTEST_SKIP() << "no real org: set PASALISTA_REALORG_LOGIN_URL, "
                            "PASALISTA_REALORG_CLIENT_ID and PASALISTA_REALORG_REFRESH_TOKEN "
                            "for a sandbox or scratch org (README, \"Testing against a real org\")";
        }
        signIn(loginUrl, clientId, refreshToken);
        ASSERT_TRUE(m_dir.isValid());
        ASSERT_TRUE(m_store.open(m_dir.filePath(QStringLiteral("realorg.sqlite"))))
            << m_store.errorString().toStdString();
        m_repository = std::make_unique<Repository>(m_store);
    }

    void TearDown() override
    {
        // Only what this test created.
        if (m_client && !m_createdMark.isEmpty()) {
            const ApiResponse deleted = m_client->del(recordPath(m_createdMark));
            EXPECT_TRUE(deleted.ok() || deleted.httpStatus == 404)
                << "could not delete the test's mark " << m_createdMark.toStdString() << ": "
                << deleted.errorMessage.toStdString();
        }
    }

    // The refresh grant, then who signed in: as the app restores a stored sign-in.
    void signIn(const QString &loginText, const QString &clientId, const QByteArray &refreshToken)
    {
        QString error;
        const QUrl loginUrl = LoginHost::parse(loginText, &error);
        ASSERT_FALSE(loginUrl.isEmpty()) << error.toStdString();
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("refresh_token"));
        form.addQueryItem(QStringLiteral("client_id"), clientId);
        form.addQueryItem(QStringLiteral("refresh_token"), QString::fromUtf8(refreshToken));
        const TokenResponse tokens =
            OAuthHttp::requestToken(LoginHost::tokenUrl(loginUrl), form, kTimeoutMs);
        ASSERT_TRUE(tokens.granted())
            << "the org refused the refresh token: " << tokens.error.toStdString() << " "
            << tokens.errorDescription.toStdString();
        const OAuthHttp::Reply who =
            OAuthHttp::getWithBearer(tokens.identityUrl, tokens.accessToken, kTimeoutMs);
        m_identity = IdentityCodec::fromIdentityService(QJsonDocument::fromJson(who.body).object());
        ASSERT_FALSE(m_identity.userId.isEmpty()) << "identity: HTTP " << who.httpStatus;
        m_identity.loginUrl = loginUrl;
        m_identity.instanceUrl = tokens.instanceUrl;
        // A rotating org hands out a new refresh token: the session keeps that one.
        m_session = std::make_unique<Session>(m_identity, tokens.accessToken,
                                              tokens.refreshToken.isEmpty() ? refreshToken
                                                                            : tokens.refreshToken);
        m_session->setClientId(clientId);
        m_client = std::make_unique<SalesforceClient>(m_session.get());
    }

    QString recordPath(const QString &attendanceId) const
    {
        return QStringLiteral("sobjects/%1/%2")
            .arg(m_store.mapping().objectFor(Role::Attendance).objectName, attendanceId);
    }

    SyncReport sync()
    {
        SyncEngine engine(m_store, *m_client, m_identity);
        return engine.run();
    }

    std::optional<AttendanceMark> markOf(const FreeSlot &slot) const
    {
        for (const AttendanceMark &mark : m_repository->attendanceOfCourse(slot.course.id)) {
            if (mark.studentId == slot.student.id && mark.date == slot.date) {
                return mark;
            }
        }
        return std::nullopt;
    }

    QTemporaryDir m_dir;
    LocalStore m_store{Mapping::dream()};
    std::unique_ptr<Repository> m_repository;
    Identity m_identity;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<SalesforceClient> m_client;
    QString m_createdMark; // Salesforce Id of the mark this test pushed
};

} // namespace

TEST_F(RealOrg, PullPushAndAnOfficeConflictShowInSyncIssues)
{
    const SyncReport pulled = sync();
    ASSERT_NE(pulled.result, SyncReport::Result::Error) << pulled.message.toStdString();
    ASSERT_NE(pulled.result, SyncReport::Result::Unreachable) << pulled.message.toStdString();
    ASSERT_NE(pulled.result, SyncReport::Result::SignInRequired) << pulled.message.toStdString();

    const std::optional<FreeSlot> slot = freeSlot(*m_repository);
    if (!slot) {
        GTEST_SKIP() << "the signed-in teacher has no course with a student and a free class day";
    }
    // The teacher marks the student present.
    ASSERT_TRUE(
        m_repository->markAttendance(slot->course.id, slot->student.id, slot->date, 0, {}, true)
            .ok());
    const SyncReport pushed = sync();
    EXPECT_GE(pushed.pushed, 1) << pushed.message.toStdString();
    const std::optional<AttendanceMark> mark = markOf(*slot);
    ASSERT_TRUE(mark && !mark->sfid.isEmpty()) << "the org gave the mark an Id";
    m_createdMark = mark->sfid;

    // The office marks it late, straight through the REST API, while the teacher marks it
    // absent on the laptop.
    const QString statusField = m_store.mapping().field(Role::Attendance, QStringLiteral("status"));
    const ApiResponse office =
        m_client->patch(recordPath(mark->sfid), QJsonDocument(QJsonObject{{statusField, 3}}));
    ASSERT_TRUE(office.ok()) << office.errorMessage.toStdString();
    ASSERT_TRUE(
        m_repository->markAttendance(slot->course.id, slot->student.id, slot->date, 1, {}, true)
            .ok());
    const SyncReport conflicted = sync();
    EXPECT_GE(conflicted.conflicts, 1) << conflicted.message.toStdString();

    // What the Sync issues window and `pasalista-cli issues` list.
    const QList<SyncIssue> issues = SyncIssues(m_store).list();
    const bool shown = std::any_of(issues.begin(), issues.end(), [&](const SyncIssue &issue) {
        return issue.kind == SyncIssue::Kind::Conflict && issue.role == Role::Attendance &&
               issue.recordId == mark->id;
    });
    EXPECT_TRUE(shown) << issues.size() << " issues, none the conflict on the mark";
}
