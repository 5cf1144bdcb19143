#pragma once

#include "schema.h"

#include <QJsonObject>
#include <QString>

namespace pasalista::emulator {

// What an admin changes of a field's definition at run time (PATCH
// /__emulator/schema/<Object>/<Field>), beyond the permission flags: a text field's length,
// whether the field is required, a picklist's values added or deactivated. Stored values are
// left as they are: only later saves meet the new definition.
class FieldEdit
{
public:
    // False with `error` when the change does not fit the field's type; the field is then
    // left unchanged.
    static bool apply(const QJsonObject &change, FieldDef *field, QString *error);

private:
    static bool applyLength(const QJsonValue &length, FieldDef *field, QString *error);
    static bool applyPicklist(const QJsonObject &change, FieldDef *field, QString *error);
};

} // namespace pasalista::emulator
