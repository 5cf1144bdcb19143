#pragma once

#include "apicontext.h"
#include "httpresponse.h"
#include "recordwriter.h"

#include <QJsonArray>

namespace pasalista::emulator {

// sObject Collections: create, update, upsert by external ID, delete and retrieve up to
// 200 records a call, with allOrNone and per-record results.
class CollectionsApi
{
public:
    CollectionsApi(const Schema &schema, RecordStore &store, RecordWriter &writer);

    HttpResponse handle(const ApiContext &context);

private:
    struct Batch
    {
        bool allOrNone = false;
        QJsonArray records;
    };
    enum class Operation
    {
        Create,
        Update,
        Upsert
    };

    std::optional<Batch> parseBatch(const ApiContext &context, HttpResponse *error) const;
    HttpResponse write(const ApiContext &context, Operation operation, const FieldDef *upsertKey);
    HttpResponse remove(const ApiContext &context);
    HttpResponse retrieve(const ApiContext &context, const ObjectDef &object);
    HttpResponse retrieveFromBody(const ApiContext &context, const ObjectDef &object);
    HttpResponse retrieveRecords(const ApiContext &context, const ObjectDef &object,
                                 const QStringList &ids, const QStringList &fields);
    WriteOutcome writeOne(const ApiContext &context, Operation operation, const FieldDef *upsertKey,
                          const QJsonObject &record, const QSet<QString> &duplicateKeys);
    HttpResponse finish(const QList<WriteOutcome> &outcomes, bool allOrNone, bool withCreated);
    QSet<QString> duplicateKeys(const QJsonArray &records, const FieldDef &key) const;

    const Schema &m_schema;
    RecordStore &m_store;
    RecordWriter &m_writer;
};

} // namespace pasalista::emulator
