#include "signoutdialog.h"

#include <QButtonGroup>
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
    // Neither is chosen beforehand: a shared laptop's next user must not find her data open
    // because the teacher pressed Enter.
    m_delete = new QRadioButton(tr("Remove this account's data from this computer."), this);
    m_delete->setObjectName(QStringLiteral("remove-data"));
    m_keep = new QRadioButton(tr("Keep it on this computer, locked: nobody can open it until %1 "
                                 "signs in again and continues where they left off.")
                                  .arg(identity.displayName),
                              this);
    m_keep->setObjectName(QStringLiteral("keep-data"));
    auto *choices = new QButtonGroup(this);
    choices->addButton(m_delete);
    choices->addButton(m_keep);
    m_warning = new QLabel(tr("%n change(s) made on this computer have not been sent to "
                              "Salesforce yet. Removing the data loses them.",
                              nullptr, unsyncedChanges),
                           this);
    m_warning->setWordWrap(true);
    m_warning->setVisible(unsyncedChanges > 0);
    m_export = new QPushButton(tr("Export the unsent marks to a file…"), this);
    m_export->setObjectName(QStringLiteral("export-unsent"));
    m_export->setVisible(false);
    connect(m_export, &QPushButton::clicked, this, &SignOutDialog::exportUnsent);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_signOut = buttons->addButton(tr("Sign out"), QDialogButtonBox::AcceptRole);
    m_signOut->setEnabled(false);
    connect(choices, &QButtonGroup::buttonToggled, m_signOut,
            [this] { m_signOut->setEnabled(hasChoice()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &SignOutDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SignOutDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(m_delete);
    layout->addWidget(m_keep);
    layout->addWidget(m_warning);
    layout->addWidget(m_export);
    layout->addWidget(buttons);
}

void SignOutDialog::setUnsentExport(std::function<QString()> exportUnsent)
{
    m_exportUnsent = std::move(exportUnsent);
    m_export->setVisible(m_exportUnsent && m_unsynced > 0);
}

void SignOutDialog::exportUnsent()
{
    const QString said = m_exportUnsent ? m_exportUnsent() : QString();
    if (!said.isEmpty()) {
        m_warning->setText(m_warning->text() + QLatin1Char('\n') + said);
    }
}

AccountManager::LocalData SignOutDialog::localData() const
{
    return m_delete->isChecked() ? AccountManager::LocalData::Delete
                                 : AccountManager::LocalData::Keep;
}

bool SignOutDialog::hasChoice() const
{
    return m_delete->isChecked() || m_keep->isChecked();
}

void SignOutDialog::accept()
{
    if (!hasChoice()) {
        return;
    }
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
