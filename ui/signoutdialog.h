#pragma once

#include "auth/accountmanager.h"

#include <QDialog>

#include <functional>

class QLabel;
class QRadioButton;

namespace pasalista {

// "Sign out of <user>?": keep this account's local data (the default: signing in again
// continues where the teacher left off) or delete it, which warns about unsynced changes
// and asks once more.
class SignOutDialog : public QDialog
{
    Q_OBJECT

public:
    SignOutDialog(const Identity &identity, int unsyncedChanges, QWidget *parent = nullptr);

    AccountManager::LocalData localData() const;
    // Default: a QMessageBox asking "delete?"; tests answer it here.
    void setConfirmation(std::function<bool(const QString &question)> confirm)
    {
        m_confirm = confirm;
    }

public Q_SLOTS:
    void accept() override;

private:
    QString deleteQuestion() const;

    Identity m_identity;
    int m_unsynced;
    QRadioButton *m_keep = nullptr;
    QRadioButton *m_delete = nullptr;
    QLabel *m_warning = nullptr;
    std::function<bool(const QString &)> m_confirm;
};

} // namespace pasalista
