#pragma once

// Backoff lives in core/net now, beside the client; this forwarding header is kept until
// the outbox stops needing it.
#include "net/backoff.h"
