#include "rostercommand.h"

#include "clicontext.h"

#include "repository.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

namespace pasalista {

RosterCommand::RosterCommand() : StoreCommand(QStringLiteral("roster"), 1, CourseArgument::First)
{
    acceptOption(CliContext::kJson);
}

int RosterCommand::run(const QStringList &)
{
    const qint64 courseId = selectedCourseId();
    const auto course = repository().course(courseId);
    const QList<Student> students = repository().roster(courseId);
    if (context().isSet(CliContext::kJson)) {
        QJsonArray array;
        for (const Student &student : students) {
            array.append(
                QJsonObject{{QStringLiteral("id"), student.id},
                            {QStringLiteral("sfid"), student.sfid},
                            {QStringLiteral("key"), student.key},
                            {QStringLiteral("firstName"), student.firstName},
                            {QStringLiteral("lastName"), student.lastName},
                            {QStringLiteral("nickname"), student.nickname},
                            {QStringLiteral("dateOfBirth"), isoOrEmpty(student.dateOfBirth)},
                            {QStringLiteral("phone"), student.phone1}});
        }
        writeJson(QJsonObject{{QStringLiteral("course"), courseJson(*course)},
                              {QStringLiteral("students"), array}});
        return Success;
    }
    out() << tr("%1: %n student(s)", nullptr, int(students.size())).arg(course->title) << Qt::endl;
    QList<QStringList> rows;
    for (const Student &student : students) {
        rows.append({student.lastName, student.firstName, student.nickname,
                     isoOrEmpty(student.dateOfBirth), student.phone1,
                     recordRef(student.sfid, student.key)});
    }
    writeTable(
        {tr("Last name"), tr("First name"), tr("Nickname"), tr("Born"), tr("Phone"), tr("Id")},
        rows);
    return Success;
}

} // namespace pasalista
