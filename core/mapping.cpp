#include "mapping.h"

#include "logging.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <cmath>
#include <optional>

namespace pasalista {

namespace {

struct RoleInfo
{
    Role role;
    const char *name;
};

constexpr RoleInfo kRoles[] = {
    {Role::Teacher, "teacher"}, {Role::Program, "program"},       {Role::Course, "course"},
    {Role::Student, "student"}, {Role::Enrollment, "enrollment"}, {Role::Attendance, "attendance"},
};

} // namespace

QString roleName(Role role)
{
    for (const auto &info : kRoles) {
        if (info.role == role) {
            return QString::fromLatin1(info.name);
        }
    }
    return {};
}

std::optional<Role> roleFromName(const QString &name)
{
    for (const auto &info : kRoles) {
        if (name == QLatin1String(info.name)) {
            return info.role;
        }
    }
    return std::nullopt;
}

QList<Role> allRoles()
{
    QList<Role> roles;
    for (const auto &info : kRoles) {
        roles.append(info.role);
    }
    return roles;
}

QString ObjectMapping::columnFor(const QString &fieldName)
{
    if (fieldName == QLatin1String("Id")) {
        return QStringLiteral("sfid");
    }
    return fieldName.toLower();
}

QStringList ObjectMapping::columns() const
{
    QStringList result;
    for (const QString &field : fields) {
        result.append(columnFor(field));
    }
    return result;
}

bool ObjectMapping::hasField(const QString &fieldName) const
{
    return fields.contains(fieldName);
}

QStringList Mapping::knownFields(Role role)
{
    switch (role) {
    case Role::Teacher:
        return {QStringLiteral("email"), QStringLiteral("first_name"), QStringLiteral("last_name"),
                QStringLiteral("phone")};
    case Role::Program:
        return {QStringLiteral("name")};
    case Role::Course:
        return {QStringLiteral("title"),         QStringLiteral("start_date"),
                QStringLiteral("end_date"),      QStringLiteral("facilitator_1"),
                QStringLiteral("facilitator_2"), QStringLiteral("program"),
                QStringLiteral("notes")};
    case Role::Student:
        return {QStringLiteral("first_name"),    QStringLiteral("last_name"),
                QStringLiteral("nickname"),      QStringLiteral("date_of_birth"),
                QStringLiteral("sex"),           QStringLiteral("address"),
                QStringLiteral("phone_1"),       QStringLiteral("phone_2"),
                QStringLiteral("email"),         QStringLiteral("contact_name"),
                QStringLiteral("contact_phone"), QStringLiteral("document_type"),
                QStringLiteral("language"),      QStringLiteral("nationality"),
                QStringLiteral("notes")};
    case Role::Enrollment:
        return {QStringLiteral("course"), QStringLiteral("student")};
    case Role::Attendance:
        return {QStringLiteral("enrollment"),   QStringLiteral("date"),
                QStringLiteral("status"),       QStringLiteral("notes"),
                QStringLiteral("student_name"), QStringLiteral("student_id")};
    }
    return {};
}

QStringList Mapping::requiredFields(Role role)
{
    switch (role) {
    case Role::Teacher:
        return {QStringLiteral("email")};
    case Role::Program:
        return {QStringLiteral("name")};
    case Role::Course:
        return {QStringLiteral("title")};
    case Role::Student:
        return {QStringLiteral("first_name"), QStringLiteral("last_name")};
    case Role::Enrollment:
        return {QStringLiteral("course"), QStringLiteral("student")};
    case Role::Attendance:
        return {QStringLiteral("enrollment"), QStringLiteral("date"), QStringLiteral("status")};
    }
    return {};
}

QList<QPair<QString, Role>> Mapping::lookupsOf(Role role)
{
    switch (role) {
    case Role::Course:
        return {{QStringLiteral("facilitator_1"), Role::Teacher},
                {QStringLiteral("facilitator_2"), Role::Teacher},
                {QStringLiteral("program"), Role::Program}};
    case Role::Enrollment:
        return {{QStringLiteral("course"), Role::Course},
                {QStringLiteral("student"), Role::Student}};
    case Role::Attendance:
        return {{QStringLiteral("enrollment"), Role::Enrollment}};
    default:
        return {};
    }
}

QList<Role> Mapping::dependencyOrder()
{
    return {Role::Teacher, Role::Program,    Role::Course,
            Role::Student, Role::Enrollment, Role::Attendance};
}

QList<QPair<Role, QString>> Mapping::columnsPointingAt(Role parent) const
{
    QList<QPair<Role, QString>> columns;
    for (Role child : dependencyOrder()) {
        for (const auto &[logical, lookupRole] : lookupsOf(child)) {
            const QString mapped = column(child, logical);
            if (lookupRole == parent && !mapped.isEmpty()) {
                columns.append({child, mapped});
            }
        }
    }
    return columns;
}

namespace {

bool fail(QString *error, const QString &message)
{
    if (error) {
        *error = message;
    }
    qCWarning(lcMapping) << message;
    return false;
}

// A whole number in [low, high], the default when the key is absent, nothing when the value
// is of another type, fractional or out of range (JSON numbers are doubles: toInt() would
// quietly turn 1e300 or -2147483648.5 into something else).
std::optional<int> boundedInt(const QJsonObject &json, const QString &key, int fallback, int low,
                              int high)
{
    const QJsonValue value = json.value(key);
    if (value.isUndefined() || value.isNull()) {
        return fallback;
    }
    const double number = value.toDouble(std::nan(""));
    if (!value.isDouble() || number != std::floor(number) || number < low || number > high) {
        return std::nullopt;
    }
    return int(number);
}

bool parseObject(const QJsonObject &entry, int index, ObjectMapping *out, QString *error)
{
    out->objectName = entry.value(QLatin1String("object_name")).toString();
    if (out->objectName.isEmpty()) {
        return fail(error, Mapping::tr("Mapping %1 has no object_name.").arg(index));
    }
    const QJsonObject config = entry.value(QLatin1String("config")).toObject();
    const QString access = config.value(QLatin1String("access")).toString();
    if (access != QLatin1String("read_only") && access != QLatin1String("read_write")) {
        return fail(error,
                    Mapping::tr("Object %1: access must be read_only or read_write, not \"%2\".")
                        .arg(out->objectName, access));
    }
    out->writable = access == QLatin1String("read_write");
    out->tableName = out->objectName.toLower();
    const QJsonObject fields = config.value(QLatin1String("fields")).toObject();
    if (fields.isEmpty()) {
        return fail(error, Mapping::tr("Object %1 maps no fields.").arg(out->objectName));
    }
    out->fields = fields.keys();
    // Names become table and column names: only what Salesforce allows in API names.
    static const QRegularExpression apiName(QStringLiteral("^[A-Za-z][A-Za-z0-9_]{0,79}$"));
    if (!apiName.match(out->objectName).hasMatch()) {
        return fail(error,
                    Mapping::tr("Object \"%1\" is not a valid API name.").arg(out->objectName));
    }
    for (const QString &field : std::as_const(out->fields)) {
        if (!apiName.match(field).hasMatch()) {
            return fail(error, Mapping::tr("Object %1: field \"%2\" is not a valid API name.")
                                   .arg(out->objectName, field));
        }
    }
    if (!out->fields.contains(QLatin1String("Id"))) {
        return fail(error, Mapping::tr("Object %1 must map the field Id.").arg(out->objectName));
    }
    out->upsertField = config.value(QLatin1String("upsert_field")).toString();
    if (!out->upsertField.isEmpty() && !out->fields.contains(out->upsertField)) {
        return fail(error, Mapping::tr("Object %1: upsert field %2 is not mapped.")
                               .arg(out->objectName, out->upsertField));
    }
    out->notifyEnabled = config.value(QLatin1String("sf_notify_enabled")).toBool(false);
    // Numbers from a file are checked before use: a negative or huge interval would make the
    // scheduler spin or overflow.
    const std::optional<int> polling =
        boundedInt(config, QStringLiteral("sf_polling_seconds"), 600, 10, 7 * 24 * 3600);
    const std::optional<int> maxCalls =
        boundedInt(config, QStringLiteral("sf_max_daily_api_calls"), 0, 0, 100'000'000);
    if (!polling || !maxCalls) {
        return fail(error,
                    Mapping::tr("Object %1: %2 must be a whole number from %3 to %4.")
                        .arg(out->objectName, polling ? QStringLiteral("sf_max_daily_api_calls")
                                                      : QStringLiteral("sf_polling_seconds"))
                        .arg(polling ? 0 : 10)
                        .arg(polling ? 100'000'000 : 7 * 24 * 3600));
    }
    out->pollingSeconds = *polling;
    out->maxDailyApiCalls = *maxCalls;
    return true;
}

} // namespace

std::optional<Mapping> Mapping::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (doc.isNull() || !doc.isObject()) {
        fail(error, tr("The mapping is not valid JSON: %1 at offset %2.")
                        .arg(parseError.errorString())
                        .arg(parseError.offset));
        return std::nullopt;
    }
    Mapping mapping;
    const QJsonArray entries = doc.object().value(QLatin1String("mappings")).toArray();
    if (entries.isEmpty()) {
        fail(error, tr("The mapping has no \"mappings\" list."));
        return std::nullopt;
    }
    QSet<QString> seen;
    for (int i = 0; i < entries.size(); ++i) {
        ObjectMapping object;
        if (!parseObject(entries.at(i).toObject(), i, &object, error)) {
            return std::nullopt;
        }
        if (seen.contains(object.objectName)) {
            fail(error, tr("Object %1 is mapped twice.").arg(object.objectName));
            return std::nullopt;
        }
        seen.insert(object.objectName);
        mapping.m_objects.append(object);
    }
    if (!mapping.parsePasalistaSection(doc.object().value(QLatin1String("pasalista")).toObject(),
                                       error)) {
        return std::nullopt;
    }
    return mapping;
}

