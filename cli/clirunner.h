#pragma once

// cli/: pasalista-cli as a library beside the window (ui/), over core; app/ links it and
// tests run it in-process. It owns the command line (CliRunner), the commands, one class
// each (a Command with execute(), listed in CommandRegistry), what they share (CliContext:
// streams, options, the accounts' set-up) and the exit codes. ui/ includes nothing from here.

#include "commandregistry.h"
#include "exitcodes.h"

#include <QCoreApplication>
#include <QStringList>

class QCommandLineParser;
class QTextStream;

namespace pasalista {

class CliContext;
class Command;

// pasalista-cli: the teacher's work from a terminal, over the same store as the app.
//
//   pasalista-cli [--data-dir DIR] [--db FILE] [--mapping FILE] <command> [args]
//
// Parses the command line, checks it against the command's arguments and options, and runs
// the command from CommandRegistry. Output goes to the injected streams so tests run it
// in-process.
class CliRunner : public CliExitCodes
{
    Q_DECLARE_TR_FUNCTIONS(CliRunner)

public:
    CliRunner(QTextStream &out, QTextStream &err);
    ~CliRunner();

    // `arguments` as QCoreApplication::arguments() gives them: the program name first.
    int run(const QStringList &arguments);

private:
    void addOptions(QCommandLineParser &parser) const;
    QString usage(const QCommandLineParser &parser) const;
    int checkCommand(const QCommandLineParser &parser, const Command &command,
                     const CliContext &context) const;
    int dispatch(const QCommandLineParser &parser);

    QTextStream &m_out;
    QTextStream &m_err;
    CommandRegistry m_commands;
};

} // namespace pasalista
