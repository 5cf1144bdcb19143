#pragma once

#include <QDialog>
#include <QList>
#include <QUrl>

#include <functional>
#include <memory>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;

namespace pasalista {

class Session;
class SignInFlow;

// Signing in to a Salesforce org: choose where (production, sandbox, My Domain, another
// address), then finish in the system browser while this dialog waits, with a link to copy
// when no browser opens. Accepted once signed in; takeSession() hands the session over
// (to AccountManager::adopt).
class SignInDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SignInDialog(QWidget *parent = nullptr);
    ~SignInDialog() override;

    // Preselects where to sign in, e.g. the login URL of an account whose sign-in ended.
    void setLoginUrl(const QUrl &loginUrl);
    void setClientId(const QString &clientId) { m_clientId = clientId; }
    // The loopback callback ports to try (AccountManager::callbackPorts()).
    void setCallbackPorts(const QList<quint16> &ports) { m_callbackPorts = ports; }
    // Default: QDesktopServices::openUrl. Tests play the browser here.
    void setBrowserOpener(std::function<bool(const QUrl &)> opener) { m_openBrowser = opener; }

    std::unique_ptr<Session> takeSession();
    QUrl authorizationUrl() const { return m_authorizationUrl; }

public Q_SLOTS:
    void startSignIn();
    void reject() override;

private:
    void buildForm(QWidget *page);
    void buildWaiting(QWidget *page);
    void onKindChanged(int index);
    void onAuthorizationUrl(const QUrl &url);
    void onSucceeded();
    void onFailed(const QString &message);
    void copyLink();
    void showForm(const QString &error);
    void growToFitText();

    QStackedWidget *m_pages = nullptr;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_address = nullptr;
    QLabel *m_addressLabel = nullptr;
    QLabel *m_formError = nullptr;
    QLabel *m_waitingText = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_copyLink = nullptr;
    QPushButton *m_openAgain = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_signInButton = nullptr;

    QString m_clientId = QStringLiteral("pasalista");
    QList<quint16> m_callbackPorts;
    std::function<bool(const QUrl &)> m_openBrowser;
    std::unique_ptr<SignInFlow> m_flow;
    std::unique_ptr<Session> m_session;
    QUrl m_authorizationUrl;
};

} // namespace pasalista
