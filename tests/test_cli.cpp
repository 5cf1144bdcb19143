// pasalista-cli run in-process through CliRunner: exit codes, text and JSON output, and
// CSV export, against a real store file.
#include "domainfixture.h"
#include "pdftext.h"

#include "apppaths.h"
#include "clirunner.h"
#include "csvwriter.h"
#include "exportcommand.h"
#include "laptopclock.h"
#include "markcommand.h"
#include "privatefiles.h"
#include "sync/clockskew.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QProcess>
#include <QRegularExpression>
#include <QTextStream>

#include <sys/stat.h>

using namespace pasalista;
using namespace pasalista::testing;

namespace {

struct CliResult
{
    int exitCode = -1;
    QString out;
    QString err;
    QJsonObject json() const { return QJsonDocument::fromJson(out.toUtf8()).object(); }
};

class CliTest : public DomainFixture
{
protected:
    void SetUp() override
    {
        DomainFixture::SetUp();
        m_courseId = addCourse(str("Lectura inicial"), m_start, m_end);
        addCourse(str("Inglés básico"), m_start, m_end);
        m_anaId = addEnrolledStudent(m_courseId, str("Ana"), str("Pérez"));
        addEnrolledStudent(m_courseId, str("Luis"), str("Gómez"));
        addStudent(str("Rosa"), str("Núñez")); // not enrolled anywhere
        closeStore(); // the CLI opens the file on its own, as a separate process would
    }

    CliResult cli(const QStringList &arguments, bool withDb = true)
    {
        CliResult result;
        QTextStream out(&result.out);
        QTextStream err(&result.err);
        QStringList full{QStringLiteral("pasalista-cli")};
        if (withDb) {
            full << QStringLiteral("--db") << dbPath();
        }
        full << arguments;
        result.exitCode = CliRunner(out, err).run(full);
        return result;
    }

    static QStringList args(std::initializer_list<const char *> list)
    {
        QStringList result;
        for (const char *item : list) {
            result.append(QString::fromUtf8(item));
        }
        return result;
    }

    QDate m_start{2025, 2, 3};
    QDate m_end{2025, 6, 27};
    qint64 m_courseId = 0;
    qint64 m_anaId = 0;
};

TEST_F(CliTest, VersionAndHelp)
{
    const CliResult version = cli(args({"--version"}), false);
    EXPECT_EQ(version.exitCode, 0);
    EXPECT_TRUE(version.out.contains(QLatin1String(PASALISTA_VERSION)));
    const CliResult help = cli(args({"--help"}), false);
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_TRUE(help.out.contains(QStringLiteral("roster COURSE")));
}

TEST_F(CliTest, UsageErrorsExitWithTwo)
{
    const QList<QStringList> wrong = {
        args({}),
        args({"dance"}),
        args({"roster"}),
        args({"roster", "a", "b"}),
        args({"mark", "Lectura", "2025-03-05", "Ana"}),
        args({"mark", "Lectura", "5/3/2025", "Ana", "P"}),
        args({"mark", "Lectura", "2025-02-30", "Ana", "P"}),
        args({"courses", "--note", "x"}),
        args({"export", "Lectura"}),
        args({"courses", "--frobnicate"}),
        args({"demo", "--json"}),
    };
    for (const QStringList &arguments : wrong) {
        const CliResult result = cli(arguments);
        EXPECT_EQ(result.exitCode, 2) << arguments.join(QLatin1Char(' ')).toStdString();
        EXPECT_FALSE(result.err.isEmpty());
        EXPECT_TRUE(result.out.isEmpty());
    }
}

TEST_F(CliTest, AStoreThatCannotOpenExitsWithOne)
{
    const QString garbage = m_dir.filePath(QStringLiteral("garbage.sqlite"));
    QFile file(garbage);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(4096, 'x'));
    file.close();
    const CliResult result = cli(args({"courses"}) << QStringLiteral("--db") << garbage, false);
    EXPECT_EQ(result.exitCode, 1);
    EXPECT_FALSE(result.err.isEmpty());
}

