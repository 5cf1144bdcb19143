#include "saveautomations.h"

namespace pasalista::emulator {

namespace {
FieldPath pathOf(const SaveAutomation &automation)
{
    return {automation.source.split(u'.'), 0};
}
} // namespace

void SaveAutomations::apply(const ObjectDef &object, QJsonObject *record,
                            QJsonObject *changes) const
{
    for (const SaveAutomation &automation : object.automations) {
        SfError error;
        const auto source =
            m_resolver.resolve(object, pathOf(automation), automation.source, &error);
        if (!source)
            continue; // its source field was deleted since: the flow no longer sets anything
        QJsonValue value = m_resolver.value(*source, *record);
        if (automation.upperCase && value.isString())
            value = value.toString().toUpper();
        if (record->value(automation.field) == value)
            continue;
        record->insert(automation.field, value);
        changes->insert(automation.field, value);
    }
}

std::optional<SaveAutomation> SaveAutomations::fromJson(const FieldResolver &resolver,
                                                        const QJsonObject &json, QString *error)
{
    const SaveAutomation automation{json.value(QStringLiteral("name")).toString(),
                                    json.value(QStringLiteral("field")).toString(),
                                    json.value(QStringLiteral("source")).toString(),
                                    json.value(QStringLiteral("upperCase")).toBool()};
    const ObjectDef *object =
        resolver.schema().object(json.value(QStringLiteral("object")).toString());
    const FieldDef *target = object ? object->field(automation.field) : nullptr;
    if (!target || automation.name.isEmpty()) {
        *error = QStringLiteral("an automation needs a name, an object and one of its fields");
        return std::nullopt;
    }
    SfError sourceError;
    if (!resolver.resolve(*object, pathOf(automation), automation.source, &sourceError)) {
        *error = sourceError.message;
        return std::nullopt;
    }
    // Stored under the field's own spelling, as the store keeps records.
    SaveAutomation canonical = automation;
    canonical.field = target->name;
    return canonical;
}

} // namespace pasalista::emulator
