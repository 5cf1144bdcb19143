#include "orgsetupdialog.h"

#include "auth/loginhost.h"
#include "auth/orgsettings.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace pasalista {

OrgSetupDialog::OrgSetupDialog(OrgSettings &settings, QWidget *parent)
    : QDialog(parent), m_settings(settings), m_loginUrl(new QLineEdit(this)),
      m_clientId(new QLineEdit(this)), m_error(new QLabel(this))
{
    setWindowTitle(tr("Your organisation's Salesforce"));
    auto *text = new QLabel(tr("Pasalista needs two things from your Salesforce administrator: "
                               "the address where your organisation signs in, and the consumer "
                               "key of its Pasalista app."),
                            this);
    text->setWordWrap(true);
    m_loginUrl->setObjectName(QStringLiteral("loginUrl"));
    m_loginUrl->setPlaceholderText(QStringLiteral("https://yourorg.my.salesforce.com"));
    m_loginUrl->setText(settings.loginUrl().toString());
    lockIfSet(m_loginUrl, settings.isLoginUrlLocked());
    m_clientId->setObjectName(QStringLiteral("clientId"));
    m_clientId->setPlaceholderText(QStringLiteral("3MVG9…"));
    m_clientId->setText(settings.clientId());
    lockIfSet(m_clientId, settings.isClientIdLocked());
    m_error->setWordWrap(true);
    m_error->setForegroundRole(QPalette::PlaceholderText);
    m_error->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("&Login address:"), m_loginUrl);
    form->addRow(tr("&Consumer key:"), m_clientId);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &OrgSetupDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &OrgSetupDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(480);
}

QString OrgSetupDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void OrgSetupDialog::accept()
{
    QString error;
    const QUrl loginUrl = LoginHost::parse(m_loginUrl->text().trimmed(), &error);
    if (loginUrl.isEmpty()) {
        m_error->setText(
            tr("The login address is not one Pasalista can sign in at: %1").arg(error));
    } else if (m_clientId->text().trimmed().isEmpty()) {
        m_error->setText(tr("Enter the consumer key of your organisation's Pasalista app."));
    } else {
        m_settings.setLoginUrl(loginUrl);
        m_settings.setClientId(m_clientId->text());
        QDialog::accept();
        return;
    }
    m_error->show();
}

void OrgSetupDialog::lockIfSet(QLineEdit *edit, bool locked)
{
    edit->setReadOnly(locked);
    if (locked) {
        edit->setToolTip(tr("Set by your administrator for every user of this computer."));
    }
}

} // namespace pasalista