TEST_F(CliTest, DataDirHoldsTheStoreFile)
{
    const QString dataDir = m_dir.filePath(QStringLiteral("data"));
    EXPECT_EQ(AppPaths::storePath(dataDir), dataDir + QStringLiteral("/local.sqlite"));
    const CliResult result =
        cli(QStringList{QStringLiteral("--data-dir"), dataDir, QStringLiteral("courses")}, false);
    EXPECT_EQ(result.exitCode, 0) << result.err.toStdString();
    EXPECT_TRUE(QFile::exists(AppPaths::storePath(dataDir)));
}

TEST_F(CliTest, CoursesAsTextAndJson)
{
    const CliResult text = cli(args({"courses"}));
    EXPECT_EQ(text.exitCode, 0);
    EXPECT_TRUE(text.out.contains(str("Lectura inicial")));
    EXPECT_TRUE(text.out.contains(str("Inglés básico")));

    const CliResult json = cli(args({"courses", "--json"}));
    ASSERT_EQ(json.exitCode, 0);
    const QJsonArray courses = json.json().value(QStringLiteral("courses")).toArray();
    ASSERT_EQ(courses.size(), 2);
    const QJsonObject first = courses.at(0).toObject();
    EXPECT_EQ(first.value(QStringLiteral("title")).toString(), str("Inglés básico"));
    EXPECT_EQ(courses.at(1).toObject().value(QStringLiteral("enrolled")).toInt(), 2);
    EXPECT_EQ(first.value(QStringLiteral("startDate")).toString(), QStringLiteral("2025-02-03"));
    EXPECT_EQ(first.value(QStringLiteral("sfid")).toString().size(), 18);
}

TEST_F(CliTest, RosterByNameAndJson)
{
    const CliResult text = cli(args({"roster", "lectura"}));
    EXPECT_EQ(text.exitCode, 0) << text.err.toStdString();
    EXPECT_TRUE(text.out.contains(str("Pérez")));
    EXPECT_FALSE(text.out.contains(str("Núñez")));

    const CliResult json = cli(args({"roster", "Lectura inicial", "--json"}));
    ASSERT_EQ(json.exitCode, 0);
    const QJsonArray students = json.json().value(QStringLiteral("students")).toArray();
    ASSERT_EQ(students.size(), 2);
    EXPECT_EQ(students.at(0).toObject().value(QStringLiteral("lastName")).toString(), str("Gómez"));
    EXPECT_EQ(json.json()
                  .value(QStringLiteral("course"))
                  .toObject()
                  .value(QStringLiteral("title"))
                  .toString(),
              str("Lectura inicial"));

    const CliResult missing = cli(args({"roster", "Matemáticas"}));
    EXPECT_EQ(missing.exitCode, 3);
    EXPECT_TRUE(missing.err.contains(str("Matemáticas")));
}

TEST_F(CliTest, MarkThenPending)
{
    const CliResult marked =
        cli(args({"mark", "Lectura", "2025-03-05", "Ana", "a", "--note", "Lluvia fuerte"}));
    ASSERT_EQ(marked.exitCode, 0) << marked.err.toStdString();
    EXPECT_TRUE(marked.out.contains(str("Ana Pérez")));
    EXPECT_TRUE(marked.out.contains(str("Unexcused absence")));

    // Re-mark by label: updates, and keeps the note.
    const CliResult again =
        cli(args({"mark", "Lectura", "2025-03-05", "Ana Pérez", "excused absence"}));
    ASSERT_EQ(again.exitCode, 0) << again.err.toStdString();

    const CliResult pending = cli(args({"pending", "--json"}));
    ASSERT_EQ(pending.exitCode, 0);
    const QJsonArray entries = pending.json().value(QStringLiteral("pending")).toArray();
    const QJsonObject update = entries.last().toObject();
    EXPECT_EQ(update.value(QStringLiteral("action")).toString(), QStringLiteral("UPDATE"));
    EXPECT_EQ(update.value(QStringLiteral("values"))
                  .toObject()
                  .value(QStringLiteral("attendance_type__c"))
                  .toInt(),
              2);
    EXPECT_EQ(update.value(QStringLiteral("old"))
                  .toObject()
                  .value(QStringLiteral("attendance_type__c"))
                  .toInt(),
              1);
    const QJsonObject insert = entries.at(entries.size() - 2).toObject();
    EXPECT_EQ(insert.value(QStringLiteral("action")).toString(), QStringLiteral("INSERT"));

    openStore();
    const auto mark = m_repository->attendanceOn(m_courseId, QDate(2025, 3, 5)).value(m_anaId);
    EXPECT_EQ(mark.status, 2);
    EXPECT_EQ(mark.notes, str("Lluvia fuerte"));
    EXPECT_EQ(rowCount(Role::Attendance), 1);

    const CliResult text = cli(args({"pending"}));
    EXPECT_EQ(text.exitCode, 0);
    EXPECT_TRUE(text.out.contains(QStringLiteral("attendance__c")));
}

