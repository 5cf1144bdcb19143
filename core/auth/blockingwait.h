#pragma once

#include <QEventLoop>

#include <functional>
#include <optional>

namespace pasalista {

// The blocking form of an asynchronous call, for the CLI and worker threads (never the GUI
// thread): `start` begins the call with a callback; this waits in a local event loop of the
// calling thread until the callback ran, and returns what it got.
template <typename Result>
Result waitForCallback(const std::function<void(std::function<void(Result)>)> &start)
{
    std::optional<Result> result;
    QEventLoop loop;
    start([&result, &loop](Result value) {
        result = std::move(value);
        loop.quit();
    });
    if (!result)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    return std::move(*result);
}

} // namespace pasalista
