#include "welcomedialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace pasalista {

WelcomeDialog::WelcomeDialog(QWidget *parent)
    : QDialog(parent), m_signIn(new QPushButton(tr("&Sign in to your organisation"), this)),
      m_demo(new QPushButton(tr("&Explore the demo"), this))
{
    setWindowTitle(tr("Welcome to Pasalista"));
    auto *text = new QLabel(
        tr("Pasalista takes attendance on this computer, with or without internet, and sends it "
           "to your organisation's Salesforce when it can.\n\nSign in with the account your "
           "organisation gave you to see your courses, or explore a demo programme first "
           "(you can sign in later from the status bar)."),
        this);
    text->setWordWrap(true);
    m_signIn->setDefault(true);
    m_signIn->setAccessibleName(tr("Sign in to your organisation"));
    m_demo->setAccessibleName(tr("Explore the demo"));
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_demo, QDialogButtonBox::ActionRole);
    buttons->addButton(m_signIn, QDialogButtonBox::AcceptRole);
    connect(m_signIn, &QPushButton::clicked, this, [this] { done(SignIn); });
    connect(m_demo, &QPushButton::clicked, this, [this] { done(ExploreDemo); });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addWidget(buttons);
    setMinimumWidth(480);
}

} // namespace pasalista
