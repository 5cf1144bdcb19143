#pragma once

#include "exitcodes.h"

#include "domainerror.h"
#include "records.h"

#include <QCoreApplication>
#include <QDate>
#include <QStringList>

#include <memory>
#include <optional>

class QCommandLineParser;
class QJsonObject;
class QTextStream;

namespace pasalista {

class LocalStore;
class Repository;

// pasalista-cli: the teacher's work from a terminal, over the same store as the app.
//
//   pasalista-cli [--data-dir DIR] [--db FILE] [--mapping FILE] <command> [args]
//
// Commands: courses, roster COURSE, mark COURSE DATE STUDENT STATUS [--note TEXT]
// [--confirm], report COURSE, export COURSE --csv FILE, pending, demo. Read commands
// take --json. Output goes to the injected streams so tests run it in-process.
class CliRunner : public CliExitCodes
{
    Q_DECLARE_TR_FUNCTIONS(CliRunner)

public:
    CliRunner(QTextStream &out, QTextStream &err);
    ~CliRunner();

    // `arguments` as QCoreApplication::arguments() gives them: the program name first.
    int run(const QStringList &arguments);

    // The store file inside a data folder. One place, because signing in will make it one
    // file per org user.
    static QString storePath(const QString &dataDir);
    static QString defaultDataDir();
    // The store the commands use: the signed-in account's, else storePath(dataDir).
    static QString accountStorePath(const QString &dataDir);
    // RFC 4180 field quoting: quotes a field holding a comma, quote, CR or LF.
    static QString csvField(const QString &value);
    // A class date typed by a person: yyyy-MM-dd, "today" or "yesterday".
    static QDate parseDate(const QString &text);

private:
    struct Command
    {
        QString name;
        int arguments = 0;
        QStringList options; // options this command accepts besides the global ones
    };

    static QList<Command> commands();
    void addOptions(QCommandLineParser &parser) const;
    QString usage(const QCommandLineParser &parser) const;
    int usageError(const QString &message);
    int refused(const DomainError &error);
    int checkCommand(const QCommandLineParser &parser, const Command &command);
    int openStore(const QCommandLineParser &parser);
    int dispatch(const QCommandLineParser &parser, const QString &name, const QStringList &args);

    int listCourses(bool json);
    int showRoster(const QString &courseRef, bool json);
    int mark(const QStringList &args, const QCommandLineParser &parser);
    int showReport(const QString &courseRef, bool json);
    int exportCsv(const QString &courseRef, const QString &file);
    int listPending(bool json);
    int seedDemo();

    std::optional<qint64> resolveCourse(const QString &ref, int *exitCode);
    QString statusLabel(int code) const;
    QJsonObject courseJson(const Course &course) const;
    void writeJson(const QJsonObject &object);
    void writeTable(const QStringList &headers, const QList<QStringList> &rows);

    QTextStream &m_out;
    QTextStream &m_err;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<Repository> m_repository;
};

} // namespace pasalista
