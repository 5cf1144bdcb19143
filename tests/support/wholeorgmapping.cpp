#include "wholeorgmapping.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace pasalista::test {

Mapping wholeOrgMapping()
{
    QFile file(QStringLiteral(":/mappings/dream.json"));
    file.open(QIODevice::ReadOnly);
    QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    QJsonObject section = json.value(QStringLiteral("pasalista")).toObject();
    section.insert(QStringLiteral("scope"),
                   QJsonObject{{QStringLiteral("only_teacher_courses"), false},
                               {QStringLiteral("attendance_since_days"), 3650}});
    json.insert(QStringLiteral("pasalista"), section);
    QString error;
    return Mapping::fromJson(QJsonDocument(json).toJson(), &error).value_or(Mapping::dream());
}

} // namespace pasalista::test
