// `pasalista-cli doctor` (issue 23) against emulator orgs an admin left incomplete: a field
// missing, a permission missing, an external ID missing; and a clean org.
#include "authtesthelpers.h"
#include "clicommandrun.h"

#include "clicontext.h"
#include "doctorcommand.h"

#include <QJsonArray>
#include <QTextStream>

#include <gtest/gtest.h>

using namespace pasalista;
using namespace pasalista::test;

namespace {

struct DoctorRun
{
    int exitCode = -1;
    QString out;
    QString err;

    QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
    // The findings of one check, as "Object.Field" (or the check's name when it names none).
    QStringList found(const QString &check, const QString &severity = {}) const
    {
        QStringList where;
        for (const QJsonValue &value : json().value(QStringLiteral("findings")).toArray()) {
            const QJsonObject finding = value.toObject();
            if (finding.value(QStringLiteral("check")).toString() != check ||
                (!severity.isEmpty() &&
                 finding.value(QStringLiteral("severity")).toString() != severity)) {
                continue;
            }
            EXPECT_FALSE(finding.value(QStringLiteral("problem")).toString().isEmpty());
            if (severity != QLatin1String("ok")) {
                EXPECT_FALSE(finding.value(QStringLiteral("fix")).toString().isEmpty()) << "a fix";
            }
            const QString object = finding.value(QStringLiteral("object")).toString();
            where.append(object.isEmpty()
                             ? check
                             : object + u'.' + finding.value(QStringLiteral("field")).toString());
        }
        return where;
    }
};

class Doctor : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(org.isRunning()) << org.startupOutput().toStdString();
        // Signed in as the teacher, with her own permissions (the doctor runs as she syncs).
        accounts.adopt(org.session(QStringLiteral("maria.rodriguez@dream.demo"),
                                   QStringLiteral("Maria-2024")));
        ASSERT_TRUE(accounts.isSignedIn());
    }

    DoctorRun doctor(bool json)
    {
        DoctorRun run;
        QTextStream out(&run.out);
        QTextStream err(&run.err);
        run.exitCode = runCommand(DoctorCommand(), accounts, out, err, json);
        out.flush();
        err.flush();
        return run;
    }

    // What an org admin does in Setup: a field deleted, or its properties and the teachers'
    // field permissions changed.
    void deleteField(const char *object, const char *field)
    {
        const HttpReply reply =
            org.request("DELETE", QStringLiteral("/__emulator/schema/%1/%2")
                                      .arg(QLatin1String(object), QLatin1String(field)));
        ASSERT_EQ(reply.status, 204) << reply.body.toStdString();
    }
    void changeField(const char *object, const char *field, const QJsonObject &change)
    {
        const HttpReply reply = org.sendJson("PATCH",
                                             QStringLiteral("/__emulator/schema/%1/%2")
                                                 .arg(QLatin1String(object), QLatin1String(field)),
                                             QJsonDocument(change));
        ASSERT_EQ(reply.status, 204) << reply.body.toStdString();
    }

    EmulatorProcess org{{QStringLiteral("--demo")}};
    ScratchAccounts scratch;
    AccountManager &accounts = scratch.accounts;
};

} // namespace

TEST_F(Doctor, ACleanOrgPassesWithEveryCheckDone)
{
    const DoctorRun run = doctor(true);
    EXPECT_EQ(run.exitCode, CliExitCodes::Success)
        << run.out.toStdString() << run.err.toStdString();
    EXPECT_FALSE(run.json().value(QStringLiteral("syncWouldFail")).toBool());
    EXPECT_EQ(run.json().value(QStringLiteral("errors")).toInt(), 0) << run.out.toStdString();
    EXPECT_EQ(run.json().value(QStringLiteral("warnings")).toInt(), 0) << run.out.toStdString();
    EXPECT_EQ(run.found(QStringLiteral("api_version"), QStringLiteral("ok")).size(), 1);
    EXPECT_EQ(run.found(QStringLiteral("api_calls"), QStringLiteral("ok")).size(), 1);

    const DoctorRun plain = doctor(false);
    EXPECT_EQ(plain.exitCode, CliExitCodes::Success);
    EXPECT_TRUE(plain.out.contains(QStringLiteral("Nothing in the org stops a sync")))
        << plain.out.toStdString();
    EXPECT_TRUE(plain.out.contains(QStringLiteral("API calls a day are left")))
        << plain.out.toStdString();
}

