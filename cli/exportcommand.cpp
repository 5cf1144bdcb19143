#include "exportcommand.h"

#include "clicontext.h"

#include "attendancecsv.h"

#include <QTextStream>

namespace pasalista {

namespace {

const QString kCsv = QStringLiteral("csv");

} // namespace

ExportCommand::ExportCommand() : StoreCommand(QStringLiteral("export"), 1, CourseArgument::First)
{
    addOption({kCsv, tr("File to write, or - for standard output (export)."), tr("FILE")});
}

int ExportCommand::checkArguments(CliContext &context, const QStringList &)
{
    if (context.value(kCsv).isEmpty()) {
        return context.usageError(tr("%1 needs --csv FILE.").arg(name()));
    }
    return Success;
}

int ExportCommand::run(const QStringList &)
{
    const AttendanceCsv attendance(repository());
    int records = 0;
    const QString csv = attendance.course(selectedCourseId(), &records);
    const QString file = context().value(kCsv);
    if (file == QLatin1String("-")) {
        out() << csv;
        return Success;
    }
    QString error;
    if (!attendance.write(file, csv, &error)) {
        err() << error << Qt::endl;
        return Failure;
    }
    out() << tr("Wrote %n attendance record(s) to %1.", nullptr, records).arg(file) << Qt::endl;
    return Success;
}

} // namespace pasalista
