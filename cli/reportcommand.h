#pragma once

#include "storecommand.h"

namespace pasalista {

// `report COURSE [--from DATE] [--to DATE] [--json | --pdf FILE]`: attendance counts per
// student, and the course's total, over the whole course or the dates given; with --pdf, the
// printed report (weekly chart, lists across the teacher's courses) as a PDF file.
class ReportCommand : public StoreCommand
{
    Q_DECLARE_TR_FUNCTIONS(CliRunner)

public:
    ReportCommand();

protected:
    int checkArguments(CliContext &context, const QStringList &arguments) override;
    int run(const QStringList &arguments) override;

private:
    int writePdf(qint64 courseId, const QDate &from, const QDate &to);
};

} // namespace pasalista
