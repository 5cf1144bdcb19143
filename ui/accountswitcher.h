#pragma once

#include <QToolButton>
#include <QUrl>

#include <functional>
#include <memory>

class QMenu;

namespace pasalista {

class AccountManager;
class SignInDialog;

// The signed-in teacher in the main window (a button with their name) and a menu to switch
// between the accounts on this computer, sign in to another org, sign in again after the
// org ended the session, and sign out. It also tells the user, without blocking, when the
// sign-in ended or the keychain is missing.
//
// The window that owns the local store reacts to AccountManager::currentAccountChanged
// (open accounts->databasePath(key)) and to aboutToDeleteLocalData (close the store first).
class AccountSwitcher : public QToolButton
{
    Q_OBJECT

public:
    explicit AccountSwitcher(AccountManager *accounts, QWidget *parent = nullptr);
    ~AccountSwitcher() override;

    // How many local edits wait to be synced for an account (default: the manager's count).
    void setUnsyncedCounter(std::function<int(const QString &accountKey)> counter)
    {
        m_unsyncedCount = counter;
    }
    // Tests replace the modal dialogs with these hooks.
    void setSignInDialogFactory(std::function<std::unique_ptr<SignInDialog>()> factory)
    {
        m_makeSignInDialog = factory;
    }
    // Where the sign-out dialog exports unsent marks (default: a file dialog; empty: cancel).
    void setExportFilePicker(std::function<QString()> picker) { m_pickExportFile = picker; }

public Q_SLOTS:
    void signIn(const QUrl &loginUrl = QUrl());
    void signOut();
    void refresh();

Q_SIGNALS:
    // Direct connection: the store of this account must be closed before this returns.
    void aboutToDeleteLocalData(const QString &accountKey);
    // The sign-out finished (keychain entries gone), unless the window went meanwhile;
    // AccountManager::signedOut always tells.
    void signedOut(const QString &accountKey);

private:
    void rebuildMenu();
    void showSignInEnded(const QString &accountKey);
    void showKeychainMissing(const QString &message);
    void showSignedOutNote(const QString &message);
    // Writes an account's unsent marks to a file the teacher picks, kept after its data is
    // removed; what to tell her (empty when she cancelled).
    QString exportUnsentMarks(const QString &accountKey);

    AccountManager *m_accounts;
    QMenu *m_menu;
    std::function<int(const QString &)> m_unsyncedCount;
    std::function<std::unique_ptr<SignInDialog>()> m_makeSignInDialog;
    std::function<QString()> m_pickExportFile;
};

} // namespace pasalista
