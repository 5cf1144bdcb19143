#pragma once

#include <QList>
#include <QPair>
#include <QString>

namespace pasalista {

class LocalStore;

// The one owner of _meta, the store's small key/value notes (API call counts, cached org
// rules, warnings given once, twin checks left for the next cycle).
class MetaStore
{
public:
    explicit MetaStore(const LocalStore &store);

    // The value of `key`, empty when absent (or on a store error, see errorString()).
    QString value(const QString &key) const;
    bool setValue(const QString &key, const QString &value);
    // Writes `value` unless `key` already has one; *added says whether it was written.
    bool setIfAbsent(const QString &key, const QString &value, bool *added);
    bool remove(const QString &key);
    // Every key starting with `prefix`, with its value, in key order.
    QList<QPair<QString, QString>> valuesWithPrefix(const QString &prefix) const;
    // The keys starting with `prefix` that sort before `bound` are removed.
    bool removeWithPrefixBefore(const QString &prefix, const QString &bound);
    QString errorString() const { return m_error; }

private:
    const LocalStore &m_store;
    mutable QString m_error;
};

} // namespace pasalista
