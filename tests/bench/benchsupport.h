#pragma once

// What the benchmark commands share: their count options, the org they start and the
// teacher's identity in it.
#include "auth/identity.h"
#include "emulatorprocess.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

namespace pasalista::bench {

inline const QString kTeacher = QStringLiteral("maria.rodriguez@dream.demo");
inline const QString kTeacherPassword = QStringLiteral("Maria-2024");

// An option taking a number, e.g. `--students n`.
inline QCommandLineOption countOption(const char *name, const char *description,
                                      const char *defaultValue)
{
    return QCommandLineOption(QString::fromLatin1(name), QString::fromLatin1(description),
                              QStringLiteral("n"), QString::fromLatin1(defaultValue));
}

// Reads the command line: `options` and --help.
inline void parseOptions(QCommandLineParser &parser, const QCoreApplication &app,
                         const QList<QCommandLineOption> &options)
{
    parser.addHelpOption();
    parser.addOptions(options);
    parser.process(app);
}

// The options that size a generated org, and the emulator's --generate spec they give.
struct OrgSizeOptions
{
    QCommandLineOption students = countOption("students", "Students.", "5000");
    QCommandLineOption enrollments = countOption("enrollments", "Enrollments.", "10000");
    QCommandLineOption attendance = countOption("attendance", "Attendance records.", "100000");

    QList<QCommandLineOption> all() const { return {attendance, students, enrollments}; }
    QString spec(const QCommandLineParser &parser) const
    {
        return QStringLiteral("students=%1,enrollments=%2,attendance=%3")
            .arg(parser.value(students), parser.value(enrollments), parser.value(attendance));
    }
};

// True when the org runs; otherwise says why on stderr.
inline bool orgStarted(const test::EmulatorProcess &org)
{
    if (org.isRunning()) {
        return true;
    }
    std::fprintf(stderr, "the emulator did not start\n%s\n", qPrintable(org.startupOutput()));
    return false;
}

// The identity a laptop signed in to `org` holds (the demo's teacher, or nobody in particular
// for a generated org).
inline Identity identityIn(const test::EmulatorProcess &org, const QString &email = {})
{
    Identity identity;
    identity.email = email;
    identity.instanceUrl = org.instanceUrl();
    identity.loginUrl = org.baseUrl();
    return identity;
}

// One figure of issue 26's table, read by tests/bench/benchtable.sh: "FIGURE key value".
inline void printFigure(const char *key, double value)
{
    std::printf("FIGURE %s %.3f\n", key, value);
    std::fflush(stdout);
}

} // namespace pasalista::bench
