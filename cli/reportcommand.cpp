#include "reportcommand.h"

#include "clicontext.h"

#include "reports.h"
#include "repository.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

namespace pasalista {

namespace {

QString percent(double rate)
{
    return QStringLiteral("%1 %").arg(rate * 100.0, 0, 'f', 1);
}

// Marks whose code has no meaning in the mapping, by code: {"5": 10}.
QJsonObject uncountedJson(const AttendanceSummary &summary)
{
    QJsonObject codes;
    for (auto it = summary.uncounted.constBegin(); it != summary.uncounted.constEnd(); ++it) {
        codes.insert(QString::number(it.key()), it.value());
    }
    return codes;
}

QJsonObject summaryJson(const AttendanceSummary &summary)
{
    return QJsonObject{{QStringLiteral("uncounted"), uncountedJson(summary)},
                       {QStringLiteral("name"), summary.name},
                       {QStringLiteral("studentId"), summary.studentId},
                       {QStringLiteral("recorded"), summary.recorded},
                       {QStringLiteral("present"), summary.present},
                       {QStringLiteral("late"), summary.late},
                       {QStringLiteral("absent"), summary.absent},
                       {QStringLiteral("excused"), summary.excused},
                       {QStringLiteral("attendanceRate"), summary.attendanceRate()},
                       {QStringLiteral("chronicallyAbsent"), summary.chronicallyAbsent()}};
}

} // namespace

ReportCommand::ReportCommand() : StoreCommand(QStringLiteral("report"), 1, CourseArgument::First)
{
    acceptOption(CliContext::kJson);
}

int ReportCommand::run(const QStringList &)
{
    const qint64 courseId = selectedCourseId();
    const auto course = repository().course(courseId);
    const Reports reports(repository());
    QList<AttendanceSummary> rows = reports.courseReport(courseId);
    const AttendanceSummary total = rows.takeLast();
    if (context().isSet(CliContext::kJson)) {
        QJsonArray array;
        for (const AttendanceSummary &row : std::as_const(rows)) {
            array.append(summaryJson(row));
        }
        writeJson(QJsonObject{{QStringLiteral("course"), courseJson(*course)},
                              {QStringLiteral("students"), array},
                              {QStringLiteral("total"), summaryJson(total)}});
        return Success;
    }
    out() << course->title << Qt::endl;
    QList<QStringList> table;
    for (const AttendanceSummary &row : std::as_const(rows) + QList<AttendanceSummary>{total}) {
        table.append(
            {row.name, QString::number(row.recorded), QString::number(row.present),
             QString::number(row.late), QString::number(row.absent), QString::number(row.excused),
             percent(row.attendanceRate()),
             row.studentId != 0 && row.chronicallyAbsent() ? tr("chronic absence") : QString()});
    }
    writeTable({tr("Student"), tr("Days"), tr("Present"), tr("Late"), tr("Absent"), tr("Excused"),
                tr("Attendance"), QString()},
               table);
    for (const QString &notice : reports.uncountedNotices(total)) {
        out() << notice << Qt::endl;
    }
    return Success;
}

} // namespace pasalista