TEST_F(CliTest, DomainRefusalsExitWithThree)
{
    const CliResult status = cli(args({"mark", "Lectura", "2025-03-05", "Ana", "Z"}));
    EXPECT_EQ(status.exitCode, 3);
    EXPECT_TRUE(status.err.contains(QStringLiteral("\"Z\"")));

    const CliResult notEnrolled = cli(args({"mark", "Lectura", "2025-03-05", "Rosa", "P"}));
    EXPECT_EQ(notEnrolled.exitCode, 3);
    EXPECT_TRUE(notEnrolled.err.contains(QStringLiteral("not enrolled")));

    const CliResult outside = cli(args({"mark", "Lectura", "2025-07-01", "Ana", "P"}));
    EXPECT_EQ(outside.exitCode, 3);
    EXPECT_TRUE(outside.err.contains(QStringLiteral("outside")));
    EXPECT_EQ(cli(args({"mark", "Lectura", "2025-07-01", "Ana", "P", "--confirm"})).exitCode, 0);

    const CliResult ambiguous = cli(args({"roster", "i"}));
    EXPECT_EQ(ambiguous.exitCode, 3);
    EXPECT_TRUE(ambiguous.err.contains(str("Inglés básico")));
}

// Issue 22, case 4: a mark for next week was accepted; now it is refused (exit 3), with or
// without --confirm, and the store holds nothing for that day.
TEST_F(CliTest, AMarkAfterTodayExitsWithThree)
{
    const QString nextWeek = QDate::currentDate().addDays(7).toString(Qt::ISODate);
    for (const QStringList &extra : {QStringList{}, QStringList{QStringLiteral("--confirm")}}) {
        const CliResult future =
            cli(args({"mark", "Lectura"}) << nextWeek << args({"Ana", "P"}) << extra);
        EXPECT_EQ(future.exitCode, 3) << future.out.toStdString();
        EXPECT_TRUE(future.err.contains(str("has not come yet"))) << future.err.toStdString();
    }
    openStore();
    EXPECT_EQ(rowCount(Role::Attendance), 0);
}

// Issue 22, case 3: with the last sync's org clock 3 days behind this laptop's, "today" is
// refused (exit 3) naming both days and how to give the date by hand, which is taken.
TEST_F(CliTest, TodayIsRefusedWhileTheClockIsDaysOff)
{
    openStore();
    const QDateTime laptopNow = LaptopClock::nowUtc();
    ASSERT_TRUE(ClockSkew(*m_store).record(laptopNow.addDays(-3), laptopNow));
    closeStore();
    const QDate orgDay = LaptopClock::today().addDays(-3);
    const CliResult today = cli(args({"mark", "Lectura", "today", "Ana", "P", "--confirm"}));
    EXPECT_EQ(today.exitCode, 3);
    EXPECT_TRUE(today.err.contains(QLocale().toString(orgDay, QLocale::LongFormat)))
        << today.err.toStdString();
    EXPECT_TRUE(today.err.contains(orgDay.toString(Qt::ISODate))) << today.err.toStdString();
    const CliResult byHand = cli(args({"mark", "Lectura"}) << orgDay.toString(Qt::ISODate)
                                                           << args({"Ana", "P", "--confirm"}));
    EXPECT_EQ(byHand.exitCode, 0) << byHand.err.toStdString();
    openStore();
    EXPECT_EQ(rowCount(Role::Attendance), 1);
    EXPECT_EQ(m_repository->attendanceOn(m_courseId, orgDay).size(), 1);
}

