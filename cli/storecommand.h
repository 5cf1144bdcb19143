#pragma once

#include "command.h"

#include "records.h"

#include <QCoreApplication>

#include <memory>
#include <optional>

class QJsonObject;

namespace pasalista {

class LocalStore;
class Repository;
struct DomainError;

// A command over the local store (courses, roster, mark, ...): execute() opens the store the
// global options name, then run() does the work. Also what their output shares: tables,
// JSON, course references and status labels.
class StoreCommand : public Command
{
    Q_DECLARE_TR_FUNCTIONS(CliRunner)

public:
    ~StoreCommand() override;

    int execute(CliContext &context, const QStringList &arguments) final;

protected:
    // First: the first argument names a course, found before run() (selectedCourseId()).
    enum class CourseArgument
    {
        None,
        First,
    };

    explicit StoreCommand(const QString &name, int argumentCount = 0,
                          CourseArgument courseArgument = CourseArgument::None);

    // What can be refused before the store is opened; Success to go on.
    virtual int checkArguments(CliContext &context, const QStringList &arguments);
    virtual int run(const QStringList &arguments) = 0;

    CliContext &context() const { return *m_context; }
    QTextStream &out() const;
    QTextStream &err() const;
    LocalStore &store() const { return *m_store; }
    Repository &repository() const { return *m_repository; }
    qint64 selectedCourseId() const { return m_courseId; }

    int refused(const DomainError &error) const;
    QString statusLabel(int code) const;
    QJsonObject courseJson(const Course &course) const;
    void writeJson(const QJsonObject &object) const;
    void writeTable(const QStringList &headers, const QList<QStringList> &rows) const;

    static QString isoOrEmpty(const QDate &date);
    // How a record is named in output: its Salesforce Id, else its Pasalista Id.
    static QString recordRef(const QString &sfid, const QString &key);

private:
    int openStore();
    // The course a reference names; nullopt (the refusal printed, *exitCode set) otherwise.
    std::optional<qint64> resolveCourse(const QString &ref, int *exitCode) const;

    CourseArgument m_courseArgument = CourseArgument::None;
    qint64 m_courseId = 0;
    CliContext *m_context = nullptr;
    std::unique_ptr<LocalStore> m_store;
    std::unique_ptr<Repository> m_repository;
};

} // namespace pasalista
