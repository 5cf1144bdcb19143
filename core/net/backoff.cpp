#include "backoff.h"

#include <QRandomGenerator>

#include <algorithm>

namespace pasalista {

namespace {

long long jittered(long long base)
{
    const double factor = 0.5 + QRandomGenerator::global()->generateDouble(); // 0.5 .. 1.5
    return static_cast<long long>(double(base) * factor);
}

} // namespace

unsigned long Backoff::withinCycle(int attempt)
{
    return static_cast<unsigned long>(jittered(250LL << std::clamp(attempt, 0, 4)));
}

long long Backoff::betweenCycles(int attempt)
{
    constexpr long long kFirst = 30'000;
    constexpr long long kCap = 3'600'000;
    return jittered(std::min(kCap, kFirst << std::clamp(attempt, 0, 7)));
}

} // namespace pasalista
