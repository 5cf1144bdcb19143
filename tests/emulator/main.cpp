// salesforce-emulator: a local stand-in for a Salesforce org (see README.md here).
#include "emulator.h"
#include "emulatorserver.h"

#include <QCoreApplication>
#include <QTimer>

#include <csignal>
#include <cstdio>

using namespace pasalista::emulator;

namespace {
volatile std::sig_atomic_t g_stopRequested = 0;

void requestStop(int)
{
    g_stopRequested = 1;
}

void print(FILE *stream, const QString &text)
{
    std::fputs(text.toLocal8Bit().constData(), stream);
    std::fflush(stream);
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("salesforce-emulator"));
    QString error;
    const auto options = EmulatorOptions::parse(QCoreApplication::arguments(), &error);
    if (!options) {
        print(stderr, error + u'\n');
        return error.startsWith(QLatin1String("Usage")) ? 0 : 2;
    }
    auto emulator = Emulator::create(*options, &error);
    if (!emulator) {
        print(stderr, QStringLiteral("salesforce-emulator: %1\n").arg(error));
        return 2;
    }
    // Two hosts, as Salesforce has: the login host (OAuth, identity URLs) and the
    // instance (instance_url, the REST API).
    EmulatorServer login(emulator.get(), HttpRequest::Host::Login);
    EmulatorServer instance(emulator.get(), HttpRequest::Host::Instance);
    if (login.listenOnLoopback(options->port) == 0 ||
        instance.listenOnLoopback(options->instancePort) == 0) {
        print(stderr, QStringLiteral("salesforce-emulator: cannot listen on 127.0.0.1:%1/%2\n")
                          .arg(options->port)
                          .arg(options->instancePort));
        return 1;
    }
    emulator->setHosts(login.baseUrl(), instance.baseUrl());
    print(stdout, emulator->banner(login.baseUrl(), instance.baseUrl()));

    // Signal handlers only set a flag; the event loop notices it and shuts down cleanly,
    // saving the state file on the way out.
    std::signal(SIGINT, requestStop);
    std::signal(SIGTERM, requestStop);
    QTimer housekeeping;
    QObject::connect(&housekeeping, &QTimer::timeout, &app, [&] {
        emulator->saveStateIfDirty();
        if (g_stopRequested)
            QCoreApplication::quit();
    });
    housekeeping.start(200);
    const int status = QCoreApplication::exec();
    emulator->saveStateIfDirty();
    return status;
}
