#include "orgdoctor.h"

#include "net/salesforceclient.h"
#include "sync/apibudget.h"
#include "sync/describerules.h"

#include <QJsonArray>

namespace pasalista {

namespace {

using Severity = DoctorFinding::Severity;

DoctorFinding finding(Severity severity, const QString &check, const ObjectMapping &object,
                      const QString &field, const QString &problem, const QString &fix)
{
    return {severity, check, object.objectName, field, problem, fix};
}

// A finding only where the org lacks what the app needs.
void addUnless(bool granted, OrgDoctor::Report &report, DoctorFinding found)
{
    if (!granted) {
        report.findings.append(std::move(found));
    }
}

} // namespace

QString DoctorFinding::severityName(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return QStringLiteral("error");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Ok:
        break;
    }
    return QStringLiteral("ok");
}

QJsonObject DoctorFinding::toJson() const
{
    return {{QStringLiteral("severity"), severityName(severity)},
            {QStringLiteral("check"), check},
            {QStringLiteral("object"), object},
            {QStringLiteral("field"), field},
            {QStringLiteral("problem"), problem},
            {QStringLiteral("fix"), fix}};
}

bool OrgDoctor::Report::syncWouldFail() const
{
    return failure.has_value() || count(Severity::Error) > 0;
}

int OrgDoctor::Report::count(Severity severity) const
{
    return static_cast<int>(
        std::count_if(findings.begin(), findings.end(), [severity](const DoctorFinding &found) {
            return found.severity == severity;
        }));
}

QJsonObject OrgDoctor::Report::toJson() const
{
    QJsonArray list;
    for (const DoctorFinding &found : findings) {
        list.append(found.toJson());
    }
    QJsonObject json{{QStringLiteral("syncWouldFail"), syncWouldFail()},
                     {QStringLiteral("errors"), count(Severity::Error)},
                     {QStringLiteral("warnings"), count(Severity::Warning)},
                     {QStringLiteral("findings"), list}};
    if (failure) {
        json.insert(QStringLiteral("failure"), failureMessage);
    }
    return json;
}

OrgDoctor::OrgDoctor(SalesforceClient &client, const Mapping &mapping)
    : m_client(client), m_mapping(mapping)
{
}

OrgDoctor::Report OrgDoctor::run()
{
    Report report;
    if (!checkApiVersion(report)) {
        return report;
    }
    for (const ObjectMapping &object : m_mapping.objects()) {
        if (!checkObject(report, object)) {
            return report;
        }
    }
    checkApiCalls(report);
    return report;
}

bool OrgDoctor::stop(Report &report, const ApiResponse &response)
{
    if (response.errorCode == QLatin1String("REQUEST_LIMIT_EXCEEDED")) {
        report.findings.append(noApiCallsLeft(m_client.apiMax()));
        return true;
    }
    if (response.outcome != ApiResponse::Outcome::SignInRequired &&
        response.outcome != ApiResponse::Outcome::Transient) {
        return false;
    }
    report.failure = response.outcome;
    report.failureMessage =
        response.errorMessage.isEmpty() ? response.errorCode : response.errorMessage;
    return true;
}

bool OrgDoctor::checkApiVersion(Report &report)
{
    const ApiResponse versions = m_client.get(QStringLiteral("/services/data"));
    if (stop(report, versions)) {
        return false;
    }
    const QString used = m_client.apiVersion(); // "v60.0"
    const QJsonArray offered = versions.json.array();
    const bool available = std::any_of(offered.begin(), offered.end(), [&](const QJsonValue &v) {
        return QStringLiteral("v") + v.toObject().value(QLatin1String("version")).toString() ==
               used;
    });
    if (available) {
        report.findings.append({Severity::Ok,
                                QStringLiteral("api_version"),
                                {},
                                {},
                                tr("The org offers API version %1, which the app uses.").arg(used),
                                {}});
        return true;
    }
    report.findings.append(
        {Severity::Error,
         QStringLiteral("api_version"),
         {},
         {},
         tr("The org does not offer API version %1, which this Pasalista uses.").arg(used),
         tr("Install the newest Pasalista on the laptops: Salesforce retires old API versions.")});
    return true;
}