TEST_F(CliTest, ReportAsJson)
{
    ASSERT_EQ(cli(args({"mark", "Lectura", "2025-03-05", "Ana", "0"})).exitCode, 0);
    ASSERT_EQ(cli(args({"mark", "Lectura", "2025-03-05", "Luis", "1"})).exitCode, 0);
    const CliResult json = cli(args({"report", "Lectura", "--json"}));
    ASSERT_EQ(json.exitCode, 0);
    const QJsonObject total = json.json().value(QStringLiteral("total")).toObject();
    EXPECT_EQ(total.value(QStringLiteral("recorded")).toInt(), 2);
    EXPECT_EQ(total.value(QStringLiteral("absent")).toInt(), 1);
    EXPECT_DOUBLE_EQ(total.value(QStringLiteral("attendanceRate")).toDouble(), 0.5);
    const QJsonArray students = json.json().value(QStringLiteral("students")).toArray();
    ASSERT_EQ(students.size(), 2);
    const QJsonObject luis = students.at(0).toObject();
    EXPECT_EQ(luis.value(QStringLiteral("name")).toString(), str("Luis Gómez"));
    EXPECT_FALSE(luis.value(QStringLiteral("chronicallyAbsent")).toBool())
        << "one absence on the only recorded day is not yet chronic absence";

    const CliResult text = cli(args({"report", "Lectura"}));
    EXPECT_EQ(text.exitCode, 0);
    EXPECT_TRUE(text.out.contains(QStringLiteral("50.0 %")));
}

// Issue 25: `report --pdf` writes the printed report; poppler's pdftotext (installed by
// scripts/install-deps) reads back the course, the period, the names, the rates and the rule.
TEST_F(CliTest, ReportAsPdfHasNamesDatesAndRates)
{
    for (const char *day : {"2025-03-03", "2025-03-04", "2025-03-05", "2025-03-06"}) {
        ASSERT_EQ(cli(args({"mark", "Lectura", day, "Ana", "0"})).exitCode, 0);
        ASSERT_EQ(cli(args({"mark", "Lectura", day, "Luis", "1"})).exitCode, 0);
    }
    ASSERT_EQ(cli(args({"mark", "Lectura", "2025-03-07", "Luis", "0"})).exitCode, 0);
    const QString pdf = m_dir.filePath(QStringLiteral("report.pdf"));
    const CliResult written = cli(
        args({"report", "Lectura", "--from", "2025-03-04", "--to", "2025-03-07", "--pdf"}) << pdf);
    ASSERT_EQ(written.exitCode, 0) << written.err.toStdString();
    EXPECT_TRUE(written.out.contains(pdf)) << written.out.toStdString();
    EXPECT_TRUE(PrivateFiles::exportsOf(dbPath()).contains(pdf))
        << "removing the store removes the PDF too, as it does a CSV";

    const QString text = test::pdfText(pdf);
    const QLocale locale;
    for (const QString &expected :
         {str("Lectura inicial"), str("Ana Pérez"), str("Luis Gómez"),
          locale.toString(QDate(2025, 3, 4), QLocale::ShortFormat),
          locale.toString(QDate(2025, 3, 7), QLocale::ShortFormat), str("100 %"), str("25 %"),
          str("3 (75 %)"), str("10 % or more of the class days"), str("Attendance by week"),
          str("Chronic absence line: 90 % attended")}) {
        EXPECT_TRUE(text.contains(expected)) << expected.toStdString() << " missing from:\n"
                                             << text.toStdString();
    }
    EXPECT_FALSE(text.contains(locale.toString(QDate(2025, 3, 3), QLocale::ShortFormat)))
        << "the day before the range is nowhere";

    const CliResult unwritable = cli(args({"report", "Lectura", "--pdf"})
                                     << m_dir.filePath(QStringLiteral("no/such/folder.pdf")));
    EXPECT_EQ(unwritable.exitCode, 1);
    EXPECT_FALSE(unwritable.err.isEmpty());
}

