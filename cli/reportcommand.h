#pragma once

#include "storecommand.h"

namespace pasalista {

// `report COURSE [--json]`: attendance counts per student, and the course's total.
class ReportCommand : public StoreCommand
{
    Q_DECLARE_TR_FUNCTIONS(CliRunner)

public:
    ReportCommand();

protected:
    int run(const QStringList &arguments) override;
};

} // namespace pasalista
