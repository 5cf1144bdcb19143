#pragma once

#include "storecommand.h"

namespace pasalista {

// `demo`: fills a new, empty store with the demo programme.
class DemoCommand : public StoreCommand
{
    Q_DECLARE_TR_FUNCTIONS(CliRunner)

public:
    DemoCommand();

protected:
    int run(const QStringList &arguments) override;
};

} // namespace pasalista
