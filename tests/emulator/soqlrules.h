#pragma once

#include "sferror.h"
#include "soqlast.h"

namespace pasalista::emulator {

// The limits a production org puts on a SOQL statement beyond its grammar: statement
// length, OFFSET, and where semi-joins and anti-joins may stand. Each refusal carries the
// errorCode and message Salesforce answers (README, "SOQL rules", cites the pages).
class SoqlRules
{
public:
    static constexpr int kMaxStatementLength = 100000;
    static constexpr int kMaxOffset = 2000;
    static constexpr int kMaxSemiJoins = 2;

    // Checked before parsing: an org refuses a statement over its length unread.
    static bool checkLength(const QString &soql, SfError *error);
    // Checked on the parsed main query (its subqueries included).
    static bool check(const SoqlQuery &query, const QString &soql, SfError *error);

private:
    struct Walk
    {
        const SoqlQuery &main;
        const QString &soql;
        SfError *error;
        int semiJoins = 0;
    };

    static bool checkCondition(const SoqlCondition &node, bool nested, Walk *walk);
    static bool checkSemiJoin(const SoqlCondition &node, bool nested, Walk *walk);
    static bool checkSubquery(const SoqlQuery &subquery, Walk *walk);
    static bool containsSemiJoin(const SoqlCondition &node);
    static bool refuse(Walk *walk, const QString &errorCode, int position, const QString &message);
};

} // namespace pasalista::emulator
