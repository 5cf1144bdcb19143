#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;

namespace pasalista {

class OrgSettings;

// The window's first run when no org is configured: asks for the org's login address and
// the consumer key of its Pasalista app (the admin has both). Values the admin set for
// every user (the system-wide settings file) are shown and cannot be changed. Accepted
// once both are valid; they are then in the user's settings.
class OrgSetupDialog : public QDialog
{
    Q_OBJECT

public:
    explicit OrgSetupDialog(OrgSettings &settings, QWidget *parent = nullptr);

    QLineEdit *loginUrlEdit() const { return m_loginUrl; }
    QLineEdit *clientIdEdit() const { return m_clientId; }
    QString errorText() const;

public Q_SLOTS:
    void accept() override;

private:
    static void lockIfSet(QLineEdit *edit, bool locked);

    OrgSettings &m_settings;
    QLineEdit *m_loginUrl;
    QLineEdit *m_clientId;
    QLabel *m_error;
};

} // namespace pasalista
