#include "fieldedit.h"

#include <QJsonArray>

namespace pasalista::emulator {

bool FieldEdit::apply(const QJsonObject &change, FieldDef *field, QString *error)
{
    FieldDef edited = *field;
    if (change.contains(QLatin1String("length")) &&
        !applyLength(change.value(QLatin1String("length")), &edited, error))
        return false;
    if (!applyPicklist(change, &edited, error))
        return false;
    if (change.contains(QLatin1String("required")))
        edited.required = change.value(QLatin1String("required")).toBool();
    *field = edited;
    return true;
}

bool FieldEdit::applyLength(const QJsonValue &length, FieldDef *field, QString *error)
{
    if (!field->isText() || field->type == FieldType::Picklist || length.toInt() <= 0) {
        *error = QStringLiteral("length takes a positive number, on a text field");
        return false;
    }
    field->length = length.toInt();
    return true;
}

bool FieldEdit::applyPicklist(const QJsonObject &change, FieldDef *field, QString *error)
{
    if (!change.contains(QLatin1String("addPicklistValues")) &&
        !change.contains(QLatin1String("deactivatePicklistValues")))
        return true;
    if (field->type != FieldType::Picklist) {
        *error = QStringLiteral("picklist values on a field that is no picklist");
        return false;
    }
    // Adding a value that was deactivated activates it again, as Setup does.
    for (const QJsonValue &value : change.value(QLatin1String("addPicklistValues")).toArray()) {
        field->inactivePicklistValues.removeAll(value.toString());
        if (!field->picklistValues.contains(value.toString()))
            field->picklistValues.append(value.toString());
    }
    for (const QJsonValue &value :
         change.value(QLatin1String("deactivatePicklistValues")).toArray()) {
        if (field->picklistValues.removeAll(value.toString()) > 0)
            field->inactivePicklistValues.append(value.toString());
    }
    return true;
}

} // namespace pasalista::emulator
