#pragma once

#include <QString>
#include <QStringList>

class QSqlQuery;

namespace pasalista {

// The one way a statement reaches the store: a failure is logged under pasalista.store
// and its text handed back in *error. Runs `query` as prepared, or `sql` when given.
bool execStatement(QSqlQuery &query, QString *error = nullptr);
bool execStatement(QSqlQuery &query, const QString &sql, QString *error = nullptr);

// Runs `query` and returns its first column as text (empty on failure, see *error).
QStringList firstColumnOf(QSqlQuery &query, QString *error = nullptr);

// Test only, like Nextcloud's SyncJournalDb::autotestFailCounter: the `nth` statement from
// now (1 = the next one) whose text contains `containing` fails instead of running; 0 disarms.
// Costs one atomic read per statement while disarmed.
void failStatementForTest(int nth, const QString &containing = {});

} // namespace pasalista
