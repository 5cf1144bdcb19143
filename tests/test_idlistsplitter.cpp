// Issue 21: Id lists split so that each query's request URI stays within what Salesforce
// recommends (Help article 000386264: 2,000 characters; 16,384 bytes refused).
#include "sync/idlistsplitter.h"
#include "sync/soql.h"

#include <QUrl>

#include <gtest/gtest.h>

using namespace pasalista;

namespace {

QStringList ids(int count)
{
    QStringList list;
    for (int i = 0; i < count; ++i) {
        list.append(QStringLiteral("a065g%1AAA").arg(i, 10, 10, QLatin1Char('0')));
    }
    return list;
}

} // namespace

TEST(IdListSplitter, EachListFitsTheBudgetOnceEncoded)
{
    const QStringList all = ids(1000);
    const QList<QStringList> lists = IdListSplitter::split(all, 1100);
    ASSERT_GT(lists.size(), 1);
    QStringList joined;
    for (const QStringList &list : lists) {
        ASSERT_FALSE(list.isEmpty());
        // What the client sends: the literal ('id','id',...) percent-encoded in the URI.
        EXPECT_LE(QUrl::toPercentEncoding(Soql::idList(list)).size(), 1100);
        joined += list;
    }
    EXPECT_EQ(joined, all) << "every Id once, in order";
}

TEST(IdListSplitter, ATinyBudgetStillCarriesOneIdAList)
{
    const QList<QStringList> lists = IdListSplitter::split(ids(3), 5);
    ASSERT_EQ(lists.size(), 3);
    EXPECT_EQ(lists.at(1), ids(3).mid(1, 1));
}

TEST(IdListSplitter, NoIdsNoLists)
{
    EXPECT_TRUE(IdListSplitter::split({}, 2000).isEmpty());
}

TEST(IdListSplitter, LiteralsOfAnyTextFitTheBudgetOnceEncoded)
{
    QStringList all;
    for (int i = 0; i < 300; ++i) {
        all.append(
            Soql::stringLiteral(QStringLiteral("Núñez O'Neil %1").arg(i).repeated(i % 4 + 1)));
    }
    const QList<QStringList> lists = IdListSplitter::splitLiterals(all, 1100);
    ASSERT_GT(lists.size(), 1);
    QStringList joined;
    for (const QStringList &list : lists) {
        ASSERT_FALSE(list.isEmpty());
        // What the client sends: literal,literal,... percent-encoded in the URI (the query's
        // text around it, parentheses included, is counted by the caller).
        EXPECT_LE(QUrl::toPercentEncoding(list.join(QLatin1Char(','))).size(), 1100);
        joined += list;
    }
    EXPECT_EQ(joined, all) << "every literal once, in order";
}
