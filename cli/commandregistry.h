#pragma once

#include <QList>
#include <QString>

#include <memory>
#include <vector>

namespace pasalista {

class Command;

// Every pasalista-cli command, by name: the one list CliRunner checks and dispatches from.
class CommandRegistry
{
public:
    CommandRegistry();
    ~CommandRegistry();

    // nullptr when no command has that name.
    Command *find(const QString &name) const;
    QList<Command *> all() const;

private:
    std::vector<std::unique_ptr<Command>> m_commands;
};

} // namespace pasalista
