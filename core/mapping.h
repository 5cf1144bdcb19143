#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

class QJsonArray;
class QJsonObject;

namespace pasalista {

// The domain roles the app knows. The mapping file binds each one to an org's object
// and fields, so no object or field name is hard-coded in core.
enum class Role
{
    Teacher,
    Program,
    Course,
    Student,
    Enrollment,
    Attendance
};

QString roleName(Role role);
std::optional<Role> roleFromName(const QString &name);
QList<Role> allRoles();

// One mapped Salesforce object, as in a Heroku Connect mapping export.
struct ObjectMapping
{
    QString objectName;    // API name, e.g. Class__c
    QString tableName;     // local table, lower-case like Heroku Connect: class__c
    bool writable = false; // config.access == read_write
    QStringList fields;    // API names from config.fields, in file order
    QString upsertField;   // config.upsert_field, empty when the org lacks one
    int pollingSeconds = 600;
    bool notifyEnabled = false;
    int maxDailyApiCalls = 0; // 0: no limit configured

    // Local column for an API field name: Id -> sfid, others lower-cased.
    static QString columnFor(const QString &fieldName);
    QStringList columns() const;
    bool hasField(const QString &fieldName) const;
};

// What an attendance status code means, from the mapping's pasalista section.
struct AttendanceCode
{
    int code = 0;
    QString label;    // English source label; shown through tr() by the UI
    QString shortcut; // keyboard letter on the attendance sheet
    bool absent = false;
    bool late = false;
    bool excused = false;
    // False when the mapping sets no meaning for the code (no "counts_as" and no absent or
    // late flag): reports count its marks as neither present nor absent and name them instead.
    bool counted = true;
};

enum class ConflictPolicy
{
    LocalWins,
    RemoteWins
};

struct SyncScope
{
    bool onlyTeacherCourses = true; // courses where the signed-in teacher is a facilitator
    int attendanceSinceDays = 365;  // pull attendance from this many days back
    // Retention on the laptop: marks before the start of the school year `schoolYearsKept - 1`
    // years before this one leave the laptop after a sync (never the org). A school year
    // starts on the 1st of schoolYearStartMonth (1-12).
    int schoolYearStartMonth = 8;
    int schoolYearsKept = 2;
};

// A role bound to an object: logical field key (e.g. "date") -> API field name.
struct RoleBinding
{
    Role role = Role::Course;
    QString objectName;
    QHash<QString, QString> fields;
    ConflictPolicy conflictPolicy = ConflictPolicy::RemoteWins;
};

class Mapping
{
    Q_DECLARE_TR_FUNCTIONS(Mapping)

public:
    // Parses a Heroku Connect mapping export plus the "pasalista" section. Returns nullopt
    // and a message naming the object and field at fault when the file is malformed or
    // inconsistent.
    static std::optional<Mapping> fromJson(const QByteArray &json, QString *error);
    static std::optional<Mapping> fromFile(const QString &path, QString *error);
    // The default mapping for the Dream programme's org, shipped as a resource.
    static Mapping dream();

    const QList<ObjectMapping> &objects() const { return m_objects; }
    const ObjectMapping *object(const QString &objectName) const;
    const ObjectMapping &objectFor(Role role) const;
    const RoleBinding &binding(Role role) const;

    // API field name bound to a logical field, empty when the org does not map it.
    QString field(Role role, const QString &logical) const;
    // Local column of a logical field, empty when unmapped.
    QString column(Role role, const QString &logical) const;
    QString table(Role role) const { return objectFor(role).tableName; }

    // Lookup fields that point at another role, e.g. (Course, "program") -> Program.
    static QList<QPair<QString, Role>> lookupsOf(Role role);
    // The mapped lookup columns that point at `parent`, as (child role, column), parents'
    // children first.
    QList<QPair<Role, QString>> columnsPointingAt(Role parent) const;
    // Logical fields each role knows, and which of them a mapping must bind.
    static QStringList knownFields(Role role);
    static QStringList requiredFields(Role role);

    const QList<AttendanceCode> &attendanceCodes() const { return m_codes; }
    const AttendanceCode *attendanceCode(int code) const;
    const SyncScope &scope() const { return m_scope; }
    // Roles in dependency order: parents before children.
    static QList<Role> dependencyOrder();

private:
    bool parsePasalistaSection(const QJsonObject &section, QString *error);
    bool parseBinding(Role role, const QJsonObject &json, QString *error);
    bool parseAttendanceCodes(const QJsonArray &codes, QString *error);
    // Reads "counts_as" (present, absent, late, none) or the older absent and late flags.
    // False for a "counts_as" the app does not know.
    static bool parseCodeMeaning(const QJsonObject &json, AttendanceCode &code);
    bool parseScope(const QJsonObject &json, QString *error);

    QList<ObjectMapping> m_objects;
    QMap<Role, RoleBinding> m_bindings;
    QList<AttendanceCode> m_codes;
    SyncScope m_scope;
};

} // namespace pasalista
