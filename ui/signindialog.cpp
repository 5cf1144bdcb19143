#include "signindialog.h"

#include "auth/loginhost.h"
#include "auth/session.h"
#include "auth/signinflow.h"
#include "screenreader.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace pasalista {

namespace {
enum Page
{
    FormPage,
    WaitingPage
};
}

SignInDialog::SignInDialog(QWidget *parent)
    : QDialog(parent), m_openBrowser([](const QUrl &url) { return QDesktopServices::openUrl(url); })
{
    setWindowTitle(tr("Sign in to Salesforce"));
    m_pages = new QStackedWidget(this);
    auto *form = new QWidget(m_pages);
    auto *waiting = new QWidget(m_pages);
    buildForm(form);
    buildWaiting(waiting);
    m_pages->addWidget(form);
    m_pages->addWidget(waiting);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_signInButton = m_buttons->addButton(tr("Sign in"), QDialogButtonBox::AcceptRole);
    m_signInButton->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SignInDialog::startSignIn);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SignInDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);
    layout->addWidget(m_buttons);
    onKindChanged(m_kind->currentIndex());
}

SignInDialog::~SignInDialog() = default;

void SignInDialog::buildForm(QWidget *page)
{
    m_kind = new QComboBox(page);
    m_kind->addItem(tr("Production (login.salesforce.com)"), int(LoginHost::Kind::Production));
    m_kind->addItem(tr("Sandbox (test.salesforce.com)"), int(LoginHost::Kind::Sandbox));
    m_kind->addItem(tr("My Domain"), int(LoginHost::Kind::MyDomain));
    m_kind->addItem(tr("Another address"), int(LoginHost::Kind::Custom));
    connect(m_kind, &QComboBox::currentIndexChanged, this, &SignInDialog::onKindChanged);
    m_address = new QLineEdit(page);
    m_addressLabel = new QLabel(page);
    m_formError = new QLabel(page);
    m_formError->setWordWrap(true);
    m_formError->setStyleSheet(QStringLiteral("color: palette(link);"));
    m_formError->hide();

    auto *intro = new QLabel(tr("Sign in with your programme's Salesforce account. Your browser "
                                "opens to finish signing in."),
                             page);
    intro->setWordWrap(true);
    auto *layout = new QFormLayout(page);
    layout->addRow(intro);
    layout->addRow(tr("Org:"), m_kind);
    layout->addRow(m_addressLabel, m_address);
    layout->addRow(m_formError);
}

void SignInDialog::buildWaiting(QWidget *page)
{
    m_waitingText = new QLabel(page);
    m_waitingText->setWordWrap(true);
    m_progress = new QProgressBar(page);
    m_progress->setRange(0, 0); // busy: we cannot know how long the teacher takes
    m_progress->setTextVisible(false);
    m_copyLink = new QPushButton(tr("Copy link"), page);
    m_copyLink->setToolTip(tr("Copy the sign-in address to paste it into a browser yourself."));
    m_openAgain = new QPushButton(tr("Open browser again"), page);
    connect(m_copyLink, &QPushButton::clicked, this, &SignInDialog::copyLink);
    connect(m_openAgain, &QPushButton::clicked, this,
            [this] { m_openBrowser(m_authorizationUrl); });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_copyLink);
    buttons->addWidget(m_openAgain);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_waitingText);
    layout->addWidget(m_progress);
    layout->addLayout(buttons);
    layout->addStretch();
}

void SignInDialog::setLoginUrl(const QUrl &loginUrl)
{
    const QString host = loginUrl.host().toLower();
    LoginHost::Kind kind = LoginHost::Kind::Custom;
    if (host == QLatin1String("login.salesforce.com"))
        kind = LoginHost::Kind::Production;
    else if (host == QLatin1String("test.salesforce.com"))
        kind = LoginHost::Kind::Sandbox;
    else if (host.endsWith(QLatin1String(".my.salesforce.com")))
        kind = LoginHost::Kind::MyDomain;
    m_kind->setCurrentIndex(m_kind->findData(int(kind)));
    m_address->setText(kind == LoginHost::Kind::MyDomain ? host : loginUrl.toString());
}

