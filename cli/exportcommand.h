#pragma once

#include "storecommand.h"

namespace pasalista {

// `export COURSE --csv FILE`: a course's attendance records as CSV (FILE - for
// standard output), written by CsvWriter so that no cell runs as a formula.
class ExportCommand : public StoreCommand
{
    Q_DECLARE_TR_FUNCTIONS(CliRunner)

public:
    ExportCommand();

protected:
    int run(const QStringList &arguments) override;
    int checkArguments(CliContext &context, const QStringList &arguments) override;
};

} // namespace pasalista