bool Mapping::parsePasalistaSection(const QJsonObject &section, QString *error)
{
    if (section.isEmpty()) {
        return fail(error, tr("The mapping has no \"pasalista\" section binding the roles."));
    }
    const QJsonObject roles = section.value(QLatin1String("roles")).toObject();
    for (auto it = roles.begin(); it != roles.end(); ++it) {
        const auto role = roleFromName(it.key());
        if (!role) {
            return fail(error, tr("Unknown role \"%1\" in the pasalista section.").arg(it.key()));
        }
        if (!parseBinding(*role, it.value().toObject(), error)) {
            return false;
        }
    }
    for (Role role : allRoles()) {
        if (!m_bindings.contains(role)) {
            return fail(error,
                        tr("The role \"%1\" is not bound to any object.").arg(roleName(role)));
        }
    }
    return parseAttendanceCodes(section.value(QLatin1String("attendance_codes")).toArray(),
                                error) &&
           parseScope(section.value(QLatin1String("scope")).toObject(), error);
}

bool Mapping::parseBinding(Role role, const QJsonObject &json, QString *error)
{
    RoleBinding binding;
    binding.role = role;
    binding.objectName = json.value(QLatin1String("object")).toString();
    const ObjectMapping *object = this->object(binding.objectName);
    if (!object) {
        return fail(error, tr("Role \"%1\" is bound to object \"%2\", which is not mapped.")
                               .arg(roleName(role), binding.objectName));
    }
    const QStringList known = knownFields(role);
    const QJsonObject fields = json.value(QLatin1String("fields")).toObject();
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        const QString fieldName = it.value().toString();
        if (!known.contains(it.key())) {
            return fail(error, tr("Object %1: role \"%2\" has no field \"%3\".")
                                   .arg(binding.objectName, roleName(role), it.key()));
        }
        if (!object->hasField(fieldName)) {
            return fail(error, tr("Object %1: field %2 is bound to %3.%4 but not mapped.")
                                   .arg(binding.objectName, fieldName, roleName(role), it.key()));
        }
        binding.fields.insert(it.key(), fieldName);
    }
    for (const QString &required : requiredFields(role)) {
        if (!binding.fields.contains(required)) {
            return fail(error, tr("Object %1: role \"%2\" needs its field \"%3\" bound.")
                                   .arg(binding.objectName, roleName(role), required));
        }
    }
    const QString policy = json.value(QLatin1String("conflict_policy")).toString();
    binding.conflictPolicy = policy == QLatin1String("local_wins") ? ConflictPolicy::LocalWins
                                                                   : ConflictPolicy::RemoteWins;
    if (!policy.isEmpty() && policy != QLatin1String("local_wins") &&
        policy != QLatin1String("remote_wins")) {
        return fail(error, tr("Object %1: conflict_policy must be local_wins or remote_wins.")
                               .arg(binding.objectName));
    }
    m_bindings.insert(role, binding);
    return true;
}