bool OrgDoctor::checkObject(Report &report, const ObjectMapping &object)
{
    const ApiResponse described =
        m_client.get(QStringLiteral("sobjects/%1/describe").arg(object.objectName));
    if (stop(report, described)) {
        return false;
    }
    if (!described.ok()) {
        report.findings.append(finding(
            Severity::Error, QStringLiteral("object_missing"), object, {},
            tr("The org has no object %1, or the teachers may not read it.").arg(object.objectName),
            tr("Deploy the Pasalista metadata (installer/salesforce) or create %1 in Setup, "
               "Object Manager; then give the Pasalista Teacher permission set Read access to it.")
                .arg(object.objectName)));
        return true;
    }
    const QJsonObject describe = described.json.object();
    const DescribeRules rules = DescribeRules::fromDescribe(describe, object.fields);
    checkReadable(report, object, rules);
    checkExternalId(report, object, rules);
    if (object.writable) {
        checkWritable(report, object, describe, rules);
    }
    if (object.objectName == m_mapping.objectFor(Role::Attendance).objectName) {
        checkAttendanceCodes(report, rules);
    }
    return true;
}

void OrgDoctor::checkReadable(Report &report, const ObjectMapping &object,
                              const DescribeRules &rules)
{
    for (const QString &field : object.fields) {
        if (rules.access(field) || field == object.upsertField) {
            continue; // the external ID has a finding of its own
        }
        report.findings.append(finding(
            Severity::Error, QStringLiteral("field_missing"), object, field,
            tr("%1 has no field %2, or the teachers may not read it.")
                .arg(object.objectName, field),
            tr("In Setup, Object Manager, %1, Fields and Relationships, create %2. If it exists, "
               "give it Read access in the Pasalista Teacher permission set (Field Permissions).")
                .arg(object.objectName, field)));
    }
}

void OrgDoctor::checkWritable(Report &report, const ObjectMapping &object,
                              const QJsonObject &describe, const DescribeRules &rules)
{
    const QString objectFix =
        tr("In the Pasalista Teacher permission set, Object Settings, %1: tick Read, Create and "
           "Edit.")
            .arg(object.objectName);
    if (!describe.value(QLatin1String("createable")).toBool()) {
        report.findings.append(finding(
            Severity::Error, QStringLiteral("object_not_createable"), object, {},
            tr("The teachers may not create %1 records.").arg(object.objectName), objectFix));
    }
    if (!describe.value(QLatin1String("updateable")).toBool()) {
        report.findings.append(
            finding(Severity::Error, QStringLiteral("object_not_updateable"), object, {},
                    tr("The teachers may not edit %1 records.").arg(object.objectName), objectFix));
    }
    for (const QString &field : writtenFields(object)) {
        const std::optional<DescribeRules::Access> access = rules.access(field);
        if (!access) {
            continue; // field_missing or external_id_missing says it
        }
        const QString fix =
            tr("In the Pasalista Teacher permission set, Object Settings, %1: give %2 Edit "
               "access (Field Permissions). A formula or auto-number field cannot be mapped "
               "as one the app writes.")
                .arg(object.objectName, field);
        addUnless(access->createable, report,
                  finding(Severity::Error, QStringLiteral("field_not_createable"), object, field,
                          tr("The teachers may not fill in %2 when they create a %1 record.")
                              .arg(object.objectName, field),
                          fix));
        // The external ID is written once, when the record is created.
        addUnless(
            access->updateable || field == object.upsertField, report,
            finding(
                Severity::Error, QStringLiteral("field_not_updateable"), object, field,
                tr("The teachers may not change %2 on %1 records.").arg(object.objectName, field),
                fix));
    }
}

void OrgDoctor::checkExternalId(Report &report, const ObjectMapping &object,
                                const DescribeRules &rules)
{
    if (object.upsertField.isEmpty()) {
        return;
    }
    const QString &field = object.upsertField;
    const std::optional<DescribeRules::Access> access = rules.access(field);
    if (!access) {
        report.findings.append(finding(
            Severity::Error, QStringLiteral("external_id_missing"), object, field,
            tr("%1 has no external ID field %2, or the teachers may not read it: the app cannot "
               "send new records without it.")
                .arg(object.objectName, field),
            tr("Create %2 on %1 as a Text(36) field marked External ID and Unique (the "
               "Pasalista metadata in installer/salesforce has it), and give it Read and Edit "
               "access in the Pasalista Teacher permission set.")
                .arg(object.objectName, field)));
        return;
    }
    const QString editFix = tr("In Setup, Object Manager, %1, Fields and Relationships, edit %2 "
                               "and tick External ID and Unique (remove duplicate values first).")
                                .arg(object.objectName, field);
    const struct
    {
        bool granted;
        Severity severity;
        const char *check;
        QString problem;
    } marks[] = {
        {access->externalId, Severity::Error, "external_id_not_external",
         tr("%2 on %1 is not marked External ID: the org refuses the app's new records.")
             .arg(object.objectName, field)},
        {access->unique, Severity::Warning, "external_id_not_unique",
         tr("%2 on %1 is not marked Unique: two records could share one Pasalista Id, and the "
            "app could not tell them apart.")
             .arg(object.objectName, field)},
    };
    for (const auto &mark : marks) {
        addUnless(mark.granted, report,
                  finding(mark.severity, QLatin1String(mark.check), object, field, mark.problem,
                          editFix));
    }
}