// Issue 25: the real executable writes the PDF with no display to open (it lays the pages out
// offscreen), as a coordinator's script or a server would run it.
TEST_F(CliTest, TheExecutableWritesThePdfWithoutADisplay)
{
    ASSERT_EQ(cli(args({"mark", "Lectura", "2025-03-05", "Ana", "0"})).exitCode, 0);
    const QString pdf = m_dir.filePath(QStringLiteral("binary.pdf"));
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *variable : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"}) {
        environment.remove(QString::fromLatin1(variable));
    }
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral(PASALISTA_CLI_PATH),
                  {QStringLiteral("--db"), dbPath(), QStringLiteral("report"),
                   QStringLiteral("Lectura"), QStringLiteral("--pdf"), pdf});
    ASSERT_TRUE(process.waitForFinished(60000));
    EXPECT_EQ(process.exitCode(), 0) << process.readAll().toStdString();
    EXPECT_GT(QFileInfo(pdf).size(), 1000);
}

// Issue 25: `report --from/--to` counts only the days in the range; a date that is not one,
// or a range that ends before it starts, is a usage error that says so.
TEST_F(CliTest, ReportLimitedToADateRange)
{
    ASSERT_EQ(cli(args({"mark", "Lectura", "2025-03-03", "Ana", "1"})).exitCode, 0);
    ASSERT_EQ(cli(args({"mark", "Lectura", "2025-03-05", "Ana", "0"})).exitCode, 0);
    ASSERT_EQ(cli(args({"mark", "Lectura", "2025-03-07", "Ana", "0"})).exitCode, 0);
    const CliResult json =
        cli(args({"report", "Lectura", "--from", "2025-03-04", "--to", "2025-03-07", "--json"}));
    ASSERT_EQ(json.exitCode, 0) << json.err.toStdString();
    const QJsonObject total = json.json().value(QStringLiteral("total")).toObject();
    EXPECT_EQ(total.value(QStringLiteral("recorded")).toInt(), 2);
    EXPECT_EQ(total.value(QStringLiteral("absent")).toInt(), 0);
    EXPECT_EQ(json.json().value(QStringLiteral("from")).toString(), QStringLiteral("2025-03-04"));
    EXPECT_EQ(cli(args({"report", "Lectura", "--to", "2025-03-03", "--json"}))
                  .json()
                  .value(QStringLiteral("total"))
                  .toObject()
                  .value(QStringLiteral("absent"))
                  .toInt(),
              1);
    const CliResult text = cli(args({"report", "Lectura", "--from", "2025-03-04"}));
    EXPECT_EQ(text.exitCode, 0);
    EXPECT_TRUE(text.out.contains(str("2025-03-04 – "))) << text.out.toStdString();

    const CliResult notADate = cli(args({"report", "Lectura", "--from", "2025-02-30"}));
    EXPECT_EQ(notADate.exitCode, 2);
    EXPECT_TRUE(notADate.err.contains(QStringLiteral("\"2025-02-30\" is not a date")))
        << notADate.err.toStdString();
    const CliResult reversed =
        cli(args({"report", "Lectura", "--from", "2025-03-07", "--to", "2025-03-03"}));
    EXPECT_EQ(reversed.exitCode, 2);
    EXPECT_TRUE(reversed.err.contains(QStringLiteral("--from 2025-03-07 is after --to 2025-03-03")))
        << reversed.err.toStdString();
}

// Issue 25: each row's present, late and absent shares add up to 100.
TEST_F(CliTest, ReportPercentsAddUp)
{
    ASSERT_EQ(cli(args({"mark", "Lectura", "2025-03-03", "Ana", "1"})).exitCode, 0);
    ASSERT_EQ(cli(args({"mark", "Lectura", "2025-03-04", "Ana", "0"})).exitCode, 0);
    ASSERT_EQ(cli(args({"mark", "Lectura", "2025-03-05", "Ana", "0"})).exitCode, 0);
    const CliResult json = cli(args({"report", "Lectura", "--json"}));
    const QJsonObject percent = json.json()
                                    .value(QStringLiteral("total"))
                                    .toObject()
                                    .value(QStringLiteral("percent"))
                                    .toObject();
    EXPECT_EQ(percent, (QJsonObject{{QStringLiteral("present"), 67},
                                    {QStringLiteral("late"), 0},
                                    {QStringLiteral("absent"), 33}}));
    const CliResult text = cli(args({"report", "Lectura"}));
    EXPECT_TRUE(text.out.contains(QStringLiteral("2 (67 %)"))) << text.out.toStdString();
    EXPECT_TRUE(text.out.contains(QStringLiteral("1 (33 %)"))) << text.out.toStdString();
}

