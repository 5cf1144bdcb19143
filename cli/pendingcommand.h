#pragma once

#include "storecommand.h"

namespace pasalista {

// `pending [--json]`: the changes waiting in the outbox to sync.
class PendingCommand : public StoreCommand
{
    Q_DECLARE_TR_FUNCTIONS(CliRunner)

public:
    PendingCommand();

protected:
    int run(const QStringList &arguments) override;
};

} // namespace pasalista