void OrgDoctor::checkAttendanceCodes(Report &report, const DescribeRules &rules)
{
    const ObjectMapping &object = m_mapping.objectFor(Role::Attendance);
    const QString field = m_mapping.field(Role::Attendance, QStringLiteral("status"));
    const std::optional<DescribeRules::Access> access = rules.access(field);
    if (!access || access->type != QLatin1String("picklist")) {
        return; // a number field has no list of values to compare
    }
    QStringList known;
    for (const AttendanceCode &code : m_mapping.attendanceCodes()) {
        known.append(QString::number(code.code));
    }
    QStringList unknown;
    for (const QString &value : access->picklistValues) {
        if (!known.contains(value)) {
            unknown.append(value);
        }
    }
    const QStringList restricted = rules.allowedValues(field);
    QStringList refused;
    for (const QString &code : std::as_const(known)) {
        if (!restricted.isEmpty() && !restricted.contains(code)) {
            refused.append(code);
        }
    }
    const QString where =
        tr("Setup, Object Manager, %1, Fields and Relationships, %2").arg(object.objectName, field);
    if (!refused.isEmpty()) {
        report.findings.append(
            finding(Severity::Error, QStringLiteral("picklist_missing_codes"), object, field,
                    tr("%2 on %1 is a restricted picklist without the attendance codes %3: the org "
                       "refuses marks with them.")
                        .arg(object.objectName, field, refused.join(QStringLiteral(", "))),
                    tr("Add the values %1 to the picklist (%2).")
                        .arg(refused.join(QStringLiteral(", ")), where)));
    }
    if (!unknown.isEmpty()) {
        report.findings.append(finding(
            Severity::Warning, QStringLiteral("picklist_unknown_values"), object, field,
            tr("%2 on %1 has values the app does not know: %3. Attendance entered with them "
               "in the office shows as an unknown status.")
                .arg(object.objectName, field, unknown.join(QStringLiteral(", "))),
            tr("Deactivate those values (%1), or add them to the attendance codes of the app's "
               "mapping file.")
                .arg(where)));
    }
}

void OrgDoctor::checkApiCalls(Report &report)
{
    const ApiResponse limits = m_client.get(QStringLiteral("limits"));
    const QJsonObject daily =
        limits.json.object().value(QLatin1String("DailyApiRequests")).toObject();
    // Reading limits needs "View Setup and Configuration"; every reply's Sforce-Limit-Info
    // header tells the same count.
    const int max = limits.ok() ? daily.value(QLatin1String("Max")).toInt() : m_client.apiMax();
    const int remaining = limits.ok() ? daily.value(QLatin1String("Remaining")).toInt()
                                      : m_client.apiMax() - m_client.apiUsed();
    if (max <= 0) {
        return;
    }
    if (remaining <= 0) {
        report.findings.append(noApiCallsLeft(max));
    } else if (remaining < max * ApiBudget::kReserve) {
        report.findings.append(
            {Severity::Warning,
             QStringLiteral("api_calls"),
             {},
             {},
             tr("Only %1 of the org's %2 API calls a day are left: syncs may stop before the "
                "day ends.")
                 .arg(remaining)
                 .arg(max),
             apiCallsFix()});
    } else {
        report.findings.append(
            {Severity::Ok,
             QStringLiteral("api_calls"),
             {},
             {},
             tr("%1 of the org's %2 API calls a day are left.").arg(remaining).arg(max),
             {}});
    }
}

QString OrgDoctor::apiCallsFix()
{
    return tr("In Setup, Company Information, look at API Requests, Last 24 Hours; find the "
              "integration that spends them, or buy more API calls.");
}

DoctorFinding OrgDoctor::noApiCallsLeft(int max)
{
    const QString problem =
        max > 0 ? tr("The org has no API calls left today (%1 a day): every sync fails until the "
                     "24-hour count goes down.")
                      .arg(max)
                : tr("The org has no API calls left today: every sync fails until the 24-hour "
                     "count goes down.");
    return {Severity::Error, QStringLiteral("api_calls"), {}, {}, problem, apiCallsFix()};
}

QStringList OrgDoctor::writtenFields(const ObjectMapping &object) const
{
    QStringList fields;
    for (const Role role : allRoles()) {
        if (m_mapping.binding(role).objectName == object.objectName) {
            fields += m_mapping.binding(role).fields.values();
        }
    }
    if (!object.upsertField.isEmpty()) {
        fields.append(object.upsertField);
    }
    fields.removeDuplicates();
    fields.sort();
    return fields;
}

} // namespace pasalista
