#include "reportcommand.h"

#include "clicontext.h"
#include "markcommand.h"

#include "coursedocuments.h"
#include "pdffile.h"
#include "privatefiles.h"
#include "reports.h"
#include "repository.h"

#include <QDir>
#include <QGuiApplication>
#include <QTextDocument>

#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

namespace pasalista {

namespace {

const QString kFrom = QStringLiteral("from");
const QString kTo = QStringLiteral("to");
const QString kPdf = QStringLiteral("pdf");

// The shares of present, late and absent days, adding up to 100.
QJsonObject percentJson(const AttendanceSummary &summary)
{
    const QList<int> shares = Reports::statusPercents(summary);
    return QJsonObject{{QStringLiteral("present"), shares.at(0)},
                       {QStringLiteral("late"), shares.at(1)},
                       {QStringLiteral("absent"), shares.at(2)}};
}

// "2 (67 %)": a count and its share of the recorded days, shares that add up to 100.
QString countWithShare(int count, int share)
{
    return count == 0 ? QStringLiteral("0") : QStringLiteral("%1 (%2 %)").arg(count).arg(share);
}

// An ISO date, or null for an open end of the range.
QJsonValue dateJson(const QDate &date)
{
    return date.isValid() ? QJsonValue(date.toString(Qt::ISODate)) : QJsonValue();
}

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
                       {QStringLiteral("percent"), percentJson(summary)},
                       {QStringLiteral("chronicallyAbsent"), summary.chronicallyAbsent()}};
}

} // namespace

ReportCommand::ReportCommand() : StoreCommand(QStringLiteral("report"), 1, CourseArgument::First)
{
    acceptOption(CliContext::kJson);
    addOption({kFrom, tr("First day the report counts, YYYY-MM-DD (report)."), tr("DATE")});
    addOption({kTo, tr("Last day the report counts, YYYY-MM-DD (report)."), tr("DATE")});
    addOption(
        {kPdf, tr("Write the report, with its weekly chart, to a PDF file (report)."), tr("FILE")});
}

int ReportCommand::checkArguments(CliContext &context, const QStringList &)
{
    for (const QString &option : {kFrom, kTo}) {
        if (context.isSet(option) && !MarkCommand::parseDate(context.value(option)).isValid()) {
            return context.usageError(
                tr("\"%1\" is not a date; write it as YYYY-MM-DD.").arg(context.value(option)));
        }
    }
    const QDate from = MarkCommand::parseDate(context.value(kFrom));
    const QDate to = MarkCommand::parseDate(context.value(kTo));
    if (from.isValid() && to.isValid() && from > to) {
        return context.usageError(tr("--from %1 is after --to %2: the report would count no day.")
                                      .arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate)));
    }
    if (context.isSet(kPdf) && context.value(kPdf).isEmpty()) {
        return context.usageError(tr("--pdf needs the name of the file to write."));
    }
    return Success;
}

// Fonts lay the page out, and fonts need a QGuiApplication (main makes one for --pdf).
int ReportCommand::writePdf(qint64 courseId, const QDate &from, const QDate &to)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        err() << tr("A PDF cannot be laid out without fonts (no QGuiApplication).") << Qt::endl;
        return Failure;
    }
    const QString path = context().value(kPdf);
    const auto document = CourseDocuments(repository()).report(courseId, from, to);
    QString error;
    if (!PdfFile::write(*document, path, &error)) {
        err() << error << Qt::endl;
        return Failure;
    }
    // An export of her students' data, like the CSV: removing the store removes it too.
    PrivateFiles::noteExport(repository().store().path(), path);
    out() << tr("Report written to %1").arg(QDir::toNativeSeparators(path)) << Qt::endl;
    return Success;
}

int ReportCommand::run(const QStringList &)
{
    const qint64 courseId = selectedCourseId();
    const auto course = repository().course(courseId);
    const Reports reports(repository());
    const QDate from = MarkCommand::parseDate(context().value(kFrom));
    const QDate to = MarkCommand::parseDate(context().value(kTo));
    if (context().isSet(kPdf)) {
        return writePdf(courseId, from, to);
    }
    QList<AttendanceSummary> rows = reports.courseReport(courseId, from, to);
    const AttendanceSummary total = rows.takeLast();
    if (context().isSet(CliContext::kJson)) {
        QJsonArray array;
        for (const AttendanceSummary &row : std::as_const(rows)) {
            array.append(summaryJson(row));
        }
        writeJson(QJsonObject{{QStringLiteral("course"), courseJson(*course)},
                              {QStringLiteral("from"), dateJson(from)},
                              {QStringLiteral("to"), dateJson(to)},
                              {QStringLiteral("students"), array},
                              {QStringLiteral("total"), summaryJson(total)}});
        return Success;
    }
    out() << course->title;
    if (from.isValid() || to.isValid()) {
        // "2025-03-01 – 2025-03-31", an open end left blank: dates need no translation.
        out() << QStringLiteral("  %1 \u2013 %2")
                     .arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate));
    }
    out() << Qt::endl;
    QList<QStringList> table;
    for (const AttendanceSummary &row : std::as_const(rows) + QList<AttendanceSummary>{total}) {
        const QList<int> shares = Reports::statusPercents(row);
        table.append(
            {row.name, QString::number(row.recorded), countWithShare(row.present, shares.at(0)),
             countWithShare(row.late, shares.at(1)), countWithShare(row.absent, shares.at(2)),
             QString::number(row.excused), percent(row.attendanceRate()),
             row.studentId != 0 && row.chronicallyAbsent() ? Reports::chronicAbsenceLabel()
                                                           : QString()});
    }
    writeTable(Reports::columnTitles() << QString(), table);
    for (const QString &notice : reports.uncountedNotices(total)) {
        out() << notice << Qt::endl;
    }
    return Success;
}

} // namespace pasalista
