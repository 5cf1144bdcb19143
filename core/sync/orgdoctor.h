#pragma once

#include "mapping.h"
#include "net/apiresponse.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace pasalista {

class DescribeRules;
class SalesforceClient;

// One thing `pasalista-cli doctor` found in the org: what is wrong, in an org admin's words,
// and how to fix it. An Error stops a sync; a Warning does not yet.
struct DoctorFinding
{
    enum class Severity
    {
        Error,
        Warning,
        Ok
    };

    Severity severity = Severity::Error;
    QString check; // stable name for --json: field_missing, field_not_updateable, ...
    QString object;
    QString field;
    QString problem;
    QString fix; // empty when there is nothing to fix

    QJsonObject toJson() const;
    static QString severityName(Severity severity);
};

// Checks, with the signed-in user's own session, what would break a sync against the
// mapping: the API version, every mapped object and field readable (and writable where the
// app writes), the external ID fields, the attendance codes, and the API calls left today.
class OrgDoctor
{
    Q_DECLARE_TR_FUNCTIONS(pasalista::OrgDoctor)

public:
    struct Report
    {
        QList<DoctorFinding> findings;
        // Set when the org could not be asked at all (not signed in, unreachable).
        std::optional<ApiResponse::Outcome> failure;
        QString failureMessage;

        bool syncWouldFail() const;
        int count(DoctorFinding::Severity severity) const;
        QJsonObject toJson() const;
    };

    OrgDoctor(SalesforceClient &client, const Mapping &mapping);
    Report run();

private:
    bool checkApiVersion(Report &report);
    bool checkObject(Report &report, const ObjectMapping &object);
    void checkReadable(Report &report, const ObjectMapping &object, const DescribeRules &rules);
    void checkWritable(Report &report, const ObjectMapping &object, const QJsonObject &describe,
                       const DescribeRules &rules);
    void checkExternalId(Report &report, const ObjectMapping &object, const DescribeRules &rules);
    void checkAttendanceCodes(Report &report, const DescribeRules &rules);
    void checkApiCalls(Report &report);
    // The fields a push sends for the object: its roles' bound fields and the external ID.
    QStringList writtenFields(const ObjectMapping &object) const;
    // Ends the checks when the org cannot answer them (not signed in, unreachable, no API
    // calls left); false when the reply can be judged.
    bool stop(Report &report, const ApiResponse &response);
    static QString apiCallsFix();
    static DoctorFinding noApiCallsLeft(int max);

    SalesforceClient &m_client;
    const Mapping &m_mapping;
};

} // namespace pasalista
