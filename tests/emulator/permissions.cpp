#include "permissions.h"

#include <QJsonArray>

namespace pasalista::emulator {

namespace {
// The user of the REST call being answered; null for the system (admin endpoints, seeding).
thread_local const Permissions::Call *tActing = nullptr;

// How the Dream schema ties a teacher to her records: classes name her as a facilitator,
// enrollments hang from classes, students from enrollments, marks from enrollments.
const QLatin1String kTeacher("Teacher__c");
const QLatin1String kClass("Class__c");
const QLatin1String kEnrollment("ParticipantEnrollment__c");
const QLatin1String kStudent("Student__c");
const QLatin1String kAttendance("Attendance__c");

QString fieldKey(const QString &object, const QString &field)
{
    return (object + u'.' + field).toLower();
}

QString text(const QJsonObject &row, const char *field)
{
    return row.value(QLatin1String(field)).toString();
}
} // namespace

Permissions::Acting::Acting(const Permissions &permissions, const QString &userId)
    : m_previous(tActing)
{
    const auto access = permissions.m_access.constFind(userId);
    if (access == permissions.m_access.constEnd())
        return; // the schema's access: nothing to check
    m_call = std::make_unique<Call>(Call{userId, *access, {}});
    if (access->privateSharing)
        m_call->shared = permissions.sharedRecords(userId);
    tActing = m_call.get();
}

Permissions::Acting::~Acting()
{
    tActing = m_previous;
}

Permissions::AsSystem::AsSystem() : m_previous(tActing)
{
    tActing = nullptr;
}

Permissions::AsSystem::~AsSystem()
{
    tActing = m_previous;
}

bool Permissions::canRead(const ObjectDef &object, const FieldDef &field)
{
    return !tActing || !tActing->access.hiddenFields.contains(fieldKey(object.name, field.name));
}

bool Permissions::canEdit(const ObjectDef &object, const FieldDef &field)
{
    return canRead(object, field) && (!tActing || !tActing->access.readOnlyFields.contains(
                                                      fieldKey(object.name, field.name)));
}

bool Permissions::canSee(const ObjectDef &object, const QJsonObject &row)
{
    if (!tActing || !tActing->access.privateSharing)
        return true;
    if (text(row, "OwnerId") == tActing->userId)
        return true; // an owner always sees her records
    if (object.name == kAttendance)
        return tActing->shared.value(kEnrollment).contains(text(row, "Participant_Enrollment__c"));
    const auto shared = tActing->shared.constFind(object.name);
    return shared == tActing->shared.constEnd() || shared->contains(text(row, "Id"));
}

QHash<QString, QSet<QString>> Permissions::sharedRecords(const QString &userId) const
{
    const OrgUser *user = m_oauth.userById(userId);
    const QString email = user ? user->email : QString();
    QHash<QString, QSet<QString>> shared;
    QSet<QString> &teachers = shared[kTeacher];
    for (const QString &id : m_store.ids(kTeacher)) {
        const QJsonObject *row = m_store.findLatest(kTeacher, id);
        if (row && !email.isEmpty() &&
            text(*row, "Email__c").compare(email, Qt::CaseInsensitive) == 0)
            teachers.insert(id);
    }
    QSet<QString> &classes = shared[kClass];
    QSet<QString> facilitators;
    for (const QString &id : m_store.ids(kClass)) {
        const QJsonObject *row = m_store.findLatest(kClass, id);
        const QString first = row ? text(*row, "Facilitator_1__c") : QString();
        const QString second = row ? text(*row, "Facilitator_2__c") : QString();
        if (!teachers.contains(first) && !teachers.contains(second))
            continue;
        classes.insert(id);
        facilitators << first << second; // her co-facilitators' names come with the class
    }
    teachers.unite(facilitators);
    QSet<QString> &enrollments = shared[kEnrollment];
    QSet<QString> &students = shared[kStudent];
    for (const QString &id : m_store.ids(kEnrollment)) {
        const QJsonObject *row = m_store.findLatest(kEnrollment, id);
        if (row && classes.contains(text(*row, "Class__c"))) {
            enrollments.insert(id);
            students.insert(text(*row, "Student__c"));
        }
    }
    return shared;
}

bool Permissions::parseFields(const QJsonValue &value, QSet<QString> *fields, QString *error) const
{
    if (value.isUndefined())
        return true;
    if (!value.isArray()) {
        *error = QStringLiteral("expected an array of \"Object.Field\" names");
        return false;
    }
    QSet<QString> parsed;
    for (const QJsonValue &name : value.toArray()) {
        const QString objectName = name.toString().section(u'.', 0, 0);
        const ObjectDef *object = m_schema.object(objectName);
        const FieldDef *field = object ? object->field(name.toString().section(u'.', 1)) : nullptr;
        if (!field) {
            *error = QStringLiteral("unknown field %1").arg(name.toString());
            return false;
        }
        parsed.insert(fieldKey(object->name, field->name));
    }
    *fields = parsed;
    return true;
}

std::optional<QJsonObject> Permissions::change(const QString &username, const QJsonObject &body,
                                               QString *error)
{
    const OrgUser *user = m_oauth.userByName(username);
    if (!user) {
        *error = QStringLiteral("unknown user %1").arg(username);
        return std::nullopt;
    }
    UserAccess access = m_access.value(user->id);
    if (!parseFields(body.value(QLatin1String("hiddenFields")), &access.hiddenFields, error) ||
        !parseFields(body.value(QLatin1String("readOnlyFields")), &access.readOnlyFields, error))
        return std::nullopt;
    access.privateSharing =
        body.value(QLatin1String("privateSharing")).toBool(access.privateSharing);
    if (access.isEmpty())
        m_access.remove(user->id);
    else
        m_access.insert(user->id, access);
    return toJson(access);
}

std::optional<QJsonObject> Permissions::describe(const QString &username) const
{
    const OrgUser *user = m_oauth.userByName(username);
    if (!user)
        return std::nullopt;
    return toJson(m_access.value(user->id));
}

bool Permissions::clear(const QString &username)
{
    const OrgUser *user = m_oauth.userByName(username);
    if (user)
        m_access.remove(user->id);
    return user != nullptr;
}

QJsonObject Permissions::toJson(const UserAccess &access)
{
    const auto sorted = [](const QSet<QString> &fields) {
        QStringList list(fields.begin(), fields.end());
        list.sort();
        return QJsonArray::fromStringList(list);
    };
    return {{QStringLiteral("hiddenFields"), sorted(access.hiddenFields)},
            {QStringLiteral("readOnlyFields"), sorted(access.readOnlyFields)},
            {QStringLiteral("privateSharing"), access.privateSharing}};
}

} // namespace pasalista::emulator
