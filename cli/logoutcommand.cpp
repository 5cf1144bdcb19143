#include "logoutcommand.h"

#include "clicontext.h"

#include "attendancecsv.h"
#include "auth/accountmanager.h"

#include <QTextStream>

namespace pasalista {

namespace {

const QString kDeleteLocalData = QStringLiteral("delete-local-data");
const QString kDiscardUnsynced = QStringLiteral("discard-unsynced-changes");
const QString kExport = QStringLiteral("export");

} // namespace

LogoutCommand::LogoutCommand() : Command(QStringLiteral("logout"))
{
    addOption({kDeleteLocalData, tr("Also delete this account's local data (logout).")});
    addOption(
        {kDiscardUnsynced, tr("Delete the local data even with changes not synced (logout).")});
    addOption({kExport, tr("First write the marks not sent yet to this CSV file (logout)."),
               QCoreApplication::translate("CliRunner", "FILE")}); // the other commands' word
}

int LogoutCommand::execute(CliContext &context, const QStringList &)
{
    return logout(context, context.isSet(kDeleteLocalData), context.isSet(kDiscardUnsynced),
                  context.value(kExport));
}

int LogoutCommand::logout(CliContext &context, bool deleteLocalData, bool discardUnsynced,
                          const QString &exportFile)
{
    AccountManager &accounts = context.accounts();
    const QString key = accounts.currentAccountKey();
    if (!accounts.hasAccount(key)) {
        context.err() << tr("Nobody is signed in.") << Qt::endl;
        return NotSignedIn;
    }
    int exported = 0;
    if (!exportFile.isEmpty() && !exportUnsentMarks(context, key, exportFile, &exported)) {
        return Failure;
    }
    // Every unsent change must be exported (marks) or given up in so many words.
    const int unsynced = deleteLocalData ? accounts.unsyncedChangeCount(key) : 0;
    if (unsynced > exported && !discardUnsynced) {
        context.err() << tr("%n change(s) on this computer have not been synced yet. Sync "
                            "first, or add --discard-unsynced-changes to delete them.",
                            nullptr, unsynced)
                      << Qt::endl
                      << tr("Marks not sent yet can be kept in a file with --export FILE.")
                      << Qt::endl;
        return Refused;
    }
    const auto result = accounts.signOut(key, deleteLocalData ? AccountManager::LocalData::Delete
                                                              : AccountManager::LocalData::Keep);
    if (!result.message.isEmpty())
        context.err() << result.message << Qt::endl;
    context.out() << (deleteLocalData ? tr("Signed out; the local data was deleted.")
                                      : tr("Signed out; the local data stays on this computer."))
                  << Qt::endl;
    return result.keychainCleared ? Success : Failure;
}

bool LogoutCommand::exportUnsentMarks(CliContext &context, const QString &accountKey,
                                      const QString &file, int *exported)
{
    const std::optional<Mapping> mapping = context.mapping();
    if (!mapping) {
        return false;
    }
    QString error;
    // Kept when the data goes: it is what the teacher recovers her unsent marks from.
    if (!AttendanceCsv::exportUnsent(*mapping, context.accounts().databasePath(accountKey), file,
                                     exported, &error)) {
        context.err() << error << Qt::endl;
        return false;
    }
    context.out() << tr("Wrote %n mark(s) not sent yet to %1.", nullptr, *exported).arg(file)
                  << Qt::endl;
    return true;
}

} // namespace pasalista
