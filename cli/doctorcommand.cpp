#include "doctorcommand.h"

#include "clicontext.h"
#include "whoamicommand.h"

#include "auth/accountmanager.h"
#include "auth/session.h"
#include "net/salesforceclient.h"
#include "sync/orgdoctor.h"

#include <QJsonDocument>
#include <QTextStream>

namespace pasalista {

namespace {

QString severityLabel(DoctorFinding::Severity severity)
{
    switch (severity) {
    case DoctorFinding::Severity::Error:
        return DoctorCommand::tr("Problem");
    case DoctorFinding::Severity::Warning:
        return DoctorCommand::tr("Warning");
    case DoctorFinding::Severity::Ok:
        break;
    }
    return DoctorCommand::tr("OK");
}

void printReport(CliContext &context, const OrgDoctor::Report &report)
{
    QTextStream &out = context.out();
    for (const DoctorFinding &found : report.findings) {
        out << severityLabel(found.severity) << QStringLiteral(": ") << found.problem << Qt::endl;
        if (!found.fix.isEmpty()) {
            out << QStringLiteral("  ") << DoctorCommand::tr("Fix: %1").arg(found.fix) << Qt::endl;
        }
    }
    if (report.failure) {
        context.err()
            << DoctorCommand::tr("The org could not be checked: %1").arg(report.failureMessage)
            << Qt::endl;
    } else if (report.syncWouldFail()) {
        out << DoctorCommand::tr("A sync would fail: %n problem(s) to fix.", nullptr,
                                 report.count(DoctorFinding::Severity::Error))
            << Qt::endl;
    } else {
        out << DoctorCommand::tr("Nothing in the org stops a sync (%n warning(s)).", nullptr,
                                 report.count(DoctorFinding::Severity::Warning))
            << Qt::endl;
    }
}

} // namespace

DoctorCommand::DoctorCommand() : Command(QStringLiteral("doctor"))
{
    acceptOption(CliContext::kJson);
}

QString DoctorCommand::usage() const
{
    return tr("  doctor                           check the org for what would break a sync "
              "(exit code 1: a sync would fail)\n");
}

int DoctorCommand::execute(CliContext &context, const QStringList &)
{
    const std::optional<Mapping> mapping = context.mapping();
    if (!mapping) {
        return Failure;
    }
    if (!WhoamiCommand::restoreCurrent(context)) {
        return NotSignedIn;
    }
    const std::shared_ptr<Session> session = context.accounts().session();
    SalesforceClient client(session.get());
    const OrgDoctor::Report report = OrgDoctor(client, *mapping).run();
    if (context.isSet(CliContext::kJson)) {
        context.out() << QJsonDocument(report.toJson()).toJson(QJsonDocument::Indented);
    } else {
        printReport(context, report);
    }
    if (report.failure == ApiResponse::Outcome::SignInRequired) {
        return NotSignedIn;
    }
    if (report.failure) {
        return Unreachable;
    }
    return report.syncWouldFail() ? Failure : Success;
}

} // namespace pasalista
