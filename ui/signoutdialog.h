#pragma once

#include "auth/accountmanager.h"

#include <QDialog>

#include <functional>

class QLabel;
class QPushButton;
class QRadioButton;

namespace pasalista {

// "Sign out of <user>?": remove this account's data from this computer, or keep it locked
// for the same teacher's next sign-in. Neither is chosen beforehand. Changes not sent yet
// are named, with an offer to export the marks to a file first; removing asks once more.
class SignOutDialog : public QDialog
{
    Q_OBJECT

public:
    SignOutDialog(const Identity &identity, int unsyncedChanges, QWidget *parent = nullptr);

    AccountManager::LocalData localData() const;
    // Whether the teacher chose one of the two (Sign out is enabled then).
    bool hasChoice() const;
    // Default: a QMessageBox asking "delete?"; tests answer it here.
    void setConfirmation(std::function<bool(const QString &question)> confirm)
    {
        m_confirm = confirm;
    }
    // Writes the unsent marks to a file the teacher picks; returns what to tell her (empty
    // when she cancelled). Without one the export button is hidden.
    void setUnsentExport(std::function<QString()> exportUnsent);

public Q_SLOTS:
    void accept() override;

private:
    QString deleteQuestion() const;
    void exportUnsent();

    Identity m_identity;
    int m_unsynced;
    QRadioButton *m_keep = nullptr;
    QRadioButton *m_delete = nullptr;
    QLabel *m_warning = nullptr;
    QPushButton *m_export = nullptr;
    QPushButton *m_signOut = nullptr;
    std::function<bool(const QString &)> m_confirm;
    std::function<QString()> m_exportUnsent;
};

} // namespace pasalista
