#include "storecommand.h"

#include "clicontext.h"

#include "attendancecsv.h"
#include "logging.h"
#include "repository.h"
#include "store/localstore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace pasalista {

StoreCommand::StoreCommand(const QString &name, int argumentCount, CourseArgument courseArgument)
    : Command(name, argumentCount), m_courseArgument(courseArgument)
{
}

StoreCommand::~StoreCommand() = default;

int StoreCommand::execute(CliContext &context, const QStringList &arguments)
{
    m_context = &context;
    if (const int checked = checkArguments(context, arguments); checked != Success) {
        return checked;
    }
    if (const int opened = openStore(); opened != Success) {
        return opened;
    }
    qCInfo(lcCli) << "command" << name();
    if (m_courseArgument == CourseArgument::First) {
        int exitCode = Success;
        const auto courseId = resolveCourse(arguments.at(0), &exitCode);
        if (!courseId) {
            return exitCode;
        }
        m_courseId = *courseId;
    }
    return run(arguments);
}

int StoreCommand::checkArguments(CliContext &, const QStringList &)
{
    return Success;
}

int StoreCommand::openStore()
{
    const std::optional<Mapping> mapping = m_context->mapping();
    if (!mapping) {
        return Failure;
    }
    const QString path = m_context->storePath();
    if (const int locked = m_context->refuseLockedStore(path); locked != Success) {
        return locked;
    }
    m_store = std::make_unique<LocalStore>(*mapping);
    if (!m_store->open(path)) {
        err() << m_store->errorString() << Qt::endl;
        return Failure;
    }
    m_repository = std::make_unique<Repository>(*m_store);
    qCDebug(lcCli) << "store" << path;
    return Success;
}

QTextStream &StoreCommand::out() const
{
    return m_context->out();
}

QTextStream &StoreCommand::err() const
{
    return m_context->err();
}

int StoreCommand::refused(const DomainError &error) const
{
    return m_context->refused(error);
}

std::optional<qint64> StoreCommand::resolveCourse(const QString &ref, int *exitCode) const
{
    DomainError error;
    const auto id = m_repository->findCourse(ref, &error);
    if (!id) {
        *exitCode = refused(error);
    }
    return id;
}

QString StoreCommand::statusLabel(int code) const
{
    return AttendanceCsv::statusLabel(m_repository->mapping(), code);
}

QJsonObject StoreCommand::courseJson(const Course &course) const
{
    return QJsonObject{{QStringLiteral("id"), course.id},
                       {QStringLiteral("sfid"), course.sfid},
                       {QStringLiteral("key"), course.key},
                       {QStringLiteral("title"), course.title},
                       {QStringLiteral("startDate"), isoOrEmpty(course.startDate)},
                       {QStringLiteral("endDate"), isoOrEmpty(course.endDate)},
                       {QStringLiteral("program"), course.programName},
                       {QStringLiteral("facilitators"), course.facilitatorNames},
                       {QStringLiteral("enrolled"), course.enrolledCount},
                       {QStringLiteral("active"), course.isActiveOn(QDate::currentDate())}};
}

void StoreCommand::writeJson(const QJsonObject &object) const
{
    out() << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
}

void StoreCommand::writeTable(const QStringList &headers, const QList<QStringList> &rows) const
{
    QList<qsizetype> widths;
    for (const QString &header : headers) {
        widths.append(header.size());
    }
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i) {
            widths[i] = std::max(widths[i], row.at(i).size());
        }
    }
    const auto writeRow = [this, &widths](const QStringList &cells) {
        QStringList padded;
        for (qsizetype i = 0; i < cells.size(); ++i) {
            padded.append(i + 1 < cells.size() ? cells.at(i).leftJustified(widths.at(i))
                                               : cells.at(i));
        }
        QString line = padded.join(QStringLiteral("  "));
        while (line.endsWith(QLatin1Char(' '))) {
            line.chop(1); // an empty last column leaves no trailing blanks
        }
        out() << line << Qt::endl;
    };
    writeRow(headers);
    for (const QStringList &row : rows) {
        writeRow(row);
    }
}

QString StoreCommand::isoOrEmpty(const QDate &date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

QString StoreCommand::recordRef(const QString &sfid, const QString &key)
{
    return sfid.isEmpty() ? key : sfid;
}

} // namespace pasalista
