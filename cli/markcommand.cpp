#include "markcommand.h"

#include "clicontext.h"

#include "laptopclock.h"
#include "repository.h"
#include "sync/clockskew.h"

#include <QTextStream>

namespace pasalista {

namespace {

const QString kNote = QStringLiteral("note");
const QString kConfirm = QStringLiteral("confirm");

} // namespace

MarkCommand::MarkCommand() : StoreCommand(QStringLiteral("mark"), 4, CourseArgument::First)
{
    addOption({kNote, tr("Note to keep with the mark (mark)."), tr("TEXT")});
    addOption({kConfirm, tr("Mark a date outside the course's dates (mark).")});
}

QDate MarkCommand::parseDate(const QString &text)
{
    const QString word = text.trimmed().toLower();
    if (word == QLatin1String("today")) {
        return LaptopClock::today();
    }
    if (word == QLatin1String("yesterday")) {
        return LaptopClock::today().addDays(-1);
    }
    return QDate::fromString(word, QStringLiteral("yyyy-MM-dd"));
}

int MarkCommand::checkArguments(CliContext &context, const QStringList &arguments)
{
    if (!parseDate(arguments.at(1)).isValid()) {
        return context.usageError(
            tr("\"%1\" is not a date; write it as YYYY-MM-DD.").arg(arguments.at(1)));
    }
    return Success;
}

int MarkCommand::run(const QStringList &arguments)
{
    const qint64 courseId = selectedCourseId();
    const QDate date = parseDate(arguments.at(1));
    DomainError error;
    // Within the roster first, so a first name is enough; then anyone, so that a student
    // who is not enrolled gets that explained rather than "not found".
    auto studentId = repository().findStudent(arguments.at(2), &error, courseId);
    if (!studentId && error.code == DomainError::Code::NotFound) {
        studentId = repository().findStudent(arguments.at(2), &error);
    }
    if (!studentId) {
        return refused(error);
    }
    const auto status = repository().statusFromText(arguments.at(3));
    if (!status) {
        return refuseStatus(arguments.at(3));
    }
    // Without --note, a re-mark keeps the note already there.
    const QString notes = context().isSet(kNote)
                              ? context().value(kNote)
                              : repository().attendanceOn(courseId, date).value(*studentId).notes;
    if (DomainError refusal = repository().markAttendance(courseId, *studentId, date, *status,
                                                          notes, context().isSet(kConfirm))) {
        if (refusal.code == DomainError::Code::WrongClock) {
            refusal.message += QLatin1Char('\n') +
                               tr("Give the class date as YYYY-MM-DD; by the org's clock today is "
                                  "%1.")
                                   .arg(ClockSkew(store()).orgToday().toString(Qt::ISODate));
        }
        return refused(refusal);
    }
    out() << tr("%1: %2 on %3 in %4.")
                 .arg(repository().student(*studentId)->fullName(), statusLabel(*status),
                      date.toString(Qt::ISODate), repository().course(courseId)->title)
          << Qt::endl
          << tr("%n change(s) waiting to sync.", nullptr, store().pendingChangeCount()) << Qt::endl;
    return Success;
}

int MarkCommand::refuseStatus(const QString &text) const
{
    DomainError invalid;
    invalid.code = DomainError::Code::InvalidStatus;
    QStringList codes;
    for (const AttendanceCode &code : repository().mapping().attendanceCodes()) {
        codes.append(
            QStringLiteral("%1/%2 (%3)").arg(code.code).arg(code.shortcut, statusLabel(code.code)));
    }
    invalid.message = tr("\"%1\" is not an attendance status. Use one of: %2.")
                          .arg(text, codes.join(QStringLiteral(", ")));
    return refused(invalid);
}

} // namespace pasalista
