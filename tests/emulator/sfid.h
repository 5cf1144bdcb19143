#pragma once

#include <QString>

#include <optional>

namespace pasalista::emulator {

// Salesforce record Ids: a 3-character key prefix per object, then an instance part and a
// counter (15 case-sensitive characters), then the 3-character case-safe suffix that lets
// case-insensitive clients tell Ids apart.
class SfId
{
public:
    static QString make(const QString &keyPrefix, quint64 counter);
    static QString withSuffix(const QString &id15);
    // Accepts a 15- or 18-character Id and returns its 18-character form.
    static std::optional<QString> normalize(const QString &id);
};

} // namespace pasalista::emulator
