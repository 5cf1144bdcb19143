#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace pasalista::emulator {

// The syntax tree of the SOQL subset. Positions are offsets in the query text, used to
// point at the culprit in error messages as Salesforce does.

struct FieldPath
{
    QStringList parts; // Student__r, First_Name__c
    int position = 0;
    QString text() const { return parts.join(u'.'); }
};

struct SoqlLiteral
{
    enum class Kind
    {
        Null,
        String,
        Number,
        Boolean,
        Date,     // text holds yyyy-MM-dd
        DateTime, // text holds the normalized UTC form the store uses
        DateRange // a date literal such as TODAY or LAST_N_DAYS:n
    };
    Kind kind = Kind::Null;
    QString text;
    double number = 0;
    bool boolean = false;
    QString rangeName; // TODAY, LAST_N_DAYS, ...
    int rangeCount = 0;
    int position = 0;
};

struct SoqlQuery;

struct SoqlCondition
{
    enum class Kind
    {
        And,
        Or,
        Not,
        Compare,  // field op literal
        In,       // field [NOT] IN (literals)
        SemiJoin, // field [NOT] IN (SELECT ...)
        Like
    };
    Kind kind = Kind::Compare;
    QString op;           // = != < <= > >=
    bool negated = false; // NOT IN, NOT LIKE
    FieldPath field;
    SoqlLiteral value;
    QList<SoqlLiteral> values;
    std::shared_ptr<SoqlQuery> subquery;
    QList<std::shared_ptr<SoqlCondition>> children;
};

struct SoqlOrderKey
{
    FieldPath field;
    bool descending = false;
    bool nullsFirst = true;
};

struct SoqlQuery
{
    QString object;
    int objectPosition = 0;
    bool countOnly = false;
    QList<FieldPath> fields;
    std::shared_ptr<SoqlCondition> where;
    QList<SoqlOrderKey> orderBy;
    int limit = -1;
    int offset = 0;
    // Where each clause starts (-1 when absent), to point at it in errors.
    int orderByPosition = -1;
    int limitPosition = -1;
    int offsetPosition = -1;
};

} // namespace pasalista::emulator
