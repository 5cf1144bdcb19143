#include "signoutdialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace pasalista {

SignOutDialog::SignOutDialog(const Identity &identity, int unsyncedChanges, QWidget *parent)
    : QDialog(parent), m_identity(identity), m_unsynced(unsyncedChanges)
{
    setWindowTitle(tr("Sign out"));
    m_confirm = [this](const QString &question) {
        return QMessageBox::warning(this, tr("Delete local data"), question,
                                    QMessageBox::Yes | QMessageBox::No,
                                    QMessageBox::No) == QMessageBox::Yes;
    };
    auto *title =
        new QLabel(tr("Sign out of %1 (%2)?").arg(identity.displayName, identity.username), this);
    title->setWordWrap(true);
    m_keep = new QRadioButton(tr("Keep this account's data on this computer. Signing in again "
                                 "continues where you left off."),
                              this);
    m_delete = new QRadioButton(tr("Delete this account's data from this computer."), this);
    m_keep->setChecked(true);
    m_warning = new QLabel(tr("%n change(s) made on this computer have not been sent to "
                              "Salesforce yet. Deleting the data loses them.",
                              nullptr, unsyncedChanges),
                           this);
    m_warning->setWordWrap(true);
    m_warning->setVisible(unsyncedChanges > 0);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(tr("Sign out"), QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &SignOutDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SignOutDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(m_keep);
    layout->addWidget(m_delete);
    layout->addWidget(m_warning);
    layout->addWidget(buttons);
}

AccountManager::LocalData SignOutDialog::localData() const
{
    return m_delete->isChecked() ? AccountManager::LocalData::Delete
                                 : AccountManager::LocalData::Keep;
}

void SignOutDialog::accept()
{
    // Deleting cannot be undone: ask once more, naming what would be lost.
    if (localData() == AccountManager::LocalData::Delete && !m_confirm(deleteQuestion()))
        return;
    QDialog::accept();
}

QString SignOutDialog::deleteQuestion() const
{
    const QString question =
        tr("Delete all of %1's data from this computer? This cannot be undone.")
            .arg(m_identity.displayName);
    if (m_unsynced == 0)
        return question;
    return question + QLatin1Char('\n') +
           tr("%n change(s) have not been synced and will be lost.", nullptr, m_unsynced);
}

} // namespace pasalista
