#pragma once

#include <QCoreApplication>
#include <QList>
#include <QSet>
#include <QString>

namespace pasalista {

class Mapping;
class Repository;
struct AttendanceMark;

// Attendance records as CSV, as `pasalista-cli export` and the export of unsent marks at
// sign-out write them: through CsvWriter (RFC 4180, no cell a spreadsheet runs as a
// formula), one header row, one row per mark. Files are written UTF-8 with a byte order mark
// (spreadsheet programs then show accents right), private to the OS user, and noted beside the
// store so that removing the store's data removes them too.
class AttendanceCsv
{
    Q_DECLARE_TR_FUNCTIONS(CliRunner)

public:
    // Whether removing the store's data removes a file written of it.
    enum class Kept
    {
        WithTheStore, // an export: removed with the data
        AfterRemoval, // unsent marks saved at sign-out: the teacher recovers them from it
    };

    explicit AttendanceCsv(Repository &repository);

    // An attendance code's label, translated; its digits when the mapping has no such code.
    static QString statusLabel(const Mapping &mapping, int code);

    // Every mark of a course; `rows` is set to how many.
    QString course(qint64 courseId, int *rows) const;
    // Every mark not sent to the org yet (waiting in the outbox), of every course.
    QString unsent(int *rows) const;
    // Writes `csv` to `file` (a regular file, or a new one), private to the OS user. False
    // (*error says what could not be written and why) when it could not.
    bool write(const QString &file, const QString &csv, QString *error,
               Kept kept = Kept::WithTheStore) const;

    // The sign-out's export: the unsent marks of the store at `storePath` written to `file`,
    // kept after the store is removed. False (*error says why) when it could not.
    static bool exportUnsent(const Mapping &mapping, const QString &storePath, const QString &file,
                             int *rows, QString *error);

private:
    QString header() const;
    QString rowsOf(qint64 courseId, const QSet<qint64> &only, int *rows) const;
    QSet<qint64> unsentMarkIds() const;

    Repository &m_repository;
};

} // namespace pasalista
