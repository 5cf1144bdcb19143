// `pasalista-cli issues`, `issues retry ID` and `issues dismiss ID` as a teacher types them:
// the real binary, signed in through the emulator, on its own store; then the org and the
// store compared record by record.
#include "clibinary.h"
#include "laptop.h"
#include "orgscope.h"
#include "repository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <gtest/gtest.h>

using namespace pasalista;
using namespace pasalista::test;

namespace {

// The ids `issues --json` lists, by kind (failed, deleted, conflict).
QHash<QString, QString> issueIds(const Cli &cli, int *exitCode)
{
    QString output;
    *exitCode = cli.run({QStringLiteral("issues"), QStringLiteral("--json")}, &output);
    QHash<QString, QString> ids;
    // Log lines may come first on the merged output: the JSON starts at its array.
    const qsizetype start = output.indexOf(
        QRegularExpression(QStringLiteral("^\\[$|^\\[\\]"), QRegularExpression::MultilineOption));
    const qsizetype end = output.indexOf(
        QRegularExpression(QStringLiteral("\\]$"), QRegularExpression::MultilineOption), start);
    const QJsonArray issues =
        QJsonDocument::fromJson(output.mid(start, end + 1 - start).toUtf8()).array();
    for (const QJsonValue &issue : issues) {
        ids.insert(issue.toObject().value(QStringLiteral("kind")).toString(),
                   issue.toObject().value(QStringLiteral("id")).toString());
    }
    return ids;
}

} // namespace

TEST(CliIssues, RetryAndDismissSettleIssuesThroughTheRealBinary)
{
    EmulatorProcess org({QStringLiteral("--demo"), QStringLiteral("--auto-approve"), kTeacher});
    ASSERT_TRUE(org.isRunning()) << org.startupOutput().toStdString();
    QTemporaryDir dir;
    const Cli cli(dir);
    QString output;
    PASALISTA_CLI_LOGIN_OR_SKIP(cli, org, output);
    ASSERT_EQ(cli.run({QStringLiteral("sync")}, &output), 0) << output.toStdString();

    LocalStore store(Mapping::dream());
    ASSERT_TRUE(store.open(cli.databasePath())) << store.errorString().toStdString();
    Repository repository(store);
    const Course course = firstActiveCourse(repository);
    const QList<Student> roster = repository.roster(course.id);
    ASSERT_FALSE(roster.isEmpty());
    // A mark the org refuses, and a phone both the teacher and the office changed.
    const qint64 mark = repository.attendanceOfCourse(course.id).first().id;
    ASSERT_TRUE(
        store.updateLocal(Role::Attendance, mark, {{QStringLiteral("attendance_type__c"), 9}}));
    Student phone = roster.first();
    phone.phone1 = QStringLiteral("809-555-3333");
    ASSERT_TRUE(repository.updateStudent(phone).ok());
    ASSERT_TRUE(
        org.adminUpdate(QStringLiteral("Student__c"), phone.sfid,
                        {{QStringLiteral("Phone_Number_1__c"), QStringLiteral("809-555-4444")}}));
    EXPECT_EQ(cli.run({QStringLiteral("sync")}, &output), 1) << output.toStdString();

    int exitCode = -1;
    const QHash<QString, QString> ids = issueIds(cli, &exitCode);
    EXPECT_EQ(exitCode, 1) << "issues are waiting";
    ASSERT_EQ(ids.size(), 2) << output.toStdString();
    ASSERT_TRUE(ids.contains(QStringLiteral("failed")));
    ASSERT_TRUE(ids.contains(QStringLiteral("conflict")));

    // A refused record is corrected and retried, never dismissed.
    EXPECT_EQ(cli.run({QStringLiteral("issues"), QStringLiteral("dismiss"),
                       ids[QStringLiteral("failed")]},
                      &output),
              1)
        << output.toStdString();
    ASSERT_TRUE(
        store.updateLocal(Role::Attendance, mark, {{QStringLiteral("attendance_type__c"), 2}}));
    EXPECT_EQ(
        cli.run({QStringLiteral("issues"), QStringLiteral("retry"), ids[QStringLiteral("failed")]},
                &output),
        0)
        << output.toStdString();
    // The office's phone stays (it won): dismissing the conflict accepts that.
    EXPECT_EQ(cli.run({QStringLiteral("issues"), QStringLiteral("dismiss"),
                       ids[QStringLiteral("conflict")]},
                      &output),
              0)
        << output.toStdString();
    EXPECT_EQ(cli.run({QStringLiteral("issues"), QStringLiteral("retry"),
                       ids[QStringLiteral("conflict")]},
                      &output),
              1)
        << "settled already: " << output.toStdString();
    EXPECT_EQ(cli.run({QStringLiteral("issues")}, &output), 0) << output.toStdString();

    EXPECT_EQ(cli.run({QStringLiteral("sync")}, &output), 0) << output.toStdString();
    const QJsonObject orgMark =
        pasalista::test::byId(org, QStringLiteral("Attendance__c"))
            .value(store.row(Role::Attendance, mark)->value(QStringLiteral("sfid")).toString());
    EXPECT_EQ(orgMark.value(QStringLiteral("Attendance_Type__c")).toVariant().toInt(), 2);
    EXPECT_EQ(pasalista::test::text(
                  pasalista::test::byId(org, QStringLiteral("Student__c")).value(phone.sfid),
                  QStringLiteral("Phone_Number_1__c")),
              QStringLiteral("809-555-4444"));
    expectStoreHoldsExactlyTheScope(org, store);
    EXPECT_EQ(cli.run({QStringLiteral("logout")}), 0);
}
