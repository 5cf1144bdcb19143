#pragma once

#include <QString>

#include <optional>

namespace pasalista {

// Record Ids as the client accepts them from the org (issue 15): 15 case-sensitive base-62
// characters, the first three the object's key prefix, optionally followed by the 3-character
// case-safe suffix that must match. The 15- and 18-character forms name the same record, so
// the store keeps only the 18-character one. The one place that knows the suffix: the app, its
// demo data and the org emulator all make and check Ids here.
class SalesforceId
{
public:
    // The 18-character form, or nothing for anything that is not a well-formed Id.
    static std::optional<QString> normalized(const QString &id);
    static QString keyPrefix(const QString &id) { return id.left(3); }
    // A 15-character Id with its case-safe suffix: one letter of A-Z0-5 per 5-character chunk,
    // a bit per upper-case letter.
    static QString withSuffix(const QString &id15);
    // A new 18-character Id: key prefix, 3-character instance part, then `counter` in base 62
    // (9 digits). Base-62 digits are in ASCII order, so the Ids of one object sort by counter.
    static QString fromCounter(const QString &keyPrefix, const QString &instance, quint64 counter);
};

} // namespace pasalista
