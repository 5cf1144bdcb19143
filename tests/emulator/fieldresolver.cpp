#include "fieldresolver.h"

#include "permissions.h"
#include "soqlparser.h"

namespace pasalista::emulator {

namespace {
constexpr int kMaxRelationshipDepth = 5; // Salesforce allows five levels of parents

SfError invalidField(const QString &soql, int position, const QString &message)
{
    return {QStringLiteral("INVALID_FIELD"),
            SoqlParser::positionedMessage(soql, position, message),
            {}};
}
} // namespace

FieldResolver::FieldResolver(const Schema &schema, const RecordStore &store)
    : m_schema(schema), m_store(store)
{
}

std::optional<ResolvedField> FieldResolver::resolve(const ObjectDef &root, const FieldPath &path,
                                                    const QString &soql, SfError *error) const
{
    ResolvedField resolved;
    const ObjectDef *current = &root;
    for (int i = 0; i + 1 < path.parts.size(); ++i) {
        const FieldDef *lookup = current->relationship(path.parts.at(i));
        // A lookup the user may not read is no relationship to her (field-level security).
        const ObjectDef *parent = lookup && Permissions::canRead(*current, *lookup)
                                      ? m_schema.object(lookup->referenceTo)
                                      : nullptr;
        if (!parent || i >= kMaxRelationshipDepth) {
            *error = invalidField(
                soql, path.position,
                QStringLiteral("Didn't understand relationship '%1' in field path. If you are "
                               "attempting to use a custom relationship, be sure to append the "
                               "'__r' after the custom relationship name. Please reference your "
                               "WSDL or the describe call for the appropriate names.")
                    .arg(path.parts.at(i)));
            return std::nullopt;
        }
        resolved.hops.append(lookup);
        current = parent;
    }
    resolved.object = current;
    resolved.field = current->field(path.parts.last());
    if (resolved.field && !Permissions::canRead(*current, *resolved.field))
        resolved.field = nullptr; // Salesforce answers as for a field that does not exist
    if (!resolved.field) {
        *error = invalidField(
            soql, path.position,
            QStringLiteral("No such column '%1' on entity '%2'. If you are attempting to use a "
                           "custom field, be sure to append the '__c' after the custom field "
                           "name. Please reference your WSDL or the describe call for the "
                           "appropriate names.")
                .arg(path.parts.last(), current->name));
        return std::nullopt;
    }
    return resolved;
}

QJsonValue FieldResolver::value(const ResolvedField &resolved, const QJsonObject &record) const
{
    const QJsonObject *current = &record;
    for (const FieldDef *hop : resolved.hops) {
        const QString parentId = current->value(hop->name).toString();
        current = parentId.isEmpty() ? nullptr : m_store.find(hop->referenceTo, parentId);
        if (!current)
            return QJsonValue::Null;
    }
    const QJsonValue result = current->value(resolved.field->name);
    return result.isUndefined() ? QJsonValue(QJsonValue::Null) : result;
}

} // namespace pasalista::emulator
