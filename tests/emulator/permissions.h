#pragma once

#include "oauthservice.h"
#include "recordstore.h"
#include "schema.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QString>

#include <memory>
#include <optional>

namespace pasalista::emulator {

// One user's profile and permission sets as far as the emulator keeps them: the fields the
// user may not read or not edit (field-level security) and whether the objects a teacher
// works with are private to her (organization-wide default Private, shared through her
// classes). A user with no entry has the access the schema grants everyone.
struct UserAccess
{
    QSet<QString> hiddenFields;   // "object.field", lower-case
    QSet<QString> readOnlyFields; // "object.field", lower-case
    bool privateSharing = false;

    bool isEmpty() const
    {
        return hiddenFields.isEmpty() && readOnlyFields.isEmpty() && !privateSharing;
    }
};

// Per-user access, enforced on the REST API for the user of the call being answered (the
// admin endpoints and the org's own automation act as the system: they see everything).
// While a call runs, `Acting` makes its user's access the one the static checks consult.
class Permissions
{
public:
    Permissions(const Schema &schema, const RecordStore &store, const OAuthService &oauth)
        : m_schema(schema), m_store(store), m_oauth(oauth)
    {
    }

    // `GET/PATCH/DELETE /__emulator/users/<username>/permissions`.
    std::optional<QJsonObject> change(const QString &username, const QJsonObject &body,
                                      QString *error);
    std::optional<QJsonObject> describe(const QString &username) const;
    bool clear(const QString &username);
    void clearAll() { m_access.clear(); }

    // One call: its user and, under private sharing, the records shared with her.
    struct Call
    {
        QString userId;
        UserAccess access;
        QHash<QString, QSet<QString>> shared; // object -> Ids
    };

    // The access of one REST call's user, from construction to destruction.
    class Acting
    {
    public:
        Acting(const Permissions &permissions, const QString &userId);
        ~Acting();
        Acting(const Acting &) = delete;
        Acting &operator=(const Acting &) = delete;

    private:
        const Call *m_previous;
        std::unique_ptr<Call> m_call;
    };
    // The org's own work inside a call (validation rules) runs as the system.
    class AsSystem
    {
    public:
        AsSystem();
        ~AsSystem();
        AsSystem(const AsSystem &) = delete;
        AsSystem &operator=(const AsSystem &) = delete;

    private:
        const Call *m_previous;
    };

    static bool canRead(const ObjectDef &object, const FieldDef &field);
    static bool canEdit(const ObjectDef &object, const FieldDef &field);
    // Whether the record is shared with the acting user.
    static bool canSee(const ObjectDef &object, const QJsonObject &row);

private:
    QHash<QString, QSet<QString>> sharedRecords(const QString &userId) const;
    bool parseFields(const QJsonValue &value, QSet<QString> *fields, QString *error) const;
    static QJsonObject toJson(const UserAccess &access);

    const Schema &m_schema;
    const RecordStore &m_store;
    const OAuthService &m_oauth;
    QHash<QString, UserAccess> m_access; // by user Id
};

} // namespace pasalista::emulator
