#pragma once

namespace pasalista {

// Capped exponential backoff with jitter, so that many laptops coming back online at
// once do not retry in step.
class Backoff
{
public:
    // Pause before the next try inside one sync cycle: 0.25 s, 0.5 s, 1 s... ± 50 %.
    static unsigned long withinCycle(int attempt);
    // Delay before an automatic sync retries a record or a failed cycle: 30 s doubling
    // up to one hour, ± 50 %.
    static long long betweenCycles(int attempt);
};

} // namespace pasalista
