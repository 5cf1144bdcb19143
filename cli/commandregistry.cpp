#include "commandregistry.h"

#include "coursescommand.h"
#include "democommand.h"
#include "doctorcommand.h"
#include "exportcommand.h"
#include "issuescommand.h"
#include "logincommand.h"
#include "logoutcommand.h"
#include "markcommand.h"
#include "pendingcommand.h"
#include "reportcommand.h"
#include "rostercommand.h"
#include "statuscommand.h"
#include "synccommand.h"
#include "whoamicommand.h"

#include <algorithm>

namespace pasalista {

CommandRegistry::CommandRegistry()
{
    // In --help's order. The local store's commands:
    m_commands.push_back(std::make_unique<CoursesCommand>());
    m_commands.push_back(std::make_unique<RosterCommand>());
    m_commands.push_back(std::make_unique<MarkCommand>());
    m_commands.push_back(std::make_unique<ReportCommand>());
    m_commands.push_back(std::make_unique<ExportCommand>());
    m_commands.push_back(std::make_unique<PendingCommand>());
    m_commands.push_back(std::make_unique<DemoCommand>());
    // Signing in (issue 4):
    m_commands.push_back(std::make_unique<LoginCommand>());
    m_commands.push_back(std::make_unique<LogoutCommand>());
    m_commands.push_back(std::make_unique<WhoamiCommand>());
    // Syncing (issue 5):
    m_commands.push_back(std::make_unique<SyncCommand>());
    m_commands.push_back(std::make_unique<StatusCommand>());
    m_commands.push_back(std::make_unique<IssuesCommand>());
    m_commands.push_back(std::make_unique<DoctorCommand>());
}

CommandRegistry::~CommandRegistry() = default;

Command *CommandRegistry::find(const QString &name) const
{
    const auto found = std::find_if(
        m_commands.begin(), m_commands.end(),
        [&name](const std::unique_ptr<Command> &command) { return command->name() == name; });
    return found == m_commands.end() ? nullptr : found->get();
}

QList<Command *> CommandRegistry::all() const
{
    QList<Command *> commands;
    for (const std::unique_ptr<Command> &command : m_commands) {
        commands.append(command.get());
    }
    return commands;
}

} // namespace pasalista
