#pragma once

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>

namespace pasalista {

// Prepared statements kept for the length of a pull, so that applying thousands of rows
// parses each statement once. Bind with bindValue(index, value) before each exec().
class StatementCache
{
public:
    explicit StatementCache(const QSqlDatabase &database) : m_database(database) {}

    QSqlQuery &get(const QString &sql)
    {
        auto it = m_queries.find(sql);
        if (it == m_queries.end()) {
            it = m_queries.insert(sql, QSqlQuery(m_database));
            it->prepare(sql);
        }
        return *it;
    }

private:
    QSqlDatabase m_database;
    QHash<QString, QSqlQuery> m_queries;
};

} // namespace pasalista
