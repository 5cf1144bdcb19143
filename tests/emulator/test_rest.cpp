// The REST API over HTTP: versions, describe, records, upsert, collections, composite,
// query paging, limits and gzip.
#include "emulatorfixture.h"
#include "net/gzip.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSet>
#include <QTemporaryFile>

using namespace pasalista::emulator;
using namespace pasalista::emulator::testing;

namespace {

class RestTest : public EmulatorFixture
{
protected:
    QString createStudent(const QString &last, const QString &key = {})
    {
        const HttpReply reply = org().api("POST", QStringLiteral("sobjects/Student__c"),
                                          QJsonDocument(student(last, key)));
        EXPECT_EQ(reply.status, 201) << reply.body.toStdString();
        return reply.object().value(QStringLiteral("id")).toString();
    }

    QString createClass(const QString &title, const QString &key)
    {
        const HttpReply reply =
            org().api("POST", QStringLiteral("sobjects/Class__c"),
                      QJsonDocument(QJsonObject{{QStringLiteral("Title__c"), title},
                                                {QStringLiteral("Pasalista_Id__c"), key}}));
        EXPECT_EQ(reply.status, 201) << reply.body.toStdString();
        return reply.object().value(QStringLiteral("id")).toString();
    }

    QJsonArray collection(const QByteArray &method, const QString &path, const QJsonArray &records,
                          bool allOrNone = false)
    {
        const HttpReply reply =
            org().api(method, path,
                      QJsonDocument(QJsonObject{{QStringLiteral("allOrNone"), allOrNone},
                                                {QStringLiteral("records"), records}}));
        EXPECT_EQ(reply.status, 200) << reply.body.toStdString();
        return reply.array();
    }
};

TEST_F(RestTest, VersionsAndResources)
{
    const HttpReply versions = org().get(QStringLiteral("/services/data"));
    ASSERT_EQ(versions.status, 200);
    bool found = false;
    for (const QJsonValue &version : versions.array())
        found |=
            version.toObject().value(QStringLiteral("version")).toString() == QLatin1String("59.0");
    EXPECT_TRUE(found);
    const HttpReply resources = org().api("GET", QStringLiteral("/services/data/v59.0"));
    EXPECT_EQ(resources.object().value(QStringLiteral("query")).toString(),
              QStringLiteral("/services/data/v59.0/query"));
    EXPECT_EQ(org().api("GET", QStringLiteral("/services/data/v5.0/limits")).status, 404);
}

TEST_F(RestTest, EveryApiResponseCarriesLimitInfo)
{
    org().api("GET", QStringLiteral("limits"));
    const HttpReply reply = org().api("GET", QStringLiteral("limits"));
    EXPECT_TRUE(reply.header("Sforce-Limit-Info").startsWith("api-usage="));
    const QJsonObject daily = reply.object().value(QStringLiteral("DailyApiRequests")).toObject();
    EXPECT_EQ(daily.value(QStringLiteral("Max")).toInt(), 15000);
    EXPECT_EQ(reply.header("Sforce-Limit-Info"),
              QStringLiteral("api-usage=%1/15000")
                  .arg(15000 - daily.value(QStringLiteral("Remaining")).toInt())
                  .toLatin1());
    org().setAccessToken(QStringLiteral("bogus"));
    const HttpReply refused = org().api("GET", QStringLiteral("limits"));
    EXPECT_EQ(refused.status, 401);
    EXPECT_EQ(
        refused.array().at(0).toObject(),
        (QJsonObject{{QStringLiteral("message"), QStringLiteral("Session expired or invalid")},
                     {QStringLiteral("errorCode"), QStringLiteral("INVALID_SESSION_ID")}}));
}

TEST_F(RestTest, DescribeListsFieldsAndExternalIds)
{
    const HttpReply global = org().api("GET", QStringLiteral("sobjects"));
    EXPECT_EQ(global.object().value(QStringLiteral("maxBatchSize")).toInt(), 200);
    const HttpReply describe = org().api("GET", QStringLiteral("sobjects/Student__c/describe"));
    ASSERT_EQ(describe.status, 200);
    EXPECT_EQ(describe.object().value(QStringLiteral("keyPrefix")).toString(),
              QStringLiteral("a04"));
    QJsonObject externalId;
    for (const QJsonValue &field : describe.object().value(QStringLiteral("fields")).toArray()) {
        if (field.toObject().value(QStringLiteral("name")).toString() ==
            QLatin1String("Pasalista_Id__c"))
            externalId = field.toObject();
    }
    EXPECT_TRUE(externalId.value(QStringLiteral("externalId")).toBool());
    EXPECT_TRUE(externalId.value(QStringLiteral("unique")).toBool());
    EXPECT_EQ(org().api("GET", QStringLiteral("sobjects/Student__c")).status, 200);
    EXPECT_EQ(org().api("GET", QStringLiteral("sobjects/Nothing__c/describe")).status, 404);
}

TEST_F(RestTest, RecordLifecycleWithRecycleBin)
{
    const QString id = createStudent(QStringLiteral("Peña"));
    ASSERT_EQ(id.size(), 18);
    EXPECT_TRUE(id.startsWith(QLatin1String("a04")));
    const QJsonObject created =
        org().api("GET", QStringLiteral("sobjects/Student__c/") + id).object();
    EXPECT_EQ(created.value(QStringLiteral("Last_Name__c")).toString(), QStringLiteral("Peña"));
    EXPECT_FALSE(created.value(QStringLiteral("IsDeleted")).toBool());

    ASSERT_TRUE(org().advanceClock(1)); // stamps have second precision
    EXPECT_EQ(org()
                  .api("PATCH", QStringLiteral("sobjects/Student__c/") + id,
                       QJsonDocument(
                           QJsonObject{{QStringLiteral("Nickname__c"), QStringLiteral("Yoyo")}}))
                  .status,
              204);
    const QJsonObject updated =
        org()
            .api("GET",
                 QStringLiteral("sobjects/Student__c/%1?fields=Nickname__c,SystemModstamp").arg(id))
            .object();
    EXPECT_EQ(updated.value(QStringLiteral("Nickname__c")).toString(), QStringLiteral("Yoyo"));
    EXPECT_GT(updated.value(QStringLiteral("SystemModstamp")).toString(),
              created.value(QStringLiteral("SystemModstamp")).toString());

    EXPECT_EQ(org().api("DELETE", QStringLiteral("sobjects/Student__c/") + id).status, 204);
    EXPECT_EQ(org().api("GET", QStringLiteral("sobjects/Student__c/") + id).status, 404);
    const HttpReply again = org().api("DELETE", QStringLiteral("sobjects/Student__c/") + id);
    EXPECT_EQ(again.status, 404);
    EXPECT_EQ(errorCode(again), QStringLiteral("ENTITY_IS_DELETED"));
    EXPECT_EQ(org()
                  .api("GET", queryPath(QStringLiteral("SELECT Id FROM Student__c")))
                  .object()
                  .value(QStringLiteral("totalSize"))
                  .toInt(),
              0);
    const QJsonArray deleted =
        org()
            .api("GET", queryPath(QStringLiteral("SELECT Id, IsDeleted FROM Student__c "
                                                 "WHERE IsDeleted = true"),
                                  QStringLiteral("queryAll")))
            .object()
            .value(QStringLiteral("records"))
            .toArray();
    ASSERT_EQ(deleted.size(), 1);
    EXPECT_EQ(deleted.at(0).toObject().value(QStringLiteral("Id")).toString(), id);
    EXPECT_EQ(org().api("GET", QStringLiteral("sobjects/Student__c/a04000000000001")).status, 404);
}

TEST_F(RestTest, ValidationErrorsLookLikeAnOrgs)
{
    const auto create = [&](const QString &object, const QJsonObject &fields) {
        return org().api("POST", QStringLiteral("sobjects/") + object, QJsonDocument(fields));
    };
    QJsonObject missing = student(QStringLiteral("x"));
    missing.remove(QStringLiteral("Last_Name__c"));
    HttpReply reply = create(QStringLiteral("Student__c"), missing);
    EXPECT_EQ(reply.status, 400);
    EXPECT_EQ(errorCode(reply), QStringLiteral("REQUIRED_FIELD_MISSING"));
    EXPECT_EQ(reply.array().at(0).toObject().value(QStringLiteral("fields")).toArray(),
              QJsonArray{QStringLiteral("Last_Name__c")});

    QJsonObject tooLong = student(QString(81, u'x'));
    EXPECT_EQ(errorCode(create(QStringLiteral("Student__c"), tooLong)),
              QStringLiteral("STRING_TOO_LONG"));
    QJsonObject badPicklist = student(QStringLiteral("x"));
    badPicklist.insert(QStringLiteral("Sex__c"), QStringLiteral("Other"));
    EXPECT_EQ(errorCode(create(QStringLiteral("Student__c"), badPicklist)),
              QStringLiteral("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST"));
    QJsonObject unknown = student(QStringLiteral("x"));
    unknown.insert(QStringLiteral("Shoe_Size__c"), 3);
    EXPECT_EQ(errorCode(create(QStringLiteral("Student__c"), unknown)),
              QStringLiteral("INVALID_FIELD"));

    createStudent(QStringLiteral("a"), QStringLiteral("key-1"));
    reply =
        create(QStringLiteral("Student__c"), student(QStringLiteral("b"), QStringLiteral("KEY-1")));
    EXPECT_EQ(errorCode(reply), QStringLiteral("DUPLICATE_VALUE"));

    const QJsonObject enrollment{
        {QStringLiteral("Class__c"), QStringLiteral("a035g000000zzzzAAA")},
        {QStringLiteral("Student__c"), createStudent(QStringLiteral("c"))}};
    EXPECT_EQ(errorCode(create(QStringLiteral("ParticipantEnrollment__c"), enrollment)),
              QStringLiteral("INVALID_CROSS_REFERENCE_KEY"));

    const QString deletedClass =
        createClass(QStringLiteral("Borrada"), QStringLiteral("class-gone"));
    org().api("DELETE", QStringLiteral("sobjects/Class__c/") + deletedClass);
    QJsonObject toDeleted = enrollment;
    toDeleted.insert(QStringLiteral("Class__c"), deletedClass);
    EXPECT_EQ(errorCode(create(QStringLiteral("ParticipantEnrollment__c"), toDeleted)),
              QStringLiteral("ENTITY_IS_DELETED"));
}

TEST_F(RestTest, ConfigurableValidationRule)
{
    const QString course = createClass(QStringLiteral("Lectura"), QStringLiteral("c1"));
    const QString pupil = createStudent(QStringLiteral("d"));
    const QString enrollment =
        org()
            .api("POST", QStringLiteral("sobjects/ParticipantEnrollment__c"),
                 QJsonDocument(QJsonObject{{QStringLiteral("Class__c"), course},
                                           {QStringLiteral("Student__c"), pupil}}))
            .object()
            .value(QStringLiteral("id"))
            .toString();
    QJsonObject attendance{{QStringLiteral("Participant_Enrollment__c"), enrollment},
                           {QStringLiteral("Start_Date__c"), QStringLiteral("2024-03-01")},
                           {QStringLiteral("Attendance_Type__c"), 7}};
    HttpReply reply =
        org().api("POST", QStringLiteral("sobjects/Attendance__c"), QJsonDocument(attendance));
    EXPECT_EQ(reply.status, 400);
    EXPECT_EQ(errorCode(reply), QStringLiteral("FIELD_CUSTOM_VALIDATION_EXCEPTION"));

    ASSERT_EQ(
        org()
            .sendJson("POST", QStringLiteral("/__emulator/validation-rules"),
                      QJsonDocument(QJsonObject{
                          {QStringLiteral("object"), QStringLiteral("Attendance__c")},
                          {QStringLiteral("name"), QStringLiteral("No_Weekend_Notes")},
                          {QStringLiteral("condition"), QStringLiteral("Notes__c LIKE '%sábado%'")},
                          {QStringLiteral("message"), QStringLiteral("No hay clases el sábado.")},
                          {QStringLiteral("field"), QStringLiteral("Notes__c")}}))
            .status,
        204);
    attendance.insert(QStringLiteral("Attendance_Type__c"), 0);
    attendance.insert(QStringLiteral("Notes__c"), QStringLiteral("Vino el sábado"));
    reply = org().api("POST", QStringLiteral("sobjects/Attendance__c"), QJsonDocument(attendance));
    EXPECT_EQ(reply.array().at(0).toObject().value(QStringLiteral("message")).toString(),
              QStringLiteral("No hay clases el sábado."));
}

TEST_F(RestTest, UpsertByExternalIdCreatesThenUpdates)
{
    const QString path = QStringLiteral("sobjects/Student__c/Pasalista_Id__c/uuid-1");
    HttpReply reply = org().api("PATCH", path, QJsonDocument(student(QStringLiteral("Reyes"))));
    ASSERT_EQ(reply.status, 201) << reply.body.toStdString();
    EXPECT_TRUE(reply.object().value(QStringLiteral("created")).toBool());
    const QString id = reply.object().value(QStringLiteral("id")).toString();
    reply = org().api("PATCH", path, QJsonDocument(student(QStringLiteral("Reyes Peña"))));
    EXPECT_EQ(reply.status, 200);
    EXPECT_FALSE(reply.object().value(QStringLiteral("created")).toBool());
    EXPECT_EQ(reply.object().value(QStringLiteral("id")).toString(), id);
    reply = org().api(
        "PATCH", QStringLiteral("/services/data/v45.0/sobjects/Student__c/Pasalista_Id__c/uuid-1"),
        QJsonDocument(student(QStringLiteral("Reyes"))));
    EXPECT_EQ(reply.status, 204);
    EXPECT_EQ(org().api("GET", path).object().value(QStringLiteral("Id")).toString(), id);
    EXPECT_EQ(org()
                  .api("PATCH", QStringLiteral("sobjects/Student__c/Last_Name__c/x"),
                       QJsonDocument(student(QStringLiteral("x"))))
                  .status,
              404);
}

TEST_F(RestTest, ChildrenReferToParentsByExternalId)
{
    const QString course = createClass(QStringLiteral("Lectura"), QStringLiteral("class-key"));
    createStudent(QStringLiteral("e"), QStringLiteral("student-key"));
    const QJsonObject enrollment{
        {QStringLiteral("Class__r"),
         QJsonObject{{QStringLiteral("Pasalista_Id__c"), QStringLiteral("class-key")}}},
        {QStringLiteral("Student__r"),
         QJsonObject{{QStringLiteral("Pasalista_Id__c"), QStringLiteral("student-key")}}}};
    HttpReply reply = org().api(
        "PATCH", QStringLiteral("sobjects/ParticipantEnrollment__c/Pasalista_Id__c/enr-1"),
        QJsonDocument(enrollment));
    ASSERT_EQ(reply.status, 201) << reply.body.toStdString();
    const QString id = reply.object().value(QStringLiteral("id")).toString();
    EXPECT_EQ(org()
                  .api("GET", QStringLiteral("sobjects/ParticipantEnrollment__c/") + id)
                  .object()
                  .value(QStringLiteral("Class__c"))
                  .toString(),
              course);
    QJsonObject missing = enrollment;
    missing.insert(QStringLiteral("Class__r"),
                   QJsonObject{{QStringLiteral("Pasalista_Id__c"), QStringLiteral("nope")}});
    reply = org().api("PATCH",
                      QStringLiteral("sobjects/ParticipantEnrollment__c/Pasalista_Id__c/enr-2"),
                      QJsonDocument(missing));
    EXPECT_EQ(reply.status, 400);
    EXPECT_EQ(errorCode(reply), QStringLiteral("INVALID_FIELD"));
    EXPECT_TRUE(reply.array()
                    .at(0)
                    .toObject()
                    .value(QStringLiteral("message"))
                    .toString()
                    .contains(QStringLiteral("Foreign key external ID: nope not found")));
}

TEST_F(RestTest, CollectionsReportPerRecordResults)
{
    QJsonArray records{
        typed(student(QStringLiteral("a")), QStringLiteral("Student__c")),
        typed(QJsonObject{{QStringLiteral("First_Name__c"), QStringLiteral("sin apellido")}},
              QStringLiteral("Student__c")),
        typed(student(QStringLiteral("c")), QStringLiteral("Student__c"))};
    QJsonArray results = collection("POST", QStringLiteral("composite/sobjects"), records);
    ASSERT_EQ(results.size(), 3);
    EXPECT_TRUE(results.at(0).toObject().value(QStringLiteral("success")).toBool());
    EXPECT_FALSE(results.at(1).toObject().value(QStringLiteral("success")).toBool());
    EXPECT_EQ(firstErrorStatus(results.at(1)), QStringLiteral("REQUIRED_FIELD_MISSING"));
    EXPECT_TRUE(results.at(2).toObject().value(QStringLiteral("success")).toBool());

    results = collection("POST", QStringLiteral("composite/sobjects"), records, true);
    EXPECT_EQ(firstErrorStatus(results.at(0)), QStringLiteral("ALL_OR_NONE_OPERATION_ROLLED_BACK"));
    EXPECT_EQ(org().records(QStringLiteral("Student__c")).size(), 2); // only the first call's two

    const QString first = org()
                              .records(QStringLiteral("Student__c"))
                              .at(0)
                              .toObject()
                              .value(QStringLiteral("Id"))
                              .toString();
    QJsonObject update = typed(QJsonObject{{QStringLiteral("Id"), first},
                                           {QStringLiteral("Nickname__c"), QStringLiteral("Tati")}},
                               QStringLiteral("Student__c"));
    results = collection("PATCH", QStringLiteral("composite/sobjects"), {update});
    EXPECT_TRUE(results.at(0).toObject().value(QStringLiteral("success")).toBool());

    const HttpReply retrieved = org().api(
        "GET",
        QStringLiteral("composite/sobjects/Student__c?ids=%1&fields=Nickname__c").arg(first));
    EXPECT_EQ(retrieved.array().at(0).toObject().value(QStringLiteral("Nickname__c")).toString(),
              QStringLiteral("Tati"));

    const HttpReply removed =
        org().api("DELETE", QStringLiteral("composite/sobjects?ids=%1&allOrNone=false").arg(first));
    EXPECT_TRUE(removed.array().at(0).toObject().value(QStringLiteral("success")).toBool());
}

TEST_F(RestTest, CollectionUpsertOfTwoHundredRecords)
{
    QJsonArray records;
    for (int i = 0; i < 200; ++i)
        records.append(
            typed(student(QStringLiteral("n%1").arg(i), QStringLiteral("bulk-%1").arg(i)),
                  QStringLiteral("Student__c")));
    QJsonArray results = collection(
        "PATCH", QStringLiteral("composite/sobjects/Student__c/Pasalista_Id__c"), records);
    ASSERT_EQ(results.size(), 200);
    for (const QJsonValue &result : results)
        EXPECT_TRUE(result.toObject().value(QStringLiteral("created")).toBool());
    results = collection("PATCH", QStringLiteral("composite/sobjects/Student__c/Pasalista_Id__c"),
                         records);
    EXPECT_FALSE(results.at(199).toObject().value(QStringLiteral("created")).toBool());
    EXPECT_TRUE(results.at(199).toObject().value(QStringLiteral("success")).toBool());
    EXPECT_EQ(org().records(QStringLiteral("Student__c")).size(), 200);

    records.append(records.at(0));
    const HttpReply tooMany =
        org().api("PATCH", QStringLiteral("composite/sobjects/Student__c/Pasalista_Id__c"),
                  QJsonDocument(QJsonObject{{QStringLiteral("records"), records}}));
    EXPECT_EQ(tooMany.status, 400);
    EXPECT_EQ(errorCode(tooMany), QStringLiteral("EXCEEDED_ID_LIMIT"));

    const QJsonArray twins{
        typed(student(QStringLiteral("x"), QStringLiteral("twin")), QStringLiteral("Student__c")),
        typed(student(QStringLiteral("y"), QStringLiteral("twin")), QStringLiteral("Student__c"))};
    results =
        collection("PATCH", QStringLiteral("composite/sobjects/Student__c/Pasalista_Id__c"), twins);
    EXPECT_EQ(firstErrorStatus(results.at(1)), QStringLiteral("DUPLICATE_EXTERNAL_ID"));
}

TEST_F(RestTest, CompositeResolvesReferencesAndRollsBack)
{
    const QJsonObject request{
        {QStringLiteral("allOrNone"), true},
        {QStringLiteral("compositeRequest"),
         QJsonArray{
             QJsonObject{
                 {QStringLiteral("method"), QStringLiteral("POST")},
                 {QStringLiteral("url"), QStringLiteral("/services/data/v59.0/sobjects/Class__c")},
                 {QStringLiteral("referenceId"), QStringLiteral("newClass")},
                 {QStringLiteral("body"),
                  QJsonObject{{QStringLiteral("Title__c"), QStringLiteral("Coro")}}}},
             QJsonObject{{QStringLiteral("method"), QStringLiteral("GET")},
                         {QStringLiteral("url"),
                          QStringLiteral("/services/data/v59.0/sobjects/Class__c/@{newClass.id}")},
                         {QStringLiteral("referenceId"), QStringLiteral("readBack")}}}}};
    HttpReply reply = org().api("POST", QStringLiteral("composite"), QJsonDocument(request));
    ASSERT_EQ(reply.status, 200);
    const QJsonArray responses =
        reply.object().value(QStringLiteral("compositeResponse")).toArray();
    EXPECT_EQ(responses.at(0).toObject().value(QStringLiteral("httpStatusCode")).toInt(), 201);
    EXPECT_EQ(responses.at(1)
                  .toObject()
                  .value(QStringLiteral("body"))
                  .toObject()
                  .value(QStringLiteral("Title__c"))
                  .toString(),
              QStringLiteral("Coro"));

    QJsonObject failing = request;
    QJsonArray subrequests = request.value(QStringLiteral("compositeRequest")).toArray();
    subrequests.append(QJsonObject{
        {QStringLiteral("method"), QStringLiteral("POST")},
        {QStringLiteral("url"), QStringLiteral("/services/data/v59.0/sobjects/Class__c")},
        {QStringLiteral("referenceId"), QStringLiteral("bad")},
        {QStringLiteral("body"), QJsonObject{}}});
    failing.insert(QStringLiteral("compositeRequest"), subrequests);
    reply = org().api("POST", QStringLiteral("composite"), QJsonDocument(failing));
    const QJsonArray failed = reply.object().value(QStringLiteral("compositeResponse")).toArray();
    EXPECT_EQ(failed.at(0)
                  .toObject()
                  .value(QStringLiteral("body"))
                  .toArray()
                  .at(0)
                  .toObject()
                  .value(QStringLiteral("errorCode"))
                  .toString(),
              QStringLiteral("PROCESSING_HALTED"));
    EXPECT_EQ(failed.at(2).toObject().value(QStringLiteral("httpStatusCode")).toInt(), 400);
    EXPECT_EQ(org().records(QStringLiteral("Class__c")).size(),
              1); // the second class was rolled back
}

TEST_F(RestTest, QueryPagesThroughFiveThousandRecords)
{
    const QJsonObject generated = org().generate({{QStringLiteral("students"), 100},
                                                  {QStringLiteral("enrollments"), 500},
                                                  {QStringLiteral("attendance"), 5200},
                                                  {QStringLiteral("classes"), 5}});
    ASSERT_EQ(generated.value(QStringLiteral("attendance")).toInt(), 5200);
    QString next = queryPath(
        QStringLiteral("SELECT Id, Start_Date__c FROM Attendance__c ORDER BY SystemModstamp"));
    QSet<QString> seen;
    int pages = 0;
    while (!next.isEmpty() && pages < 20) {
        const QJsonObject page = org().api("GET", next).object();
        EXPECT_EQ(page.value(QStringLiteral("totalSize")).toInt(), 5200);
        for (const QJsonValue &record : page.value(QStringLiteral("records")).toArray())
            seen.insert(record.toObject().value(QStringLiteral("Id")).toString());
        next = page.value(QStringLiteral("nextRecordsUrl")).toString();
        EXPECT_EQ(page.value(QStringLiteral("done")).toBool(), next.isEmpty());
        ++pages;
    }
    EXPECT_EQ(pages, 3);
    EXPECT_EQ(seen.size(), 5200);

    const HttpReply small =
        org().api("GET", queryPath(QStringLiteral("SELECT Id FROM Attendance__c")), {},
                  {{"Sforce-Query-Options", "batchSize=500"}});
    EXPECT_EQ(small.object().value(QStringLiteral("records")).toArray().size(), 500);
    EXPECT_EQ(org().api("GET", QStringLiteral("query/01g5g0000000zzzAAA-2000")).status, 400);
}

TEST_F(RestTest, MalformedQueriesAnswer400)
{
    const HttpReply reply = org().api("GET", queryPath(QStringLiteral("SELECT Id FROM")));
    EXPECT_EQ(reply.status, 400);
    EXPECT_EQ(errorCode(reply), QStringLiteral("MALFORMED_QUERY"));
    // A plus in the query string is a space, as curl and client libraries send it.
    EXPECT_EQ(org().api("GET", QStringLiteral("query?q=SELECT+Id+FROM+Class__c")).status, 200);
}

TEST_F(RestTest, GzipBothWays)
{
    const HttpReply reply = org().api("GET", queryPath(QStringLiteral("SELECT Id FROM User")), {},
                                      {{"Accept-Encoding", "gzip"}});
    ASSERT_EQ(reply.header("Content-Encoding"), QByteArray("gzip"));
    const auto inflated = pasalista::Gzip::decompress(reply.body);
    ASSERT_TRUE(inflated);
    EXPECT_GE(
        QJsonDocument::fromJson(*inflated).object().value(QStringLiteral("totalSize")).toInt(), 1);

    const QByteArray body =
        pasalista::Gzip::compress(QJsonDocument(student(QStringLiteral("gzip"))).toJson());
    const HttpReply created =
        org().request("POST", org().dataPath(QStringLiteral("sobjects/Student__c")), body,
                      {{"Content-Type", "application/json"},
                       {"Content-Encoding", "gzip"},
                       {"Authorization", "Bearer " + org().accessToken().toLatin1()}});
    EXPECT_EQ(created.status, 201) << created.body.toStdString();
}

TEST_F(RestTest, AdminChangesBumpSystemModstampAndAreLogged)
{
    org().clearRequestLog();
    const QString id = createStudent(QStringLiteral("f"));
    const QString before = org()
                               .records(QStringLiteral("Student__c"))
                               .at(0)
                               .toObject()
                               .value(QStringLiteral("SystemModstamp"))
                               .toString();
    ASSERT_TRUE(org().advanceClock(1)); // stamps have second precision
    ASSERT_TRUE(org().adminUpdate(QStringLiteral("Student__c"), id,
                                  {{QStringLiteral("Nickname__c"), QStringLiteral("Nene")}}));
    const QJsonObject after = org().records(QStringLiteral("Student__c")).at(0).toObject();
    EXPECT_GT(after.value(QStringLiteral("SystemModstamp")).toString(), before);
    EXPECT_EQ(after.value(QStringLiteral("Nickname__c")).toString(), QStringLiteral("Nene"));
    const QJsonArray log = org().requestLog();
    ASSERT_EQ(log.size(), 1); // admin calls are not logged
    EXPECT_EQ(log.at(0).toObject().value(QStringLiteral("method")).toString(),
              QStringLiteral("POST"));
    EXPECT_GT(log.at(0).toObject().value(QStringLiteral("bytesIn")).toInt(), 0);
    EXPECT_GT(log.at(0).toObject().value(QStringLiteral("bytesOut")).toInt(), 0);
}

TEST(RestOptions, WithoutTheExternalIdField)
{
    EmulatorProcess org({QStringLiteral("--no-external-id")});
    ASSERT_TRUE(org.isRunning());
    org.login();
    const QString describe =
        QString::fromUtf8(org.api("GET", QStringLiteral("sobjects/Student__c/describe")).body);
    EXPECT_FALSE(describe.contains(QStringLiteral("Pasalista_Id__c")));
    EXPECT_EQ(org.api("PATCH", QStringLiteral("sobjects/Student__c/Pasalista_Id__c/k"),
                      QJsonDocument(QJsonObject{}))
                  .status,
              404);
}

TEST(RestOptions, StatePersistsBetweenRuns)
{
    const QString file = QDir::temp().filePath(
        QStringLiteral("pasalista-emulator-state-%1.json").arg(QCoreApplication::applicationPid()));
    QFile::remove(file);
    QString id;
    {
        EmulatorProcess org({QStringLiteral("--state"), file});
        ASSERT_TRUE(org.isRunning());
        id = org.adminCreate(QStringLiteral("Program__c"),
                             {{QStringLiteral("Name"), QStringLiteral("Deportes")}});
        ASSERT_FALSE(id.isEmpty());
    }
    EmulatorProcess again({QStringLiteral("--state"), file});
    ASSERT_TRUE(again.isRunning());
    EXPECT_EQ(again.records(QStringLiteral("Program__c"))
                  .at(0)
                  .toObject()
                  .value(QStringLiteral("Id"))
                  .toString(),
              id);
    QFile::remove(file);
}

TEST(RestOptions, MultipleExternalIdMatchesAnswer300)
{
    QTemporaryFile schema;
    ASSERT_TRUE(schema.open());
    schema.write(R"({"objects":[{"name":"Thing__c","keyPrefix":"a0T","fields":[
        {"name":"Code__c","type":"string","length":20,"externalId":true}]}]})");
    schema.flush();
    EmulatorProcess org({QStringLiteral("--schema"), schema.fileName()});
    ASSERT_TRUE(org.isRunning()) << org.startupOutput().toStdString();
    org.login();
    for (int i = 0; i < 2; ++i)
        org.api("POST", QStringLiteral("sobjects/Thing__c"),
                QJsonDocument(QJsonObject{{QStringLiteral("Code__c"), QStringLiteral("same")}}));
    const HttpReply reply = org.api("PATCH", QStringLiteral("sobjects/Thing__c/Code__c/same"),
                                    QJsonDocument(QJsonObject{}));
    EXPECT_EQ(reply.status, 300);
    EXPECT_EQ(reply.array().size(), 2);
}

} // namespace

