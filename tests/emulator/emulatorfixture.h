#pragma once

#include "emulatorprocess.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUrlQuery>

#include <gtest/gtest.h>

#include <memory>

namespace pasalista::emulator::testing {

// The suites' everyday names: `using namespace pasalista::emulator::testing` brings them.
using test::EmulatorProcess;
using test::HttpReply;

// One emulator process per suite (starting one per test would dominate the run time),
// reset to its start-up state before each test and signed in as office staff.
class EmulatorFixture : public ::testing::Test
{
protected:
    static void SetUpTestSuite() { s_org = std::make_unique<test::EmulatorProcess>(); }
    static void TearDownTestSuite() { s_org.reset(); }

    void SetUp() override
    {
        ASSERT_TRUE(s_org->isRunning()) << s_org->startupOutput().toStdString();
        ASSERT_TRUE(s_org->reset());
        ASSERT_FALSE(s_org->login().isEmpty());
    }

    test::EmulatorProcess &org() { return *s_org; }

    static QString queryPath(const QString &soql, const QString &resource = QStringLiteral("query"))
    {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("q"), soql);
        return resource + u'?' + query.toString(QUrl::FullyEncoded);
    }

    static QJsonObject student(const QString &last, const QString &key = {})
    {
        QJsonObject fields{{QStringLiteral("First_Name__c"), QStringLiteral("Yokasta")},
                           {QStringLiteral("Last_Name__c"), last},
                           {QStringLiteral("Date_of_Birth__c"), QStringLiteral("2012-05-01")},
                           {QStringLiteral("Phone_Number_1__c"), QStringLiteral("809-555-0101")}};
        if (!key.isEmpty())
            fields.insert(QStringLiteral("Pasalista_Id__c"), key);
        return fields;
    }

    static QJsonObject typed(QJsonObject record, const QString &type)
    {
        record.insert(QStringLiteral("attributes"), QJsonObject{{QStringLiteral("type"), type}});
        return record;
    }

    static QString errorCode(const test::HttpReply &reply)
    {
        return reply.array().at(0).toObject().value(QStringLiteral("errorCode")).toString();
    }

    // The statusCode of the first error of one result of a collections reply.
    static QString firstErrorStatus(const QJsonValue &result)
    {
        return result.toObject()
            .value(QStringLiteral("errors"))
            .toArray()
            .at(0)
            .toObject()
            .value(QStringLiteral("statusCode"))
            .toString();
    }

    static inline std::unique_ptr<test::EmulatorProcess> s_org;
};

} // namespace pasalista::emulator::testing
