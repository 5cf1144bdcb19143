#pragma once

#include "mapping.h"

namespace pasalista::test {

// The Dream mapping with the whole org in scope: every generated record is pulled, not only
// one teacher's courses, so volume tests get the volume they ask the emulator for.
Mapping wholeOrgMapping();

} // namespace pasalista::test
