#include "command.h"

namespace pasalista {

Command::Command(const QString &name, int argumentCount)
    : m_name(name), m_argumentCount(argumentCount)
{
}

void Command::addOption(const QCommandLineOption &option)
{
    m_options.append(option);
    acceptOption(option.names().constLast());
}

void Command::acceptOption(const QString &longName)
{
    m_acceptedOptions.append(longName);
}

} // namespace pasalista
