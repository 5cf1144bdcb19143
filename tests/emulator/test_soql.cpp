// SOQL parsing and evaluation, in process: the parser, the evaluator and the engine
// against a small org.
#include "emulator.h"
#include "soqlparser.h"

#include <gtest/gtest.h>

using namespace pasalista::emulator;

namespace {

class SoqlTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QString error;
        m_emulator = Emulator::create(EmulatorOptions{}, &error);
        ASSERT_TRUE(m_emulator) << error.toStdString();
        m_emulator->queries().setToday(QDate(2024, 3, 15));
        m_program = create(QStringLiteral("Program__c"),
                           {{QStringLiteral("Name"), QStringLiteral("Lectura")}});
        m_classA = create(QStringLiteral("Class__c"),
                          {{QStringLiteral("Title__c"), QStringLiteral("Lectura A")},
                           {QStringLiteral("Program__c"), m_program},
                           {QStringLiteral("Start_Date__c"), QStringLiteral("2024-01-10")}});
        m_classB = create(QStringLiteral("Class__c"),
                          {{QStringLiteral("Title__c"), QStringLiteral("Ajedrez")},
                           {QStringLiteral("Notes__c"), QStringLiteral("Aula 3")}});
        m_student = create(QStringLiteral("Student__c"),
                           {{QStringLiteral("First_Name__c"), QStringLiteral("Yokasta")},
                            {QStringLiteral("Last_Name__c"), QStringLiteral("Peña")},
                            {QStringLiteral("Date_of_Birth__c"), QStringLiteral("2012-05-01")},
                            {QStringLiteral("Phone_Number_1__c"), QStringLiteral("809-555-0101")}});
        m_enrollment = create(
            QStringLiteral("ParticipantEnrollment__c"),
            {{QStringLiteral("Class__c"), m_classA}, {QStringLiteral("Student__c"), m_student}});
        for (int day = 10; day <= 15; ++day) {
            create(QStringLiteral("Attendance__c"),
                   {{QStringLiteral("Participant_Enrollment__c"), m_enrollment},
                    {QStringLiteral("Start_Date__c"), QStringLiteral("2024-03-%1").arg(day)},
                    {QStringLiteral("Attendance_Type__c"), day % 3}});
        }
    }

    QString create(const QString &object, const QJsonObject &fields)
    {
        const WriteOutcome outcome = m_emulator->adminWriter().create(
            *m_emulator->schema().object(object), fields, m_emulator->officeUserId());
        EXPECT_TRUE(outcome.ok()) << object.toStdString() << " "
                                  << (outcome.ok() ? ""
                                                   : outcome.errors.first().message.toStdString());
        return outcome.id;
    }

    QueryResult query(const QString &soql)
    {
        SfError error;
        auto result = m_emulator->queries().execute(soql, false, &error);
        EXPECT_TRUE(result) << soql.toStdString() << ": " << error.message.toStdString();
        return result.value_or(QueryResult{});
    }

    SfError failure(const QString &soql)
    {
        SfError error;
        EXPECT_FALSE(m_emulator->queries().execute(soql, false, &error)) << soql.toStdString();
        return error;
    }

    QStringList column(const QString &soql, const QString &field)
    {
        const QueryResult result = query(soql);
        QStringList values;
        for (const QString &id : result.ids) {
            const QJsonObject record =
                m_emulator->queries().render(result, id, QStringLiteral("59.0"));
            const QJsonValue value = record.value(field);
            values.append(value.isDouble() ? QString::number(value.toDouble()) : value.toString());
        }
        return values;
    }

    std::unique_ptr<Emulator> m_emulator;
    QString m_program, m_classA, m_classB, m_student, m_enrollment;
};

TEST_F(SoqlTest, SyntaxErrorsPointAtTheToken)
{
    const SfError error = failure(QStringLiteral("SELECT Id FORM Class__c"));
    EXPECT_EQ(error.errorCode, QStringLiteral("MALFORMED_QUERY"));
    EXPECT_TRUE(error.message.contains(QStringLiteral("ERROR at Row:1:Column:11")));
    EXPECT_TRUE(error.message.contains(QStringLiteral("unexpected token: 'FORM'")));
    EXPECT_EQ(failure(QStringLiteral("SELECT Id FROM Class__c WHERE")).errorCode,
              QStringLiteral("MALFORMED_QUERY"));
    EXPECT_EQ(failure(QStringLiteral("SELECT Id FROM Class__c WHERE Title__c = 'x")).errorCode,
              QStringLiteral("MALFORMED_QUERY"));
    // SOQL refuses AND and OR mixed without parentheses.
    EXPECT_EQ(
        failure(QStringLiteral(
                    "SELECT Id FROM Class__c WHERE Title__c = 'a' AND Notes__c = 'b' OR Id = null"))
            .errorCode,
        QStringLiteral("MALFORMED_QUERY"));
}

