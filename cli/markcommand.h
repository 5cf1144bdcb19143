#pragma once

#include "storecommand.h"

namespace pasalista {

// `mark COURSE DATE STUDENT STATUS [--note TEXT] [--confirm]`: marks (or re-marks)
// one student's attendance on a date.
class MarkCommand : public StoreCommand
{
    Q_DECLARE_TR_FUNCTIONS(CliRunner)

public:
    MarkCommand();

    // A class date typed by a person: yyyy-MM-dd, "today" or "yesterday".
    static QDate parseDate(const QString &text);

protected:
    int run(const QStringList &arguments) override;
    int checkArguments(CliContext &context, const QStringList &arguments) override;

private:
    int refuseStatus(const QString &text) const;
};

} // namespace pasalista
