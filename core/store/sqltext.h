#pragma once

#include <QDateTime>
#include <QString>

namespace pasalista::sql {

// A table or column name for SQLite. The names come from the mapping, which only accepts
// Salesforce API names; the escaping is a second line of defence. Values are always bound.
inline QString quoted(const QString &identifier)
{
    QString escaped = identifier;
    escaped.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

// The store's timestamps: UTC, ISO 8601 with milliseconds.
inline QString nowUtc()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

} // namespace pasalista::sql