TEST_F(SoqlTest, UnknownNamesAreReportedLikeSalesforce)
{
    SfError error = failure(QStringLiteral("SELECT Id, Foo__c FROM Class__c"));
    EXPECT_EQ(error.errorCode, QStringLiteral("INVALID_FIELD"));
    EXPECT_TRUE(
        error.message.contains(QStringLiteral("No such column 'Foo__c' on entity 'Class__c'")));
    error = failure(QStringLiteral("SELECT Id, Nope__r.Name FROM Class__c"));
    EXPECT_EQ(error.errorCode, QStringLiteral("INVALID_FIELD"));
    EXPECT_TRUE(error.message.contains(QStringLiteral("Didn't understand relationship 'Nope__r'")));
    EXPECT_EQ(failure(QStringLiteral("SELECT Id FROM Nothing__c")).errorCode,
              QStringLiteral("INVALID_TYPE"));
    EXPECT_EQ(failure(QStringLiteral("SELECT Id FROM Class__c WHERE Start_Date__c = '2024-01-01'"))
                  .errorCode,
              QStringLiteral("INVALID_QUERY_FILTER_OPERATOR"));
}

TEST_F(SoqlTest, ParentFieldsAreNestedAndNullWhenEmpty)
{
    const QueryResult result = query(
        QStringLiteral("SELECT Title__c, Program__r.Name FROM Class__c ORDER BY Title__c DESC"));
    ASSERT_EQ(result.ids.size(), 2);
    const QJsonObject first =
        m_emulator->queries().render(result, result.ids.at(0), QStringLiteral("59.0"));
    EXPECT_EQ(first.value(QStringLiteral("Program__r"))
                  .toObject()
                  .value(QStringLiteral("Name"))
                  .toString(),
              QStringLiteral("Lectura"));
    const QJsonObject second =
        m_emulator->queries().render(result, result.ids.at(1), QStringLiteral("59.0"));
    EXPECT_TRUE(second.value(QStringLiteral("Program__r")).isNull());
    const QStringList names = column(
        QStringLiteral(
            "SELECT Participant_Enrollment__r.Student__r.First_Name__c FROM Attendance__c LIMIT 1"),
        QStringLiteral("Participant_Enrollment__r"));
    EXPECT_EQ(names.size(), 1);
}

TEST_F(SoqlTest, ConditionsCombineWithParenthesesAndNot)
{
    EXPECT_EQ(query(QStringLiteral("SELECT Id FROM Attendance__c WHERE Attendance_Type__c = 0"))
                  .totalSize,
              2);
    EXPECT_EQ(query(QStringLiteral("SELECT Id FROM Attendance__c WHERE NOT Attendance_Type__c = 0"))
                  .totalSize,
              4);
    EXPECT_EQ(query(QStringLiteral("SELECT Id FROM Attendance__c WHERE (Attendance_Type__c = 1 OR "
                                   "Attendance_Type__c = 2) AND Start_Date__c >= 2024-03-13"))
                  .totalSize,
              2);
    EXPECT_EQ(
        query(QStringLiteral("SELECT Id FROM Attendance__c WHERE Attendance_Type__c IN (1, 2)"))
            .totalSize,
        4);
    EXPECT_EQ(
        query(QStringLiteral("SELECT Id FROM Attendance__c WHERE Attendance_Type__c NOT IN (1, 2)"))
            .totalSize,
        2);
    EXPECT_EQ(query(QStringLiteral("SELECT Id FROM Attendance__c WHERE Attendance_Type__c != 1"))
                  .totalSize,
              4);
    EXPECT_EQ(query(QStringLiteral("SELECT Id FROM Class__c WHERE Notes__c = null")).totalSize, 1);
    EXPECT_EQ(query(QStringLiteral("SELECT Id FROM Class__c WHERE Notes__c != null")).totalSize, 1);
    EXPECT_EQ(query(QStringLiteral("SELECT Id FROM Class__c WHERE IsDeleted = false")).totalSize,
              2);
}

TEST_F(SoqlTest, LikeIsCaseInsensitiveWithWildcards)
{
    EXPECT_EQ(column(QStringLiteral("SELECT Title__c FROM Class__c WHERE Title__c LIKE 'lect%'"),
                     QStringLiteral("Title__c")),
              QStringList{QStringLiteral("Lectura A")});
    EXPECT_EQ(
        query(QStringLiteral("SELECT Id FROM Class__c WHERE Title__c LIKE '_jedre_'")).totalSize,
        1);
    EXPECT_EQ(
        query(QStringLiteral("SELECT Id FROM Class__c WHERE Title__c NOT LIKE '%a%'")).totalSize,
        0);
    EXPECT_EQ(query(QStringLiteral("SELECT Id FROM Class__c WHERE Title__c = 'AJEDREZ'")).totalSize,
              1);
}

