#pragma once

#include "storecommand.h"

namespace pasalista {

// `report COURSE [--from DATE] [--to DATE] [--json]`: attendance counts per student, and
// the course's total, over the whole course or the dates given.
class ReportCommand : public StoreCommand
{
    Q_DECLARE_TR_FUNCTIONS(CliRunner)

public:
    ReportCommand();

protected:
    int checkArguments(CliContext &context, const QStringList &arguments) override;
    int run(const QStringList &arguments) override;
};

} // namespace pasalista
