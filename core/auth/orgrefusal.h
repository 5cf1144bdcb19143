#pragma once

#include <QCoreApplication>
#include <QString>

namespace pasalista {

// The org's OAuth refusals that only its Salesforce admin can fix (the app not installed in
// the org, the user not permitted to use it), in words a teacher can forward to the admin.
// Everything else is the teacher's to retry or to sign in again.
class OrgRefusal
{
    Q_DECLARE_TR_FUNCTIONS(pasalista::OrgRefusal)

public:
    // Translated advice for the admin, or empty when `error`/`description` is not such a
    // refusal. `description` is the org's error_description, kept in the text verbatim.
    static QString adminAdvice(const QString &error, const QString &description);
};

} // namespace pasalista