bool Mapping::parseAttendanceCodes(const QJsonArray &codes, QString *error)
{
    const QString attendanceObject = binding(Role::Attendance).objectName;
    if (codes.isEmpty()) {
        return fail(error, tr("Object %1: the pasalista section lists no attendance_codes.")
                               .arg(attendanceObject));
    }
    QSet<int> seen;
    for (const QJsonValue &value : codes) {
        const QJsonObject json = value.toObject();
        AttendanceCode code;
        if (!json.value(QLatin1String("code")).isDouble()) {
            return fail(
                error,
                tr("Object %1: an attendance code has no numeric \"code\".").arg(attendanceObject));
        }
        code.code = json.value(QLatin1String("code")).toInt();
        if (seen.contains(code.code)) {
            return fail(error, tr("Object %1: attendance code %2 is listed twice.")
                                   .arg(attendanceObject)
                                   .arg(code.code));
        }
        seen.insert(code.code);
        code.label = json.value(QLatin1String("label")).toString();
        code.shortcut = json.value(QLatin1String("shortcut")).toString().toUpper();
        code.excused = json.value(QLatin1String("excused")).toBool();
        if (!parseCodeMeaning(json, code)) {
            return fail(error, tr("Object %1: attendance code %2 has \"counts_as\" %3; use "
                                  "present, absent, late or none.")
                                   .arg(attendanceObject)
                                   .arg(code.code)
                                   .arg(json.value(QLatin1String("counts_as")).toString()));
        }
        m_codes.append(code);
    }
    return true;
}

