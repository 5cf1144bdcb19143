#include "exportcommand.h"

#include "clicontext.h"

#include "csvwriter.h"
#include "repository.h"

#include <QFileInfo>
#include <QSaveFile>
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
    const qint64 courseId = selectedCourseId();
    const auto course = repository().course(courseId);
    QHash<qint64, Student> students;
    for (const Student &student : repository().roster(courseId)) {
        students.insert(student.id, student);
    }
    CsvWriter csv;
    csv.addRow({tr("Date"), tr("Course"), tr("Student"), tr("Student Id"), tr("Status code"),
                tr("Status"), tr("Notes"), tr("Attendance Id")});
    const QList<AttendanceMark> marks = repository().attendanceOfCourse(courseId);
    for (const AttendanceMark &mark : marks) {
        const Student student = students.value(mark.studentId);
        csv.addRow({mark.date.toString(Qt::ISODate), course->title, student.fullName(),
                    recordRef(student.sfid, student.key), QString::number(mark.status),
                    statusLabel(mark.status), mark.notes, recordRef(mark.sfid, mark.key)});
    }
    return writeCsv(context().value(kCsv), csv.text(), int(marks.size()));
}

int ExportCommand::writeCsv(const QString &file, const QString &csv, int records) const
{
    if (file == QLatin1String("-")) {
        out() << csv;
        return Success;
    }
    // QSaveFile replaces the target by renaming over it: on a device node, a socket or a
    // folder that would destroy something that is not ours. Only regular files are written.
    const QFileInfo target(file);
    if (target.exists() && !target.isFile()) {
        err() << tr("Cannot write %1: not a regular file.").arg(file) << Qt::endl;
        return Failure;
    }
    // UTF-8 with a byte order mark: spreadsheet programs then show accents right.
    QSaveFile output(file);
    if (!output.open(QIODevice::WriteOnly) || output.write("\xEF\xBB\xBF") < 0 ||
        output.write(csv.toUtf8()) < 0 || !output.commit()) {
        err() << tr("Cannot write %1: %2").arg(file, output.errorString()) << Qt::endl;
        return Failure;
    }
    out() << tr("Wrote %n attendance record(s) to %1.", nullptr, records).arg(file) << Qt::endl;
    return Success;
}

} // namespace pasalista
