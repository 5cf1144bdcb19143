#include "clirunner.h"

#include "clicontext.h"
#include "command.h"

#include "apppaths.h"

#include <QCommandLineParser>
#include <QTextStream>

namespace pasalista {

namespace {

const QString kVersion = QStringLiteral("version");
const QString kHelp = QStringLiteral("help");

} // namespace

CliRunner::CliRunner(QTextStream &out, QTextStream &err) : m_out(out), m_err(err) {}

CliRunner::~CliRunner() = default;

void CliRunner::addOptions(QCommandLineParser &parser) const
{
    parser.addOptions({
        {CliContext::kDataDir,
         tr("Folder of the local store (default: %1).").arg(AppPaths::dataDir()), tr("DIR")},
        {CliContext::kDb, tr("Local store file, instead of the one in the data folder."),
         tr("FILE")},
        {CliContext::kMapping, tr("Mapping file (default: the Dream programme's mapping)."),
         tr("FILE")},
        {CliContext::kJson, tr("Print JSON instead of text (read commands).")},
    });
    // Each command's own options. One command defines each; those several read are above.
    for (const Command *command : m_commands.all()) {
        parser.addOptions(command->options());
    }
    parser.addOptions({
        {kVersion, tr("Print the version.")},
        {{QStringLiteral("h"), kHelp}, tr("Print this help.")},
    });
    parser.addPositionalArgument(QStringLiteral("command"), tr("What to do; see Commands."));
}

QString CliRunner::usage(const QCommandLineParser &parser) const
{
    QString text =
        parser.helpText() +
        tr("\nCommands:\n"
           "  courses                          list the courses\n"
           "  roster COURSE                    list a course's students\n"
           "  mark COURSE DATE STUDENT STATUS  mark attendance (STATUS: code, letter or "
           "label)\n"
           "  report COURSE                    attendance counts per student\n"
           "  report COURSE --pdf FILE         the report with its weekly chart, as a PDF\n"
           "  export COURSE --csv FILE         attendance records as CSV\n"
           "  pending                          changes waiting to sync\n"
           "  demo                             fill a new store with demo data\n"
           "  sync                             send changes to the org and fetch its changes\n"
           "  status                           who is signed in, changes waiting, last sync\n"
           "  issues                           records the org refused and conflicts\n"
           "  issues retry ID | dismiss ID     send a refused record again, or settle an "
           "issue as the Sync issues window does\n"
           "COURSE and STUDENT: Salesforce Id, Pasalista Id or an unambiguous name.\n");
    for (const Command *command : m_commands.all()) {
        text += command->usage();
    }
    return text;
}

int CliRunner::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Pasalista: attendance for after-school programmes."));
    addOptions(parser);
    int exitCode = Success;
    if (!parser.parse(arguments)) {
        exitCode = CliContext(m_out, m_err).usageError(parser.errorText());
    } else if (parser.isSet(kVersion)) {
        m_out << QStringLiteral("pasalista-cli ") << QLatin1String(PASALISTA_VERSION) << Qt::endl;
    } else if (parser.isSet(kHelp)) {
        m_out << usage(parser);
    } else if (parser.positionalArguments().isEmpty()) {
        exitCode = CliContext(m_out, m_err).usageError(tr("no command given."));
    } else {
        exitCode = dispatch(parser);
    }
    m_out.flush();
    m_err.flush();
    return exitCode;
}

int CliRunner::checkCommand(const QCommandLineParser &parser, const Command &command,
                            const CliContext &context) const
{
    const QStringList global = {CliContext::kDataDir, CliContext::kDb, CliContext::kMapping};
    const QStringList accepted = command.acceptedOptions();
    for (const QString &option : parser.optionNames()) {
        const QString longName = option == QLatin1String("h") ? kHelp : option;
        if (!global.contains(longName) && !accepted.contains(longName)) {
            return context.usageError(tr("%1 does not take --%2.").arg(command.name(), longName));
        }
    }
    const int given = int(parser.positionalArguments().size()) - 1;
    if (!command.acceptsArgumentCount(given)) {
        return context.usageError(
            tr("%1 takes %n argument(s).", nullptr, command.argumentCount()).arg(command.name()));
    }
    return Success;
}

int CliRunner::dispatch(const QCommandLineParser &parser)
{
    QStringList arguments = parser.positionalArguments();
    const QString name = arguments.takeFirst();
    CliContext context(m_out, m_err);
    context.setParser(&parser);
    Command *command = m_commands.find(name);
    if (!command) {
        return context.usageError(tr("unknown command \"%1\".").arg(name));
    }
    if (const int checked = checkCommand(parser, *command, context); checked != Success) {
        return checked;
    }
    return command->execute(context, arguments);
}

} // namespace pasalista