bool Mapping::parseCodeMeaning(const QJsonObject &json, AttendanceCode &code)
{
    const QJsonValue countsAs = json.value(QLatin1String("counts_as"));
    if (countsAs.isUndefined()) {
        // Mappings written before "counts_as" say the meaning with the absent and late flags.
        code.absent = json.value(QLatin1String("absent")).toBool();
        code.late = json.value(QLatin1String("late")).toBool();
        code.counted =
            json.contains(QLatin1String("absent")) || json.contains(QLatin1String("late"));
        return true;
    }
    const QString meaning = countsAs.toString();
    code.absent = meaning == QLatin1String("absent");
    code.late = meaning == QLatin1String("late");
    code.counted = meaning != QLatin1String("none");
    return code.absent || code.late || meaning == QLatin1String("present") || !code.counted;
}

bool Mapping::parseScope(const QJsonObject &json, QString *error)
{
    m_scope.onlyTeacherCourses = json.value(QLatin1String("only_teacher_courses")).toBool(true);
    constexpr int kMaxDays = 36500; // a century: more is a typo, and negative is meaningless
    const std::optional<int> days =
        boundedInt(json, QStringLiteral("attendance_since_days"), 365, 0, kMaxDays);
    if (!days) {
        return fail(error,
                    tr("attendance_since_days must be a whole number from 0 to %1.").arg(kMaxDays));
    }
    m_scope.attendanceSinceDays = *days;
    constexpr int kMaxYears = 20;
    const std::optional<int> startMonth =
        boundedInt(json, QStringLiteral("school_year_start_month"), 8, 1, 12);
    const std::optional<int> years =
        boundedInt(json, QStringLiteral("school_years_kept"), 2, 1, kMaxYears);
    if (!startMonth || !years) {
        return fail(error, tr("school_year_start_month must be a month from 1 to 12 and "
                              "school_years_kept a whole number from 1 to %1.")
                               .arg(kMaxYears));
    }
    m_scope.schoolYearStartMonth = *startMonth;
    m_scope.schoolYearsKept = *years;
    return true;
}

std::optional<Mapping> Mapping::fromFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        fail(error, tr("Cannot read the mapping file %1: %2").arg(path, file.errorString()));
        return std::nullopt;
    }
    return fromJson(file.readAll(), error);
}

Mapping Mapping::dream()
{
    QString error;
    auto mapping = fromFile(QStringLiteral(":/mappings/dream.json"), &error);
    // The shipped mapping is tested; failing here means a broken build.
    Q_ASSERT_X(mapping, "Mapping::dream", qPrintable(error));
    return mapping.value_or(Mapping());
}

const ObjectMapping *Mapping::object(const QString &objectName) const
{
    for (const ObjectMapping &object : m_objects) {
        if (object.objectName == objectName) {
            return &object;
        }
    }
    return nullptr;
}

const RoleBinding &Mapping::binding(Role role) const
{
    static const RoleBinding empty;
    auto it = m_bindings.constFind(role);
    return it == m_bindings.constEnd() ? empty : *it;
}

const ObjectMapping &Mapping::objectFor(Role role) const
{
    static const ObjectMapping empty;
    const ObjectMapping *found = object(binding(role).objectName);
    return found ? *found : empty;
}

QString Mapping::field(Role role, const QString &logical) const
{
    return binding(role).fields.value(logical);
}

QString Mapping::column(Role role, const QString &logical) const
{
    const QString name = field(role, logical);
    return name.isEmpty() ? QString() : ObjectMapping::columnFor(name);
}

const AttendanceCode *Mapping::attendanceCode(int code) const
{
    for (const AttendanceCode &candidate : m_codes) {
        if (candidate.code == code) {
            return &candidate;
        }
    }
    return nullptr;
}

} // namespace pasalista
