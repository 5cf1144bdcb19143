#include "pendingcommand.h"

#include "clicontext.h"

#include "store/localstore.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTextStream>

namespace pasalista {

PendingCommand::PendingCommand() : StoreCommand(QStringLiteral("pending"))
{
    acceptOption(CliContext::kJson);
}

int PendingCommand::run(const QStringList &)
{
    const QList<OutboxEntry> entries =
        store().outboxEntries({outbox::New, outbox::Pending, outbox::Failed});
    if (context().isSet(CliContext::kJson)) {
        QJsonArray array;
        for (const OutboxEntry &entry : entries) {
            array.append(QJsonObject{
                {QStringLiteral("id"), entry.id},
                {QStringLiteral("action"), entry.action},
                {QStringLiteral("table"), entry.tableName},
                {QStringLiteral("recordId"), entry.recordId},
                {QStringLiteral("state"), entry.state},
                {QStringLiteral("values"), QJsonObject::fromVariantMap(entry.values)},
                {QStringLiteral("old"), QJsonObject::fromVariantMap(entry.old)},
                {QStringLiteral("message"), entry.sfMessage},
                {QStringLiteral("createdAt"), entry.createdAt.toString(Qt::ISODateWithMs)}});
        }
        writeJson(QJsonObject{{QStringLiteral("pending"), array}});
        return Success;
    }
    if (entries.isEmpty()) {
        out() << tr("Nothing waiting to sync.") << Qt::endl;
        return Success;
    }
    QList<QStringList> rows;
    for (const OutboxEntry &entry : entries) {
        rows.append({QString::number(entry.id), entry.action, entry.tableName,
                     QString::number(entry.recordId), entry.state,
                     entry.createdAt.toLocalTime().toString(Qt::ISODate),
                     QStringList(entry.values.keys()).join(QStringLiteral(", ")), entry.sfMessage});
    }
    writeTable({tr("#"), tr("Action"), tr("Table"), tr("Record"), tr("State"), tr("Since"),
                tr("Fields"), tr("Message")},
               rows);
    return Success;
}

} // namespace pasalista
