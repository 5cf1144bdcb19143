#pragma once

#include "command.h"

#include <QCoreApplication>

namespace pasalista {

class CliContext;

// `doctor [--json]`: signs in as `sync` does and checks the org for what would break a sync
// (OrgDoctor), each finding with its fix. Exit code 0 when a sync would work (warnings
// allowed), 1 when it would fail, 4 not signed in, 5 org unreachable.
class DoctorCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(pasalista::DoctorCommand)

public:
    DoctorCommand();
    QString usage() const override;
    int execute(CliContext &context, const QStringList &arguments) override;
};

} // namespace pasalista
