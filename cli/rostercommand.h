#pragma once

#include "storecommand.h"

namespace pasalista {

// `roster COURSE [--json]`: a course's enrolled students.
class RosterCommand : public StoreCommand
{
    Q_DECLARE_TR_FUNCTIONS(CliRunner)

public:
    RosterCommand();

protected:
    int run(const QStringList &arguments) override;
};

} // namespace pasalista