// Issue 21: marks with a code the mapping gives no meaning (the org's new 5) are in no column
// of the report, and both the table and --json say how many there are.
TEST_F(CliTest, ReportNamesMarksWithACodeOfNoMeaning)
{
    ASSERT_EQ(cli(args({"mark", "Lectura", "2025-03-05", "Ana", "0"})).exitCode, 0);
    openStore();
    const Enrollment ana = *m_repository->enrollment(m_courseId, m_anaId);
    ASSERT_TRUE(m_store->insertSynced(
        Role::Attendance, {{QStringLiteral("sfid"), nextSfid(QStringLiteral("a0A"))},
                           {LocalStore::refColumn(column(Role::Attendance, "enrollment")), ana.id},
                           {column(Role::Attendance, "date"), QDate(2025, 3, 6)},
                           {column(Role::Attendance, "status"), 5}}));
    closeStore();

    const CliResult json = cli(args({"report", "Lectura", "--json"}));
    ASSERT_EQ(json.exitCode, 0);
    const QJsonObject total = json.json().value(QStringLiteral("total")).toObject();
    EXPECT_EQ(total.value(QStringLiteral("recorded")).toInt(), 1);
    EXPECT_EQ(total.value(QStringLiteral("absent")).toInt(), 0);
    EXPECT_EQ(total.value(QStringLiteral("uncounted")).toObject(),
              (QJsonObject{{QStringLiteral("5"), 1}}));
    const CliResult text = cli(args({"report", "Lectura"}));
    EXPECT_TRUE(text.out.contains(str("code ‘5’"))) << text.out.toStdString();
}

TEST_F(CliTest, ExportQuotesCommasQuotesAndKeepsAccents)
{
    ASSERT_EQ(cli(args({"mark", "Lectura", "2025-03-05", "Ana", "E", "--note",
                        "Cita médica, dijo \"vuelvo el lunes\""}))
                  .exitCode,
              0);
    ASSERT_EQ(cli(args({"mark", "Lectura", "2025-03-05", "Luis", "P"})).exitCode, 0);
    const QString file = m_dir.filePath(QStringLiteral("asistencia.csv"));
    const CliResult result = cli(args({"export", "Lectura", "--csv"}) << file);
    ASSERT_EQ(result.exitCode, 0) << result.err.toStdString();

    QFile csv(file);
    ASSERT_TRUE(csv.open(QIODevice::ReadOnly));
    QByteArray bytes = csv.readAll();
    ASSERT_TRUE(bytes.startsWith("\xEF\xBB\xBF")) << "UTF-8 byte order mark for spreadsheets";
    const QStringList lines =
        QString::fromUtf8(bytes.mid(3)).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 3);
    EXPECT_TRUE(lines.at(0).startsWith(QStringLiteral("Date,Course,Student,")));
    EXPECT_TRUE(lines.at(1).startsWith(str("2025-03-05,Lectura inicial,Ana Pérez,")))
        << lines.at(1).toStdString();
    EXPECT_TRUE(lines.at(1).contains(
        str(",2,Excused absence,\"Cita médica, dijo \"\"vuelvo el lunes\"\"\",")))
        << lines.at(1).toStdString();
    EXPECT_TRUE(lines.at(2).contains(str("Luis Gómez")));
    EXPECT_TRUE(lines.at(2).contains(str(",0,Present,,")));

    const CliResult toStdout = cli(args({"export", "Lectura", "--csv", "-"}));
    EXPECT_EQ(toStdout.exitCode, 0);
    EXPECT_TRUE(toStdout.out.contains(str("Ana Pérez")));
}

