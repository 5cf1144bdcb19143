#include "store/metastore.h"

#include "store/execstatement.h"
#include "store/localstore.h"

#include <QSqlQuery>

namespace pasalista {

namespace {

// A LIKE pattern that matches `prefix` literally.
QString likePrefix(QString prefix)
{
    prefix.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    prefix.replace(QLatin1Char('%'), QLatin1String("\\%"));
    prefix.replace(QLatin1Char('_'), QLatin1String("\\_"));
    return prefix + QLatin1Char('%');
}

} // namespace

MetaStore::MetaStore(const LocalStore &store) : m_store(store) {}

QString MetaStore::value(const QString &key) const
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT value FROM _meta WHERE key = ?"));
    query.addBindValue(key);
    return execStatement(query, &m_error) && query.next() ? query.value(0).toString() : QString();
}

bool MetaStore::setValue(const QString &key, const QString &value)
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("INSERT OR REPLACE INTO _meta (key, value) VALUES (?, ?)"));
    query.addBindValue(key);
    query.addBindValue(value);
    return execStatement(query, &m_error);
}

bool MetaStore::setIfAbsent(const QString &key, const QString &value, bool *added)
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("INSERT OR IGNORE INTO _meta (key, value) VALUES (?, ?)"));
    query.addBindValue(key);
    query.addBindValue(value);
    const bool ok = execStatement(query, &m_error);
    *added = ok && query.numRowsAffected() > 0;
    return ok;
}

bool MetaStore::remove(const QString &key)
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("DELETE FROM _meta WHERE key = ?"));
    query.addBindValue(key);
    return execStatement(query, &m_error);
}

QList<QPair<QString, QString>> MetaStore::valuesWithPrefix(const QString &prefix) const
{
    QList<QPair<QString, QString>> values;
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("SELECT key, value FROM _meta WHERE key LIKE ? ESCAPE '\\'"
                                 " ORDER BY key"));
    query.addBindValue(likePrefix(prefix));
    if (execStatement(query, &m_error)) {
        while (query.next()) {
            values.append({query.value(0).toString(), query.value(1).toString()});
        }
    }
    return values;
}

bool MetaStore::removeWithPrefixBefore(const QString &prefix, const QString &bound)
{
    QSqlQuery query(m_store.database());
    query.prepare(QStringLiteral("DELETE FROM _meta WHERE key LIKE ? ESCAPE '\\' AND key < ?"));
    query.addBindValue(likePrefix(prefix));
    query.addBindValue(bound);
    return execStatement(query, &m_error);
}

} // namespace pasalista
