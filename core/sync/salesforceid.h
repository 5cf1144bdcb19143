#pragma once

#include <QString>

#include <optional>

namespace pasalista {

// Record Ids as the client accepts them from the org (issue 15): 15 case-sensitive base-62
// characters, the first three the object's key prefix, optionally followed by the 3-character
// case-safe suffix that must match. The 15- and 18-character forms name the same record, so
// the store keeps only the 18-character one.
class SalesforceId
{
public:
    // The 18-character form, or nothing for anything that is not a well-formed Id.
    static std::optional<QString> normalized(const QString &id);
    static QString keyPrefix(const QString &id) { return id.left(3); }
};

} // namespace pasalista
