#pragma once

#include "accountstorecommand.h"

namespace pasalista {

class ApiBudget;

// `status [--json]`: who is signed in, changes waiting, issues, last sync, API calls spent.
class StatusCommand : public AccountStoreCommand
{
    Q_DECLARE_TR_FUNCTIONS(pasalista::SyncCommands)

public:
    StatusCommand();

protected:
    int run(CliContext &context, LocalStore &store, const QStringList &arguments) override;

private:
    static QString apiUsageText(const ApiBudget &budget, int cap);
};

} // namespace pasalista
