#include "mergeapi.h"

#include "emulator.h"
#include "sfid.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace pasalista::emulator {

namespace {

HttpResponse badRequest(const QString &message)
{
    return HttpResponse::error(400, {QStringLiteral("BAD_REQUEST"), message, {}});
}

} // namespace

HttpResponse MergeApi::handle(const HttpRequest &request, const QString &objectName)
{
    const ObjectDef *object = m_emulator.schema().object(objectName);
    if (!object || request.method != "POST")
        return HttpResponse::notFound();
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    const auto master = SfId::normalize(body.value(QStringLiteral("masterRecord")).toString());
    const QJsonArray victims = body.value(QStringLiteral("recordToMergeIds")).toArray();
    // merge() takes up to three records, the master included.
    if (!master || !m_emulator.store().find(object->name, *master) || victims.isEmpty() ||
        victims.size() > 2)
        return badRequest(QStringLiteral("expected a live masterRecord and one or two "
                                         "recordToMergeIds"));
    QJsonArray merged;
    for (const QJsonValue &value : victims) {
        const auto victim = SfId::normalize(value.toString());
        if (!victim || *victim == *master || !m_emulator.store().find(object->name, *victim))
            return badRequest(
                QStringLiteral("%1 is not a live record to merge").arg(value.toString()));
        QString error;
        if (!reparentChildren(object->name, *victim, *master, &error))
            return badRequest(error);
        const WriteOutcome removed =
            m_emulator.adminWriter().remove(*victim, m_emulator.officeUserId());
        if (!removed.ok())
            return badRequest(QStringLiteral("could not delete %1").arg(*victim));
        merged.append(*victim);
    }
    return HttpResponse::json(QJsonObject{{QStringLiteral("id"), *master},
                                          {QStringLiteral("mergedRecordIds"), merged},
                                          {QStringLiteral("success"), true}});
}

bool MergeApi::reparentChildren(const QString &objectName, const QString &victim,
                                const QString &master, QString *error)
{
    for (const ObjectDef &child : m_emulator.schema().objects()) {
        for (const FieldDef &field : child.fields) {
            if (field.type != FieldType::Reference ||
                field.referenceTo.compare(objectName, Qt::CaseInsensitive) != 0)
                continue;
            for (const QString &id : m_emulator.store().ids(child.name)) {
                const QJsonObject *row = m_emulator.store().find(child.name, id);
                if (!row || row->value(QStringLiteral("IsDeleted")).toBool() ||
                    row->value(field.name).toString() != victim)
                    continue;
                const WriteOutcome outcome = m_emulator.adminWriter().update(
                    child, id, QJsonObject{{field.name, master}}, m_emulator.officeUserId());
                if (!outcome.ok()) {
                    *error = QStringLiteral("could not re-parent %1").arg(id);
                    return false;
                }
            }
        }
    }
    return true;
}

} // namespace pasalista::emulator