// Issue 25: names and notes that start like formulas reach the CSV as text, in a file
// and on standard output alike.
TEST_F(CliTest, ExportNeutralisesNamesAndNotesThatStartLikeFormulas)
{
    openStore();
    addEnrolledStudent(m_courseId, QStringLiteral("=HYPERLINK(\"http://x\",\"y\")"),
                       QStringLiteral("Ruiz"));
    addEnrolledStudent(m_courseId, QStringLiteral("@cmd"), QStringLiteral("Soto"));
    closeStore();
    ASSERT_EQ(cli(args({"mark", "Lectura", "2025-03-03", "Ruiz", "P"})).exitCode, 0);
    ASSERT_EQ(cli(args({"mark", "Lectura", "2025-03-03", "Soto", "P"})).exitCode, 0);
    ASSERT_EQ(
        cli(args({"mark", "Lectura", "2025-03-03", "Ana", "P", "--note=+1 809 555 0101"})).exitCode,
        0);
    ASSERT_EQ(cli(args({"mark", "Lectura", "2025-03-04", "Ana", "P", "--note==1+1"})).exitCode, 0);
    ASSERT_EQ(
        cli(args({"mark", "Lectura", "2025-03-05", "Ana", "P", "--note=-llegó tarde"})).exitCode,
        0);
    ASSERT_EQ(cli(args({"mark", "Lectura", "2025-03-05", "Luis", "P"})).exitCode, 0);

    const QString file = m_dir.filePath(QStringLiteral("asistencia.csv"));
    ASSERT_EQ(cli(args({"export", "Lectura", "--csv"}) << file).exitCode, 0);
    QFile csv(file);
    ASSERT_TRUE(csv.open(QIODevice::ReadOnly));
    const QString fromFile = QString::fromUtf8(csv.readAll().mid(3));
    const QString toStdout = cli(args({"export", "Lectura", "--csv", "-"})).out;
    for (const QString &text : {fromFile, toStdout}) {
        EXPECT_TRUE(
            text.contains(QStringLiteral(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\") Ruiz\",")))
            << text.toStdString();
        EXPECT_TRUE(text.contains(QStringLiteral(",\"'@cmd Soto\",")));
        EXPECT_TRUE(text.contains(QStringLiteral(",\"'+1 809 555 0101\",")));
        EXPECT_TRUE(text.contains(QStringLiteral(",\"'=1+1\",")));
        EXPECT_TRUE(text.contains(str(",\"'-llegó tarde\",")));
        EXPECT_TRUE(text.contains(str(",Luis Gómez,"))) << "a normal name is unchanged";
        const QStringList cells = text.split(QRegularExpression(QStringLiteral("[,\r\n]")));
        for (const QString &cell : cells) {
            EXPECT_FALSE(CsvWriter::startsLikeFormula(cell)) << cell.toStdString();
        }
    }
}

TEST_F(CliTest, ExportWritesOnlyRegularFiles)
{
    ASSERT_EQ(cli(args({"mark", "Lectura", "2025-03-05", "Ana", "P"})).exitCode, 0);
    // A named pipe stands for a device node: QSaveFile would rename a file over either.
    const QString fifo = m_dir.filePath(QStringLiteral("pipe"));
    ASSERT_EQ(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    const CliResult toFifo = cli(args({"export", "Lectura", "--csv"}) << fifo);
    EXPECT_EQ(toFifo.exitCode, 1);
    EXPECT_TRUE(toFifo.err.contains(QStringLiteral("not a regular file")))
        << toFifo.err.toStdString();
    EXPECT_FALSE(QFileInfo(fifo).isFile()) << "the pipe is still a pipe";

    const CliResult toFolder = cli(args({"export", "Lectura", "--csv"}) << m_dir.path());
    EXPECT_EQ(toFolder.exitCode, 1);
    EXPECT_TRUE(QFileInfo(m_dir.path()).isDir());
}

TEST(CliBinary, SpeaksSpanishWhenTheSystemDoes)
{
    // The real executable, as a teacher's terminal runs it: its catalogue must be inside.
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("es_ES.UTF-8"));
    environment.insert(QStringLiteral("LANGUAGE"), QStringLiteral("es"));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(PASALISTA_CLI_PATH), {QStringLiteral("--help")});
    ASSERT_TRUE(process.waitForFinished(30000));
    const QString help = QString::fromUtf8(process.readAllStandardOutput());
    EXPECT_TRUE(help.contains(QStringLiteral("Comandos:"))) << help.toStdString();
}

