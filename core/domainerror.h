#pragma once

#include <QString>

namespace pasalista {

// Why the domain refused an operation. `message` is translated and names what to fix.
struct DomainError
{
    enum class Code
    {
        None,
        NotFound,
        NotEnrolled,        // attendance needs an enrollment
        AlreadyEnrolled,    // a student is enrolled in a course once
        MissingField,       // a required student field is empty
        InvalidValue,       // a malformed date, phone, email, picklist value...
        InvalidStatus,      // not one of the mapping's attendance codes
        OutsideCourseDates, // refused unless the caller confirms
        FutureDate,         // a class day after today (the org's today)
        WrongClock,         // "today" on a laptop whose clock puts it on another day
        Ambiguous,          // a name matches more than one record
        Storage,            // the local store failed (disk full, corrupt file)
    };

    Code code = Code::None;
    QString message;

    bool ok() const { return code == Code::None; }
    explicit operator bool() const { return !ok(); } // true when there is an error

    // A refusal with its code and translated message (logged at debug level).
    static DomainError refusal(Code code, const QString &message);
};

} // namespace pasalista