namespace {

int apiUsage(const HttpReply &reply)
{
    return QString::fromLatin1(reply.header("Sforce-Limit-Info"))
        .section(u'=', 1)
        .section(u'/', 0, 0)
        .toInt();
}

QJsonObject compositeQuery(int index)
{
    return {
        {QStringLiteral("method"), QStringLiteral("GET")},
        {QStringLiteral("url"), QStringLiteral("/services/data/v59.0/query?q=SELECT+Id+FROM+User")},
        {QStringLiteral("referenceId"), QStringLiteral("q%1").arg(index)}};
}

TEST_F(RestTest, ParentFieldsPageByTwoHundredAndBatchSizeIsHonoured)
{
    org().generate({{QStringLiteral("classes"), 2},
                    {QStringLiteral("students"), 50},
                    {QStringLiteral("enrollments"), 100},
                    {QStringLiteral("attendance"), 2500}});
    const QJsonObject plain =
        org().api("GET", queryPath(QStringLiteral("SELECT Id FROM Attendance__c"))).object();
    EXPECT_EQ(plain.value(QStringLiteral("records")).toArray().size(), 2000);
    EXPECT_EQ(plain.value(QStringLiteral("totalSize")).toInt(), 2500);
    const QJsonObject parents =
        org()
            .api("GET", queryPath(QStringLiteral("SELECT Id, Participant_Enrollment__r.Student__c "
                                                 "FROM Attendance__c")))
            .object();
    EXPECT_EQ(parents.value(QStringLiteral("records")).toArray().size(), 200);
    EXPECT_EQ(parents.value(QStringLiteral("totalSize")).toInt(), 2500);
    EXPECT_FALSE(parents.value(QStringLiteral("done")).toBool());
    const HttpReply batch =
        org().api("GET", queryPath(QStringLiteral("SELECT Id FROM Attendance__c")), {},
                  {{"Sforce-Query-Options", "batchSize=300"}});
    EXPECT_EQ(batch.object().value(QStringLiteral("records")).toArray().size(), 300);
}

TEST_F(RestTest, TenOpenCursorsAUserAndTheOldestIsReleased)
{
    org().generate({{QStringLiteral("students"), 300}});
    const auto open = [&] {
        return org()
            .api("GET", queryPath(QStringLiteral("SELECT Id FROM Student__c")), {},
                 {{"Sforce-Query-Options", "batchSize=200"}})
            .object()
            .value(QStringLiteral("nextRecordsUrl"))
            .toString();
    };
    QStringList locators;
    for (int i = 0; i < 11; ++i)
        locators.append(open());
    const HttpReply released = org().api("GET", locators.first());
    EXPECT_EQ(released.status, 400);
    EXPECT_EQ(errorCode(released), QStringLiteral("INVALID_QUERY_LOCATOR"));
    const HttpReply kept = org().api("GET", locators.at(1));
    EXPECT_EQ(kept.status, 200);
    EXPECT_EQ(kept.object().value(QStringLiteral("records")).toArray().size(), 100);
    // The last page closes its cursor.
    EXPECT_EQ(org().api("GET", locators.at(1)).status, 400);
}

TEST_F(RestTest, PagesShowTheValuesAtFetchTime)
{
    org().generate({{QStringLiteral("students"), 300}});
    const QJsonObject first =
        org()
            .api("GET",
                 queryPath(QStringLiteral("SELECT Id, Nickname__c FROM Student__c "
                                          "ORDER BY Id")),
                 {}, {{"Sforce-Query-Options", "batchSize=200"}})
            .object();
    QSet<QString> onFirstPage;
    for (const QJsonValue &record : first.value(QStringLiteral("records")).toArray())
        onFirstPage.insert(record.toObject().value(QStringLiteral("Id")).toString());
    QString later;
    for (const QJsonValue &record : org().records(QStringLiteral("Student__c"))) {
        if (!onFirstPage.contains(record.toObject().value(QStringLiteral("Id")).toString()))
            later = record.toObject().value(QStringLiteral("Id")).toString();
    }
    ASSERT_FALSE(later.isEmpty());
    ASSERT_TRUE(org().adminUpdate(QStringLiteral("Student__c"), later,
                                  {{QStringLiteral("Nickname__c"), QStringLiteral("Cambiado")}}));
    const QJsonArray second =
        org()
            .api("GET", first.value(QStringLiteral("nextRecordsUrl")).toString())
            .object()
            .value(QStringLiteral("records"))
            .toArray();
    ASSERT_EQ(second.size(), 100);
    bool found = false;
    for (const QJsonValue &record : second) {
        if (record.toObject().value(QStringLiteral("Id")).toString() != later)
            continue;
        found = true;
        EXPECT_EQ(record.toObject().value(QStringLiteral("Nickname__c")).toString(),
                  QStringLiteral("Cambiado"));
    }
    EXPECT_TRUE(found);
}

TEST_F(RestTest, FieldNamesAreCaseInsensitiveInWrites)
{
    const HttpReply created =
        org().api("POST", QStringLiteral("sobjects/Student__c"),
                  QJsonDocument(QJsonObject{
                      {QStringLiteral("last_name__c"), QStringLiteral("Minúscula")},
                      {QStringLiteral("DATE_OF_BIRTH__C"), QStringLiteral("2012-05-01")},
                      {QStringLiteral("phone_number_1__c"), QStringLiteral("809-555-0101")}}));
    ASSERT_EQ(created.status, 201) << created.body.toStdString();
    const QString id = created.object().value(QStringLiteral("id")).toString();
    const QJsonArray updated = collection(
        "PATCH", QStringLiteral("composite/sobjects"),
        {QJsonObject{{QStringLiteral("attributes"),
                      QJsonObject{{QStringLiteral("type"), QStringLiteral("Student__c")}}},
                     {QStringLiteral("id"), id},
                     {QStringLiteral("nickname__c"), QStringLiteral("Mini")}}});
    ASSERT_TRUE(updated.at(0).toObject().value(QStringLiteral("success")).toBool())
        << QJsonDocument(updated).toJson().toStdString();
    const QJsonArray upserted = collection(
        "PATCH", QStringLiteral("composite/sobjects/Student__c/Pasalista_Id__c"),
        {typed(QJsonObject{{QStringLiteral("pasalista_id__c"), QStringLiteral("k-1")},
                           {QStringLiteral("LAST_NAME__C"), QStringLiteral("Clave")},
                           {QStringLiteral("date_of_birth__c"), QStringLiteral("2011-01-01")},
                           {QStringLiteral("phone_number_1__c"), QStringLiteral("809-555-0102")}},
               QStringLiteral("Student__c"))});
    ASSERT_TRUE(upserted.at(0).toObject().value(QStringLiteral("success")).toBool())
        << QJsonDocument(upserted).toJson().toStdString();
    const QJsonObject record =
        org().api("GET", QStringLiteral("sobjects/Student__c/") + id).object();
    EXPECT_EQ(record.value(QStringLiteral("Last_Name__c")).toString(), QStringLiteral("Minúscula"));
    EXPECT_EQ(record.value(QStringLiteral("Nickname__c")).toString(), QStringLiteral("Mini"));
    EXPECT_FALSE(record.contains(QStringLiteral("nickname__c")));
    const QJsonObject keyed =
        org().api("GET", QStringLiteral("sobjects/Student__c/Pasalista_Id__c/k-1")).object();
    EXPECT_EQ(keyed.value(QStringLiteral("Last_Name__c")).toString(), QStringLiteral("Clave"));
}

TEST_F(RestTest, CompositeIsOneCallWithAtMostFiveQueries)
{
    const int before = apiUsage(org().api("GET", QStringLiteral("limits")));
    QJsonArray five;
    for (int i = 0; i < 5; ++i)
        five.append(compositeQuery(i));
    const HttpReply ok =
        org().api("POST", QStringLiteral("composite"),
                  QJsonDocument(QJsonObject{{QStringLiteral("compositeRequest"), five}}));
    ASSERT_EQ(ok.status, 200) << ok.body.toStdString();
    EXPECT_EQ(apiUsage(ok), before + 1);
    // The token endpoint is not an API call.
    org().login();
    QJsonArray six = five;
    six.append(compositeQuery(5));
    const HttpReply tooMany =
        org().api("POST", QStringLiteral("composite"),
                  QJsonDocument(QJsonObject{{QStringLiteral("compositeRequest"), six}}));
    EXPECT_EQ(tooMany.status, 400);
    EXPECT_EQ(errorCode(tooMany), QStringLiteral("INVALID_API_INPUT"));
    const HttpReply limits = org().api("GET", QStringLiteral("limits"));
    EXPECT_EQ(apiUsage(limits), before + 3);
    const QJsonObject daily = limits.object().value(QStringLiteral("DailyApiRequests")).toObject();
    EXPECT_EQ(daily.value(QStringLiteral("Max")).toInt() -
                  daily.value(QStringLiteral("Remaining")).toInt(),
              apiUsage(limits));
}

TEST_F(RestTest, CompositeQueryAllCountsTowardsFiveAndEachSubrequestAnswersForItself)
{
    QJsonArray six;
    for (int i = 0; i < 6; ++i) {
        QJsonObject query = compositeQuery(i);
        if (i % 2 == 1) {
            query.insert(QStringLiteral("url"),
                         QStringLiteral("/services/data/v59.0/queryAll?q=SELECT+Id+FROM+User"));
        }
        six.append(query);
    }
    const HttpReply tooMany =
        org().api("POST", QStringLiteral("composite"),
                  QJsonDocument(QJsonObject{{QStringLiteral("compositeRequest"), six}}));
    EXPECT_EQ(tooMany.status, 400) << "a sixth query, queryAll or not, is refused";

    // An armed fault strikes a subrequest as it would the same request sent alone.
    ASSERT_TRUE(org().armFault("GET", QStringLiteral("/query$"), QStringLiteral("500")));
    QJsonArray two{compositeQuery(0),
                   QJsonObject{{QStringLiteral("method"), QStringLiteral("GET")},
                               {QStringLiteral("url"),
                                QStringLiteral("/services/data/v59.0/query?q=SELECT+Nope__c+FROM+"
                                               "Student__c")},
                               {QStringLiteral("referenceId"), QStringLiteral("bad")}}};
    const HttpReply reply =
        org().api("POST", QStringLiteral("composite"),
                  QJsonDocument(QJsonObject{{QStringLiteral("compositeRequest"), two}}));
    ASSERT_EQ(reply.status, 200) << reply.body.toStdString();
    const QJsonArray results = reply.object().value(QStringLiteral("compositeResponse")).toArray();
    ASSERT_EQ(results.size(), 2);
    const QJsonObject struck = results.at(0).toObject();
    EXPECT_EQ(struck.value(QStringLiteral("httpStatusCode")).toInt(), 500);
    EXPECT_EQ(struck.value(QStringLiteral("body"))
                  .toArray()
                  .at(0)
                  .toObject()
                  .value(QStringLiteral("errorCode"))
                  .toString(),
              QStringLiteral("UNKNOWN_EXCEPTION"));
    const QJsonObject bad = results.at(1).toObject();
    EXPECT_EQ(bad.value(QStringLiteral("httpStatusCode")).toInt(), 400);
    EXPECT_EQ(bad.value(QStringLiteral("referenceId")).toString(), QStringLiteral("bad"));
    EXPECT_EQ(bad.value(QStringLiteral("body"))
                  .toArray()
                  .at(0)
                  .toObject()
                  .value(QStringLiteral("errorCode"))
                  .toString(),
              QStringLiteral("INVALID_FIELD"));
}

// "Send Multiple Requests Using Composite": up to 5 of the 25 subrequests may be sObject
// Collections or query operations. Five collection writes run in one call, each answered
// with its per-record results; a sixth heavy subrequest, query or collection, refuses all.
TEST_F(RestTest, CompositeCollectionsCountTowardsFiveWithQueries)
{
    const auto collection = [this](int index) {
        return QJsonObject{
            {QStringLiteral("method"), QStringLiteral("POST")},
            {QStringLiteral("url"), QStringLiteral("/services/data/v59.0/composite/sobjects")},
            {QStringLiteral("referenceId"), QStringLiteral("c%1").arg(index)},
            {QStringLiteral("body"),
             QJsonObject{{QStringLiteral("allOrNone"), false},
                         {QStringLiteral("records"),
                          QJsonArray{typed(student(QStringLiteral("n%1").arg(index)),
                                           QStringLiteral("Student__c"))}}}}};
    };
    const int before = apiUsage(org().api("GET", QStringLiteral("limits")));
    QJsonArray five;
    for (int i = 0; i < 5; ++i)
        five.append(collection(i));
    const HttpReply ok =
        org().api("POST", QStringLiteral("composite"),
                  QJsonDocument(QJsonObject{{QStringLiteral("compositeRequest"), five}}));
    ASSERT_EQ(ok.status, 200) << ok.body.toStdString();
    EXPECT_EQ(apiUsage(ok), before + 1) << "one call for five writes";
    const QJsonArray results = ok.object().value(QStringLiteral("compositeResponse")).toArray();
    ASSERT_EQ(results.size(), 5);
    for (const QJsonValue &result : results) {
        EXPECT_EQ(result.toObject().value(QStringLiteral("httpStatusCode")).toInt(), 200);
        EXPECT_TRUE(result.toObject()
                        .value(QStringLiteral("body"))
                        .toArray()
                        .at(0)
                        .toObject()
                        .value(QStringLiteral("success"))
                        .toBool());
    }
    const qsizetype students = org().records(QStringLiteral("Student__c")).size();
    for (const bool sixthIsQuery : {true, false}) {
        QJsonArray six;
        for (int i = 0; i < 5; ++i)
            six.append(i % 2 == 0 ? collection(10 + i) : compositeQuery(i));
        six.append(sixthIsQuery ? compositeQuery(5) : collection(15));
        const HttpReply tooMany =
            org().api("POST", QStringLiteral("composite"),
                      QJsonDocument(QJsonObject{{QStringLiteral("compositeRequest"), six}}));
        EXPECT_EQ(tooMany.status, 400);
        EXPECT_EQ(errorCode(tooMany), QStringLiteral("INVALID_API_INPUT"));
    }
    EXPECT_EQ(org().records(QStringLiteral("Student__c")).size(), students) << "nothing ran";
}

TEST_F(RestTest, ADeletedFieldIsAnInvalidFieldAndMovesTheDescribe)
{
    const HttpReply first = org().api("GET", QStringLiteral("sobjects/Student__c/describe"));
    const QByteArray modified = first.header("Last-Modified");
    ASSERT_FALSE(modified.isEmpty());
    ASSERT_TRUE(org().advanceClock(5));
    EXPECT_EQ(
        org().request("DELETE", QStringLiteral("/__emulator/schema/Student__c/Nope__c")).status,
        404);
    ASSERT_EQ(
        org().request("DELETE", QStringLiteral("/__emulator/schema/Student__c/Nickname__c")).status,
        204);
    const HttpReply query =
        org().api("GET", queryPath(QStringLiteral("SELECT Id, Nickname__c FROM Student__c")));
    EXPECT_EQ(query.status, 400);
    EXPECT_EQ(errorCode(query), QStringLiteral("INVALID_FIELD"));
    const HttpReply changed = org().api("GET", QStringLiteral("sobjects/Student__c/describe"), {},
                                        {{"If-Modified-Since", modified}});
    EXPECT_EQ(changed.status, 200) << "the describe changed since";
    EXPECT_NE(changed.header("Last-Modified"), modified);
    for (const QJsonValue &field : changed.object().value(QStringLiteral("fields")).toArray()) {
        EXPECT_NE(field.toObject().value(QStringLiteral("name")).toString(),
                  QStringLiteral("Nickname__c"));
    }
    ASSERT_TRUE(org().reset());
    ASSERT_FALSE(org().login().isEmpty());
    EXPECT_EQ(org()
                  .api("GET", queryPath(QStringLiteral("SELECT Id, Nickname__c FROM Student__c")))
                  .status,
              200)
        << "reset brings the field back";
}

TEST_F(RestTest, DescribeHonoursIfModifiedSince)
{
    const HttpReply first = org().api("GET", QStringLiteral("sobjects/Student__c/describe"));
    ASSERT_EQ(first.status, 200);
    const QByteArray modified = first.header("Last-Modified");
    ASSERT_FALSE(modified.isEmpty());
    const HttpReply cached = org().api("GET", QStringLiteral("sobjects/Student__c/describe"), {},
                                       {{"If-Modified-Since", modified}});
    EXPECT_EQ(cached.status, 304);
    EXPECT_TRUE(cached.body.isEmpty());
    const HttpReply stale = org().api("GET", QStringLiteral("sobjects/Student__c/describe"), {},
                                      {{"If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT"}});
    EXPECT_EQ(stale.status, 200);
    EXPECT_EQ(
        org().api("GET", QStringLiteral("sobjects"), {}, {{"If-Modified-Since", modified}}).status,
        304);
}

TEST_F(RestTest, CompositeSubrequestsCarryTheirOwnHeaders)
{
    const HttpReply first = org().api("GET", QStringLiteral("sobjects/Student__c/describe"));
    const QString modified = QString::fromLatin1(first.header("Last-Modified"));
    const QString describe = QStringLiteral("/services/data/v%1/sobjects/%2/describe");
    const QString version = QLatin1String(EmulatorProcess::kApiVersion);
    const QByteArray body = QStringLiteral(R"({"compositeRequest": [
            {"method": "GET", "url": "%1", "referenceId": "student",
             "httpHeaders": {"If-Modified-Since": "%3"}},
            {"method": "GET", "url": "%2", "referenceId": "course"}]})")
                                .arg(describe.arg(version, QStringLiteral("Student__c")),
                                     describe.arg(version, QStringLiteral("Class__c")), modified)
                                .toUtf8();
    const HttpReply reply =
        org().api("POST", QStringLiteral("composite"), QJsonDocument::fromJson(body));
    ASSERT_EQ(reply.status, 200) << reply.body.toStdString();
    const QJsonArray results = reply.object().value(QStringLiteral("compositeResponse")).toArray();
    ASSERT_EQ(results.size(), 2);
    EXPECT_EQ(results.at(0).toObject().value(QStringLiteral("httpStatusCode")).toInt(), 304);
    const QJsonObject course = results.at(1).toObject();
    EXPECT_EQ(course.value(QStringLiteral("httpStatusCode")).toInt(), 200);
    EXPECT_EQ(course.value(QStringLiteral("httpHeaders"))
                  .toObject()
                  .value(QStringLiteral("Last-Modified"))
                  .toString(),
              modified);
    EXPECT_TRUE(course.value(QStringLiteral("body")).toObject().contains(QStringLiteral("fields")));
}

} // namespace
