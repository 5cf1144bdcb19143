#pragma once

#include "storecommand.h"

namespace pasalista {

// `courses [--json]`: the courses of the local store.
class CoursesCommand : public StoreCommand
{
    Q_DECLARE_TR_FUNCTIONS(CliRunner)

public:
    CoursesCommand();

protected:
    int run(const QStringList &arguments) override;
};

} // namespace pasalista
