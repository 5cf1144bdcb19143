#pragma once

#include "sync/syncissue.h"

#include <QCoreApplication>

namespace pasalista {

class Mapping;

// A sync issue in the teacher's words: field names and attendance statuses as the screens
// show them (from the mapping), Salesforce's error codes turned into what to do. The API
// text stays available (apiText) for the tooltip and for an admin.
class SyncIssueText
{
    Q_DECLARE_TR_FUNCTIONS(SyncIssueText)

public:
    static QString details(const Mapping &mapping, const SyncIssue &issue);
    // A refused record whose refused value is known: what is wrong with it and what to do.
    static QString refusedValue(const Mapping &mapping, const SyncIssue &issue,
                                const RefusedValue &refused);
    static QString fieldLabel(const Mapping &mapping, Role role, const QString &column);
    static QString valueText(const Mapping &mapping, Role role, const QString &column,
                             const QString &value);
    static QString apiText(const SyncIssue &issue);
    // One side of a conflict, every field of `fact` (a mark's status and note) named:
    // "Absent, note «Llegó con su madre»"; mine: the laptop's side, else the office's.
    static QString conflictSide(const Mapping &mapping, const QList<SyncIssue> &fact, bool mine);

private:
    static QString failure(const Mapping &mapping, const SyncIssue &issue);
    static QString logicalField(const Mapping &mapping, Role role, const QString &column);
    static QString labelOfLogical(const QString &logical);
};

} // namespace pasalista
