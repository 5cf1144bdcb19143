#include "attendancecsv.h"

#include "csvwriter.h"
#include "privatefiles.h"
#include "repository.h"
#include "store/localstore.h"

#include <QFileInfo>
#include <QSaveFile>

namespace pasalista {

AttendanceCsv::AttendanceCsv(Repository &repository) : m_repository(repository) {}

QString AttendanceCsv::statusLabel(const Mapping &mapping, int code)
{
    const AttendanceCode *known = mapping.attendanceCode(code);
    if (!known) {
        return QString::number(code);
    }
    return QCoreApplication::translate("AttendanceLabels", known->label.toUtf8().constData());
}

namespace {

QString csvRow(const QStringList &fields)
{
    CsvWriter row;
    row.addRow(fields);
    return row.text();
}

// How a record is named: its Salesforce Id, else its Pasalista Id.
QString recordRef(const QString &sfid, const QString &key)
{
    return sfid.isEmpty() ? key : sfid;
}

} // namespace

QString AttendanceCsv::header() const
{
    return csvRow({tr("Date"), tr("Course"), tr("Student"), tr("Student Id"), tr("Status code"),
                   tr("Status"), tr("Notes"), tr("Attendance Id")});
}

QString AttendanceCsv::course(qint64 courseId, int *rows) const
{
    *rows = 0;
    return header() + rowsOf(courseId, {}, rows);
}

QString AttendanceCsv::unsent(int *rows) const
{
    *rows = 0;
    const QSet<qint64> unsentIds = unsentMarkIds();
    QString csv = header();
    if (unsentIds.isEmpty()) {
        return csv;
    }
    for (const Course &course : m_repository.courses()) {
        csv += rowsOf(course.id, unsentIds, rows);
    }
    return csv;
}

// `only` empty: every mark of the course.
QString AttendanceCsv::rowsOf(qint64 courseId, const QSet<qint64> &only, int *rows) const
{
    const auto course = m_repository.course(courseId);
    QHash<qint64, Student> students;
    for (const Student &student : m_repository.roster(courseId)) {
        students.insert(student.id, student);
    }
    QString csv;
    for (const AttendanceMark &mark : m_repository.attendanceOfCourse(courseId)) {
        if (!only.isEmpty() && !only.contains(mark.id)) {
            continue;
        }
        const Student student = students.value(mark.studentId);
        csv +=
            csvRow({mark.date.toString(Qt::ISODate), course ? course->title : QString(),
                    student.fullName(), recordRef(student.sfid, student.key),
                    QString::number(mark.status), statusLabel(m_repository.mapping(), mark.status),
                    mark.notes, recordRef(mark.sfid, mark.key)});
        ++*rows;
    }
    return csv;
}

QSet<qint64> AttendanceCsv::unsentMarkIds() const
{
    const QString table = m_repository.mapping().table(Role::Attendance);
    QSet<qint64> ids;
    for (const OutboxEntry &entry :
         m_repository.store().outboxEntries({outbox::New, outbox::Pending, outbox::Failed})) {
        if (entry.tableName == table) {
            ids.insert(entry.recordId);
        }
    }
    return ids;
}

bool AttendanceCsv::write(const QString &file, const QString &csv, QString *error, Kept kept) const
{
    // QSaveFile replaces the target by renaming over it: on a device node, a socket or a
    // folder that would destroy something that is not ours. Only regular files are written.
    const QFileInfo target(file);
    if (target.exists() && !target.isFile()) {
        *error = tr("Cannot write %1: %2").arg(file, tr("not a regular file."));
        return false;
    }
    QSaveFile output(file);
    if (!output.open(QIODevice::WriteOnly) || output.write("\xEF\xBB\xBF") < 0 ||
        output.write(csv.toUtf8()) < 0 || !output.commit()) {
        *error = tr("Cannot write %1: %2").arg(file, output.errorString());
        return false;
    }
    PrivateFiles::restrictFile(file);
    if (kept == Kept::WithTheStore) {
        PrivateFiles::noteExport(m_repository.store().path(), file);
    }
    return true;
}

bool AttendanceCsv::exportUnsent(const Mapping &mapping, const QString &storePath,
                                 const QString &file, int *rows, QString *error)
{
    LocalStore store(mapping);
    if (!store.open(storePath)) {
        *error = store.errorString();
        return false;
    }
    Repository repository(store);
    const AttendanceCsv attendance(repository);
    return attendance.write(file, attendance.unsent(rows), error, Kept::AfterRemoval);
}

} // namespace pasalista
