#include "accountswitcher.h"

#include "attendancecsv.h"
#include "auth/accountmanager.h"
#include "auth/session.h"
#include "mapping.h"
#include "signindialog.h"
#include "signoutdialog.h"

#include <QActionGroup>
#include <QDir>
#include <QFileDialog>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>

namespace pasalista {

AccountSwitcher::AccountSwitcher(AccountManager *accounts, QWidget *parent)
    : QToolButton(parent), m_accounts(accounts), m_menu(new QMenu(this))
{
    setPopupMode(QToolButton::InstantPopup);
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    setMenu(m_menu);
    m_unsyncedCount = [this](const QString &key) { return m_accounts->unsyncedChangeCount(key); };
    m_pickExportFile = [this] {
        return QFileDialog::getSaveFileName(window(), tr("Export the unsent marks"),
                                            QDir::home().filePath(tr("unsent-marks.csv")),
                                            tr("CSV files (*.csv)"));
    };
    m_makeSignInDialog = [this] {
        auto dialog = std::make_unique<SignInDialog>(window());
        dialog->setClientId(m_accounts->clientId());
        dialog->setCallbackPorts(m_accounts->callbackPorts());
        return dialog;
    };
    connect(m_accounts, &AccountManager::accountsChanged, this, &AccountSwitcher::refresh);
    connect(m_accounts, &AccountManager::currentAccountChanged, this, &AccountSwitcher::refresh);
    connect(m_accounts, &AccountManager::sessionRestored, this, &AccountSwitcher::refresh);
    connect(m_accounts, &AccountManager::signInRequired, this, &AccountSwitcher::showSignInEnded);
    connect(m_accounts, &AccountManager::keychainUnavailable, this,
            &AccountSwitcher::showKeychainMissing);
    connect(m_accounts, &AccountManager::revokeFinished, this, [this](const QString &, bool ok) {
        if (!ok)
            showSignedOutNote(AccountManager::revokeFailedMessage());
    });
    refresh();
}

AccountSwitcher::~AccountSwitcher() = default;

void AccountSwitcher::refresh()
{
    const QString key = m_accounts->currentAccountKey();
    if (!m_accounts->hasAccount(key)) {
        setText(tr("Not signed in"));
        setToolTip(tr("Sign in to sync with Salesforce."));
    } else {
        const Identity identity = m_accounts->account(key);
        const bool signedIn = m_accounts->isSignedIn(key);
        setText(signedIn ? identity.displayName : tr("%1 (signed out)").arg(identity.displayName));
        setToolTip(tr("%1 at %2").arg(identity.username, identity.instanceUrl.host()));
    }
    rebuildMenu();
}

void AccountSwitcher::rebuildMenu()
{
    m_menu->clear();
    const QString current = m_accounts->currentAccountKey();
    auto *group = new QActionGroup(m_menu);
    const QList<Identity> accounts = m_accounts->accounts();
    for (const Identity &identity : accounts) {
        const QString key = identity.accountKey();
        QAction *action =
            m_menu->addAction(tr("%1 (%2)").arg(identity.displayName, identity.username));
        action->setCheckable(true);
        action->setChecked(key == current);
        action->setObjectName(QStringLiteral("account-") + key);
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, key] {
            m_accounts->setCurrentAccount(key);
            m_accounts->restoreSessionAsync(key);
        });
    }
    if (!accounts.isEmpty())
        m_menu->addSeparator();
    const bool hasCurrent = m_accounts->hasAccount(current);
    if (hasCurrent && !m_accounts->isSignedIn(current)) {
        const QUrl loginUrl = m_accounts->account(current).loginUrl;
        m_menu->addAction(tr("Sign in again…"), this, [this, loginUrl] { signIn(loginUrl); });
    }
    m_menu->addAction(hasCurrent ? tr("Sign in to another account…") : tr("Sign in…"), this,
                      [this] { signIn(); });
    QAction *signOutAction = m_menu->addAction(tr("Sign out…"), this, &AccountSwitcher::signOut);
    signOutAction->setEnabled(hasCurrent);
}

void AccountSwitcher::signIn(const QUrl &loginUrl)
{
    std::unique_ptr<SignInDialog> dialog = m_makeSignInDialog();
    if (!loginUrl.isEmpty())
        dialog->setLoginUrl(loginUrl);
    if (dialog->exec() != QDialog::Accepted)
        return;
    std::unique_ptr<Session> session = dialog->takeSession();
    if (session)
        m_accounts->adoptAsync(std::move(session)); // a missing keychain: reported by a signal
}

void AccountSwitcher::signOut()
{
    const QString key = m_accounts->currentAccountKey();
    if (!m_accounts->hasAccount(key))
        return;
    SignOutDialog dialog(m_accounts->account(key), m_unsyncedCount(key), window());
    dialog.setUnsentExport([this, key] { return exportUnsentMarks(key); });
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (dialog.localData() == AccountManager::LocalData::Delete)
        Q_EMIT aboutToDeleteLocalData(key);
    // The keychain entries go later; deleting the data retired this window meanwhile.
    m_accounts->signOutAsync(
        key, dialog.localData(),
        [self = QPointer<AccountSwitcher>(this), key](const AccountManager::SignOutResult &result) {
            if (!self)
                return;
            if (!result.message.isEmpty())
                self->showSignedOutNote(result.message);
            Q_EMIT self->signedOut(key);
            self->refresh();
        });
    refresh();
}

QString AccountSwitcher::exportUnsentMarks(const QString &accountKey)
{
    const QString file = m_pickExportFile();
    if (file.isEmpty())
        return {};
    int marks = 0;
    QString error;
    if (!AttendanceCsv::exportUnsent(Mapping::dream(), m_accounts->databasePath(accountKey), file,
                                     &marks, &error))
        return error;
    return tr("%n unsent mark(s) written to %1.", nullptr, marks).arg(file);
}

void AccountSwitcher::showSignInEnded(const QString &accountKey)
{
    refresh();
    const Identity identity = m_accounts->account(accountKey);
    auto *box = new QMessageBox(QMessageBox::Information, tr("Sign in again"),
                                tr("Salesforce ended the sign-in of %1. Everything you did on "
                                   "this computer is kept; sign in again to sync it.")
                                    .arg(identity.displayName),
                                QMessageBox::NoButton, window());
    QPushButton *signInButton = box->addButton(tr("Sign in"), QMessageBox::AcceptRole);
    box->addButton(tr("Later"), QMessageBox::RejectRole);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(signInButton, &QPushButton::clicked, this,
            [this, loginUrl = identity.loginUrl] { signIn(loginUrl); });
    box->open(); // not modal to the app: the teacher keeps working offline
}

// Not modal to the app: the window keeps working (and painting) behind it.
void AccountSwitcher::showSignedOutNote(const QString &message)
{
    auto *box = new QMessageBox(QMessageBox::Information, tr("Signed out"), message,
                                QMessageBox::Ok, window());
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void AccountSwitcher::showKeychainMissing(const QString &message)
{
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Sign-in not remembered"),
                                message + QLatin1Char('\n') +
                                    tr("You stay signed in until you close Pasalista."),
                                QMessageBox::Ok, window());
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace pasalista