TEST(CsvField, QuotesOnlyWhatNeedsIt)
{
    EXPECT_EQ(CsvWriter::field(str("José")), str("José"));
    EXPECT_EQ(CsvWriter::field(QStringLiteral("a,b")), QStringLiteral("\"a,b\""));
    EXPECT_EQ(CsvWriter::field(QStringLiteral("say \"hi\"")), QStringLiteral("\"say \"\"hi\"\"\""));
    EXPECT_EQ(CsvWriter::field(QStringLiteral("two\nlines")), QStringLiteral("\"two\nlines\""));
    EXPECT_EQ(CsvWriter::field(QString()), QString());
}

// Issue 25: a cell a spreadsheet would run as a formula is written as text (OWASP, CSV
// Injection): a single quote before it, and quoted.
TEST(CsvField, NeutralisesCellsThatStartLikeFormulas)
{
    EXPECT_EQ(CsvWriter::field(QStringLiteral("=HYPERLINK(\"http://x\",\"y\")")),
              QStringLiteral("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""));
    EXPECT_EQ(CsvWriter::field(QStringLiteral("=1+1")), QStringLiteral("\"'=1+1\""));
    EXPECT_EQ(CsvWriter::field(QStringLiteral("+1 809 555 0101")),
              QStringLiteral("\"'+1 809 555 0101\""));
    EXPECT_EQ(CsvWriter::field(str("-llegó tarde")), str("\"'-llegó tarde\""));
    EXPECT_EQ(CsvWriter::field(QStringLiteral("@cmd")), QStringLiteral("\"'@cmd\""));
    EXPECT_EQ(CsvWriter::field(QStringLiteral("\tTab")), QStringLiteral("\"'\tTab\""));
    EXPECT_EQ(CsvWriter::field(QStringLiteral("\rCR")), QStringLiteral("\"'\rCR\""));
    EXPECT_EQ(CsvWriter::field(str("Ana Pérez")), str("Ana Pérez")) << "a normal name is unchanged";
    EXPECT_EQ(CsvWriter::field(QStringLiteral("a=b")), QStringLiteral("a=b")) << "only the start";
    EXPECT_EQ(CsvWriter::field(QStringLiteral("'=1")), QStringLiteral("'=1"));
}

TEST(CliDates, ParsesIsoAndWords)
{
    EXPECT_EQ(MarkCommand::parseDate(QStringLiteral("2025-03-05")), QDate(2025, 3, 5));
    EXPECT_EQ(MarkCommand::parseDate(QStringLiteral("today")), QDate::currentDate());
    EXPECT_FALSE(MarkCommand::parseDate(QStringLiteral("05/03/2025")).isValid());
    EXPECT_FALSE(MarkCommand::parseDate(QStringLiteral("2025-13-01")).isValid());
}

TEST(CliDemo, SeedsANewStoreOnceThenRefuses)
{
    QTemporaryDir dir;
    QString outText;
    QString errText;
    QTextStream out(&outText);
    QTextStream err(&errText);
    const QStringList demo = {QStringLiteral("pasalista-cli"), QStringLiteral("--data-dir"),
                              dir.path(), QStringLiteral("demo")};
    EXPECT_EQ(CliRunner(out, err).run(demo), 0) << errText.toStdString();
    EXPECT_TRUE(outText.contains(QStringLiteral("150")));
    EXPECT_EQ(CliRunner(out, err).run(demo), 3);
    EXPECT_FALSE(errText.isEmpty());

    outText.clear();
    const QStringList courses = {QStringLiteral("pasalista-cli"), QStringLiteral("--data-dir"),
                                 dir.path(), QStringLiteral("courses"), QStringLiteral("--json")};
    EXPECT_EQ(CliRunner(out, err).run(courses), 0);
    EXPECT_EQ(QJsonDocument::fromJson(outText.toUtf8())
                  .object()
                  .value(QStringLiteral("courses"))
                  .toArray()
                  .size(),
              8);
}

} // namespace
