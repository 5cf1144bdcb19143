#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace pasalista::emulator {

// One error as Salesforce reports it. REST resources send it as
// {"message","errorCode","fields"}; sObject Collections per record as
// {"statusCode","message","fields"}.
struct SfError
{
    QString errorCode;
    QString message;
    QStringList fields;

    QJsonObject toRestJson() const;
    QJsonObject toCollectionJson() const;
};

} // namespace pasalista::emulator
