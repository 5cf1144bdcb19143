#pragma once

namespace pasalista {

// pasalista-cli's exit codes, as the README lists them: the one definition every command
// takes by inheriting it (so every command's NotSignedIn is the same number by construction).
// Core knows none of them: a sync's result becomes one in SyncCommand::exitCodeOf().
struct CliExitCodes
{
    enum ExitCode
    {
        Success = 0,
        Failure = 1, // for sync: some records failed or conflicted, or the cycle failed
        UsageError = 2,
        Refused = 3, // refused by a domain rule
        NotSignedIn = 4,
        Unreachable = 5, // the org could not be reached
    };
};

} // namespace pasalista
