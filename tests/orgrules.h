#pragma once

// Rules an org's admin sets up, for the tests of what the laptop shows when the org refuses.
#include "emulatorprocess.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace pasalista::test {

// A validation rule on Attendance__c: every save of a mark whose note is `note` fails with
// FIELD_CUSTOM_VALIDATION_EXCEPTION "Esta nota no se admite." (tests/emulator/README.md).
inline bool refuseMarksWithNote(const EmulatorProcess &org, const QString &note)
{
    const auto rule =
        org.sendJson("POST", QStringLiteral("/__emulator/validation-rules"),
                     QJsonDocument(QJsonObject{
                         {QStringLiteral("object"), QStringLiteral("Attendance__c")},
                         {QStringLiteral("name"), QStringLiteral("No_Such_Note")},
                         {QStringLiteral("condition"), QStringLiteral("Notes__c = '%1'").arg(note)},
                         {QStringLiteral("message"), QStringLiteral("Esta nota no se admite.")},
                         {QStringLiteral("field"), QStringLiteral("Notes__c")},
                         {QStringLiteral("active"), true}}));
    return rule.status >= 200 && rule.status < 300;
}

} // namespace pasalista::test
