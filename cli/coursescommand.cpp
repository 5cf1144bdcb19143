#include "coursescommand.h"

#include "clicontext.h"

#include "repository.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

namespace pasalista {

CoursesCommand::CoursesCommand() : StoreCommand(QStringLiteral("courses"))
{
    acceptOption(CliContext::kJson);
}

int CoursesCommand::run(const QStringList &)
{
    const QList<Course> courses = repository().courses();
    if (context().isSet(CliContext::kJson)) {
        QJsonArray array;
        for (const Course &course : courses) {
            array.append(courseJson(course));
        }
        writeJson(QJsonObject{{QStringLiteral("courses"), array}});
        return Success;
    }
    if (courses.isEmpty()) {
        out() << tr("No courses in the local store.") << Qt::endl;
        return Success;
    }
    QList<QStringList> rows;
    for (const Course &course : courses) {
        rows.append({course.title,
                     tr("%1 to %2").arg(isoOrEmpty(course.startDate), isoOrEmpty(course.endDate)),
                     course.programName, course.facilitatorNames,
                     QString::number(course.enrolledCount), recordRef(course.sfid, course.key)});
    }
    writeTable(
        {tr("Course"), tr("Dates"), tr("Program"), tr("Facilitators"), tr("Students"), tr("Id")},
        rows);
    return Success;
}

} // namespace pasalista
