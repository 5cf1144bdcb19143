#pragma once

#include "exitcodes.h"

#include <QCommandLineOption>
#include <QList>
#include <QString>
#include <QStringList>

namespace pasalista {

class CliContext;

// One pasalista-cli command, after KeePassXC's src/cli: its name, the arguments and options
// it takes (set by its constructor), and execute(). Adding a command: a subclass in a file
// pair of its own and one line in CommandRegistry::CommandRegistry().
class Command : public CliExitCodes
{
public:
    virtual ~Command() = default;

    // The word typed after pasalista-cli.
    QString name() const { return m_name; }
    // How many positional arguments follow the name.
    int argumentCount() const { return m_argumentCount; }
    virtual bool acceptsArgumentCount(int given) const { return given == m_argumentCount; }
    // The options it defines (added to the command line).
    QList<QCommandLineOption> options() const { return m_options; }
    // The long names of every option it takes besides the global ones.
    QStringList acceptedOptions() const { return m_acceptedOptions; }
    // Its lines under "Commands:" in --help; empty when CliRunner's own list has them.
    virtual QString usage() const { return {}; }

    // Runs with the command line already checked against the above; returns the exit code.
    virtual int execute(CliContext &context, const QStringList &arguments) = 0;

protected:
    explicit Command(const QString &name, int argumentCount = 0);
    // An option this command defines, or one defined elsewhere that it also reads.
    void addOption(const QCommandLineOption &option);
    void acceptOption(const QString &longName);

private:
    QString m_name;
    int m_argumentCount = 0;
    QList<QCommandLineOption> m_options;
    QStringList m_acceptedOptions;
};

} // namespace pasalista
