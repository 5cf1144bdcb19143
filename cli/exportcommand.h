#pragma once

#include "storecommand.h"

namespace pasalista {

// `export COURSE --csv FILE`: a course's attendance records as CSV (FILE - for
// standard output).
class ExportCommand : public StoreCommand
{
    Q_DECLARE_TR_FUNCTIONS(CliRunner)

public:
    ExportCommand();

    // RFC 4180 field quoting: quotes a field holding a comma, quote, CR or LF.
    static QString csvField(const QString &value);

protected:
    int run(const QStringList &arguments) override;
    int checkArguments(CliContext &context, const QStringList &arguments) override;
};

} // namespace pasalista