TEST_F(SoqlTest, SemiJoinsSelectThroughAnotherObject)
{
    const QString soql = QStringLiteral(
        "SELECT Id FROM Student__c WHERE Id IN (SELECT Student__c FROM ParticipantEnrollment__c "
        "WHERE Class__r.Title__c = 'Lectura A')");
    EXPECT_EQ(query(soql).ids, QStringList{m_student});
    EXPECT_EQ(query(QStringLiteral("SELECT Id FROM Class__c WHERE Id NOT IN (SELECT Class__c FROM "
                                   "ParticipantEnrollment__c)"))
                  .ids,
              QStringList{m_classB});
}

// Parent fields filter in WHERE, under OR too (SOQL allows it; only semi-joins are refused
// there): how a first sync names the teacher's scope without an Id from an earlier reply.
TEST_F(SoqlTest, ParentFieldsFilterUnderOr)
{
    EXPECT_EQ(query(QStringLiteral("SELECT Id FROM ParticipantEnrollment__c WHERE "
                                   "Class__r.Title__c = 'Lectura A' OR Class__r.Title__c = 'x'"))
                  .ids,
              QStringList{m_enrollment});
    EXPECT_EQ(query(QStringLiteral("SELECT Id FROM Student__c WHERE Id IN (SELECT Student__c FROM "
                                   "ParticipantEnrollment__c WHERE Class__r.Title__c = 'x' OR "
                                   "Class__r.Title__c = 'Lectura A')"))
                  .ids,
              QStringList{m_student});
}

TEST_F(SoqlTest, DateLiteralsAreRelativeToToday)
{
    EXPECT_EQ(
        query(QStringLiteral("SELECT Id FROM Attendance__c WHERE Start_Date__c = TODAY")).totalSize,
        1);
    EXPECT_EQ(query(QStringLiteral("SELECT Id FROM Attendance__c WHERE Start_Date__c = YESTERDAY"))
                  .totalSize,
              1);
    EXPECT_EQ(
        query(QStringLiteral("SELECT Id FROM Attendance__c WHERE Start_Date__c = LAST_N_DAYS:2"))
            .totalSize,
        3);
    EXPECT_EQ(
        query(QStringLiteral("SELECT Id FROM Attendance__c WHERE Start_Date__c < TODAY")).totalSize,
        5);
    EXPECT_EQ(query(QStringLiteral("SELECT Id FROM Attendance__c WHERE Start_Date__c > 2024-03-13"))
                  .totalSize,
              2);
    // Everything was created just now, after any date in 2020.
    EXPECT_EQ(query(QStringLiteral(
                        "SELECT Id FROM Attendance__c WHERE SystemModstamp > 2020-01-01T00:00:00Z"))
                  .totalSize,
              6);
    EXPECT_EQ(
        query(QStringLiteral(
                  "SELECT Id FROM Attendance__c WHERE CreatedDate < 2020-01-01T00:00:00.000+0000"))
            .totalSize,
        0);
}

TEST_F(SoqlTest, OrderByLimitOffsetAndCount)
{
    EXPECT_EQ(
        column(QStringLiteral(
                   "SELECT Start_Date__c FROM Attendance__c ORDER BY Attendance_Type__c DESC, "
                   "Start_Date__c ASC LIMIT 3"),
               QStringLiteral("Start_Date__c")),
        (QStringList{QStringLiteral("2024-03-11"), QStringLiteral("2024-03-14"),
                     QStringLiteral("2024-03-10")}));
    EXPECT_EQ(
        column(
            QStringLiteral(
                "SELECT Start_Date__c FROM Attendance__c ORDER BY Start_Date__c LIMIT 2 OFFSET 4"),
            QStringLiteral("Start_Date__c")),
        (QStringList{QStringLiteral("2024-03-14"), QStringLiteral("2024-03-15")}));
    EXPECT_EQ(column(QStringLiteral("SELECT Title__c FROM Class__c ORDER BY Notes__c NULLS LAST"),
                     QStringLiteral("Title__c")),
              (QStringList{QStringLiteral("Ajedrez"), QStringLiteral("Lectura A")}));
    EXPECT_EQ(column(QStringLiteral("SELECT Title__c FROM Class__c ORDER BY Notes__c"),
                     QStringLiteral("Title__c")),
              (QStringList{QStringLiteral("Lectura A"), QStringLiteral("Ajedrez")}));
    const QueryResult count =
        query(QStringLiteral("SELECT COUNT() FROM Attendance__c WHERE Attendance_Type__c > 0"));
    EXPECT_TRUE(count.countOnly);
    EXPECT_EQ(count.totalSize, 4);
    EXPECT_TRUE(count.ids.isEmpty());
}

TEST_F(SoqlTest, FifteenCharacterIdsMatch)
{
    EXPECT_EQ(
        query(QStringLiteral("SELECT Id FROM Class__c WHERE Id = '%1'").arg(m_classA.left(15)))
            .totalSize,
        1);
}

} // namespace