std::unique_ptr<Session> SignInDialog::takeSession()
{
    return std::move(m_session);
}

void SignInDialog::onKindChanged(int index)
{
    const auto kind = LoginHost::Kind(m_kind->itemData(index).toInt());
    const bool needsAddress = kind == LoginHost::Kind::MyDomain || kind == LoginHost::Kind::Custom;
    m_address->setVisible(needsAddress);
    m_addressLabel->setVisible(needsAddress);
    if (kind == LoginHost::Kind::MyDomain) {
        m_addressLabel->setText(tr("My Domain:"));
        m_address->setPlaceholderText(tr("yourprogramme.my.salesforce.com"));
    } else {
        m_addressLabel->setText(tr("Address:"));
        m_address->setPlaceholderText(QStringLiteral("https://"));
    }
}

void SignInDialog::startSignIn()
{
    QString error;
    const auto kind = LoginHost::Kind(m_kind->currentData().toInt());
    const QUrl loginUrl = LoginHost::urlFor(kind, m_address->text(), &error);
    if (loginUrl.isEmpty()) {
        showForm(error);
        return;
    }
    m_flow = std::make_unique<SignInFlow>();
    m_flow->setClientId(m_clientId);
    if (!m_callbackPorts.isEmpty())
        m_flow->setCallbackPorts(m_callbackPorts);
    connect(m_flow.get(), &SignInFlow::authorizationUrlReady, this,
            &SignInDialog::onAuthorizationUrl);
    connect(m_flow.get(), &SignInFlow::succeeded, this, &SignInDialog::onSucceeded);
    connect(m_flow.get(), &SignInFlow::failed, this,
            [this](SignInFlow::Failure, const QString &message) { onFailed(message); });
    m_waitingText->setText(
        tr("Finish signing in to %1 in your browser. Pasalista waits here.").arg(loginUrl.host()));
    m_pages->setCurrentIndex(WaitingPage);
    m_signInButton->setEnabled(false);
    growToFitText();
    m_flow->start(loginUrl);
}

void SignInDialog::onAuthorizationUrl(const QUrl &url)
{
    m_authorizationUrl = url;
    if (!m_openBrowser(url)) {
        m_waitingText->setText(tr("Pasalista could not open a browser. Copy the link, paste it "
                                  "into a browser on this computer and sign in there."));
        growToFitText();
    }
}

void SignInDialog::onSucceeded()
{
    m_session = m_flow->takeSession();
    accept();
}

void SignInDialog::onFailed(const QString &message)
{
    // A cancelled flow was our own doing (reject()); anything else goes back to the form.
    if (m_flow && m_flow->failure() == SignInFlow::Failure::Cancelled)
        return;
    showForm(message);
}

void SignInDialog::copyLink()
{
    QApplication::clipboard()->setText(m_authorizationUrl.toString(QUrl::FullyEncoded));
    m_copyLink->setText(tr("Link copied"));
}

void SignInDialog::showForm(const QString &error)
{
    m_formError->setText(error);
    m_formError->setVisible(!error.isEmpty());
    if (!error.isEmpty()) {
        ScreenReader::alert(m_formError);
    }
    m_pages->setCurrentIndex(FormPage);
    m_signInButton->setEnabled(true);
    m_copyLink->setText(tr("Copy link"));
    growToFitText();
}

// A text set once the dialog is shown (no browser, an error) may need more lines than the
// page was given: the stack's height follows its pages' size hints, not a wrapped label's
// lines at the width it has. The dialog grows by what the page lacks, at any scale.
void SignInDialog::growToFitText()
{
    layout()->activate();
    QWidget *page = m_pages->currentWidget();
    QLayout *pageLayout = page->layout();
    const int needed = pageLayout->hasHeightForWidth()
                           ? pageLayout->totalHeightForWidth(page->width())
                           : pageLayout->totalMinimumSize().height();
    const int missing = needed - page->height();
    if (missing > 0) {
        resize(width(), height() + missing);
    }
}

void SignInDialog::reject()
{
    if (m_flow)
        m_flow->cancel();
    QDialog::reject();
}

} // namespace pasalista
