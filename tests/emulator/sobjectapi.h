#pragma once

#include "apicontext.h"
#include "describer.h"
#include "httpresponse.h"
#include "queryengine.h"
#include "recordwriter.h"

namespace pasalista::emulator {

// sobjects: global describe, per-object info and describe, and single records by Id or
// by external ID (get, create, update, upsert, delete).
class SObjectApi
{
public:
    SObjectApi(const Schema &schema, const RecordStore &store, RecordWriter &writer);

    HttpResponse handle(const ApiContext &context);

    // Shared with Collections: a record with all or some of its fields, as GET returns it.
    static QJsonObject renderRecord(const ObjectDef &object, const QJsonObject &row,
                                    const QStringList &fields, const QString &apiVersion);
    static int statusFor(const QList<SfError> &errors);

private:
    HttpResponse describeResponse(const ApiContext &context, const QJsonObject &describe) const;
    HttpResponse objectRoot(const ApiContext &context, const ObjectDef &object);
    HttpResponse byId(const ApiContext &context, const ObjectDef &object, const QString &id);
    HttpResponse byExternalId(const ApiContext &context, const ObjectDef &object,
                              const QString &fieldName, const QString &value);
    HttpResponse upsert(const ApiContext &context, const ObjectDef &object, const FieldDef &key,
                        const QString &value);
    HttpResponse getRecord(const ApiContext &context, const ObjectDef &object, const QString &id);
    std::optional<QJsonObject> parseBody(const ApiContext &context, HttpResponse *error) const;

    const Schema &m_schema;
    const RecordStore &m_store;
    RecordWriter &m_writer;
    Describer m_describer;
};

HttpResponse methodNotAllowed(const QByteArray &method, const QString &allowed);
HttpResponse jsonParseError(const QString &message);

} // namespace pasalista::emulator
