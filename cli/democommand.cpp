#include "democommand.h"

#include "demodata.h"
#include "store/localstore.h"

#include <QTextStream>

namespace pasalista {

DemoCommand::DemoCommand() : StoreCommand(QStringLiteral("demo")) {}

int DemoCommand::run(const QStringList &)
{
    if (!DemoData::isEmpty(store())) {
        err() << tr("The store %1 already holds data; demo data goes only into a new store "
                    "(use --data-dir or --db with a new file).")
                     .arg(store().path())
              << Qt::endl;
        return Refused;
    }
    DemoData demo(store());
    if (!demo.populate()) {
        err() << demo.errorString() << Qt::endl;
        return Failure;
    }
    const DemoData::Counts &counts = demo.counts();
    out() << tr("Demo data written to %1:").arg(store().path()) << Qt::endl
          << tr("%1 programs, %2 teachers, %3 courses, %4 students, %5 enrollments, "
                "%6 attendance records.")
                 .arg(counts.programs)
                 .arg(counts.teachers)
                 .arg(counts.courses)
                 .arg(counts.students)
                 .arg(counts.enrollments)
                 .arg(counts.attendance)
          << Qt::endl;
    return Success;
}

} // namespace pasalista