TEST_F(Doctor, AMissingFieldFailsAndSaysWhereToCreateIt)
{
    deleteField("Student__c", "Nickname__c");
    const DoctorRun run = doctor(true);
    EXPECT_EQ(run.exitCode, CliExitCodes::Failure) << run.out.toStdString();
    EXPECT_TRUE(run.json().value(QStringLiteral("syncWouldFail")).toBool());
    EXPECT_EQ(run.found(QStringLiteral("field_missing")),
              QStringList{QStringLiteral("Student__c.Nickname__c")});

    const DoctorRun plain = doctor(false);
    EXPECT_EQ(plain.exitCode, CliExitCodes::Failure);
    EXPECT_TRUE(plain.out.contains(QStringLiteral("Student__c has no field Nickname__c")))
        << plain.out.toStdString();
    EXPECT_TRUE(plain.out.contains(QStringLiteral("Fix: In Setup, Object Manager, Student__c")))
        << plain.out.toStdString();
    EXPECT_TRUE(plain.out.contains(QStringLiteral("A sync would fail: 1 problem")))
        << plain.out.toStdString();
}

TEST_F(Doctor, AFieldTheTeachersMayNotWriteFails)
{
    changeField("Attendance__c", "Attendance_Type__c", {{QStringLiteral("updateable"), false}});
    changeField("Student__c", "Notes__c", {{QStringLiteral("createable"), false}});
    // A field of a read-only object the app never writes: nothing to say.
    changeField("Teacher__c", "Email__c",
                {{QStringLiteral("createable"), false}, {QStringLiteral("updateable"), false}});
    const DoctorRun run = doctor(true);
    EXPECT_EQ(run.exitCode, CliExitCodes::Failure) << run.out.toStdString();
    EXPECT_EQ(run.found(QStringLiteral("field_not_updateable")),
              QStringList{QStringLiteral("Attendance__c.Attendance_Type__c")});
    EXPECT_EQ(run.found(QStringLiteral("field_not_createable")),
              QStringList{QStringLiteral("Student__c.Notes__c")});
    EXPECT_EQ(run.json().value(QStringLiteral("errors")).toInt(), 2) << run.out.toStdString();
}

TEST_F(Doctor, AMissingOrUnmarkedExternalIdFails)
{
    deleteField("Attendance__c", "Pasalista_Id__c");
    changeField("Student__c", "Pasalista_Id__c",
                {{QStringLiteral("externalId"), false}, {QStringLiteral("unique"), false}});
    const DoctorRun run = doctor(true);
    EXPECT_EQ(run.exitCode, CliExitCodes::Failure) << run.out.toStdString();
    EXPECT_EQ(run.found(QStringLiteral("external_id_missing")),
              QStringList{QStringLiteral("Attendance__c.Pasalista_Id__c")});
    EXPECT_EQ(run.found(QStringLiteral("external_id_not_external")),
              QStringList{QStringLiteral("Student__c.Pasalista_Id__c")});
    EXPECT_EQ(run.found(QStringLiteral("external_id_not_unique"), QStringLiteral("warning")),
              QStringList{QStringLiteral("Student__c.Pasalista_Id__c")});
    EXPECT_TRUE(run.found(QStringLiteral("field_missing")).isEmpty()) << "said once";
}

TEST_F(Doctor, OnlyWarningsExitZero)
{
    changeField("Class__c", "Pasalista_Id__c", {{QStringLiteral("unique"), false}});
    const DoctorRun run = doctor(true);
    EXPECT_EQ(run.exitCode, CliExitCodes::Success) << run.out.toStdString();
    EXPECT_EQ(run.json().value(QStringLiteral("warnings")).toInt(), 1);
    EXPECT_EQ(run.found(QStringLiteral("external_id_not_unique")),
              QStringList{QStringLiteral("Class__c.Pasalista_Id__c")});
}

TEST_F(Doctor, NoApiCallsLeftFails)
{
    ASSERT_TRUE(org.setFaults({{QStringLiteral("dailyApiLimit"), 0}}));
    const DoctorRun run = doctor(true);
    EXPECT_EQ(run.exitCode, CliExitCodes::Failure) << run.out.toStdString();
    EXPECT_EQ(run.found(QStringLiteral("api_calls"), QStringLiteral("error")).size(), 1)
        << run.out.toStdString();
}

TEST(DoctorSignedOut, NobodySignedInIsExitCodeFour)
{
    ScratchAccounts scratch;
    QString out;
    QString err;
    QTextStream outStream(&out);
    QTextStream errStream(&err);
    CliContext context(outStream, errStream);
    context.useAccounts(&scratch.accounts);
    EXPECT_EQ(DoctorCommand().execute(context, {}), CliExitCodes::NotSignedIn);
}
